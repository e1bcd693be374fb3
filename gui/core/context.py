"""What every tab receives in its constructor."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from gui.core.workers import JobRunner


class SessionLog(QObject):
    """Every step taken in any tab, in order: what File → Export writes out.

    A step is ``(tab_key, CodeStep)``; the code of all steps of one tab, run in order after
    ``engine.core.codegen.PREAMBLE``, reproduces what that tab shows.
    """

    step_added = Signal(str, object)  # tab key, CodeStep

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[tuple[str, object]] = []

    def add(self, tab_key: str, step: object) -> None:
        self._steps.append((tab_key, step))
        self.step_added.emit(tab_key, step)

    def add_many(self, entries: Iterable[tuple[str, object]]) -> None:
        """Add ``(tab_key, step)`` pairs in order (``step_added`` for each, as ``add``)."""
        for tab_key, step in entries:
            self.add(tab_key, step)

    def replace(self, tab_key: str, old_steps: list, step: object) -> None:
        """Drop ``old_steps`` of ``tab_key`` (the very objects) and add ``step``: a re-run
        that supersedes earlier results leaves one version of them in the session."""
        gone = {id(old) for old in old_steps}
        self._steps = [(key, s) for key, s in self._steps if key != tab_key or id(s) not in gone]
        self.add(tab_key, step)

    def steps(self, tab_key: str | None = None) -> list:
        return [s for key, s in self._steps if tab_key is None or key == tab_key]

    def entries(self) -> list[tuple[str, object]]:
        """Every step with its tab key, ``(tab_key, CodeStep)``, in the order taken."""
        return list(self._steps)

    def clear(self) -> None:
        self._steps.clear()


@dataclass
class AppContext:
    """Shared services: the job runner, the session log, the status bar, the workspace.

    ``workspace`` is the ``gui.core.workspace_model.WorkspaceModel`` of named tensors shared by
    the tabs (tests may pass their own).
    """

    runner: JobRunner
    session: SessionLog
    show_status: object  # callable(str, timeout_ms=0)
    workspace: object | None = None

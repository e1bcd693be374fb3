"""Building the tabs once the engine is loaded: one step per event-loop turn, jobs held.

Importing torch holds Python's GIL almost throughout, so the GUI thread cannot build widgets
"alongside" it (measured: the two serialise on 2 cores). What the window can do is keep
everything that does not make the tabs usable out of the way while they are built:

- ``JobGate``: the tabs submit their demo jobs while they are constructed (the Datasets
  tab's first load imports torchvision, ~4 s of GIL). A gate job holds the serial worker,
  so those jobs queue behind it and start once every tab is built, instead of competing
  with the building for the GIL.
- ``TabBuilder``: pyqtgraph's set-up and each tab are separate steps, one per event-loop
  turn, so the window repaints and answers input between them; the tab on show is built
  last. Each tab keeps its loading page until its own step has run. The held jobs start
  at the event-loop turn after the last step.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("torchscope")

GATE_MAX_WAIT_S = 120.0  # a safety net: the gate never holds the worker for ever


class JobGate:
    """A job on the serial worker that waits until ``open()``; later jobs queue behind it."""

    def __init__(self, runner, title: str) -> None:
        self._opened = threading.Event()
        runner.run(self._opened.wait, GATE_MAX_WAIT_S, title=title)  # waits without the GIL

    def open(self) -> None:
        self._opened.set()

    def is_open(self) -> bool:
        return self._opened.is_set()


class TabBuilder(QObject):
    """Runs ``steps`` one per event-loop turn behind a ``JobGate``; ``finished`` at the end."""

    finished = Signal()

    def __init__(self, runner, gate_title: str, steps: list[Callable[[], None]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._gate = JobGate(runner, gate_title)
        QTimer.singleShot(0, self, self._next)

    def release_jobs(self) -> None:
        """Let the held jobs run."""
        self._gate.open()

    def stop(self) -> None:
        """The window closes: build nothing more, and never hold the worker past closing."""
        self._steps.clear()
        self.release_jobs()

    def is_done(self) -> bool:
        return not self._steps

    def _next(self) -> None:
        if not self._steps:
            return  # stopped
        step = self._steps.pop(0)
        try:
            step()
        except Exception:  # a step that fails must not stop the others (tabs report their own)
            log.exception("A start-up step failed")
        if self._steps:
            QTimer.singleShot(0, self, self._next)
            return
        self.finished.emit()
        # One turn later: the window first lays out and paints its finished tabs (measured:
        # ~80 ms when the demo jobs took the GIL from that paint), then the jobs start.
        QTimer.singleShot(0, self, self.release_jobs)

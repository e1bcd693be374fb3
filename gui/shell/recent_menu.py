"""File → Open recent: the last workspaces opened or saved (QSettings, newest first).

The list is rebuilt each time the menu opens. A file that no longer exists stays listed,
greyed out, with "(missing)" and its path as tooltip, until "Remove missing files" or
"Clear list" drops it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from gui.core.retranslate import Retranslatable
from gui.session import dialogs


class RecentMenu(Retranslatable, QMenu):
    """Numbered entries (``&1 name.torchscope``); choosing one calls ``open_path(path)``."""

    def __init__(self, open_path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_path = open_path
        self.prune_action = QAction(self)
        self.clear_action = QAction(self)
        # Through lambdas: PySide 6.11 did not call these argument-less methods directly.
        self.prune_action.triggered.connect(lambda _checked=False: self._on_prune())
        self.clear_action.triggered.connect(lambda _checked=False: self._on_clear())
        self.aboutToShow.connect(self.rebuild)
        self._retranslate()
        self.rebuild()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Open &recent"))
        self.prune_action.setText(self.tr("Remove &missing files"))
        self.clear_action.setText(self.tr("&Clear list"))
        if self.isVisible():  # else rebuilt when it opens (reading the settings is slow)
            self.rebuild()

    def rebuild(self) -> None:
        for action in self.actions():  # not clear(): it would delete the two own actions
            self.removeAction(action)
            if action not in (self.prune_action, self.clear_action):
                action.deleteLater()
        paths = dialogs.recent_files()
        for number, path in enumerate(paths, start=1):
            self.addAction(self._entry(number, path))
        if not paths:
            empty = self.addAction(self.tr("No recent workspaces"))
            empty.setEnabled(False)
        self.addSeparator()
        self.addAction(self.prune_action)
        self.addAction(self.clear_action)
        self.prune_action.setEnabled(any(not p.exists() for p in paths))
        self.clear_action.setEnabled(bool(paths))

    def _entry(self, number: int, path: Path) -> QAction:
        name = path.name.replace("&", "&&")
        prefix = f"&{number} " if number < 10 else ""
        action = QAction(f"{prefix}{name}", self)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        if not path.exists():
            action.setText(self.tr("{entry} (missing)").format(entry=f"{prefix}{name}"))
            action.setEnabled(False)
        action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        return action

    def entries(self) -> list[QAction]:
        """The file entries (tests and the shell's own checks)."""
        return [a for a in self.actions() if a.toolTip() and not a.isSeparator()
                and a not in (self.prune_action, self.clear_action)]

    def _on_prune(self) -> None:
        for path in dialogs.recent_files():
            if not path.exists():
                dialogs.remove_recent(path)
        self.rebuild()

    def _on_clear(self) -> None:
        dialogs.clear_recent()
        self.rebuild()

"""Files dropped anywhere on the main window: workspaces open, tensor files are imported.

The window accepts drops, so a drag over any widget that does not take drops itself reaches
it; widgets that do (text fields, which would paste the path as text) are watched too once
the tabs are built (``watch_children``). Only local files are taken. What a
drop does: ``.torchscope`` → open the workspace (after asking about unsaved changes);
``.pt`` / ``.npy`` → import their tensors into the workspace on the worker; anything else →
a message saying what can be dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.session.dialogs import WORKSPACE_SUFFIX

TENSOR_SUFFIXES = (".pt", ".pth", ".npy")
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DropHandler(QObject):
    """Watches drag and drop events aimed at ``window`` (see the module docstring)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def watch_children(self) -> None:
        """Also catch file drops on the window's widgets that accept drops themselves."""
        for widget in self._window.findChildren(QWidget):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() not in _DRAG_EVENTS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        paths = dropped_paths(event.mimeData())
        if not paths:
            return False
        event.setDropAction(event.proposedAction())
        event.accept()
        if event.type() == QEvent.Type.Drop:
            for path in paths:
                self.open_path(path)
        return True

    def open_path(self, path: Path) -> None:
        """What a drop of ``path`` does; also used by tests."""
        actions = self._window.session_actions
        suffix = path.suffix.lower()
        if suffix == WORKSPACE_SUFFIX:
            actions.open_checked(path)
        elif suffix in TENSOR_SUFFIXES:
            actions.import_tensor_file(path)
        else:
            QMessageBox.warning(self._window, self.tr("Cannot open this file"), self.tr(
                "TorchScope cannot open “{name}”. Drop a workspace (.torchscope), a PyTorch "
                "tensor file (.pt) or a NumPy array (.npy).").format(name=path.name))

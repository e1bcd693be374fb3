"""File → Export…: the session as a script or a notebook, and the current tensor as a file.

Files are written by ``ctx.runner`` jobs (``engine.session.export``,
``engine.session.tensor_export``). "Export current tensor…" exports what the shown tab
offers through ``TensorSource``; else the Tensors tab's selected workspace tensor
(``TensorSelection``); else the user picks one of the workspace's tensors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from gui.session import dialogs as export_dialog
from gui.session.participants import TensorSelection, TensorSource

if TYPE_CHECKING:
    import torch


def _write_session(*args, **kwargs) -> str:
    """``engine.session.export.write_session``, imported on the worker with its first use:
    the GUI thread never compiles or runs the exporter's modules."""
    from engine.session.export import write_session

    return write_session(*args, **kwargs)


class SessionExports(QObject):
    """Exports the session's steps and the current tensor of one main window."""

    def __init__(self, window, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def export_session(self, kind: str, tab_key: str | None = None) -> None:
        """Export every step, or with ``tab_key`` only that tab's (the code panel's menu)."""
        entries = [entry for entry in self._window.session.entries()
                   if tab_key is None or entry[0] == tab_key]
        if not entries:
            QMessageBox.information(self._window, self.tr("Export"), self.tr(
                "Nothing to export yet: take a step in any tab first."))
            return
        path = export_dialog.ask_session_export_path(self._window, kind)
        if path is None:
            return
        self._window.runner.run(
            _write_session, entries, path, kind=kind, title=self.tr("Exporting session"),
            on_result=lambda _kind: self._window.show_status(
                self.tr("Session exported to {path}").format(path=path), 8000),
            on_error=lambda message, _exc: QMessageBox.warning(
                self._window, self.tr("Session not exported"), message))

    def current_tensor(self) -> tuple[str, torch.Tensor] | None:
        """``(name, tensor)`` to export, or None (see the module docstring)."""
        tab = self._window.tabs.get(self._window.current_tab_key())
        found = tab.current_tensor() if isinstance(tab, TensorSource) else None
        if found:
            return found
        model = self._window.workspace
        names = model.names()
        selection = self._window.tabs.get("tensors")
        preferred = selection.current_name() if isinstance(selection, TensorSelection) else ""
        if preferred not in names:
            if not names:
                return None
            preferred = names[0]
            if len(names) > 1:
                preferred, ok = QInputDialog.getItem(self._window, self.tr("Export tensor"),
                                                     self.tr("Tensor to export:"), names, 0,
                                                     False)
                if not ok:
                    return None
        return preferred, model.workspace.get(preferred)

    def export_current_tensor(self) -> None:
        from engine.session.tensor_export import export_tensor

        found = self.current_tensor()
        if found is None:
            if not self._window.workspace.names():
                QMessageBox.information(self._window, self.tr("Export tensor"), self.tr(
                    "There is no tensor to export yet: create one in the Tensors tab."))
            return
        name, tensor = found
        path = export_dialog.ask_tensor_export_path(self._window, name)
        if path is None:
            return
        self._window.runner.run(
            export_tensor, tensor, path, title=self.tr("Exporting tensor"),
            on_result=lambda result: self._on_tensor_exported(name, result),
            on_error=lambda message, _exc: QMessageBox.warning(
                self._window, self.tr("Tensor not exported"), message))

    def _on_tensor_exported(self, name: str, result) -> None:
        text = self.tr("Saved {name} to {path}.").format(name=name, path=result.path)
        self._window.show_status(" ".join(p for p in (text, result.note) if p), 15000)

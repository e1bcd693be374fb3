"""Tensor files (``.pt`` / ``.npy``) read on the worker into the workspace (dropped
files), by ``engine.session.tensor_import``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox


class TensorImports(QObject):
    """Imports tensor files into one main window's workspace."""

    def __init__(self, window, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def import_tensor_file(self, path: Path) -> None:
        """Read a ``.pt`` / ``.npy`` file on the worker; its tensors join the workspace."""
        from engine.session.tensor_import import import_tensors

        self._window.runner.run(
            import_tensors, path, title=self.tr("Importing tensors"),
            on_result=self._on_tensors_imported,
            on_error=lambda message, _exc: QMessageBox.warning(
                self._window, self.tr("Tensors not imported"), message))

    def _on_tensors_imported(self, result) -> None:
        model = self._window.workspace
        names = []
        for suggested, tensor in result.tensors.items():
            name = model.workspace.suggest_name(suggested)
            model.keep(name, tensor)
            names.append(name)
        # Two messages, not a numerus form: without an English catalogue Qt shows "(s)".
        text = (self.tr("Imported 1 tensor from {file}: {names}") if len(names) == 1 else
                self.tr("Imported {count} tensors from {file}: {names}"))
        text = text.replace("{count}", str(len(names)))
        self._window.show_status(text.format(file=Path(result.path).name,
                                             names=", ".join(names)), 10000)


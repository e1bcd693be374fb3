"""File → Export…: write the session's steps as a runnable Python script."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.context import SessionLog


def export_session(parent: QWidget, session: SessionLog) -> Path | None:
    """Ask for a file name and write every step taken so far; returns the path written."""
    from engine.codegen import as_script

    steps = session.steps()
    if not steps:
        QMessageBox.information(parent, QCoreApplication.translate("SessionExport", "Export"),
                                QCoreApplication.translate("SessionExport", "Nothing to export yet: take a step in any tab first."))
        return None
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("SessionExport", "Export session as Python"),
                                          "torchscope_session.py", "Python (*.py)")
    if not name:
        return None
    path = Path(name)
    try:
        path.write_text(as_script(steps), encoding="utf-8")
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("SessionExport", "Export"),
                            QCoreApplication.translate("SessionExport", "Could not write {path}: {error}").format(path=path,
                                                                                 error=exc))
        return None
    return path

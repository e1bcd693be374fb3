"""The status bar keeps its height when a cancellable job shows the Cancel button."""

from __future__ import annotations


def test_the_status_area_is_as_tall_without_cancel_as_with_it(qtbot, runner):
    from PySide6.QtWidgets import QMainWindow

    from gui.shell.status_area import StatusArea

    window = QMainWindow()
    qtbot.addWidget(window)
    area = StatusArea(runner)
    window.statusBar().addPermanentWidget(area)
    window.show()
    qtbot.waitExposed(window)
    idle = window.statusBar().sizeHint().height()
    area.progress.show()
    area.cancel_button.show()
    assert window.statusBar().sizeHint().height() == idle  # the window is not re-laid out
    window.close()

"""The note under the viewer keeps its height: a two-line note does not resize the viewer."""

from __future__ import annotations

from tests.conftest import wait_idle


def test_a_two_line_note_leaves_the_viewer_as_tall(qtbot, ctx):
    from PySide6.QtWidgets import QApplication

    from gui.tensors.tab import TensorsTab

    tab = TensorsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    wait_idle(qtbot, ctx.runner)
    tab.note_label.setText("one line")
    QApplication.sendPostedEvents()
    tall = tab.viewer.height()
    tab.note_label.setText("bigT: shape (4096, 4096), dtype float32\n"
                           "bigT shares memory with big: it is a view, not a copy")
    QApplication.sendPostedEvents()
    assert tab.viewer.height() == tall
    assert "shares memory" in tab.note_label.text()  # nothing cut

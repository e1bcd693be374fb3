"""The node-details panel: refilled once per new node, the viewer drawn once per refill."""

from __future__ import annotations

from types import SimpleNamespace

import torch

from engine.core.snapshot import snapshot


def _details(index: int):
    produced = snapshot(torch.arange(6.0).reshape(2, 3), name=f"out{index}")
    return SimpleNamespace(index=index, class_name="MulBackward0", next_functions=[],
                           produced=produced, leaf=None, leaf_grad=None, saved=[])


def test_a_new_node_shows_its_tensor_without_clearing_the_viewer_first(qtbot):
    from gui.autograd.details import NodeDetailsPanel

    panel = NodeDetailsPanel()
    qtbot.addWidget(panel)
    panel.set_details(_details(1))
    cleared: list = []
    panel.viewer.clear = lambda: cleared.append(True)
    second = _details(2)
    panel.set_details(second)
    assert cleared == []
    assert panel.viewer.current_plane().tolist() == second.produced.values.tolist()
    assert panel.entries.currentRow() == 0 and panel.entry_texts()[0].startswith("Produced")


def test_the_same_node_again_changes_nothing_and_clearing_still_clears(qtbot):
    from gui.autograd.details import NodeDetailsPanel

    panel = NodeDetailsPanel()
    qtbot.addWidget(panel)
    details = _details(1)
    panel.set_details(details)
    first_item = panel.entries.item(0)
    panel.set_details(details)
    assert panel.entries.item(0) is first_item  # not rebuilt
    panel.clear()
    assert panel.entries.count() == 0 and panel.viewer.current_plane() is None
    assert panel.title.text() == "Node details"


def test_clearing_the_panel_leaves_the_viewer_where_it_was(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    from gui.autograd.details import NodeDetailsPanel

    panel = NodeDetailsPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 600)  # the details column
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_details(_details(1))  # a one-line summary

    def viewer_geometry():
        for _level in range(8):  # every pending layout, level by level
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return panel.viewer.geometry(), panel.entries.geometry()

    shown = viewer_geometry()
    panel.clear()  # a two-line text in its place
    assert viewer_geometry() == shown
    panel.hide()

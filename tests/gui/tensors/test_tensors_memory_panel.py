"""Memory & shape: storage strips, alias vs copy with edits, and the NumPy bridge."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from tests.conftest import wait_idle


@pytest.fixture
def panel(qtbot, ctx):
    from gui.tensors.memory_panel import MemoryPanel

    ctx.workspace.keep("a", torch.arange(6.0).reshape(2, 3))
    shown: list = []

    def show_result(result):  # what the Tensors tab does: remember it, keep its tensor
        shown.append(result)
        if getattr(result, "name", None) and getattr(result, "tensor", None) is not None:
            ctx.workspace.keep(result.name, result.tensor)

    widget = MemoryPanel(ctx, show_result)
    qtbot.addWidget(widget)
    widget.resize(360, 900)
    widget.shown = shown
    return widget


def test_transpose_is_a_view_and_the_strip_maps_elements_to_storage(qtbot, ctx, panel):
    section = panel.shape_section
    section.set_op("transpose", "0, 1")
    section.apply()
    wait_idle(qtbot, ctx.runner)
    result = panel.shown[-1]
    assert result.step.code == "b = a.transpose(0, 1)"
    assert "view of the same storage" in section.verdict_label.text()
    strip = section.result_strip
    assert strip.storage_map().offsets.tolist() == [[0, 3], [1, 4], [2, 5]]
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                     pos=strip.element_rect(1).center().toPoint())
    assert strip.highlighted_elements() == {1} and strip.highlighted_storage() == {3}
    assert section.hover_label.text() == "b[0, 1] reads storage[3] = 3"
    strip.select_storage(4)
    assert strip.highlighted_elements() == {3}  # b[1, 1] reads storage cell 4
    assert section.hover_label.text() == "storage[4] is read by 1 element of b"


def test_reshape_of_a_transpose_is_a_copy(qtbot, ctx, panel):
    section = panel.shape_section
    section.set_op("transpose", "0, 1")
    section.fields["result"].setText("at")
    section.apply()
    wait_idle(qtbot, ctx.runner)
    section.set_current_name("at")  # the tab selects the new result: the input follows it
    assert section.fields["source"].currentText() == "at"
    section.set_op("reshape", "6")
    section.fields["result"].setText("flat")
    section.apply()
    wait_idle(qtbot, ctx.runner)
    assert "copy" in section.verdict_label.text()
    assert section.result_strip.storage_map().offsets.tolist() == list(range(6))


def test_squeeze_noop_is_explained_and_bad_args_go_beside_the_field(qtbot, ctx, panel):
    section = panel.shape_section
    section.set_op("squeeze", "1")
    section.apply()
    wait_idle(qtbot, ctx.runner)
    assert "not 1" in section.note_label.text()
    section.set_op("view", "4")
    section.apply()
    wait_idle(qtbot, ctx.runner)
    assert "invalid for input of size 6" in section.error_text("args")
    assert section.fields["args"].text() == "4"


def test_alias_kinds_show_which_b_changes(qtbot, ctx, panel):
    panel.show_demo("alias")
    section = panel.alias_section
    for kind, name in (("clone", "b_clone"), ("view", "b_view")):
        section.set_kind(kind)
        section.fields["result"].setText(name)
        section.make()
        wait_idle(qtbot, ctx.runner)
    assert "shares storage" in section.storage_label.text()
    section.fields["index"].setText("0, 1")
    section.fields["value"].setText("561")
    section.edit()
    wait_idle(qtbot, ctx.runner)
    rows = {row[0]: row[2] for row in section.table_rows()}
    assert "own storage" in rows["b_clone"] and "unchanged" in rows["b_clone"]
    assert "shares storage" in rows["b_view"] and rows["b_view"].endswith("changed")
    assert section.a_grid.changed_count() == 1 and section.b_grid.changed_count() == 1
    assert panel.shown[-1].step.code == "a[0, 1] = 561"


def test_alias_edit_with_a_bad_index_is_refused(qtbot, ctx, panel):
    section = panel.alias_section
    section.fields["index"].setText("9, 9")
    section.edit()
    wait_idle(qtbot, ctx.runner)
    assert "outside dimension 0" in section.error_text("index")
    assert torch.equal(ctx.workspace.workspace.get("a"), torch.arange(6.0).reshape(2, 3))


def test_numpy_bridge_side_by_side(qtbot, ctx, panel):
    panel.show_demo("numpy")
    section = panel.numpy_section
    section.build()
    wait_idle(qtbot, ctx.runner)
    assert "shares memory" in section.states["t_shared"].text()
    assert "own memory" in section.states["t_copy"].text()
    section.fields["target"].setCurrentText("arr")
    section.fields["value"].setText("100")
    section.edit()
    wait_idle(qtbot, ctx.runner)
    assert "changed!" in section.states["t_shared"].text()
    assert "changed!" not in section.states["t_copy"].text()
    assert section.grids["t_shared"].changed_count() == 1
    assert section.grids["t_copy"].changed_count() == 0
    section.fields["index"].setText("5, 5")
    section.edit()
    wait_idle(qtbot, ctx.runner)
    assert "inside the shape" in section.error_text("index")


def test_panel_follows_the_language(qtbot, panel):
    from gui.shell.language import install_language

    try:
        install_language("es")
        qtbot.waitUntil(lambda: panel.demo_combo.itemText(2) == "Puente con NumPy",
                        timeout=5000)
        assert panel.shape_section.apply_button.text() == "Aplicar"
        assert panel.alias_section.make_button.text() == "Crear b"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: panel.shape_section.apply_button.text() == "Apply", timeout=5000)

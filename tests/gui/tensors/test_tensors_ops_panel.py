"""The Operate section: fields → job → show_result, errors beside their field."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.i18n.messages import render
from tests.conftest import wait_idle


@pytest.fixture
def panel(qtbot, ctx):
    from gui.tensors.ops_panel import OperationsPanel

    ctx.workspace.keep("a", torch.tensor([[0.5, 1.0, 2.0], [3.0, 4.0, 5.0]]))
    ctx.workspace.keep("b", torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    ctx.workspace.keep("i", torch.tensor([[1, 5, 11], [2, 7, 10]]))
    shown: list = []
    widget = OperationsPanel(ctx, shown.append)
    qtbot.addWidget(widget)
    widget.shown = shown
    return widget


def run(qtbot, ctx, panel):
    panel.run()
    wait_idle(qtbot, ctx.runner)


def test_expression_runs_and_reproduces(qtbot, ctx, panel):
    panel.set_group("expression")
    panel.fields["expression"].setText("(a + 1) * b ** 2")
    panel.fields["result"].setText("e")
    run(qtbot, ctx, panel)
    result = panel.shown[-1]
    a, b = ctx.workspace.workspace.get("a"), ctx.workspace.workspace.get("b")
    np.testing.assert_allclose(result.snapshot.values, ((a + 1) * b**2).numpy())
    assert result.step.code == "e = (a + 1) * b ** 2" and result.name == "e"
    assert "e: shape (2, 3), dtype float32" in render(result.summary)
    assert not panel.error_text("expression")


@pytest.mark.parametrize(("text", "words"), [
    ("a.__class__", "column 1: `Tensor.__class__` is not part of TorchScope's PyTorch"),
    ("a * getattr(a, 'sum')", "column 5: `getattr` is not part of TorchScope's PyTorch"),
    ("torch.load('x.pt')", "column 1: `torch.load` is not part of TorchScope's PyTorch"),
    ("torch.zeros(100000, 100000) + a", "column 1: A tensor of shape (100000, 100000)"),
])
def test_expression_with_python_tricks_is_refused_beside_the_field(qtbot, ctx, panel, text,
                                                                    words):
    panel.set_group("expression")
    panel.fields["expression"].setText(text)
    run(qtbot, ctx, panel)
    assert words in panel.error_text("expression")
    assert panel.shown == [] and panel.fields["expression"].text() == text
    assert ctx.workspace.workspace.names() == ["a", "b", "i"]


def test_inplace_sin_changes_the_tensor_and_reports_memory(qtbot, ctx, panel):
    panel.set_op("sin")
    panel.set_current_name("a")
    panel.set_mode("inplace")
    assert "a.sin_()" in panel.mode_buttons["inplace"].text()
    a = ctx.workspace.workspace.get("a")
    expected = torch.sin(a)
    run(qtbot, ctx, panel)
    result = panel.shown[-1]
    assert result.name == "a" and result.tensor is a and result.step.code == "a.sin_()"
    assert torch.allclose(a, expected)
    assert result.memory.same_data_ptr and result.memory.version_after == 1


def test_out_form_writes_into_the_chosen_tensor(qtbot, ctx, panel):
    panel.set_op("add")
    panel.set_current_name("a")
    panel.fields["other"].setEditText("b")
    panel.set_mode("out")
    panel.out_combo.setCurrentText("b")
    assert panel.out_combo.isEnabled() and not panel.fields["result"].isEnabled()
    b = ctx.workspace.workspace.get("b")
    run(qtbot, ctx, panel)
    result = panel.shown[-1]
    assert result.tensor is b and result.step.code == "torch.add(a, b, out=b)"


def test_bitwise_on_floats_shows_the_message_and_pytorch_text(qtbot, ctx, panel):
    panel.set_op("bitwise_xor")
    panel.set_current_name("a")
    panel.fields["other"].setEditText("b")
    run(qtbot, ctx, panel)
    text = panel.error_text("source")
    assert "integer or bool" in text and "not implemented for 'Float'" in text
    assert panel.shown == [] and panel.fields["other"].currentText() == "b"


def test_rows_follow_the_operation(panel):
    panel.set_op("clamp")
    assert not panel.boxes["low"].isHidden() and not panel.boxes["high"].isHidden()
    assert panel.boxes["dim"].isHidden()
    panel.set_op("sum")
    assert not panel.boxes["dim"].isHidden() and panel.boxes["mode"].isHidden()
    assert not panel.item_check.isHidden()
    panel.set_op("matmul")
    assert not panel.boxes["other"].isHidden()
    assert panel.mode_buttons["inplace"].isHidden() and not panel.mode_buttons["out"].isHidden()
    panel.set_group("expression")
    assert panel.boxes["op"].isHidden() and not panel.boxes["expression"].isHidden()


def test_reduction_with_item_gives_a_number(qtbot, ctx, panel):
    panel.set_op("sum")
    panel.set_current_name("i")
    panel.item_check.setChecked(True)
    run(qtbot, ctx, panel)
    result = panel.shown[-1]
    assert result.value == 36 and result.snapshot is None
    assert "36" in render(panel.shown[-1].summary)


def test_svd_result_carries_u_s_vh(qtbot, ctx, panel):
    ctx.workspace.keep("m", torch.tensor([[3.0, 1.0], [1.0, 2.0]]))
    panel.set_op("svd")
    panel.set_current_name("m")
    panel.fields["result"].setText("m")
    run(qtbot, ctx, panel)
    result = panel.shown[-1]
    assert [s.name for s in result.extra_snapshots] == ["m_U", "m_S", "m_Vh"]


def test_dim_out_of_range_is_shown_beside_dim(qtbot, ctx, panel):
    panel.set_op("max")
    panel.set_current_name("a")
    panel.dim_edit.setText("4")
    run(qtbot, ctx, panel)
    assert "Dimension out of range" in panel.error_text("dim")


def test_names_follow_the_workspace(ctx, panel):
    ctx.workspace.keep("zz", torch.ones(2))
    combo = panel.fields["source"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["a", "b", "i", "zz"]


def test_panel_follows_the_language(qtbot, ctx, panel):
    from gui.shell.language import install_language

    try:
        install_language("es")
        qtbot.waitUntil(lambda: panel.run_button.text() == "Ejecutar", timeout=5000)
        assert panel.group_combo.itemText(0) == "Expresión aritmética"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: panel.run_button.text() == "Run", timeout=5000)


def test_name_fields_are_refilled_only_when_the_names_change(ctx, panel):
    source = panel.fields["source"]
    panel.set_current_name("b")
    cleared: list = []
    source.clear = lambda: cleared.append("source")  # refilling starts with clear()
    ctx.workspace.keep("a", torch.ones(2, 3))  # same names, new values
    assert cleared == [] and source.currentText() == "b"
    ctx.workspace.keep("c", torch.ones(2))  # a new name
    assert cleared == ["source"]
    assert source.findText("c") >= 0

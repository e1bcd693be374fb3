"""The Broadcasting tab as a user sees it: table, verdict, picture, highlights, code."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

from engine.core.codegen import PREAMBLE
from gui.broadcasting.tab import BroadcastingTab
from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    widget = BroadcastingTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 740)
    wait_idle(qtbot, ctx.runner)
    return widget


def _run(code: str) -> tuple[dict, str]:
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(PREAMBLE + code, namespace)  # noqa: S102 (the app's own generated code)
    return namespace, out.getvalue()


def _compute(qtbot, tab, shape_a: str, shape_b: str) -> None:
    tab.input_a.field.setText(shape_a)
    tab.input_b.field.setText(shape_b)
    tab.compute_button.click()
    wait_idle(qtbot, tab.ctx.runner)


def _scene_text(view) -> str:
    """Every text drawn in a picture view's scene."""
    items = view.scene().items()
    return " ".join(i.toPlainText() if isinstance(i, QGraphicsTextItem) else i.text()
                    for i in items if isinstance(i, QGraphicsTextItem | QGraphicsSimpleTextItem))


def _texts(cells) -> list[str]:
    return [cell.text for cell in cells]


def test_default_demo_shows_table_picture_and_code(tab, ctx):
    assert tab.input_a.field.text() == "(4, 3, 2)" and tab.input_b.field.text() == "(3, 1)"
    assert tab.table.rowCount() == 3
    assert [tab.table.item(r, 4).text() for r in range(3)] == ["4", "3", "2"]
    assert "stretched to 2" in tab.table.item(2, 3).text()
    assert "result shape (4, 3, 2)" in tab.verdict_label.text()
    assert "b.expand(4, 3, 2).stride() = (0, 1, 0)" in tab.stride_label.text()
    assert [len(tab.picture.cells(k)) for k in ("a", "b", "result")] == [24, 24, 24]
    assert sum(cell.faded for cell in tab.picture.cells("b")) == 21  # 3 real values in memory
    assert len(tab.code_panel.steps()) == 1 and len(ctx.session.steps("broadcasting")) == 1
    namespace, _ = _run(tab.code_panel.steps()[0].code)
    shown = np.array([float(t) for t in _texts(tab.picture.cells("result"))]).reshape(4, 3, 2)
    np.testing.assert_array_equal(namespace["c"].numpy(), shown)


def test_every_result_cell_highlights_the_cells_it_came_from(tab):
    result_cells = tab.picture.cells("result")
    for index, cell in enumerate(result_cells):
        tab.picture.highlight_result_cell(index)
        lit = tab.picture.highlighted()
        assert lit["result"] == [cell]
        memory_a, memory_b = lit["a"][0], lit["b"][0]
        assert not memory_a.faded and not memory_b.faded  # the value really in memory
        assert float(memory_a.text) * float(memory_b.text) == float(cell.text)
        assert all(c.text == memory_b.text for c in lit["b"])  # the copy holds the same value
    tab.picture.highlight_result_cell(23)
    assert tab.cell_label.text() == "c[3, 2, 1] = a[3, 2, 1] * b[2, 0] = 24 * 30 = 720"


def test_pointing_at_a_result_cell_with_the_mouse_highlights(tab, qtbot):
    tab.show()
    qtbot.waitExposed(tab)
    cell = tab.picture.cells("result")[5]
    point = tab.picture.mapFromScene(cell.sceneBoundingRect().center())
    qtbot.mouseMove(tab.picture.viewport(), point)
    qtbot.waitUntil(lambda: tab.picture.highlighted()["result"] == [cell])
    qtbot.mouseMove(tab.picture.viewport(), QPoint(2, 2))
    qtbot.mouseClick(tab.picture.viewport(), Qt.MouseButton.LeftButton, pos=point)  # pins it
    assert tab.picture.highlighted()["result"] == [cell]


def test_mismatch_shows_torch_text_and_failing_dim(tab, qtbot):
    tab.load_preset("mismatch")
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.torch_error.text() == ("The size of tensor a (3) must match the size of tensor "
                                      "b (2) at non-singleton dimension 1")
    assert "dimension 1 fails" in tab.verdict_label.text()
    assert tab.table.item(1, 4).text() == "✗" and "neither is 1" in tab.table.item(1, 3).text()
    assert tab.picture.cells("result") == [] and len(tab.picture.cells("a")) == 6
    _, printed = _run(tab.code_panel.steps()[-1].code)
    assert printed.strip() == tab.torch_error.text()


def test_inplace_failure_explains_why_and_draws_a_plus_b(tab, qtbot):
    tab.load_preset("inplace")
    wait_idle(qtbot, tab.ctx.runner)
    assert "a.add_(b) fails" in tab.verdict_label.text() and "a + b works" in \
        tab.verdict_label.text()
    assert tab.torch_error.text() == \
        "output with shape [3, 1] doesn't match the broadcast shape [3, 4]"
    assert len(tab.picture.cells("result")) == 12


def test_bad_input_shows_message_beside_field_and_keeps_results(tab, qtbot):
    steps = len(tab.code_panel.steps())
    _compute(qtbot, tab, "2, -3", "3")
    assert tab.input_a.message.isVisibleTo(tab) and "negative" in tab.input_a.message.text()
    assert tab.input_a.field.text() == "2, -3"  # nothing lost
    assert tab.table.rowCount() == 3 and len(tab.code_panel.steps()) == steps
    _compute(qtbot, tab, "1,2,3,4,5,6,7,8,9", "(2, 3")
    assert "too many" in tab.input_a.message.text()
    assert "never closed" in tab.input_b.message.text()


def test_shapes_beyond_the_guard_are_explained_but_not_drawn(tab, qtbot):
    _compute(qtbot, tab, "100000, 100000, 100", "100000, 1")
    assert tab.table.rowCount() == 3 and "✓" in tab.verdict_label.text()
    assert "without allocating" in tab.input_a.message.text()
    assert "64 elements" in _scene_text(tab.picture) and tab.picture.cells("result") == []
    _, printed = _run(tab.code_panel.steps()[-1].code)
    assert printed.strip() == "torch.Size([100000, 100000, 100])"


def test_workspace_tensors_are_used_and_left_untouched(tab, qtbot, ctx):
    x = torch.arange(6.0).reshape(2, 3)
    ctx.workspace.keep("x", x)
    tab.op_combo.setCurrentIndex(tab.op_combo.findText("a.mul_(b)"))
    tab.input_b.field.setText("3")
    tab.input_a.source.setCurrentIndex(tab.input_a.source.findData("x"))
    tab.input_a.source.activated.emit(tab.input_a.source.currentIndex())
    wait_idle(qtbot, ctx.runner)
    assert tab.input_a.field.text() == "(2, 3)" and tab.input_a.field.isReadOnly()
    assert _texts(tab.picture.cells("a")) == ["0", "1", "2", "3", "4", "5"]
    assert torch.equal(ctx.workspace.workspace.get("x"), torch.arange(6.0).reshape(2, 3))
    code = tab.code_panel.steps()[-1].code
    assert "x.mul_(b)" in code
    namespace, _ = _run(code)
    shown = [float(t) for t in _texts(tab.picture.cells("result"))]
    assert namespace["c"].reshape(-1).tolist() == shown
    ctx.workspace.delete("x")
    assert tab.input_a.tensor_name() is None and not tab.input_a.field.isReadOnly()


def test_whole_code_panel_runs(tab, qtbot):
    for key in ("note_2_4", "scalar", "zero", "zero_mismatch", "compare"):
        tab.load_preset(key)
        wait_idle(qtbot, tab.ctx.runner)
    namespace, _ = _run(tab.code_panel.code().removeprefix(PREAMBLE.rstrip()))
    assert namespace["c"].dtype == torch.bool
    assert [str(v) for v in namespace["c"].reshape(-1).tolist()] == \
        _texts(tab.picture.cells("result"))


def test_switching_language_retranslates_without_new_steps(tab, qtbot):
    from gui.shell.language import install_language

    steps = len(tab.code_panel.steps())
    try:
        install_language("es")
        qtbot.waitUntil(lambda: tab.presets_label.text() == "Ejemplos:")
        wait_idle(qtbot, tab.ctx.runner)
        assert "se estira a 2" in tab.table.item(2, 3).text()
        assert "forma del resultado (4, 3, 2)" in tab.verdict_label.text()
        assert tab.summary_label.text().startswith("a * b funciona")  # no job needed
        assert "# stride 0 = estirado sin copiar" in tab.code_panel.code()
        assert "# Broadcast a * b" not in tab.code_panel.code()
        assert not tab.ctx.runner.is_busy() and len(tab.code_panel.steps()) == steps
        assert tab.minimumSizeHint().width() <= 1024  # longer Spanish texts never widen it
    finally:
        install_language("en")
        qtbot.waitUntil(lambda: tab.presets_label.text() == "Examples:")
    assert tab.summary_label.text().startswith("a * b works")
    assert "# stride 0 = stretched without copying" in tab.code_panel.code()


def test_notes_and_pytorch_refusal_code_follow_the_language(tab, qtbot):
    from gui.shell.language import install_language

    tab.load_preset("inplace")
    wait_idle(qtbot, tab.ctx.runner)
    _compute(qtbot, tab, "1000, 1", "2, 1")
    try:
        install_language("es")
        qtbot.waitUntil(lambda: tab.presets_label.text() == "Ejemplos:")
        assert "hasta 64 elementos" in _scene_text(tab.picture)
        assert "# la forma no in-place crea un tensor nuevo" in tab.code_panel.code()
    finally:
        install_language("en")
        qtbot.waitUntil(lambda: tab.presets_label.text() == "Examples:")
    assert "64 elements" in _scene_text(tab.picture)


def test_values_pytorch_refuses_are_reported_beside_the_verdict(tab, qtbot, ctx):
    ctx.workspace.keep("n", torch.tensor([1, 2, 3]))
    tab.op_combo.setCurrentIndex(tab.op_combo.findText("a.div_(b)"))
    tab.input_b.field.setText("3")
    tab.input_a.source.setCurrentIndex(tab.input_a.source.findData("n"))
    tab.input_a.source.activated.emit(tab.input_a.source.currentIndex())
    wait_idle(qtbot, ctx.runner)
    assert "✓" in tab.verdict_label.text()  # the shapes are fine...
    assert tab.compute_error.isVisibleTo(tab)  # ...but int64 cannot hold the float quotient
    assert "can't be cast to the desired output type Long" in tab.compute_error.text()
    assert tab.picture.cells("result") == [] and len(tab.picture.cells("a")) == 3


def test_long_3d_rows_wrap_instead_of_running_off(tab, qtbot):
    _compute(qtbot, tab, "8, 2, 4", "4")  # 8 slices side by side would be 1800 px
    cells = tab.picture.cells("result")
    assert len(cells) == 64
    assert max(c.sceneBoundingRect().right() for c in cells) < 800


def test_typing_is_checked_as_you_type_and_enter_computes(tab, qtbot):
    steps = len(tab.code_panel.steps())
    tab.input_b.field.clear()
    qtbot.keyClicks(tab.input_b.field, "3 x")
    qtbot.waitUntil(lambda: "empty" in tab.input_b.message.text())
    assert not tab.ctx.runner.is_busy() and len(tab.code_panel.steps()) == steps
    qtbot.keyClicks(tab.input_b.field, "1")
    qtbot.keyClick(tab.input_b.field, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.runner)
    assert not tab.input_b.message.isVisibleTo(tab)
    assert len(tab.code_panel.steps()) == steps + 1
    assert "result shape (4, 3, 2)" in tab.verdict_label.text()  # (4,3,2) * (3,1) again

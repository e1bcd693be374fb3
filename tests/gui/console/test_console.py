"""The PyTorch console as a learner uses it: type, paste a cell, read errors, cancel."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from gui.console.panel import ConsolePanel
from tests.conftest import wait_idle


@pytest.fixture
def console(qtbot, ctx):
    panel = ConsolePanel(ctx)
    qtbot.addWidget(panel)
    return panel


def wait_shown(qtbot, panel):
    """The run ended and what it did is shown (over a few event-loop turns)."""
    wait_idle(qtbot, panel.ctx.runner)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10000)


def type_and_run(qtbot, panel, text):
    panel.input.setPlainText(text)
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    wait_shown(qtbot, panel)


def test_a_pasted_note_cell_runs_and_fills_the_workspace(qtbot, console, ctx):
    cell = ("torch.manual_seed(1729)\nrandom1 = torch.rand(2, 3)\nprint(random1)\n"
            "ones = torch.ones(2, 3)\n")
    type_and_run(qtbot, console, cell)
    torch.manual_seed(1729)
    expected = torch.rand(2, 3)
    text = console.transcript.plain_text()
    assert ">>> torch.manual_seed(1729)" in text
    assert str(expected) in text  # print output exactly as Python prints it
    assert ctx.workspace.names() == ["random1", "ones"]
    assert torch.equal(ctx.workspace.workspace.get("random1"), expected)
    assert console.viewer.snapshot().name == "ones"  # the last tensor assigned is shown
    codes = [step.code for step in ctx.session.steps("console")]
    assert codes == ["torch.manual_seed(1729)", "random1 = torch.rand(2, 3)",
                     "print(random1)", "ones = torch.ones(2, 3)"]
    assert console.input.toPlainText() == ""


def test_the_value_of_a_bare_expression_is_shown(qtbot, console):
    type_and_run(qtbot, console, "a = torch.arange(6).reshape(2, 3)")
    type_and_run(qtbot, console, "a.shape")
    assert "torch.Size([2, 3])" in console.transcript.plain_text()


def test_workspace_tensors_are_names_in_the_console(qtbot, console, ctx):
    ctx.workspace.keep("w", torch.full((2,), 3.0))
    type_and_run(qtbot, console, "print(w * 2)")
    assert "tensor([6., 6.])" in console.transcript.plain_text()


def test_refused_code_says_where_and_keeps_earlier_lines(qtbot, console, ctx):
    type_and_run(qtbot, console, "b = torch.ones(3)\nc = getattr(b, 'shape')")
    text = console.transcript.plain_text()
    assert "Line 2, column" in text and "getattr" in text
    assert ctx.workspace.names() == ["b"]  # the first line ran and its tensor is kept
    qtbot.keyClick(console.input, Qt.Key.Key_Up)  # the typed cell comes back to be fixed
    assert console.input.toPlainText() == "b = torch.ones(3)\nc = getattr(b, 'shape')"


def test_pytorch_errors_keep_pytorchs_text(qtbot, console):
    type_and_run(qtbot, console, "torch.ones(2, 3) @ torch.ones(2, 3)")
    assert "mat1 and mat2 shapes cannot be multiplied" in console.transcript.plain_text()


def test_history_browses_with_up_and_down(qtbot, console):
    type_and_run(qtbot, console, "x = 1")
    type_and_run(qtbot, console, "y = 2")
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.toPlainText() == "y = 2"
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.toPlainText() == "x = 1"
    qtbot.keyClick(console.input, Qt.Key.Key_Down)
    assert console.input.toPlainText() == "y = 2"
    qtbot.keyClick(console.input, Qt.Key.Key_Down)
    assert console.input.toPlainText() == ""


def test_shift_enter_adds_a_line_instead_of_running(qtbot, console):
    console.input.setPlainText("a = 1")
    console.input.moveCursor(console.input.textCursor().MoveOperation.End)
    qtbot.keyClick(console.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert console.input.toPlainText() == "a = 1\n"
    assert not console.is_running()


def test_a_long_loop_can_be_cancelled_and_the_console_goes_on(qtbot, console, ctx):
    loop = "t = torch.zeros(1)\nfor i in range(100_000):\n    t = t + torch.ones(100)"
    console.input.setPlainText(loop)
    # the console job's own progress from inside its loop (line 3): t has grown (another
    # job's progress, or the first statement's, would let the cancel land before the loop)
    with qtbot.waitSignal(ctx.runner.job_progress, timeout=20000,
                          check_params_cb=lambda title, progress: (
                              title == "Console" and getattr(progress, "line", 0) == 3)):
        qtbot.keyClick(console.input, Qt.Key.Key_Return)
    assert console.cancel_button.isEnabled()
    console.cancel_button.click()
    wait_shown(qtbot, console)
    assert "Cancelled" in console.transcript.plain_text()
    assert not console.cancel_button.isEnabled()
    type_and_run(qtbot, console, "print(t.sum().item() > 0)")
    assert "True" in console.transcript.plain_text()


def test_typing_while_a_run_goes_on_loses_nothing(qtbot, console, ctx):
    console.input.setPlainText("t = torch.zeros(1)\nfor i in range(100_000):\n    t = t + 1")
    qtbot.keyClick(console.input, Qt.Key.Key_Return)
    assert console.is_running()  # until its result reaches the GUI thread
    console.input.setPlainText("z = torch.ones(2)")
    qtbot.keyClick(console.input, Qt.Key.Key_Return)
    assert console.input.toPlainText() == "z = torch.ones(2)"
    console.cancel()
    wait_shown(qtbot, console)


def test_a_cell_lands_in_the_workspace_with_one_reset_and_its_code_in_order(
        qtbot, console, ctx):
    resets = []
    ctx.workspace.modelReset.connect(lambda: resets.append(True))
    cell = "\n".join(f"t{i} = torch.ones({i + 1}) * {i}" for i in range(12))
    type_and_run(qtbot, console, cell)
    assert ctx.workspace.names() == [f"t{i}" for i in range(12)]
    assert len(resets) == 1
    code = console.code_panel.code()
    assert code.index("t0 = torch.ones(1) * 0") < code.index("t11 = torch.ones(12) * 11")
    type_and_run(qtbot, console, "u = t3 + 1")  # the next run is appended after them
    assert console.code_panel.code().rstrip().endswith("u = t3 + 1")
    assert len(ctx.session.steps("console")) == 13


def test_a_run_starts_after_its_cell_is_drawn_and_can_be_cancelled_before(
        qtbot, console, ctx):
    console.run_source("never = torch.ones(2)")
    assert console.is_running() and ctx.runner.submitted_count() == 0  # on the next turn
    console.cancel()
    wait_shown(qtbot, console)
    assert ctx.runner.submitted_count() == 0
    assert "Cancelled" in console.transcript.plain_text()
    assert "never" not in console.session.names()
    type_and_run(qtbot, console, "after = torch.ones(2)")  # the console goes on
    assert ctx.workspace.names() == ["after"]

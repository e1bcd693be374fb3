"""The code panel's view holds the latest steps only (each shown step costs ~20 KB of Qt's
text layout); "Copy all", ``code()`` and ``steps()`` keep every step."""

from __future__ import annotations

from engine.core.codegen import CodeStep
from gui.widgets.code_panel import SHOWN_STEPS, STEPS_SLACK


def _step(i: int) -> CodeStep:
    return CodeStep(title=f"Step {i}", code=f"x{i} = torch.zeros({i})")


def test_the_view_keeps_a_bounded_number_of_steps_however_many_come(code_panel):
    blocks = []
    for i in range(10 * (SHOWN_STEPS + STEPS_SLACK)):
        code_panel.add_step(_step(i))
        blocks.append(code_panel.editor().document().blockCount())
    most = max(blocks)
    assert most <= (SHOWN_STEPS + STEPS_SLACK) * 3 + 10  # title, code, blank line per step
    assert blocks[-1] < most  # the oldest left the view


def test_every_step_is_still_copied_and_kept(code_panel):
    count = 3 * (SHOWN_STEPS + STEPS_SLACK)
    for i in range(count):
        code_panel.add_step(_step(i))
    shown = code_panel.editor().toPlainText()
    assert "x0 = torch.zeros(0)" not in shown and f"x{count - 1} =" in shown
    assert "earlier steps" in shown
    assert all(f"x{i} = torch.zeros({i})" in code_panel.code() for i in range(count))
    assert len(code_panel.steps()) == count


def test_a_line_of_the_view_still_finds_its_step(code_panel):
    count = 2 * (SHOWN_STEPS + STEPS_SLACK)
    for i in range(count):
        code_panel.add_step(_step(i))
    lines = code_panel.editor().toPlainText().split("\n")
    last_code = max(n for n, line in enumerate(lines) if line.startswith(f"x{count - 1} ="))
    assert code_panel.step_at_line(last_code).title == f"Step {count - 1}"
    first_step = min(n for n, line in enumerate(lines) if line.startswith("# Step"))
    assert code_panel.step_at_line(first_step - 1) is None  # the preamble and the count line


def test_set_steps_and_clear(code_panel):
    code_panel.set_steps([_step(i) for i in range(4 * SHOWN_STEPS)])
    assert "x0 = torch.zeros(0)" not in code_panel.editor().toPlainText()
    assert "x0 = torch.zeros(0)" in code_panel.code()
    code_panel.clear()
    assert "earlier steps" not in code_panel.editor().toPlainText()
    code_panel.add_step(_step(7))
    assert "x7 = torch.zeros(7)" in code_panel.editor().toPlainText()

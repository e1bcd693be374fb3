"""The code panel's view holds the latest steps only (each shown step costs ~20 KB of Qt's
text layout); "Copy all", ``code()`` and ``steps()`` keep every step."""

from __future__ import annotations

from engine.core.codegen import CodeStep
from gui.widgets.code_panel import SHOWN_STEPS, STEPS_SLACK, CodePanel


def _step(i: int) -> CodeStep:
    return CodeStep(title=f"Step {i}", code=f"x{i} = torch.zeros({i})")


def _shown_panel(qtbot) -> CodePanel:
    panel = CodePanel()
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_view_keeps_a_bounded_number_of_steps_however_many_come(qtbot):
    panel = _shown_panel(qtbot)
    blocks = []
    for i in range(10 * (SHOWN_STEPS + STEPS_SLACK)):
        panel.add_step(_step(i))
        blocks.append(panel.editor().document().blockCount())
    most = max(blocks)
    assert most <= (SHOWN_STEPS + STEPS_SLACK) * 3 + 10  # title, code, blank line per step
    assert blocks[-1] < most  # the oldest left the view


def test_every_step_is_still_copied_and_kept(qtbot):
    panel = _shown_panel(qtbot)
    count = 3 * (SHOWN_STEPS + STEPS_SLACK)
    for i in range(count):
        panel.add_step(_step(i))
    shown = panel.editor().toPlainText()
    assert "x0 = torch.zeros(0)" not in shown and f"x{count - 1} =" in shown
    assert "earlier steps" in shown
    assert all(f"x{i} = torch.zeros({i})" in panel.code() for i in range(count))
    assert len(panel.steps()) == count


def test_a_line_of_the_view_still_finds_its_step(qtbot):
    panel = _shown_panel(qtbot)
    count = 2 * (SHOWN_STEPS + STEPS_SLACK)
    for i in range(count):
        panel.add_step(_step(i))
    lines = panel.editor().toPlainText().split("\n")
    last_code = max(n for n, line in enumerate(lines) if line.startswith(f"x{count - 1} ="))
    assert panel.step_at_line(last_code).title == f"Step {count - 1}"
    first_step = min(n for n, line in enumerate(lines) if line.startswith("# Step"))
    assert panel.step_at_line(first_step - 1) is None  # the preamble and the count line


def test_set_steps_and_clear(qtbot):
    panel = _shown_panel(qtbot)
    panel.set_steps([_step(i) for i in range(4 * SHOWN_STEPS)])
    assert "x0 = torch.zeros(0)" not in panel.editor().toPlainText()
    assert "x0 = torch.zeros(0)" in panel.code()
    panel.clear()
    assert "earlier steps" not in panel.editor().toPlainText()
    panel.add_step(_step(7))
    assert "x7 = torch.zeros(7)" in panel.editor().toPlainText()

"""A re-rendered code panel (a language switch) highlights the lines on screen at once and
the others in later slices; a re-render that changes no text leaves the view alone."""

from __future__ import annotations

from engine.core.codegen import CodeStep
from gui.widgets.code_view import HIGHLIGHT_SLICE


def _steps(word: str) -> list:
    """150 steps of four lines: the latest 50 in the view still span > 2 highlight slices."""
    return [CodeStep(title=f"{word} {i}",
                     code="\n".join(f"x{i}_{k} = torch.zeros({i})" for k in range(4)))
            for i in range(150)]


def _highlighted(view, number: int) -> bool:
    return bool(view.document().findBlockByNumber(number).layout().formats())


def test_lines_on_screen_are_highlighted_first_and_the_rest_later(qtbot, code_panel):
    code_panel.set_steps(_steps("Step"))
    view = code_panel.editor()
    last = view.document().blockCount() - 2  # the last step's code line
    assert view.firstVisibleBlock().blockNumber() > 0  # scrolled to the end
    assert _highlighted(view, last)  # on screen: highlighted now
    assert view.document().blockCount() > 2 * HIGHLIGHT_SLICE
    assert view.highlight_pending() and not _highlighted(view, 1)  # the top waits
    qtbot.waitUntil(lambda: not view.highlight_pending())
    lines = view.toPlainText().split("\n")
    assert all(_highlighted(view, n) for n, line in enumerate(lines) if line.strip())


def test_steps_added_later_are_highlighted_at_once(code_panel):
    code_panel.set_steps(_steps("Step"))
    code_panel.add_step(CodeStep(title="Late", code="y = torch.ones(2)"))
    view = code_panel.editor()
    assert _highlighted(view, view.document().blockCount() - 2)


def test_a_re_render_with_the_same_text_keeps_the_view(code_panel):
    code_panel.set_steps(_steps("Step"))
    view = code_panel.editor()
    bar = view.verticalScrollBar()
    bar.setValue(0)
    code_panel.set_steps(_steps("Step"))  # e.g. a language switch that changes no title
    assert bar.value() == 0
    code_panel.set_steps(_steps("Paso"))
    assert "# Paso 3" in code_panel.code() and bar.value() == bar.maximum()

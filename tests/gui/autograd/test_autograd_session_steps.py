"""Re-running the typed lines replaces their code in the code panel and the session."""

from __future__ import annotations

from engine.autograd.program import NOTE_EXAMPLE
from engine.i18n.messages import render
from tests.gui.autograd.conftest import wait_shown


def titles(steps) -> list[str]:
    return [render(step.title) for step in steps]


def test_typing_leaves_one_program_the_latest(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    tab = AutogradTab(ctx)
    qtbot.addWidget(tab)
    wait_shown(qtbot, tab)
    tab.presets.set_current_key("detach")
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    preset = ctx.session.steps("autograd")[-1]
    for factor in ("3", "4", "5"):  # three edits, each re-run after the debounce
        tab.steps_editor.editor.setPlainText(NOTE_EXAMPLE.replace("c = 2 * b", f"c = {factor} * b"))
        qtbot.waitUntil(lambda f=factor: f"c = {f} * b" in render(
            ctx.session.steps("autograd")[-2].code), timeout=20000)
        wait_shown(qtbot, tab)
    steps = ctx.session.steps("autograd")
    assert titles(steps) == [render(preset.title), "Forward steps", "Backward pass"]
    assert steps[0] is preset
    assert titles(tab.code_panel.steps()) == titles(steps)
    code = tab.code_panel.code()
    assert code.count("# Forward steps") == 1 and code.count("# Backward pass") == 1
    assert "c = 5 * b" in code and "c = 3 * b" not in code

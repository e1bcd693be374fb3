"""The Operate field takes the note's PyTorch as typed: values, code panel, refusals."""

from __future__ import annotations

import numpy as np
import pytest

from engine.core.codegen import PREAMBLE
from tests.conftest import wait_idle

# (text typed in the Operate field, "Keep as") from the note's tensor cells
NOTE_LINES = [
    ("ones = torch.zeros(2, 2) + 1", ""),
    ("twos = torch.ones(2, 2) + 1", ""),
    ("threes = (torch.ones(2, 2) * 7 - 1) / 2", ""),
    ("twos ** 2", "fours"),
    ("angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])", ""),
    ("torch.sin(angles)", "sines"),
    ("d = torch.tensor([[1., 2.], [3., 4.]])", ""),
    ("torch.eq(d, torch.ones(1, 2))", "equal"),
    ("d @ d.T", "gram"),
    ("d.sum(dim=0)", "columns"),
    ("torch.matmul(d, torch.tensor([[3., 0.], [0., 3.]]))", "m3"),
    ("math.pi * d", "scaled"),
]


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    wait_idle(qtbot, ctx.runner)
    return widget


def type_and_run(qtbot, tab, text: str, keep_as: str) -> None:
    panel = tab.plugins["operate"]
    panel.set_group("expression")
    panel.fields["expression"].setText(text)
    if keep_as:
        panel.fields["result"].setText(keep_as)
    panel.run_button.click()
    wait_idle(qtbot, tab.ctx.runner)


def plain_python(lines: list[tuple[str, str]]) -> dict:
    """The same lines run by Python itself (constant strings: the test's oracle)."""
    code = "\n".join(text if not keep else f"{keep} = {text}" for text, keep in lines)
    namespace: dict = {}
    exec(PREAMBLE + code, namespace)  # noqa: S102 - the oracle
    return namespace


def test_note_lines_typed_into_operate_match_python_and_the_code_panel(qtbot, tab):
    panel = tab.plugins["operate"]
    expected = plain_python(NOTE_LINES)
    for text, keep in NOTE_LINES:
        type_and_run(qtbot, tab, text, keep)
        assert panel.error_text("expression") == "", panel.error_text("expression")
        name = keep or text.split(" = ")[0]
        snap = tab.viewer.snapshot()
        assert snap.name == name
        assert np.array_equal(snap.values, expected[name].numpy())
        code = tab.code_panel.steps()[-1].code
        assert code == (f"{keep} = {text}" if keep else text)  # exactly as typed
    replay: dict = {}
    exec(PREAMBLE + "\n".join(s.code for s in tab.code_panel.steps()), replay)  # noqa: S102
    for text, keep in NOTE_LINES:
        name = keep or text.split(" = ")[0]
        assert np.array_equal(replay[name].numpy(), expected[name].numpy())
        assert name in tab.ctx.workspace.names()


def test_a_number_is_shown_and_not_kept(qtbot, tab):
    type_and_run(qtbot, tab, "d = torch.tensor([[1., 2.], [3., 4.]])", "")
    type_and_run(qtbot, tab, "torch.max(d).item()", "top")
    assert "top = 4.0" in tab.note_label.text()
    assert "not a tensor" in tab.note_label.text()
    assert "top" not in tab.ctx.workspace.names()
    assert tab.code_panel.steps()[-1].code == "top = torch.max(d).item()"


def test_refusal_shows_the_column_beside_the_field_and_changes_nothing(qtbot, tab):
    panel = tab.plugins["operate"]
    steps = len(tab.code_panel.steps())
    type_and_run(qtbot, tab, "x + x.__class__", "r")
    error = panel.error_text("expression")
    assert "column 5" in error and "__class__" in error
    assert len(tab.code_panel.steps()) == steps and "r" not in tab.ctx.workspace.names()

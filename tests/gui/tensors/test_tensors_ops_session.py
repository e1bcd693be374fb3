"""Inside the real Tensors tab: the session's code replays every Operate / Memory step."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    wait_idle(qtbot, ctx.runner)
    assert {"operate", "memory"} <= set(widget.plugins)
    return widget


def step(qtbot, ctx, action) -> None:
    action()
    wait_idle(qtbot, ctx.runner)


def test_session_code_reproduces_the_workspace(qtbot, ctx, tab):
    from engine.core.codegen import as_script

    ops, memory = tab.plugins["operate"], tab.plugins["memory"]
    ops.set_op("sin")
    ops.fields["source"].setCurrentText("x")
    ops.set_mode("inplace")
    step(qtbot, ctx, ops.run)
    ops.set_group("expression")
    ops.fields["expression"].setText("(x + 1) * 2")
    ops.fields["result"].setText("r")
    step(qtbot, ctx, ops.run)
    ops.set_op("matmul")
    ops.fields["source"].setCurrentText("x")
    ops.fields["other"].setEditText("r")
    ops.fields["result"].setText("bad")
    step(qtbot, ctx, ops.run)  # (2, 3) @ (2, 3): refused, nothing recorded
    assert "cannot be multiplied" in ops.error_text("other")
    shape = memory.shape_section
    shape.fields["source"].setCurrentText("x")
    shape.set_op("transpose", "0, 1")
    shape.fields["result"].setText("xt")
    step(qtbot, ctx, shape.apply)
    alias = memory.alias_section
    alias.fields["source"].setCurrentText("x")
    alias.set_kind("clone")
    alias.fields["result"].setText("keep")
    step(qtbot, ctx, alias.make)
    alias.fields["index"].setText("1, 2")
    alias.fields["value"].setText("-7")
    step(qtbot, ctx, alias.edit)
    step(qtbot, ctx, memory.numpy_section.build)
    step(qtbot, ctx, memory.numpy_section.edit)

    namespace: dict = {}
    exec(as_script(ctx.session.steps("tensors")), namespace)
    assert "bad" not in ctx.workspace.names()
    for name in ctx.workspace.names():
        shown = ctx.workspace.workspace.get(name)
        torch.testing.assert_close(namespace[name], shown)
    assert float(namespace["xt"][2, 1]) == -7.0  # the view saw the edit of x
    assert float(namespace["keep"][1, 2]) != -7.0  # the clone did not
    np.testing.assert_array_equal(namespace["t_shared"].numpy(), namespace["arr"])

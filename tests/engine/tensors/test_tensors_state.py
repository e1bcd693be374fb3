"""The Tensors flow without Qt: create → operate → inspect through ``TensorsState``."""

from __future__ import annotations

import numpy as np
import torch

from engine.core.codegen import PREAMBLE
from engine.i18n.messages import render
from engine.tensors.create import CreateRequest, create_tensor
from engine.tensors.ops.arith import run_expression
from engine.tensors.ops.catalogue import OpRequest, run_op
from engine.tensors.seeds import reproducibility_demo
from engine.tensors.state import TensorsState


def test_create_operate_inspect():
    state = TensorsState()
    changes: list[str] = []
    state.subscribe(lambda: changes.append(state.current))
    created = create_tensor(CreateRequest("rand", name="x", shape="2, 3", seed=7),
                            state.workspace)
    state.apply(created)
    assert state.current == "x" and "x" in state.workspace
    assert any("manual_seed(7)" in text for text in state.notes())
    operated = run_expression(state.workspace, "x * 2", "y")
    state.apply(operated)
    assert state.current == "y" and changes == ["x", "y"]
    assert render(state.notes()[0], "es") == "y: forma (2, 3), dtype float32"
    shown = state.inspect()
    namespace: dict = {}
    exec(PREAMBLE + created.step.code + "\n" + operated.step.code, namespace)  # noqa: S102
    assert shown.name == "y" and np.allclose(shown.values, namespace["y"].numpy())
    state.select("x")
    assert state.current == "x" and state.inspect().name == "x"
    state.forget_result()
    assert state.notes() == [] and changes == ["x", "y", "x", "x"]


def test_extra_tensors_are_kept_and_unkept_results_leave_the_selection():
    state = TensorsState()
    state.workspace.put("m", torch.tensor([[2.0, 0.0], [0.0, 1.0]]))
    state.select("m")
    svd = run_op(state.workspace, OpRequest("svd", source="m", result="r"))
    state.apply(svd)
    assert {"r_U", "r_S", "r_Vh"} <= set(state.workspace.names()) and state.current == "r_S"
    state.apply(reproducibility_demo(3))
    assert state.current == "r_S" and "random1 / random3" in state.notes()[0]

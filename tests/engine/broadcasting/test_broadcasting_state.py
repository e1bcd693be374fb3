"""The Broadcasting flow without Qt: request -> job -> accept -> observers; texts re-render."""

from __future__ import annotations

import torch

from engine.broadcasting.explain import BroadcastOp, Verdict
from engine.broadcasting.state import BroadcastingState, Operand, run_request
from engine.i18n.messages import render, set_language
from engine.session.workspace import Workspace


def test_a_preset_runs_and_the_observers_see_the_demo():
    state = BroadcastingState()
    seen = []
    state.subscribe(lambda s: seen.append(s.demo))
    request = state.request_preset("mismatch")
    demo = run_request(request)
    assert state.accept(request, demo)
    assert seen == [demo] and state.demo is demo
    assert demo.explanation.verdict is Verdict.MISMATCH
    assert (state.a, state.b, state.op) == (Operand((2, 3)), Operand((3, 2)), BroadcastOp.ADD)


def test_only_the_newest_request_is_kept():
    state = BroadcastingState()
    old = state.request(Operand((2, 1)), Operand((3,)), BroadcastOp.MUL)
    new = state.request(Operand((4,)), Operand(()), BroadcastOp.ADD)
    assert not state.accept(old, run_request(old))
    assert state.demo is None
    assert state.accept(new, run_request(new))
    assert state.demo is not None and state.demo.explanation.result_shape == (4,)


def test_workspace_operands_are_read_by_the_job_and_named_in_the_code():
    workspace = Workspace()
    workspace.put("x", torch.arange(6.0).reshape(2, 3))
    state = BroadcastingState()
    request = state.request(Operand(tensor_name="x"), Operand((3,)), BroadcastOp.MUL)
    assert state.accept(request, run_request(request, workspace))
    assert state.names == ("x", "b")
    assert state.demo is not None and state.demo.explanation.result_shape == (2, 3)
    assert "x * b" in state.demo.step.code


def test_summary_and_code_comments_render_in_spanish_and_back():
    state = BroadcastingState()
    request = state.request(Operand((3, 1)), Operand((3, 4)), BroadcastOp.ADD_)
    state.accept(request, run_request(request))
    assert state.demo is not None
    summary, code = state.demo.explanation.summary, state.demo.step.code
    assert "the out-of-place form makes a new tensor" in code
    try:
        set_language("es")
        assert "funciona y da forma (3, 4)" in render(summary)
        assert "la forma no in-place crea un tensor nuevo" in render(code)
        assert "# stride 0 = estirado sin copiar" in render(code)
    finally:
        set_language("en")
    assert render(code) == code

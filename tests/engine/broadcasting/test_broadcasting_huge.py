"""Shapes whose element count reaches 2^62: the error shown is the operation's own text
(zero-memory views, meta tensors) wherever such tensors can exist, and where they cannot
(2^63 elements or more) the summary says plainly whose text is shown. The shown code always
prints the shown error."""

from __future__ import annotations

import contextlib
import io

import pytest

from engine.broadcasting.explain import BroadcastOp, Verdict, explain_broadcast
from engine.core.codegen import PREAMBLE

BIG = 2**62


def printed(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(PREAMBLE + code, {})  # noqa: S102 (our own generated code)
    return out.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("op", [BroadcastOp.ADD, BroadcastOp.ADD_])
def test_mismatch_of_views_with_2_62_elements_shows_the_operations_text(op):
    e = explain_broadcast((BIG,), (3,), op)
    assert e.verdict is Verdict.MISMATCH
    assert e.torch_error == (f"The size of tensor a ({BIG}) must match the size of tensor b "
                             "(3) at non-singleton dimension 0")
    assert printed(e.step.code) == e.torch_error


def test_inplace_on_2_62_elements_shows_pytorchs_text():
    e = explain_broadcast((2**61, 1), (2**61, 2), BroadcastOp.MUL_)
    assert e.verdict is Verdict.INPLACE_STRETCH
    assert e.torch_error is not None and "doesn't match the broadcast shape" in e.torch_error
    assert f"({2**61}, 2)" in e.torch_error
    assert printed(e.step.code) == e.torch_error


def test_shapes_no_tensor_can_have_say_the_text_is_the_broadcast_rules():
    e = explain_broadcast((2**61, 3), (2**61, 4), BroadcastOp.ADD)  # b: 2^63 elements
    assert e.verdict is Verdict.MISMATCH and "Attempting to broadcast" in e.torch_error
    assert "(2305843009213693952, 4)" in e.summary and "torch.broadcast_shapes" in e.summary
    assert printed(e.step.code) == e.torch_error


def test_inplace_where_no_such_tensor_can_exist_shows_pytorchs_refusal():
    e = explain_broadcast((1, 3), (2**40, 2**40, 3), BroadcastOp.ADD_)
    assert e.verdict is Verdict.INPLACE_STRETCH
    assert e.torch_error is not None and "overflow" in e.torch_error
    assert "(1099511627776, 1099511627776, 3)" in e.summary and "No tensor of shape" in e.summary
    assert printed(e.step.code) == e.torch_error

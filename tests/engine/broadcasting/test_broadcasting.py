"""The alignment table, the picture data and the generated code of the Broadcasting tab."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.broadcasting.demo import PICTURE_MAX_NUMEL, literal_code, run_broadcast_demo
from engine.broadcasting.explain import BroadcastOp, DimRule, Verdict, explain_broadcast
from engine.broadcasting.presets import DEFAULT_PRESET, PRESETS, preset
from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError
from engine.core.parsing import parse_shape
from engine.i18n.messages import set_language


def run_code(code: str) -> tuple[dict, str]:
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(PREAMBLE + code, namespace)  # noqa: S102 (our own generated code)
    return namespace, out.getvalue()


def test_alignment_pads_missing_dims_and_names_each_rule():
    e = explain_broadcast((4, 3, 2), (3, 1), BroadcastOp.MUL)
    assert [(r.size_a, r.size_b) for r in e.rows] == [(4, None), (3, 3), (2, 1)]
    assert [r.rule for r in e.rows] == [DimRule.MISSING_B, DimRule.EQUAL, DimRule.STRETCH_B]
    assert e.padded_b == (1, 3, 1)
    assert e.verdict is Verdict.BROADCASTS and e.result_shape == (4, 3, 2)
    assert e.expand_stride_b == (0, 1, 0) and e.expand_stride_a == (6, 2, 1)
    assert "b is repeated along dimension(s) 0, 2" in e.summary


def test_mismatch_names_the_first_failing_dim_from_the_right_and_torch_text():
    e = explain_broadcast((3, 2, 5), (2, 3, 5))
    assert e.verdict is Verdict.MISMATCH and e.result_shape is None
    assert e.failing_row == 1 and e.rows[1].rule is DimRule.MISMATCH
    assert e.torch_error == ("The size of tensor a (2) must match the size of tensor b (3) at "
                             "non-singleton dimension 1")
    assert "Dimension 1 has size 2 in a and 3 in b" in e.summary


def test_size_zero_only_against_zero_or_one():
    assert explain_broadcast((0, 3), (1, 3)).result_shape == (0, 3)
    assert explain_broadcast((0, 3), (0, 1)).result_shape == (0, 3)
    failing = explain_broadcast((0, 3), (2, 3))
    assert failing.verdict is Verdict.MISMATCH and "size-0" in failing.summary


def test_zero_d_broadcasts_with_anything():
    e = explain_broadcast((), (2, 0, 3), BroadcastOp.LT)
    assert e.ok and e.result_shape == (2, 0, 3) and e.result_dtype == "bool"
    assert [r.rule for r in e.rows] == [DimRule.MISSING_A] * 3
    assert "0-d tensor" in e.summary


def test_inplace_fails_when_a_would_have_to_grow_though_out_of_place_works():
    e = explain_broadcast((3, 1), (3, 4), BroadcastOp.ADD_)
    assert e.verdict is Verdict.INPLACE_STRETCH and e.broadcast_shape == (3, 4)
    assert e.result_shape is None
    assert e.torch_error == "output with shape [3, 1] doesn't match the broadcast shape [3, 4]"
    assert "a + b works" in e.summary and "a.add_(b)" in e.summary
    assert explain_broadcast((3, 4), (3, 1), BroadcastOp.MUL_).ok  # b may stretch


def test_huge_shapes_are_explained_without_allocating():
    big = (10**6, 10**6, 10**6)
    e = explain_broadcast(big, (10**6, 1), BroadcastOp.ADD)
    assert e.ok and e.result_shape == big
    failing = explain_broadcast(big, (10**6, 2))
    assert "must match" in failing.torch_error
    overflow = explain_broadcast((10**12,) * 4, (3,))
    assert overflow.verdict is Verdict.MISMATCH and "broadcast" in overflow.torch_error
    inplace = explain_broadcast((10**6, 1), (10**6, 10**6), BroadcastOp.MUL_)  # meta tensors
    assert inplace.verdict is Verdict.INPLACE_STRETCH and "doesn't match" in inplace.torch_error
    demo = run_broadcast_demo(big, (10**6, 1))
    assert demo.picture is None and "64 elements" in demo.picture_note
    assert {"shape_a", "result"} <= set(demo.size_notes)
    assert "without allocating" in demo.size_notes["shape_a"]
    assert "GiB" in demo.size_notes["result"]


@pytest.mark.parametrize("text", ["2, -3", "2, x", "(2, 3", "1,2,3,4,5,6,7,8,9"])
def test_bad_shapes_are_refused_with_a_message(text):
    with pytest.raises(InputError) as info:
        parse_shape(text, field="shape_a")
    assert info.value.field == "shape_a" and info.value.message


@pytest.mark.parametrize("key", [p.key for p in PRESETS])
def test_every_preset_code_reproduces_what_is_shown(key):
    p = preset(key)
    demo = run_broadcast_demo(p.shape_a, p.shape_b, p.op)
    namespace, printed = run_code(demo.step.code)
    e = demo.explanation
    if e.verdict is Verdict.MISMATCH:
        assert printed.strip() == e.torch_error and demo.picture.result is None
        return
    if e.verdict is Verdict.INPLACE_STRETCH:
        assert printed.splitlines()[2] == e.torch_error
    c = namespace["c"]
    assert tuple(c.shape) == e.broadcast_shape
    np.testing.assert_array_equal(c.numpy(), demo.picture.result)
    if not p.op.is_inplace:
        np.testing.assert_array_equal(namespace["a"].numpy(), demo.picture.a.values)
    np.testing.assert_array_equal(namespace["b"].numpy(), demo.picture.b.values)
    target = e.broadcast_shape
    assert tuple(namespace["a"].expand(target).stride()) == demo.picture.a.expand_stride
    assert tuple(namespace["b"].expand(target).stride()) == demo.picture.b.expand_stride
    assert f"# {demo.picture.b.expand_stride}" in demo.step.code

def test_cell_equation_indexes_each_operand_in_its_own_shape():
    from engine.broadcasting.demo import cell_equation

    pic = run_broadcast_demo((2, 1, 4), (3, 1), BroadcastOp.SUB).picture
    assert cell_equation(pic, 17, lambda v: f"{v:g}") == \
        "c[1, 1, 1] = a[1, 0, 1] - b[1, 0] = 6 - 20 = -14"
    scalar = run_broadcast_demo((), (2,), BroadcastOp.ADD_).picture  # a cannot grow: a + b
    assert cell_equation(scalar, 1, lambda v: f"{v:g}") == "c[1] = a + b[1] = 1 + 20 = 21"


def test_default_preset_is_a_note_example_drawn_with_stretched_copies():
    demo = run_broadcast_demo(preset(DEFAULT_PRESET).shape_a, preset(DEFAULT_PRESET).shape_b,
                              preset(DEFAULT_PRESET).op)
    b = demo.picture.b
    assert b.expand_stride == (0, 1, 0)
    assert b.is_copy.sum() == 24 - 3 and not b.is_copy[0, :, 0].any()


def test_shapes_only_code_prints_the_result_shape():
    demo = run_broadcast_demo((100, 100), (100, 1))
    _, printed = run_code(demo.step.code)
    assert printed.strip() == "torch.Size([100, 100])"


@pytest.mark.parametrize("shapes", [((2, 3), (3, 2)), ((10**6, 3), (10**6, 2)),
                                    ((10**12,) * 4, (3,))])
def test_shapes_only_failure_code_prints_torch_error(shapes):
    demo = run_broadcast_demo(*shapes)
    _, printed = run_code(demo.explanation.step.code)
    assert printed.strip() == demo.explanation.torch_error


def _check_sources(demo, op):
    pic = demo.picture
    result = pic.result
    for index in np.ndindex(result.shape):
        a_value = pic.a.values.reshape(-1)[pic.a.source[index]]
        b_value = pic.b.values.reshape(-1)[pic.b.source[index]]
        expected = getattr(torch.tensor(a_value), f"__{_DUNDER[op]}__")(torch.tensor(b_value))
        assert result[index] == expected.item()
        for operand in (pic.a, pic.b):  # the drawn memory cell holds the same value
            origin = operand.origin[index]
            assert not operand.is_copy.reshape(-1)[origin]
            assert operand.expanded.reshape(-1)[origin] == \
                operand.values.reshape(-1)[operand.source[index]]


_DUNDER = {BroadcastOp.ADD: "add", BroadcastOp.SUB: "sub", BroadcastOp.MUL: "mul",
           BroadcastOp.DIV: "truediv", BroadcastOp.EQ: "eq", BroadcastOp.LT: "lt",
           BroadcastOp.GE: "ge", BroadcastOp.MUL_: "mul", BroadcastOp.ADD_: "add"}
small = st.lists(st.integers(0, 3), min_size=0, max_size=3).map(tuple)


@settings(max_examples=150, deadline=None, database=None)
@given(shape_a=small, shape_b=small, op=st.sampled_from(sorted(_DUNDER, key=str)))
def test_source_cells_hold_the_values_that_produced_each_result_cell(shape_a, shape_b, op):
    demo = run_broadcast_demo(shape_a, shape_b, op)
    if demo.picture is None or demo.picture.result is None:
        return
    if not demo.explanation.ok:  # a failing in-place op draws the out-of-place result
        op = op.out_of_place
    _check_sources(demo, op)
    assert demo.picture.a.expand_stride == demo.explanation.expand_stride_a
    assert demo.picture.b.expand_stride == demo.explanation.expand_stride_b


def test_workspace_tensors_are_rebuilt_exactly_and_never_modified():
    a = torch.tensor([[1.5, float("nan")], [float("inf"), -2.0]])
    b = torch.tensor([3, 4], dtype=torch.int64)
    before = a.clone()
    demo = run_broadcast_demo((), (), BroadcastOp.MUL_, tensor_a=a, tensor_b=b,
                              names=("x", "w"))
    assert demo.explanation.shape_a == (2, 2) and demo.explanation.ok
    assert torch.equal(a.nan_to_num(), before.nan_to_num())  # the workspace is untouched
    namespace, _ = run_code(demo.step.code)
    np.testing.assert_array_equal(namespace["c"].numpy(), demo.picture.result)
    assert "x.mul_(w)" in demo.step.code
    assert literal_code(b) == "torch.tensor([3, 4], dtype=torch.int64).reshape(2)"


def test_dtype_refusal_is_reported_not_raised():
    a = torch.tensor([1, 2], dtype=torch.int64)
    demo = run_broadcast_demo((), (), BroadcastOp.DIV_, tensor_a=a, tensor_b=a)
    assert demo.explanation.ok and demo.picture.result is None
    assert "can't be cast" in demo.compute_error
    _, printed = run_code(demo.step.code)
    assert printed.splitlines()[-1] == demo.compute_error


def test_picture_limit():
    assert run_broadcast_demo((PICTURE_MAX_NUMEL,), (1,)).picture is not None
    assert run_broadcast_demo((PICTURE_MAX_NUMEL + 1,), (1,)).picture is None
    assert "3 dimensions" in run_broadcast_demo((1, 1, 1, 1), ()).picture_note


def test_summary_in_spanish():
    try:
        set_language("es")
        e = explain_broadcast((2, 3), (3, 2))
    finally:
        set_language("en")
    assert e.summary.startswith("La dimensión 1 mide 3 en a y 2 en b")

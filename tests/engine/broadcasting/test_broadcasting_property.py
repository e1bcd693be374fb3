"""The explainer against PyTorch itself, over random shape pairs (0-5 dims, sizes 0-4).

One example is drawn as a single integer and decoded into (shape_a, shape_b, op): hypothesis
spends far less time per example that way, so 10,000 cases per run stay fast.
"""

from __future__ import annotations

import random
import re

import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.broadcasting.explain import BroadcastOp, Verdict, explain_broadcast

MAX_DIMS, SIZES = 5, 5  # 0-5 dimensions, sizes 0-4
OPS = (BroadcastOp.ADD, BroadcastOp.ADD_, BroadcastOp.MUL_, BroadcastOp.LT)
_PER_SHAPE = (MAX_DIMS + 1) * SIZES**MAX_DIMS
CASES = _PER_SHAPE**2 * len(OPS)


def decode(code: int) -> tuple[tuple[int, ...], tuple[int, ...], BroadcastOp]:
    op, code = OPS[code % len(OPS)], code // len(OPS)
    shapes = []
    for _ in range(2):
        ndim, code = code % (MAX_DIMS + 1), code // (MAX_DIMS + 1)
        digits, code = code % SIZES**MAX_DIMS, code // SIZES**MAX_DIMS
        shapes.append(tuple((digits // SIZES**i) % SIZES for i in range(ndim)))
    return shapes[0], shapes[1], op


def test_decode_covers_every_rank_size_and_op():
    assert decode(0) == ((), (), BroadcastOp.ADD)
    rng = random.Random(0)
    seen = {decode(rng.randrange(CASES)) for _ in range(5000)}
    assert {len(a) for a, _, _ in seen} == set(range(MAX_DIMS + 1))
    assert {s for a, b, _ in seen for s in a + b} == set(range(SIZES))
    assert {op for _, _, op in seen} == set(OPS)


def _torch_error(action) -> str | None:
    try:
        action()
    except RuntimeError as error:
        return str(error)
    return None


def _run(op, a, b):
    if op.is_inplace:
        return getattr(a, op.value)(b)
    return a + b if op is BroadcastOp.ADD else a < b


@settings(max_examples=10_000, deadline=None, database=None)
@given(code=st.integers(min_value=0, max_value=CASES - 1))
@example(code=0)
def test_verdict_and_result_shape_match_torch(code):
    shape_a, shape_b, op = decode(code)
    explanation = explain_broadcast(shape_a, shape_b, op)
    try:
        expected, shapes_error = tuple(torch.broadcast_shapes(shape_a, shape_b)), None
    except RuntimeError as error:
        expected, shapes_error = None, str(error)
    assert explanation.broadcast_shape == expected
    if shapes_error is not None:
        assert explanation.verdict is Verdict.MISMATCH
        # broadcast_shapes names the failing dimension from the right: "at -2!"
        from_right = int(re.search(r" at (-\d+)!", shapes_error).group(1))
        assert explanation.rows[explanation.failing_row].from_right == from_right
    # PyTorch on real (tiny) tensors: the same verdict and the very same error text
    real_error = _torch_error(lambda: _run(op, torch.zeros(shape_a), torch.zeros(shape_b)))
    assert explanation.torch_error == real_error
    assert explanation.ok == (real_error is None)
    assert explanation.result_shape == (expected if real_error is None else None)
    if expected is not None:  # the stride-0 view that expand gives, as PyTorch computes it
        assert explanation.expand_stride_a == torch.zeros(shape_a).expand(expected).stride()
        assert explanation.expand_stride_b == torch.zeros(shape_b).expand(expected).stride()

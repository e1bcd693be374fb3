"""4-D broadcasting pictures (engine.broadcasting.picture_data): data, limits, messages."""

from __future__ import annotations

import numpy as np
import torch

from engine.broadcasting.explain import BroadcastOp
from engine.broadcasting.picture_data import BLOCK_MAX_NUMEL, run_picture_request
from engine.broadcasting.state import BroadcastRequest, Operand
from engine.i18n.catalogues.es_broadcasting import MESSAGES
from engine.i18n.messages import render


def _request(a, b, op=BroadcastOp.MUL) -> BroadcastRequest:
    return BroadcastRequest(1, Operand(a), Operand(b), op)


def test_a_small_4d_case_gets_a_picture_whose_code_reproduces_it():
    demo = run_picture_request(_request((2, 1, 3, 2), (3, 1)))
    picture = demo.picture
    assert picture is not None and demo.picture_note is None
    expected = torch.arange(1, 13.0).reshape(2, 1, 3, 2) * (torch.arange(1, 4.0) * 10).reshape(3, 1)
    np.testing.assert_array_equal(picture.result, expected.numpy())
    assert int(picture.b.is_copy.sum()) == 9 and picture.b.expand_stride == (0, 3, 1, 0)
    namespace: dict = {}
    exec(demo.step.code, {"torch": torch, "math": __import__("math")}, namespace)  # noqa: S102
    np.testing.assert_array_equal(namespace["c"].numpy(), picture.result)


def test_a_4d_mismatch_draws_both_operands_in_their_own_shapes():
    demo = run_picture_request(_request((2, 3, 2, 2), (2, 1, 2), BroadcastOp.ADD))
    assert demo.picture is not None and demo.picture.result is None
    assert demo.picture.a.values.shape == (2, 3, 2, 2) and demo.picture.b.expanded is None


def test_3d_cases_are_left_to_the_demo_and_big_or_5d_ones_say_why():
    small = run_picture_request(_request((4, 3, 2), (3, 1)))
    assert small.picture is not None and small.picture.result.shape == (4, 3, 2)
    big = run_picture_request(_request((2, 5, 5, 5), (5,)))
    assert big.picture is None
    assert f"3-D blocks of up to {BLOCK_MAX_NUMEL} elements" in render(big.picture_note)
    five = run_picture_request(_request((2, 1, 1, 2, 2), (2,)))
    assert five.picture is None and "up to 4 dimensions" in render(five.picture_note)


def test_the_new_note_has_a_spanish_entry():
    assert any(key.startswith("The picture draws a 4-D tensor as 3-D blocks") for key in MESSAGES)

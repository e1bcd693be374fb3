"""A kept step's code is one compact text that renders as the pieces it was built from."""

from __future__ import annotations

import pytest

from engine.broadcasting.compact_text import flat_code
from engine.broadcasting.demo import _draw
from engine.broadcasting.explain import BroadcastOp, explain_broadcast
from engine.broadcasting.picture_data import run_picture_request
from engine.broadcasting.presets import PRESETS
from engine.broadcasting.probe import probe_torch_error
from engine.broadcasting.state import BroadcastingState
from engine.i18n.messages import Text, compose, join_texts, msg

CASES = [  # (shape a, shape b, op): drawn, refused, in place, beyond the memory guard
    ((4, 3, 2), (3, 1), BroadcastOp.MUL),
    ((2, 3), (3, 2), BroadcastOp.ADD),
    ((3, 1), (3, 4), BroadcastOp.ADD_),
    ((2, 1), (2, 3), BroadcastOp.MUL_),
    ((100000, 100000), (100000, 1), BroadcastOp.ADD_),
    ((2**40, 2**40), (3,), BroadcastOp.ADD),
    ((0, 3), (2, 3), BroadcastOp.ADD),
]


def _texts_in(text: object) -> int:
    """How many ``Text`` objects ``text`` is made of (itself and its parameters, nested)."""
    if not isinstance(text, Text):
        return 0
    return 1 + sum(_texts_in(value) for value in text.params.values())


def _built_codes():
    """Codes as the engine builds them, before ``flat_code``: picture and probe code."""
    for shape_a, shape_b, op in CASES:
        explanation = explain_broadcast(shape_a, shape_b, op)
        probe = probe_torch_error(shape_a, shape_b, op, explanation.verdict,
                                  explanation.broadcast_shape)
        yield probe.code
        if max(len(shape_a), len(shape_b)) <= 3 and explanation.broadcast_shape is not None \
                and max(explanation.broadcast_shape) <= 4:
            yield _draw(explanation, None, None, ("a", "b"))[1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_flat_code_renders_as_the_pieces_in_each_language(language):
    codes = list(_built_codes())
    assert len(codes) >= 10
    for code in codes:
        flat = flat_code(code)
        shown = flat.in_language(language) if isinstance(flat, Text) else flat
        assert shown == code.in_language(language)


def test_fixed_parts_are_escaped_and_format_specs_kept():
    code = join_texts("", [
        "d = {'a': 1}\n",
        compose("x = {n:.2f}  # {c}\n", n=1.5, c=msg("stride 0 = stretched without copying")),
        compose("{v!r}\n", v="{}"),
    ])
    flat = flat_code(code)
    assert flat == "d = {'a': 1}\nx = 1.50  # stride 0 = stretched without copying\n'{}'\n"
    assert flat.in_language("es") == code.in_language("es")
    assert _texts_in(flat) == 2  # itself and the one translated comment


def test_code_without_translated_comments_is_a_plain_string():
    flat = flat_code(join_texts("", ["a = 1\n", compose("{line}\n", line="b = 2")]))
    assert flat == "a = 1\nb = 2\n" and not isinstance(flat, Text)


@pytest.mark.parametrize("key", [p.key for p in PRESETS])
def test_kept_steps_hold_one_text_per_translated_comment(key):
    state = BroadcastingState()
    step = run_picture_request(state.request_preset(key)).step
    comments = step.code.count("  # ") + step.code.count("\n# ") + step.code.startswith("# ")
    # the code itself and at most its comments: no nested level keeps a copy of its text
    assert _texts_in(step.code) <= 1 + comments
    assert not isinstance(step.code, Text) or all(
        isinstance(value, Text) and value.translated for value in step.code.params.values())

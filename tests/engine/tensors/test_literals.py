"""The literal parser behind torch.tensor(...): never eval, clear errors, exact round-trips."""

from __future__ import annotations

import ast
import math

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import InputError
from engine.tensors.literals import MAX_ELEMENTS, parse_literal

NOTE_EXAMPLES = [
    ("[[3.14332, 2.732342], [1.4374973, 0.00834]]", (2, 2), "float"),
    ("(2, 3, 4, 6, 1, 9, 10, 30)", (8,), "int"),
    ("((2, 4, 6), [3, 6, 9])", (2, 3), "int"),
]


@pytest.mark.parametrize(("text", "shape", "kind"), NOTE_EXAMPLES)
def test_note_examples_parse_like_python(text, shape, kind):
    parsed = parse_literal(text)
    assert parsed.shape == shape and parsed.kind == kind
    expected = torch.tensor(ast.literal_eval(text))
    assert torch.equal(torch.tensor(parsed.data), expected)
    assert torch.equal(torch.tensor(ast.literal_eval(parsed.code)), expected)


@pytest.mark.parametrize(("text", "shape", "data"), [
    ("3", (), 3), ("-2.5e3", (), -2500.0), ("(1)", (), 1), ("(1,)", (1,), [1]),
    ("[]", (0,), []), ("[[], []]", (2, 0), [[], []]), ("[True, False]", (2,), [True, False]),
    ("[1, 2,]", (2,), [1, 2]), ("  [ .5 , +1. ]  ", (2,), [0.5, 1.0]),
])
def test_small_cases(text, shape, data):
    parsed = parse_literal(text)
    assert parsed.shape == shape
    assert parsed.data == data


def test_inf_and_nan_become_math_names_in_code():
    parsed = parse_literal("[1, inf, -math.inf, nan]")
    assert parsed.code == "[1, math.inf, -math.inf, math.nan]"
    values = parsed.data
    assert values[1] == math.inf and values[2] == -math.inf and math.isnan(values[3])


def test_kind_follows_torch_promotion():
    for text in ("[True, 2]", "[1, 2.0]", "[True, False]"):
        parsed = parse_literal(text)
        expected = torch.tensor(ast.literal_eval(text)).dtype
        assert {"bool": torch.bool, "int": torch.int64, "float": torch.float32}[
            parsed.kind] == expected


@pytest.mark.parametrize(("text", "column", "words"), [
    ("[[1, 2], [3]]", 10, "Ragged"),
    ("[[1, 2], 3]", 10, "Ragged"),
    ("[1, 2", 6, "never closed"),
    ("[1 2]", 4, "expected"),
    ("[1,,2]", 4, "not allowed"),
    ("[x]", 2, "not a number"),
    ("[1] [2]", 5, "after the end"),
    ("[99999999999999999999]", 2, "64 bits"),
    ("[[[[[[[[[1]]]]]]]]]", 9, "nested"),
    ("", 1, "empty"),
])
def test_bad_literals_name_the_column(text, column, words):
    with pytest.raises(InputError) as info:
        parse_literal(text, field="data")
    assert info.value.column == column
    assert info.value.field == "data"
    assert words in info.value.message


def test_what_the_parser_cannot_read_is_computed_by_the_language():
    for text, data in (("[len([])]", [0]), ("[0x10]", [16]), ("[2 ** 3]", [8]),
                       ("[(1 + 2) * 3]", [9]), ("[math.sqrt(4), math.cos(0)]", [2.0, 1.0])):
        parsed = parse_literal(text)
        assert parsed.data == data and parsed.code == text
        assert torch.equal(torch.tensor(parsed.data),
                           torch.tensor(eval(parsed.code, {"math": math})))  # noqa: S307


def test_what_is_not_tensor_data_keeps_the_parsers_error():
    for text in ("__import__('os')", "[1j]", "{1: 2}", "[math.sqrt]", "[1 / 0]", "[1 *]",
                 "[getattr(math, 'pi')]", "[math.__name__]", "[torch.ones(2)]", "[2 ** 70]",
                 "[[1, 2], [3 ** 1]]", "[math.sqrt(-1)]", "[[[[[[[[[1 ** 1]]]]]]]]]"):
        with pytest.raises(InputError) as info:
            parse_literal(text, field="data")
        assert info.value.field == "data" and info.value.column >= 1


@pytest.mark.parametrize("text", ["[[1, 2], [3, 4]]", "[[0.1, 0.2], [0.3, 0.4]]", "(2, 3)",
                                  "[math.pi, math.e]", "[True, False]", "3.14159",
                                  "[0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]",
                                  "[1., 0., 0.,]", "[[3., 0.], [0., 3.]]"])
def test_note_data_lines_work_as_typed(text):
    parsed = parse_literal(text)
    expected = torch.tensor(eval(text, {"math": math}))  # noqa: S307 - the oracle
    assert torch.equal(torch.tensor(parsed.data), expected)
    assert torch.equal(torch.tensor(eval(parsed.code, {"math": math})), expected)  # noqa: S307


def test_note_angles_keep_math_pi_in_the_code_and_match_python():
    text = "[0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]"
    parsed = parse_literal(text)
    assert parsed.code == text and parsed.kind == "float" and parsed.shape == (4,)
    assert parsed.data == [0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]
    assert parse_literal("[-pi, e, tau, 1 + 1, 7 - 1 * 2]").data == [
        -math.pi, math.e, math.tau, 2, 5]
    assert parse_literal("[1 + 1]").kind == "int"


@given(st.lists(st.integers(-1000, 1000) | st.floats(-1e6, 1e6), min_size=1, max_size=5),
       st.lists(st.sampled_from("+-*/"), min_size=4, max_size=4))
@settings(max_examples=300, deadline=None)
def test_arithmetic_elements_follow_python(numbers, ops):
    text = " ".join(f"{n!r} {op}" for n, op in zip(numbers, ops, strict=False))[:-2]
    try:
        expected = eval(text, {"math": math})  # noqa: S307 - the oracle, on generated numbers
    except ZeroDivisionError:
        with pytest.raises(InputError):
            parse_literal(f"[{text}]")
        return
    parsed = parse_literal(f"[{text}]")
    assert parsed.data == [expected] or (expected != expected and parsed.data[0] != parsed.data[0])
    assert eval(parsed.code, {"math": math}) == parsed.data or expected != expected  # noqa: S307


def test_size_limit(monkeypatch):
    from engine.tensors import literals

    assert MAX_ELEMENTS >= 100_000
    monkeypatch.setattr(literals, "MAX_ELEMENTS", 50)
    assert parse_literal("[" + "0," * 50 + "]").shape == (50,)
    with pytest.raises(InputError, match="numbers typed"):
        parse_literal("[" + "0," * 51 + "]")


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("[](),.0123456789eE+- xTrueFalsinfmath")),
               max_size=40) | st.text(max_size=30))
def test_fuzz_only_input_errors(text):
    try:
        parsed = parse_literal(text)
    except InputError as exc:
        assert exc.message
        assert exc.column is None or exc.column >= 1
        return
    # Whatever parses is something torch.tensor accepts, with the shape we computed.
    assert tuple(torch.tensor(parsed.data).shape) == parsed.shape


def _rectangular(depth: int):
    scalars = st.one_of(st.integers(-(2**63) + 1, 2**63 - 1),
                        st.floats(allow_nan=False, allow_infinity=True), st.booleans())
    if depth == 0:
        return scalars

    @st.composite
    def block(draw):
        shape = draw(st.lists(st.integers(0, 3), min_size=depth, max_size=depth))
        return draw(_fill(shape, scalars))

    return block()


def _fill(shape, scalars):
    if not shape:
        return scalars
    inner = _fill(shape[1:], scalars)
    return st.lists(inner, min_size=shape[0], max_size=shape[0]).flatmap(
        lambda items: st.sampled_from([items, tuple(items)]))


def _as_lists(value):
    return [_as_lists(v) for v in value] if isinstance(value, list | tuple) else value


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3).flatmap(_rectangular))
def test_round_trip_of_python_repr(value):
    text = repr(value)
    parsed = parse_literal(text)
    assert parsed.data == _as_lists(value)
    assert parse_literal(parsed.code).data == parsed.data

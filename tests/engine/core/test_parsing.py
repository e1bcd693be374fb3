"""Shape and dtype parsing: accepted spellings, clear errors, and a fuzz test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.errors import InputError, SizeLimitError
from engine.core.limits import check_allocation, format_bytes
from engine.core.parsing import format_shape, parse_dtype, parse_shape


@pytest.mark.parametrize("text", ["2, 3", "(2, 3)", "2x3", "[2,3]", " 2 × 3 ", "2 3", "(2, 3,)"])
def test_shape_spellings(text):
    assert parse_shape(text) == (2, 3)


@pytest.mark.parametrize("text, shape", [("", ()), ("()", ()), ("(3,)", (3,)), ("0", (0,))])
def test_scalar_and_one_dimensional_shapes(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize("text, fragment", [
    ("2, -3", "negative"),
    ("2, a", "is not a size"),
    ("(2, 3", "never closed"),
    ("2,,3", "empty"),
    ("1," * 9 + "1", "too many"),
    ("2.5, 3", "is not a size"),
])
def test_bad_shapes_say_what_is_wrong(text, fragment):
    with pytest.raises(InputError) as info:
        parse_shape(text, field="shape A")
    assert fragment in info.value.message
    assert info.value.field == "shape A"


@given(st.text(max_size=40))
@settings(max_examples=3000, deadline=None)
def test_shape_parser_fuzz_raises_only_input_error(text):
    try:
        shape = parse_shape(text)
    except InputError:
        return
    assert all(isinstance(s, int) and s >= 0 for s in shape)


@given(st.lists(st.integers(0, 10**6), max_size=8))
@settings(max_examples=1000, deadline=None)
def test_shape_round_trip(shape):
    assert parse_shape(format_shape(tuple(shape))) == tuple(shape)


@pytest.mark.parametrize("text, name", [("float", "float32"), ("torch.int16", "int16"),
                                        ("bfloat", "bfloat16"), ("double", "float64")])
def test_dtype_aliases(text, name):
    assert parse_dtype(text) == name


def test_unknown_dtype_lists_the_choices():
    with pytest.raises(InputError, match="float32"):
        parse_dtype("float128")


def test_memory_guard_refuses_and_names_the_size():
    with pytest.raises(SizeLimitError) as info:
        check_allocation((100_000, 100_000), 4)
    assert "37.3 GiB" in info.value.message
    assert check_allocation((2, 3), 4) == 24
    assert format_bytes(1536) == "1.5 KiB"

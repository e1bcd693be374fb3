"""The viewer's slicing logic against numpy: the shown cell (row, col) is values[index]."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.widgets.tensor_slicing import (
    SliceSpec,
    compute_levels,
    default_spec,
    format_value,
    full_index,
    parse_cell_text,
    sample_levels,
    slice_2d,
)


@st.composite
def array_and_spec(draw):
    shape = tuple(draw(st.lists(st.integers(1, 4), min_size=0, max_size=5)))
    values = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    if len(shape) < 2:
        return values, default_spec(shape)
    row, col = draw(st.permutations(range(len(shape))))[:2]
    fixed = tuple(draw(st.integers(0, size - 1)) for size in shape)
    return values, SliceSpec(row, col, fixed)


@settings(max_examples=300, deadline=None)
@given(array_and_spec(), st.data())
def test_every_shown_cell_maps_back_to_its_nd_index(case, data):
    values, spec = case
    plane = slice_2d(values, spec)
    assert plane.ndim == 2
    row = data.draw(st.integers(0, plane.shape[0] - 1))
    col = data.draw(st.integers(0, plane.shape[1] - 1))
    index = full_index(values.shape, spec, row, col)
    assert values[index] == plane[row, col]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=32), min_size=1,
                max_size=50))
def test_levels_are_the_finite_range_and_counts(numbers):
    plane = np.array(numbers, dtype=np.float32).reshape(1, -1)
    levels = compute_levels(plane, "float")
    finite = plane[np.isfinite(plane)]
    assert levels.nan_count == int(np.isnan(plane).sum())
    assert levels.posinf_count == int(np.isposinf(plane).sum())
    if finite.size:
        assert (levels.low, levels.high) == (float(finite.min()), float(finite.max()))
    low, high = levels.color_range()
    assert low < high


def test_sampled_levels_stay_inside_the_exact_range():
    plane = np.random.default_rng(0).normal(size=(1500, 1500)).astype(np.float32)
    exact, sampled = compute_levels(plane, "float"), sample_levels(plane, "float")
    assert exact.low <= sampled.low <= sampled.high <= exact.high


def test_cell_text_round_trips():
    for kind, value in (("float", -2.5), ("int", 7), ("bool", True)):
        assert parse_cell_text(format_value(value, kind), kind) == value
    assert parse_cell_text("1.5", "int") is None
    assert parse_cell_text("__import__('os')", "float") is None

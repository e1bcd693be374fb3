"""The viewer reads true and fits: percentile colour limits, legends, ndarray facts,
print(t) never silently cut, values that fit their column."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt

from engine.core.snapshot import array_snapshot, snapshot
from gui.widgets.tensor_slicing import compute_levels, format_value
from gui.widgets.tensor_viewer import TensorViewer


@pytest.fixture
def viewer(qtbot):
    widget = TensorViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return widget


def _uninitialised_like() -> torch.Tensor:
    """What torch.empty typically holds: zeros, denormals, a few enormous values."""
    values = np.zeros((6, 8), dtype=np.float32)
    values[::2, 1::3] = 4.58e-41
    values[1::2, ::4] = 1.2e-43
    values[0, 0], values[5, 7], values[3, 3] = -6.2e26, 3.3e8, -9e-10
    return torch.from_numpy(values)


def test_outliers_get_percentile_colour_limits_and_the_true_range_is_stated(viewer):
    t = _uninitialised_like()
    viewer.set_snapshot(snapshot(t, "e"))
    low, high = viewer.color_bar_levels()
    assert high - low < 1e-30, "the few huge values must not set the colour scale"
    distinct = np.unique(viewer.heatmap.image.image.clip(low, high))
    assert len(distinct) >= 2, "leftover zeros and the bytes around them differ in colour"
    legend = viewer.heatmap.legend_text()
    assert "percentiles" in legend and "-6.2e+26" in legend and "3.3e+08" in legend
    assert viewer.facts.value_text("range") == "-6.2e+26 … 3.3e+08"


@pytest.mark.parametrize("values", [np.random.default_rng(0).random((40, 40)),
                                    np.random.default_rng(1).standard_normal((50, 50)),
                                    np.arange(12.0).reshape(3, 4)])
def test_ordinary_data_keeps_its_true_range(viewer, values):
    viewer.set_snapshot(snapshot(torch.from_numpy(values), "x"))
    assert viewer.color_bar_levels() == (values.min(), values.max())
    assert "percentile" not in viewer.heatmap.legend_text()


def test_integer_colour_map_is_explained_with_one_tick_per_value(viewer):
    viewer.set_snapshot(snapshot(torch.tensor([[0, 3, 9], [1, 2, 5]]), "r"))
    legend = viewer.heatmap.legend_text()
    assert "Whole numbers 0 … 9" in legend and "one shade each" in legend
    assert viewer.color_bar_levels() == (-0.5, 9.5)
    ticks = viewer.heatmap.color_bar.axis._tickLevels
    assert [label for _value, label in ticks[0]] == [str(v) for v in range(10)]
    viewer.set_snapshot(snapshot(torch.arange(100).reshape(10, 10), "big"))
    assert "cividis" in viewer.heatmap.legend_text()


def test_nan_and_inf_marks_are_named_on_screen(viewer):
    viewer.set_snapshot(snapshot(torch.tensor([[1.0, float("nan")], [float("inf"), 2.0]])))
    assert "NaN magenta" in viewer.heatmap.legend_text()


def test_a_numpy_array_shows_numpy_facts(viewer):
    arr = np.arange(6, dtype=np.float32).reshape(2, 3)
    shared = torch.from_numpy(arr)
    viewer.set_snapshot(array_snapshot(arr, "arr", ("t_shared",)))
    facts = viewer.facts
    assert not facts.is_row_shown("shape") and not facts.is_row_shown("grad_fn")
    assert not facts.is_row_shown("is_leaf")
    assert facts.row_name("a_strides") == "arr.strides"
    assert facts.value_text("a_shape") == "(2, 3)"
    assert facts.value_text("a_strides") == "(12, 4)"  # bytes
    assert facts.value_text("a_dtype") == "float32"
    assert facts.value_text("a_c_contiguous") == "True"
    assert facts.value_text("a_owndata") == "False"  # reshape gives a view of the arange
    assert facts.value_text("a_writeable") == "True"
    assert facts.value_text("a_data") == str(shared.data_ptr())
    assert facts.value_text("a_shared") == "t_shared.data_ptr()"
    assert viewer.printed_label.text() == "print(arr)"
    assert "numpy.ndarray" in viewer.title_label.text()
    viewer.set_snapshot(snapshot(shared, "t_shared"))  # a tensor again: tensor facts
    assert facts.is_row_shown("grad_fn") and not facts.is_row_shown("a_strides")


def test_wide_print_is_never_cut_without_a_hint(viewer, qtbot):
    viewer.show()
    viewer.set_snapshot(snapshot(torch.rand(4, 30), "w"))
    qtbot.waitUntil(lambda: viewer.printed.horizontalScrollBar().maximum() > 0)
    assert not viewer.printed_hint.isHidden() and not viewer.printed_is_cut()
    viewer.wrap_check.setChecked(True)
    qtbot.waitUntil(lambda: viewer.printed.horizontalScrollBar().maximum() == 0)
    assert viewer.printed_hint.isHidden() and not viewer.printed_is_cut()
    viewer.hide()


@pytest.mark.parametrize(("value", "chars", "expected"), [
    (123456789.123, 10, "1.2346e+08"), (0.000012345678, 10, "1.2346e-05"),
    (-6.2824e26, 9, "-6.28e+26"), (0.123456, 10, "0.123456"), (-98765.4321, 10, "-98765.4"),
])
def test_long_values_keep_significant_digits_to_fit(value, chars, expected):
    text = format_value(value, "float", chars)
    assert text == expected and len(text) <= chars
    assert float(text) == pytest.approx(value, rel=1e-3)


def test_values_table_cells_fit_their_column(viewer):
    t = torch.tensor([[123456789.123, 0.000012345678], [-98765.4321, -1.23456789e-300]],
                     dtype=torch.float64)
    viewer.set_snapshot(snapshot(t, "v"))
    model, metrics = viewer.table_model, viewer.table.fontMetrics()
    width = viewer.table.horizontalHeader().defaultSectionSize()
    for row in range(2):
        for col in range(2):
            text = model.data(model.index(row, col))
            assert metrics.horizontalAdvance(text) < width - 4, text
            assert float(text) == pytest.approx(t[row, col].item(), rel=1e-3)
    big = torch.tensor([[2**62, -(2**62)]])
    viewer.set_snapshot(snapshot(big, "i"))
    text = model.data(model.index(0, 1))
    assert text == str(-(2**62))  # integers keep every digit: the column widens instead
    assert metrics.horizontalAdvance(text) < viewer.table.horizontalHeader().defaultSectionSize()
    # Every value fits, so cells are drawn on one line without an ellipsis (cheaper repaints)
    assert not viewer.table.wordWrap()
    assert viewer.table.textElideMode() == Qt.TextElideMode.ElideNone


def test_levels_oracle_uninitialised_memory_is_clipped_normal_data_is_not():
    rng = np.random.default_rng(3)
    assert compute_levels(rng.standard_normal((300, 300)), "float").clip is None
    assert compute_levels(rng.integers(0, 10, (8, 8)), "int").clip is None
    clipped = compute_levels(_uninitialised_like().numpy(), "float")
    assert clipped.clip is not None and clipped.low == pytest.approx(-6.2e26)

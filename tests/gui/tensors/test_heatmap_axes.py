"""The heatmap's index axes: ticks only on the plane's own indices, and a row axis that
takes the width of its longest label when the plane arrives (not after its first paint)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.core.levels import compute_levels
from gui.widgets.tensor_heatmap import TensorHeatmap
from tests.conftest import shown


@pytest.fixture
def heatmap(qtbot):
    return shown(qtbot, TensorHeatmap(), 700, 500)


def _show(heatmap, rows: int, cols: int) -> None:
    plane = np.arange(rows * cols, dtype=np.float32).reshape(rows, cols)
    heatmap.set_plane(plane, "float", compute_levels(plane, "float"))


def _ticks(axis) -> list[float]:
    low, high = axis.range
    length = axis.geometry().height() if axis.orientation == "left" else axis.geometry().width()
    return [v for _spacing, values in axis.tickValues(low, high, length) for v in values]


def test_ticks_are_whole_indices_inside_the_plane_even_when_panned_past_it(heatmap):
    _show(heatmap, 20, 30)
    heatmap.plot.setRange(xRange=(-40, 80), yRange=(-15, 45), padding=0.0)
    left, bottom = heatmap.plot.getAxis("left"), heatmap.plot.getAxis("bottom")
    rows, cols = _ticks(left), _ticks(bottom)
    assert rows and cols
    assert all(float(v).is_integer() and 0 <= v <= 19 for v in rows)
    assert all(float(v).is_integer() and 0 <= v <= 29 for v in cols)
    heatmap.clear()  # no plane: no bounds
    assert min(_ticks(left)) < 0


@pytest.mark.parametrize(("rows", "digits"), [(3, 1), (300, 3), (100_000, 5), (4096, 4)])
def test_the_row_axis_fits_its_longest_label_before_the_first_paint(heatmap, qtbot, rows,
                                                                     digits):
    _show(heatmap, 2, 2)
    qtbot.waitUntil(lambda: heatmap.plot.getAxis("left").picture is not None)
    left = heatmap.plot.getAxis("left")
    _show(heatmap, rows, 3)
    width = left.maximumWidth()
    assert left.minimumWidth() == width  # set in the turn that shows the plane
    qtbot.waitUntil(lambda: left.picture is not None)  # painted
    assert left.maximumWidth() == width  # the paint changed nothing: no second layout
    room = width - left.style["tickTextOffset"][0]
    assert left.textWidth <= room  # every label painted fits
    assert room < left.textWidth * (digits + 1) / digits  # no room for one more digit

"""The heatmap's legend takes room only when it has something to say, and its band does
not come and go while the user slides through the planes of one tensor."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.snapshot import snapshot
from gui.widgets.tensor_slicing import SliceSpec
from gui.widgets.tensor_viewer import TensorViewer
from tests.conftest import shown


@pytest.fixture
def viewer(qtbot):
    return shown(qtbot, TensorViewer(), 900, 500)


def _plot_height(viewer) -> int:
    """The plot's height once the heatmap's layout has placed the legend (or not)."""
    viewer.heatmap.layout().activate()
    return viewer.heatmap.graphics.height()


def _outliers_then_plain() -> torch.Tensor:
    """Plane 0 has a few enormous values (percentile colour limits, a legend line); plane 1
    is ordinary data (nothing to say)."""
    values = np.zeros((2, 6, 8), dtype=np.float32)
    values[0, ::2, 1::3] = 4.58e-41
    values[0, 0, 0], values[0, 5, 7] = -6.2e26, 3.3e8
    values[1] = np.arange(48, dtype=np.float32).reshape(6, 8)
    return torch.from_numpy(values)


def test_a_plain_float_tensor_leaves_no_blank_band(viewer):
    viewer.set_snapshot(snapshot(torch.rand(2, 3), "x"))
    assert viewer.heatmap.legend_text() == ""
    assert viewer.heatmap.legend.isHidden()
    assert _plot_height(viewer) == viewer.heatmap.height()


def test_a_legend_line_gets_its_band(viewer):
    viewer.set_snapshot(snapshot(torch.tensor([[0, 3, 9], [1, 2, 5]]), "r"))
    assert "Whole numbers" in viewer.heatmap.legend_text()
    assert viewer.heatmap.legend.isVisible()
    assert _plot_height(viewer) < viewer.heatmap.height() - viewer.heatmap.legend.height()
    legend = viewer.heatmap.legend
    assert legend.height() >= 2 * legend.fontMetrics().lineSpacing()


def test_the_band_stays_while_sliding_through_one_tensor(viewer):
    t = _outliers_then_plain()
    viewer.set_snapshot(snapshot(t, "e"))
    assert "percentiles" in viewer.heatmap.legend_text()
    with_legend = _plot_height(viewer)
    viewer.set_slice_spec(SliceSpec(1, 2, (1, 0, 0)))
    assert viewer.heatmap.legend_text() == ""
    assert not viewer.heatmap.legend.isHidden()
    assert _plot_height(viewer) == with_legend  # the plot did not jump
    t[1, 0, 0] = 5.0  # an edit: same shape and dtype, still the same tensor
    viewer.set_snapshot(snapshot(t, "e"))
    assert not viewer.heatmap.legend.isHidden()


def test_another_tensor_with_nothing_to_say_drops_the_band(viewer):
    viewer.set_snapshot(snapshot(_outliers_then_plain(), "e"))
    assert not viewer.heatmap.legend.isHidden()
    viewer.set_snapshot(snapshot(torch.rand(4, 5), "x"))
    assert viewer.heatmap.legend.isHidden()
    assert _plot_height(viewer) == viewer.heatmap.height()
    viewer.set_snapshot(snapshot(_outliers_then_plain(), "e"))
    viewer.clear()
    assert viewer.heatmap.legend.isHidden()

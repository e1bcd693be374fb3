"""A big plane's preview is drawn to fit the screen: every k-th row and column when zoomed
out, more of them when zoomed in; the legend says so and the values stay exact."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.snapshot import snapshot
from gui.widgets.tensor_heatmap import TensorHeatmap
from gui.widgets.tensor_slicing import display_step
from gui.widgets.tensor_viewer import TensorViewer


@pytest.mark.parametrize(("preview", "plane", "visible", "pixels", "step"), [
    ((2048, 2048), (4096, 4096), (4096, 4096), (500, 500), 4),  # 2048 / 500 → 4
    ((2048, 2048), (4096, 4096), (4096, 4096), (1100, 500), 1),  # 2048 / 1100 < 2
    ((2048, 2048), (4096, 4096), (1024, 1024), (500, 500), 1),  # zoomed in 4×
    ((2048, 1024), (2048, 1024), (2048, 1024), (200, 100), 8),  # 1024 / 100 → 8 (10.24)
    ((100, 100), (100, 100), (100, 100), (0, 0), 64),  # no pixels yet: as few as possible
])
def test_display_step_keeps_a_drawn_row_and_column_per_pixel(preview, plane, visible,
                                                             pixels, step):
    assert display_step(preview, plane, visible, pixels) == step


def test_a_shown_big_plane_is_drawn_to_fit_then_refined_on_zoom(qtbot):
    viewer = TensorViewer()
    qtbot.addWidget(viewer)
    viewer.resize(900, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    values = torch.rand(4096, 4096)
    values[100, 200] = 7.0
    shot = snapshot(values, "big")
    viewer.set_snapshot(shot)
    viewer.finish_updates()  # a big plane is drawn at a later turn
    heatmap: TensorHeatmap = viewer.heatmap
    step = heatmap.preview_step()
    assert step > 1  # a 2048² preview in a view a few hundred pixels wide
    assert heatmap.image.image.shape == (2048 // step, 2048 // step)
    assert np.array_equal(heatmap.image.image, shot.preview[::step, ::step])
    assert "skips rows and columns" in heatmap.legend_text()
    assert viewer.current_plane()[100, 200] == 7.0  # the values themselves stay exact
    heatmap.plot.setRange(xRange=(0, 300), yRange=(0, 300), padding=0.0)  # zoom far in
    qtbot.waitUntil(lambda: heatmap.preview_step() == 1, timeout=5000)
    assert heatmap.image.image.shape == (2048, 2048)
    viewer.set_snapshot(snapshot(torch.rand(30, 40), "small"))
    assert heatmap.preview_step() == 0 and "skips" not in heatmap.legend_text()

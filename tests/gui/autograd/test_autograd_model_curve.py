"""The tiny model's loss curve while training: about one redraw a frame, a steady axis."""

from __future__ import annotations

import numpy as np


def test_many_points_are_drawn_in_few_redraws_on_a_steady_axis(qtbot):
    from gui.autograd.model_panel import LOSS_AXIS_WIDTH, ModelPanel

    panel = ModelPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_training(True, 500)
    box = panel.loss_plot.getViewBox()
    x_range = box.viewRange()[0]
    for step in range(1, 501):  # a burst of progress, as a fast worker sends it
        panel.add_point(step, 10.0 ** (4 - step / 100))
    qtbot.waitUntil(lambda: len(panel.loss_curve.getData()[0]) == 500, timeout=2000)
    assert panel.redraws <= 3  # not 500
    np.testing.assert_allclose(panel.loss_curve.getData()[1][-1], 10.0 ** -1)
    assert panel.loss_plot.getAxis("left").width() == LOSS_AXIS_WIDTH
    assert box.viewRange()[0] == x_range  # the x axis spans the run from the start
    panel.set_training(False)
    panel.set_losses([3.0, 2.0, 1.0])
    qtbot.waitUntil(lambda: box.viewRange()[0][1] < 10, timeout=2000)  # fits the run again
    panel.hide()

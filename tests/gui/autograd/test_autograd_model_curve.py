"""The tiny model's loss curve while training: about one redraw a frame, a steady axis."""

from __future__ import annotations

import numpy as np

from tests.conftest import shown


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


def _shown_panel(qtbot):
    from gui.autograd.model_panel import ModelPanel

    return shown(qtbot, ModelPanel(), 500, 600)


def test_the_y_axis_stays_still_while_losses_fall_and_grows_for_a_higher_one(qtbot):
    panel = _shown_panel(qtbot)
    box = panel.loss_plot.getViewBox()
    panel.set_training(True, 300)
    for step in range(1, 101):
        panel.add_point(step, 5.0 / step)
    qtbot.waitUntil(lambda: len(panel.loss_curve.getData()[0]) == 100, timeout=2000)
    first = box.viewRange()[1]
    assert first[0] == 0.0 and 5.0 <= first[1] < 6.0  # from 0 to just above the highest
    for step in range(101, 201):
        panel.add_point(step, 5.0 / step)
    qtbot.waitUntil(lambda: len(panel.loss_curve.getData()[0]) == 200, timeout=2000)
    assert box.viewRange()[1] == first  # falling losses: no new range, no axis redrawn
    panel.add_point(201, 50.0)  # a diverging step still shows
    qtbot.waitUntil(lambda: box.viewRange()[1][1] > 50.0, timeout=2000)
    panel.set_training(False)
    panel.hide()


def test_building_the_model_keeps_the_page_layout(qtbot):
    from engine.autograd.model import build_model

    panel = _shown_panel(qtbot)
    before = (panel.table.height(), panel.loss_plot.size())
    panel.set_model(build_model())
    assert panel.table.rowCount() == 4 and panel.table.item(0, 0).text().startswith("0.weight")
    assert (panel.table.height(), panel.loss_plot.size()) == before
    panel.set_model(None)
    assert panel.table.item(0, 0) is None and panel.table.height() == before[0]
    panel.hide()


def test_the_table_columns_fit_the_built_model(qtbot):
    from PySide6.QtWidgets import QHeaderView

    from engine.autograd.model import build_model

    panel = _shown_panel(qtbot)
    panel.set_model(build_model())
    table, header = panel.table, panel.table.horizontalHeader()
    for column in range(table.columnCount() - 1):  # the last one stretches
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
        widest = max(table.fontMetrics().horizontalAdvance(table.item(row, column).text())
                     for row in range(table.rowCount()))
        assert header.sectionSize(column) >= widest
    panel.hide()


def test_the_view_stays_after_training_only_while_it_shows_every_loss(qtbot):
    panel = _shown_panel(qtbot)
    box = panel.loss_plot.getViewBox()
    losses = [4.0 / step for step in range(1, 51)]
    panel.set_training(True, 50)
    for step in range(1, 51, 7):  # progress arrives for some steps only
        panel.add_point(step, losses[step - 1])
    qtbot.waitUntil(lambda: len(panel.loss_curve.getData()[0]) == 8, timeout=2000)
    trained_in = box.viewRange()
    panel.set_losses(losses)  # every step, at the end of the run
    panel.set_training(False)
    assert box.viewRange() == trained_in  # the axes are not redrawn
    assert len(panel.loss_curve.getData()[0]) == 50
    spiked = losses.copy()
    spiked[3] = 40.0  # a step the progress never showed, above the view
    panel.set_losses(spiked)
    qtbot.waitUntil(lambda: box.viewRange()[1][1] >= 40.0, timeout=2000)  # fits again
    panel.hide()


def test_the_built_models_text_leaves_the_loss_plot_as_it_was(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    from engine.autograd.model import build_model

    panel = _shown_panel(qtbot)
    panel.resize(440, 600)  # the page's narrow column: the text takes three lines
    qtbot.waitUntil(lambda: panel.width() == 440, timeout=2000)
    plot_size = panel.loss_plot.size()
    panel.set_model(build_model())
    qtbot.waitUntil(lambda: panel.info.text().startswith("Loss"), timeout=2000)
    for _level in range(8):  # every pending layout, level by level
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert panel.loss_plot.size() == plot_size
    panel.hide()

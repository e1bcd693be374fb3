"""What the Autograd tab keeps per action in a long session: the losses the user trained
(every one, in a few bytes each) and nothing that grows with clicks."""

from __future__ import annotations

import gc
import tracemalloc

import numpy as np
import pyqtgraph as pg

from tests.conftest import shown
from tests.gui.autograd.conftest import wait_model_shown, wait_shown

# A float32 and its int32 x, with room to grow: up to 16, a few points a pixel drawn, and
# the run's own few KB (its code step...); as Python floats and (step, loss) tuples, all
# drawn, a step took ~180-220.
BYTES_PER_KEPT_LOSS = 64


def _traced_growth(action) -> int:
    """Bytes Python code (numpy arrays included) still holds after ``action``. A full
    collection empties the free lists first (freed tuples kept for reuse still count)."""
    tracemalloc.start()
    try:
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        action()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_a_long_loss_history_is_drawn_without_a_copy_per_step(qtbot):
    from engine.autograd.losses import LossHistory
    from gui.autograd.model_panel import ModelPanel

    panel = shown(qtbot, ModelPanel(), 500, 600)
    history = LossHistory()
    history.extend(np.linspace(2.0, 0.5, 200_000))
    run = np.linspace(0.5, 0.4, 300)

    def show_a_history_and_one_more_run():
        panel.set_losses(history.values())
        panel.set_training(True, 200_300)
        for step, loss in enumerate(run, start=200_001):
            panel.add_point(step, float(loss))
        qtbot.waitUntil(lambda: len(panel.curve_data()[0]) == 200_300, timeout=5000)
        history.extend(run)
        panel.set_losses(history.values())
        panel.set_training(False)

    grown = _traced_growth(show_a_history_and_one_more_run)
    assert grown < BYTES_PER_KEPT_LOSS * 200_300
    xs, ys = panel.curve_data()
    np.testing.assert_array_equal(xs, np.arange(1, 200_301))  # every step on the curve...
    np.testing.assert_array_equal(ys, history.values())
    drawn_x, drawn_y = panel.loss_curve.getData()  # ...drawn as each pixel's extremes
    assert len(drawn_x) < 10_000
    assert (drawn_x[-1], drawn_y[-1]) == (200_300, ys[-1])  # the latest loss included
    assert drawn_y.min() == ys.min() and drawn_y.max() == ys.max()
    assert panel.losses()[-1] == np.float32(0.4)
    panel.loss_plot.getViewBox().setXRange(1000, 1100, padding=0)  # zoomed in: every step
    qtbot.waitUntil(lambda: len(panel.loss_curve.getData()[0]) < 200, timeout=2000)
    drawn_x, drawn_y = panel.loss_curve.getData()
    np.testing.assert_array_equal(drawn_x, np.arange(999, 1102))
    np.testing.assert_array_equal(drawn_y, ys[998:1101])
    panel.hide()


def test_training_keeps_each_loss_once_in_a_few_bytes(qtbot, tab, ctx):
    panel = tab.model_panel
    panel.build_button.click()
    wait_model_shown(qtbot, tab)
    panel.steps.setValue(1500)

    def train():
        panel.train_button.click()
        wait_shown(qtbot, tab)

    def train_twice():
        for _ in range(2):
            train()

    train()
    grown = _traced_growth(train_twice)  # 3,000 more losses kept (traced: slow steps)
    assert len(panel.losses()) == 4500
    assert grown < BYTES_PER_KEPT_LOSS * 3000
    assert len(tab.model_jobs._record) == 0  # the run's own record is in the history now


def _symbol_pictures(tab) -> int:
    """Symbol pictures pyqtgraph keeps for the tab's scatter items (never evicted below
    1,000 a plot): one per style, keyed by the pen and brush objects."""
    items = [item for view in (tab.graph_view.plot, tab.curves.forward_plot,
                               tab.curves.gradient_plot)
             for item in view.scene().items() if isinstance(item, pg.ScatterPlotItem)]
    return sum(len(item.fragmentAtlas) for item in items)


def test_clicks_replay_steps_and_reruns_keep_no_new_symbol_pictures(qtbot, tab, ctx):
    tab.show()
    qtbot.waitExposed(tab)

    def a_round():
        for node in range(tab.graph_view.graph().node_count):
            tab.graph_view.click_node(node)
            wait_shown(qtbot, tab)
        tab.player.reset()
        for _ in range(3):
            tab.player.step_button.click()
            wait_shown(qtbot, tab)
        tab.run_button.click()  # the lines again: the curves get new data
        wait_shown(qtbot, tab)

    a_round()
    kept = _symbol_pictures(tab)
    for _ in range(3):
        a_round()
    assert _symbol_pictures(tab) == kept
    tab.hide()

"""The loss curve's drawn points: every step while they fit, else each column's extremes."""

from __future__ import annotations

import numpy as np

from gui.autograd.loss_curve import MIN_COLUMNS, drawn_points


def test_a_short_curve_is_drawn_whole():
    xs, ys = np.arange(1, 301), np.linspace(1.0, 0.0, 300)
    drawn_x, drawn_y = drawn_points(xs, ys, 400)
    np.testing.assert_array_equal(drawn_x, xs)
    np.testing.assert_array_equal(drawn_y, ys)


def test_a_long_curve_keeps_each_columns_extremes_and_the_last_steps():
    rng = np.random.default_rng(0)
    xs = np.arange(1, 100_004)  # not a multiple of any column's width: a partial last one
    ys = rng.random(100_003).astype(np.float32)
    ys[-1] = 5.0  # the latest loss, alone in the last column
    ys[500] = -1.0
    drawn_x, drawn_y = drawn_points(xs, ys, 500)
    assert len(drawn_x) <= 2 * 500 + 4
    assert (drawn_x[0], drawn_y[0]) == (1, ys[0])
    assert (drawn_x[-1], drawn_y[-1]) == (100_003, 5.0)
    assert drawn_y.max() == 5.0 and drawn_y.min() == -1.0
    assert np.all(np.diff(drawn_x) >= 0)


def test_a_zoomed_view_draws_every_step_it_shows():
    xs, ys = np.arange(1, 100_001), np.linspace(1.0, 0.0, 100_000)
    drawn_x, drawn_y = drawn_points(xs, ys, 500, x_range=(5000.0, 5200.0))
    np.testing.assert_array_equal(drawn_x, np.arange(4999, 5202))  # one beyond each edge
    np.testing.assert_array_equal(drawn_y, ys[4998:5201])


def test_a_narrow_plot_still_gets_a_few_hundred_columns():
    xs, ys = np.arange(1, 10_001), np.zeros(10_000)
    drawn_x, _ = drawn_points(xs, ys, 0)  # not laid out yet
    assert MIN_COLUMNS <= len(drawn_x) <= 2 * MIN_COLUMNS + 2

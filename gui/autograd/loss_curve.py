"""The points the loss curve draws: every step while they fit the plot, else each pixel's
lowest and highest loss.

pyqtgraph keeps the segments it draws (32 bytes a point) for as long as the curve shows
them, and draws them all at every paint: a long session's hundreds of thousands of steps
cost megabytes and a slow frame. ``drawn_points`` reduces them to at most two points per
pixel column (the column's highest and lowest loss: the same picture), over the steps in
view, always with the first and last step. pyqtgraph's own "peak" downsampling drops the
last steps that do not fill a whole column (the latest losses), so it is not used.
"""

from __future__ import annotations

import math

import numpy as np

MIN_COLUMNS = 256  # the reduction never goes coarser than this, whatever the plot's width


def _in_view(xs: np.ndarray, x_range: tuple[float, float] | None) -> slice:
    """The steps in ``x_range`` and one more on each side (lines run to the edges)."""
    if x_range is None:
        return slice(0, len(xs))
    low = max(int(np.searchsorted(xs, x_range[0])) - 1, 0)
    high = min(int(np.searchsorted(xs, x_range[1], side="right")) + 1, len(xs))
    return slice(low, high)


def drawn_points(xs: np.ndarray, ys: np.ndarray, columns: int,
                 x_range: tuple[float, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """What to draw of the curve (``xs`` increasing) on a plot ``columns`` pixels wide whose
    view spans ``x_range`` (None: the whole curve)."""
    columns = max(columns, MIN_COLUMNS)
    shown = _in_view(xs, x_range)
    xs, ys = xs[shown], ys[shown]
    if len(xs) <= 2 * columns:
        return xs, ys
    per_column = math.ceil(len(xs) / columns)
    starts = np.arange(0, len(xs), per_column)
    highs = np.maximum.reduceat(ys, starts)
    lows = np.minimum.reduceat(ys, starts)
    drawn_x = np.repeat(xs[starts].astype(float), 2)
    drawn_y = np.column_stack((highs, lows)).reshape(-1).astype(float)
    # The curve starts and ends on real steps: the first and the latest loss.
    drawn_x = np.concatenate(([xs[0]], drawn_x, [xs[-1]]))
    drawn_y = np.concatenate(([ys[0]], drawn_y, [ys[-1]]))
    return drawn_x, drawn_y

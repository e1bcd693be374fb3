"""What the heatmap's axes and colour bar use: whole-index ticks, the colour map of each
kind of values (viridis for floats, cividis for integers, grey/orange for booleans) and one
tick per whole number for small integer ranges."""

from __future__ import annotations

import pyqtgraph as pg

from engine.core.levels import MAX_INTEGER_TICKS

_FALSE_RGB, _TRUE_RGB = (235, 235, 235), (220, 110, 20)
_BOOL_MAP = pg.ColorMap([0.0, 0.499, 0.501, 1.0], [_FALSE_RGB, _FALSE_RGB, _TRUE_RGB, _TRUE_RGB])
_MAP_NAMES = {"float": "viridis", "int": "cividis"}


class IndexAxis(pg.AxisItem):
    """Ticks only on whole indices: a tensor has no row 0.5."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels
                 if spacing >= 1 and float(spacing).is_integer()]
        return whole or [(1.0, 0.0)]


def color_map(kind: str) -> pg.ColorMap:
    if kind == "bool":
        return _BOOL_MAP
    return pg.colormap.get(_MAP_NAMES[kind])


def integer_ticks(low: float, high: float) -> list[tuple[float, str]] | None:
    """One tick per whole number for small integer ranges (None: let the axis choose)."""
    if high - low + 1 > MAX_INTEGER_TICKS:
        return None
    return [(float(v), str(v)) for v in range(int(low), int(high) + 1)]

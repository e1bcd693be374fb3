"""What the heatmap's axes and colour bar use: whole-index ticks within the plane, the colour
map of each kind of values (viridis for floats, cividis for integers, grey/orange for
booleans) and one tick per whole number for small integer ranges."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPicture

from engine.core.levels import MAX_INTEGER_TICKS

_FALSE_RGB, _TRUE_RGB = (235, 235, 235), (220, 110, 20)
_BOOL_MAP = pg.ColorMap([0.0, 0.499, 0.501, 1.0], [_FALSE_RGB, _FALSE_RGB, _TRUE_RGB, _TRUE_RGB])
_MAP_NAMES = {"float": "viridis", "int": "cividis"}


class IndexAxis(pg.AxisItem):
    """Ticks only on whole indices of the plane: a tensor has no row 0.5, no row -1 and
    none past its last. ``set_count(n)`` tells the axis the plane's size; a vertical axis
    then takes the width of its longest label (the digits of n - 1) at once, so a new
    plane is laid out in the turn that draws it, and zooming never resizes the plot.
    Left to pyqtgraph, the width followed the labels painted last: the plot was laid out
    and painted a second time after the first paint of a plane of another size."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self._count: int | None = None
        self._rooms: dict[int, float] = {}  # label room by digit count (measuring: ~0.2 ms)

    def set_count(self, count: int | None) -> None:
        """The plane's rows (vertical axis) or columns; None: no plane, no bounds."""
        if count == self._count:
            return
        self._count = count
        if self.orientation in ("left", "right"):
            digits = None if count is None else len(str(max(count - 1, 0)))
            if digits is not None and digits not in self._rooms:
                self._rooms[digits] = self._label_room(digits)
            self.setWidth(None if digits is None else self._rooms[digits])

    def _label_room(self, digits: int) -> float:
        """The width pyqtgraph gives labels of ``digits`` digits: the widest digit that
        many times, measured as AxisItem measures its labels."""
        picture = QPicture()
        painter = QPainter(picture)
        if self.style["tickFont"]:
            painter.setFont(self.style["tickFont"])
        box = QRectF(0, 0, 100, 100)
        center = Qt.AlignmentFlag.AlignCenter
        widest = max(painter.boundingRect(box, center, digit * digits).width()
                     for digit in "0123456789")
        painter.end()
        return widest + self.style["tickTextOffset"][0] + max(0, self.style["tickLength"])

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels
                 if spacing >= 1 and float(spacing).is_integer()]
        return whole or [(1.0, 0.0)]

    def tickValues(self, minVal: float, maxVal: float, size: float):
        levels = super().tickValues(minVal, maxVal, size)
        if self._count is None:
            return levels
        last = self._count - 1
        return [(spacing, [v for v in values if 0 <= v <= last]) for spacing, values in levels]


def color_map(kind: str) -> pg.ColorMap:
    if kind == "bool":
        return _BOOL_MAP
    return pg.colormap.get(_MAP_NAMES[kind])


def integer_ticks(low: float, high: float) -> list[tuple[float, str]] | None:
    """One tick per whole number for small integer ranges (None: let the axis choose)."""
    if high - low + 1 > MAX_INTEGER_TICKS:
        return None
    return [(float(v), str(v)) for v in range(int(low), int(high) + 1)]

"""The heatmap of the displayed 2-D slice: one pyqtgraph image with a colour bar.

The image, the non-finite overlay and the colour bar are created once and updated with
``setImage``/``setLevels``. Row 0 is at the top and each cell is centred on its index, as
in the values table and in ``print(t)``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.widgets.tensor_slicing import Levels, display_array, nonfinite_overlay

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


class TensorHeatmap(QWidget):
    """``set_plane(plane, kind, levels)`` shows a 2-D array; ``hovered(row, col)`` follows
    the mouse (-1, -1 when it leaves the image)."""

    hovered = Signal(int, int)
    clicked = Signal(int, int, bool)  # row, col, double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[int, int] = (0, 0)
        self._kind = "float"
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plot = self.graphics.addPlot(axisItems={
            "left": IndexAxis("left"), "bottom": IndexAxis("bottom")})
        self.plot.invertY(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.overlay = pg.ImageItem(axisOrder="row-major")
        self.overlay.setZValue(1)
        self.plot.addItem(self.image)
        self.plot.addItem(self.overlay)
        self.color_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=color_map("float"),
                                         interactive=False, width=16)
        self.color_bar.setImageItem(self.image, insert_in=self.plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def set_plane(self, plane: np.ndarray, kind: str, levels: Levels) -> None:
        rows, cols = plane.shape
        if plane.size == 0:
            self.image.clear()
            self.overlay.hide()
            self._shape = (rows, cols)
            return
        if kind != self._kind:
            self._kind = kind
            self.color_bar.setColorMap(color_map(kind))
            self.color_bar.axis.setTicks([[(0, "False"), (1, "True")]] if kind == "bool"
                                         else None)
        low, high = (0.0, 1.0) if kind == "bool" else levels.color_range()
        self.image.setImage(display_array(plane, kind), autoLevels=False, levels=(low, high))
        self.color_bar.setLevels((low, high))
        rect = QRectF(-0.5, -0.5, cols, rows)
        self.image.setRect(rect)
        self._update_overlay(plane, kind, levels, rect)
        if (rows, cols) != self._shape:
            self._shape = (rows, cols)
            self.plot.setRange(rect, padding=0.0)

    def _update_overlay(self, plane: np.ndarray, kind: str, levels: Levels, rect: QRectF) -> None:
        if kind != "float" or levels.nonfinite_count == 0:
            self.overlay.hide()
            return
        self.overlay.setImage(nonfinite_overlay(plane), autoLevels=False, levels=(0, 255))
        self.overlay.setRect(rect)
        self.overlay.show()

    def clear(self) -> None:
        self.image.clear()
        self.overlay.hide()
        self._shape = (0, 0)

    def cell_at(self, position: QPointF) -> tuple[int, int] | None:
        """The (row, col) under a scene position, or None outside the image."""
        rows, cols = self._shape
        if not self.plot.sceneBoundingRect().contains(position) or not rows or not cols:
            return None
        point = self.plot.getViewBox().mapSceneToView(position)
        row, col = int(np.floor(point.y() + 0.5)), int(np.floor(point.x() + 0.5))
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def _on_mouse_moved(self, position: QPointF) -> None:
        self.hovered.emit(*(self.cell_at(position) or (-1, -1)))

    def _on_mouse_clicked(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.clicked.emit(*cell, bool(event.double()))

"""An overview of the whole graph in a corner of the view: every item, the visible area.

``Minimap`` is a small ``PlotWidget`` with one scatter for the items, one curve for the
edges and one curve for the rectangle of the main view's visible area (all created once,
updated with ``setData``). Clicking it emits ``clicked(x, y)`` in graph coordinates so the
main view can centre there.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal

SIZE = (170, 120)


class Minimap(pg.PlotWidget):
    """See the module docstring."""

    clicked = Signal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground((250, 250, 250, 235))
        self.setStyleSheet("border: 1px solid #999999;")
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setFixedSize(*SIZE)
        self.edges = pg.PlotCurveItem(pen=pg.mkPen((200, 200, 200), width=1))
        self.items = pg.ScatterPlotItem(size=3, pen=None, brush=pg.mkBrush(70, 110, 170))
        self.area = pg.PlotCurveItem(pen=pg.mkPen((220, 40, 40), width=2))
        for item in (self.edges, self.items, self.area):
            self.addItem(item)
        self.scene().sigMouseClicked.connect(self._on_clicked)

    def set_graph(self, positions: np.ndarray, edges: np.ndarray) -> None:
        if not len(positions):
            self.items.setData([], [])
            self.edges.setData([], [])
            return
        self.items.setData(pos=positions)
        if len(edges):
            points = positions[edges.reshape(-1)]
            self.edges.setData(points[:, 0], points[:, 1], connect="pairs")
        else:
            self.edges.setData([], [])
        (x0, y0), (x1, y1) = positions.min(axis=0), positions.max(axis=0)
        self.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.08)

    def set_visible_area(self, x_range, y_range) -> None:
        (x0, x1), (y0, y1) = x_range, y_range
        self.area.setData([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0])

    def visible_area(self) -> tuple[float, float, float, float]:
        xs, ys = self.area.getData()
        if xs is None or not len(xs):
            return (0.0, 0.0, 0.0, 0.0)
        return float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))

    def click_at(self, x: float, y: float) -> None:
        """What a click at graph point (x, y) does (also used by tests)."""
        self.clicked.emit(x, y)

    def _on_clicked(self, event) -> None:
        point = self.getViewBox().mapSceneToView(QPointF(event.scenePos()))
        self.click_at(point.x(), point.y())

"""An overview of the whole graph in a corner of the view: every item, the visible area.

``Minimap`` is a small opaque ``QWidget``. The graph (edges, then a dot per item) is drawn
once into a pixmap when the graph changes; a paint only copies that pixmap and draws the
rectangle of the main view's visible area on it. So panning the main view, which repaints
the minimap on every frame (it sits on top of the view), costs a blit, not thousands of
lines. Clicking it emits ``clicked(x, y)`` in graph coordinates so the main view can centre
there.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from gui.autograd.line_layer import segments_path

SIZE = (170, 120)
PADDING = 0.08  # of the graph's extent, on each side
BACKGROUND = QColor(250, 250, 250)
EDGE_COLOR = QColor(200, 200, 200)
ITEM_COLOR = QColor(70, 110, 170)
AREA_COLOR = QColor(220, 40, 40)
BORDER_COLOR = QColor(153, 153, 153)


class Minimap(QWidget):
    """See the module docstring."""

    clicked = Signal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFixedSize(*SIZE)
        # opaque: repainting it never repaints the graph view underneath
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._bounds = QRectF(0.0, 0.0, 1.0, 1.0)  # graph coordinates shown
        self._area = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1 in graph coordinates
        self._positions = np.zeros((0, 2))
        self._edges = np.zeros((0, 2), dtype=np.int64)
        self._picture = QPixmap()

    # --- content ------------------------------------------------------------------------
    def set_graph(self, positions: np.ndarray, edges: np.ndarray) -> None:
        self._positions = np.asarray(positions, dtype=float).reshape(-1, 2)
        self._edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
        if len(self._positions):
            (x0, y0), (x1, y1) = self._positions.min(axis=0), self._positions.max(axis=0)
            pad_x = max(x1 - x0, 1.0) * PADDING
            pad_y = max(y1 - y0, 1.0) * PADDING
            self._bounds = QRectF(x0 - pad_x, y0 - pad_y, x1 - x0 + 2 * pad_x,
                                  y1 - y0 + 2 * pad_y)
        self._picture = QPixmap()  # drawn again at the next paint
        self.update()

    def set_visible_area(self, x_range, y_range) -> None:
        (x0, x1), (y0, y1) = x_range, y_range
        area = (float(x0), float(y0), float(x1), float(y1))
        if area != self._area:
            self._area = area
            self.update()

    def visible_area(self) -> tuple[float, float, float, float]:
        return self._area

    # --- coordinates --------------------------------------------------------------------
    def to_widget(self, points: np.ndarray) -> np.ndarray:
        """Graph coordinates to pixels (y up in the graph, down on screen)."""
        b = self._bounds
        sx = (self.width() - 1) / max(b.width(), 1e-9)
        sy = (self.height() - 1) / max(b.height(), 1e-9)
        x = (points[:, 0] - b.left()) * sx
        y = (b.bottom() - points[:, 1]) * sy
        return np.column_stack([x, y])

    def to_graph(self, x: float, y: float) -> tuple[float, float]:
        b = self._bounds
        gx = b.left() + x * b.width() / max(self.width() - 1, 1)
        gy = b.bottom() - y * b.height() / max(self.height() - 1, 1)
        return gx, gy

    # --- painting -----------------------------------------------------------------------
    def _draw_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(BACKGROUND)
        painter = QPainter(picture)
        points = self.to_widget(self._positions) if len(self._positions) else self._positions
        if len(self._edges):
            painter.setPen(QPen(EDGE_COLOR, 1))
            painter.drawPath(segments_path(points[self._edges.reshape(-1)].reshape(-1, 4)))
        if len(points):  # a dot per item: a short thick segment (one path for them all)
            painter.setPen(QPen(ITEM_COLOR, 2))
            dots = np.column_stack([points[:, 0] - 0.75, points[:, 1],
                                    points[:, 0] + 0.75, points[:, 1]])
            painter.drawPath(segments_path(dots))
        painter.setPen(QPen(BORDER_COLOR, 1))
        painter.drawRect(0, 0, self.width() - 1, self.height() - 1)
        painter.end()
        return picture

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        if self._picture.isNull() or self._picture.size() != self.size() * \
                self.devicePixelRatioF():
            self._picture = self._draw_picture()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        x0, y0, x1, y1 = self._area
        if x1 > x0 and y1 > y0:
            corners = self.to_widget(np.array([[x0, y1], [x1, y0]]))
            painter.setPen(QPen(AREA_COLOR, 2))
            painter.drawRect(QRectF(QPointF(*corners[0]), QPointF(*corners[1])))
        painter.end()

    # --- clicks -------------------------------------------------------------------------
    def click_at(self, x: float, y: float) -> None:
        """What a click at graph point (x, y) does (also used by tests)."""
        self.clicked.emit(x, y)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            self.click_at(*self.to_graph(event.position().x(), event.position().y()))
            event.accept()

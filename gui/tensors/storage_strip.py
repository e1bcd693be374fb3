"""The storage strip: a tensor's N-D view drawn above the flat storage it reads.

Every storage cell has its own colour and every element of the view takes the colour of the
storage cell it maps to (``offset + Σ index·stride``), with that storage index written in
its corner: a transpose shows the colours reordered, an expand shows them repeated.
Hovering or clicking an element highlights its storage cell (and draws the link); hovering a
storage cell highlights every element that reads it. Cells the view never reads are grey.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.tensors.storage_grid import as_rows, format_cell

MARGIN = 6
GAP = 12
MAX_GRID_ROWS = 12
MIN_CELL = 14
UNUSED = QColor("#e0e0e0")
HIGHLIGHT = QColor("#d32f2f")


def storage_color(index: int) -> QColor:
    """Distinct pastel colours for neighbouring storage cells (golden-ratio hues)."""
    return QColor.fromHsvF((index * 0.618034) % 1.0, 0.35, 1.0)


class StorageStrip(QWidget):
    """``set_map(engine.tensors.ops.shape.StorageMap)`` draws it; ``clear()`` empties it."""

    hovered = Signal(int, int)  # element flat index or -1, storage index or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._map = None
        self._grid = np.zeros((0, 0))
        self._offsets = np.zeros((0, 0), dtype=np.int64)
        self._storage_text: list[str] = []
        self._labels = ("", "")
        self._element = -1
        self._storage = -1
        self._natural = QSize(34, 22)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # --- public API ---------------------------------------------------------------------
    def set_map(self, storage_map) -> None:
        self._map = storage_map
        self._element = self._storage = -1
        if storage_map is None:
            self._grid = np.zeros((0, 0))
            self._offsets = np.zeros((0, 0), dtype=np.int64)
            self._storage_text = []
        else:
            values = storage_map.storage_values
            self._storage_text = [format_cell(v) for v in values]
            offsets = np.asarray(storage_map.offsets)
            self._offsets = as_rows(offsets)
            self._grid = as_rows(values[offsets] if values.size else np.zeros(offsets.shape))
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(t) for t in self._storage_text), default=10)
        self._natural = QSize(max(30, widest + 10), metrics.height() + 10)
        self._update_height()
        self.update()

    def clear(self) -> None:
        self.set_map(None)

    def set_labels(self, view_text: str, storage_text: str) -> None:
        self._labels = (view_text, storage_text)
        self.update()

    def storage_map(self):
        return self._map

    def select_element(self, flat: int) -> None:
        self._set_hover(flat, -1)

    def select_storage(self, index: int) -> None:
        self._set_hover(-1, index)

    def highlighted_storage(self) -> set[int]:
        if self._element >= 0:
            return {int(self._offsets.flat[self._element])}
        return {self._storage} if self._storage >= 0 else set()

    def highlighted_elements(self) -> set[int]:
        if self._element >= 0:
            return {self._element}
        if self._storage >= 0:
            return {int(i) for i in np.flatnonzero(self._offsets.ravel() == self._storage)}
        return set()

    def element_rect(self, flat: int) -> QRectF:
        cols = max(self._grid.shape[1], 1)
        cell = self._cell_size()
        row, col = divmod(flat, cols)
        return QRectF(MARGIN + col * cell.width(), self._grid_top() + row * cell.height(),
                      cell.width(), cell.height())

    def storage_rect(self, index: int) -> QRectF:
        cell = self._cell_size()
        per_row = self._per_row()
        row, col = divmod(index, per_row)
        return QRectF(MARGIN + col * cell.width(), self._strip_top() + row * cell.height(),
                      cell.width(), cell.height())

    # --- geometry -----------------------------------------------------------------------
    def _label_height(self) -> int:
        return QFontMetrics(self.font()).height() + 4

    def _cell_size(self) -> QSize:
        cols = max(self._grid.shape[1], 1)
        available = max(self.width() - 2 * MARGIN, MIN_CELL)
        width = max(MIN_CELL, min(self._natural.width(), available // cols))
        return QSize(width, self._natural.height())

    def _per_row(self) -> int:
        return max(1, (self.width() - 2 * MARGIN) // self._cell_size().width())

    def _grid_rows_shown(self) -> int:
        return min(self._grid.shape[0], MAX_GRID_ROWS)

    def _grid_top(self) -> float:
        return MARGIN + self._label_height()

    def _strip_top(self) -> float:
        grid_bottom = self._grid_top() + (self._grid_rows_shown() + (
            self._grid.shape[0] > MAX_GRID_ROWS)) * self._cell_size().height()
        return grid_bottom + GAP + self._label_height()

    def _needed_height(self) -> int:
        if self._map is None:
            return self._label_height() + 2 * MARGIN
        rows = math.ceil(len(self._storage_text) / self._per_row())
        return int(self._strip_top() + rows * self._cell_size().height() + MARGIN)

    def _update_height(self) -> None:
        self.setMinimumHeight(self._needed_height())
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_height()

    def sizeHint(self) -> QSize:
        return QSize(300, self._needed_height())

    # --- mouse --------------------------------------------------------------------------
    def _hit(self, point: QPointF) -> tuple[int, int]:
        for flat in range(min(self._grid.size, self._grid_rows_shown() * self._grid.shape[1])):
            if self.element_rect(flat).contains(point):
                return flat, -1
        for index in range(len(self._storage_text)):
            if self.storage_rect(index).contains(point):
                return -1, index
        return -1, -1

    def _set_hover(self, element: int, storage: int) -> None:
        if (element, storage) != (self._element, self._storage):
            self._element, self._storage = element, storage
            self.hovered.emit(element, storage)
            self.update()

    def mouseMoveEvent(self, event) -> None:
        self._set_hover(*self._hit(event.position()))

    def mousePressEvent(self, event) -> None:
        self._set_hover(*self._hit(event.position()))

    def leaveEvent(self, event) -> None:
        self._set_hover(-1, -1)
        super().leaveEvent(event)

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().text().color()
        painter.setPen(text_color)
        painter.drawText(QRectF(MARGIN, MARGIN, self.width(), self._label_height()),
                         Qt.AlignmentFlag.AlignLeft, self._labels[0])
        if self._map is not None:
            self._paint_grid(painter, text_color)
            strip_label = QRectF(MARGIN, self._strip_top() - self._label_height(), self.width(),
                                 self._label_height())
            painter.setPen(text_color)
            painter.drawText(strip_label, Qt.AlignmentFlag.AlignLeft, self._labels[1])
            self._paint_storage(painter, text_color)
            self._paint_link(painter)
        painter.end()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        return font

    def _paint_cell(self, painter, rect, fill, text, corner, strong, text_color) -> None:
        painter.fillRect(rect, fill)
        painter.setPen(QPen(HIGHLIGHT, 2.5) if strong else QPen(QColor("#757575"), 1))
        painter.drawRect(rect.adjusted(1, 1, -1, -1) if strong else rect)
        painter.setPen(text_color)
        metrics = QFontMetrics(self.font())
        if metrics.horizontalAdvance(text) <= rect.width() - 2:
            painter.drawText(rect.adjusted(0, 4, 0, 0), Qt.AlignmentFlag.AlignCenter, text)
        if corner and rect.width() >= 20:
            painter.setFont(self._small_font())
            painter.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, corner)
            painter.setFont(self.font())

    def _paint_grid(self, painter, text_color) -> None:
        marked = self.highlighted_elements()
        shown = self._grid_rows_shown() * self._grid.shape[1]
        for flat in range(shown):
            target = int(self._offsets.flat[flat])
            self._paint_cell(painter, self.element_rect(flat), storage_color(target),
                             format_cell(self._grid.flat[flat]), f"→{target}",
                             flat in marked, text_color)
        if self._grid.shape[0] > MAX_GRID_ROWS:
            rect = self.element_rect(shown)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "⋮")

    def _paint_storage(self, painter, text_color) -> None:
        used = set(np.unique(self._offsets).tolist())
        marked = self.highlighted_storage()
        for index, text in enumerate(self._storage_text):
            fill = storage_color(index) if index in used else UNUSED
            self._paint_cell(painter, self.storage_rect(index), fill, text, str(index),
                             index in marked, text_color)
        start = self._map.storage_offset
        if start < len(self._storage_text):
            rect = self.storage_rect(start)
            painter.setPen(QPen(text_color, 2))
            painter.drawLine(QPointF(rect.left() + 1, rect.top() - 3),
                             QPointF(rect.left() + 1, rect.bottom() + 3))

    def _paint_link(self, painter) -> None:
        if self._element < 0:
            return
        source = self.element_rect(self._element)
        target = self.storage_rect(int(self._offsets.flat[self._element]))
        painter.setPen(QPen(HIGHLIGHT, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(source.center().x(), source.bottom()),
                         QPointF(target.center().x(), target.top()))

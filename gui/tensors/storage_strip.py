"""The storage strip: a tensor's N-D view drawn above the flat storage it reads.

Every storage cell has its own colour and every element of the view takes the colour of the
storage cell it maps to (``offset + Σ index·stride``), with that storage index written in
its corner: a transpose shows the colours reordered, an expand shows them repeated.
Hovering or clicking an element highlights its storage cell (and draws the link); hovering a
storage cell highlights every element that reads it. Cells the view never reads are grey.
A condensed map (a big tensor) draws its first and last elements and storage cells with
"…" between them; the indices and strides stay those of the whole tensor.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.tensors.storage_cells import ELLIPSIS, strip_cells
from gui.widgets.tensor_colors import HIGHLIGHT, ink_on, tone

MARGIN = 6
GAP = 12
MIN_CELL = 14
UNUSED = QColor("#e0e0e0")  # light fills: their text is always ``ink_on(fill)``
BORDER = QColor("#757575")  # mid grey: visible on a light and on a dark palette


def storage_color(index: int) -> QColor:
    """Distinct pastel colours for neighbouring storage cells (golden-ratio hues)."""
    return QColor.fromHsvF((index * 0.618034) % 1.0, 0.35, 1.0)


class StorageStrip(QWidget):
    """``set_map(engine.tensors.ops.shape.StorageMap)`` draws it; ``clear()`` empties it.

    Element and storage indices in the API are those of the whole tensor and storage."""

    hovered = Signal(int, int)  # element flat index or -1, storage index or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._map = None
        self._elements: list[int] = []  # element slots: flat index or ELLIPSIS
        self._targets: dict[int, int] = {}  # flat index → storage index it reads
        self._element_text: dict[int, str] = {}
        self._cells: list[int] = []  # storage slots: storage index or ELLIPSIS
        self._cell_text: dict[int, str] = {}
        self._used: set[int] = set()  # storage cells some element reads
        self._element_at: dict[int, int] = {}  # flat index → drawing position
        self._cell_at: dict[int, int] = {}
        self._columns = 1  # of the element grid (0: wrap like the storage)
        self._more_rows = False
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
        cells = strip_cells(storage_map)
        self._elements, self._targets = cells.elements, cells.targets
        self._element_text, self._cells = cells.element_text, cells.cells
        self._cell_text, self._used = cells.cell_text, cells.used
        self._columns, self._more_rows = cells.columns, cells.more_rows
        self._element_at = {flat: i for i, flat in enumerate(self._elements) if flat >= 0}
        self._cell_at = {index: i for i, index in enumerate(self._cells) if index >= 0}
        self._update_natural_size()
        self._update_height()
        self.update()

    def _update_natural_size(self) -> None:
        metrics, small = QFontMetrics(self.font()), QFontMetrics(self._small_font())
        texts = [*self._cell_text.values(), *self._element_text.values()]
        corners = [f"→{t}" for t in self._targets.values()] + [str(i) for i in self._cell_text]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=10)
        corner = max((small.horizontalAdvance(t) for t in corners), default=10)
        self._natural = QSize(max(30, widest + 10, corner + 6), metrics.height() + 10)

    def clear(self) -> None:
        self.set_map(None)

    def set_labels(self, view_text: str, storage_text: str) -> None:
        self._labels = (view_text, storage_text)
        self._update_height()
        self.update()

    def storage_map(self):
        return self._map

    def labels(self) -> tuple[str, str]:
        """The texts above the view and above the storage."""
        return self._labels

    def select_element(self, flat: int) -> None:
        self._set_hover(flat, -1)

    def select_storage(self, index: int) -> None:
        self._set_hover(-1, index)

    def highlighted_storage(self) -> set[int]:
        if self._element >= 0:
            return {self._targets[self._element]} if self._element in self._targets else set()
        return {self._storage} if self._storage >= 0 else set()

    def highlighted_elements(self) -> set[int]:
        if self._element >= 0:
            return {self._element}
        if self._storage >= 0:
            return {flat for flat, target in self._targets.items() if target == self._storage}
        return set()

    def drawn_elements(self) -> list[int]:
        """Element slots in drawing order: flat indices, ELLIPSIS for the elided run."""
        return list(self._elements)

    def drawn_storage(self) -> list[int]:
        return list(self._cells)

    def element_rect(self, flat: int) -> QRectF:
        position = self._element_at.get(flat, len(self._elements))
        return self._slot_rect(position, self._grid_columns(), self._grid_top())

    def storage_rect(self, index: int) -> QRectF:
        position = self._cell_at.get(index, len(self._cells))
        return self._slot_rect(position, self._per_row(), self._strip_top())

    # --- geometry -----------------------------------------------------------------------
    def _slot_rect(self, position: int, columns: int, top: float) -> QRectF:
        cell = self._cell_size()
        row, col = divmod(position, max(columns, 1))
        return QRectF(MARGIN + col * cell.width(), top + row * cell.height(), cell.width(),
                      cell.height())

    def _label_height(self, which: int = 0) -> int:
        """Height of a label, wrapped at the widget's width (never cut on the right)."""
        width = max(self.width() - 2 * MARGIN, 40)
        bound = QFontMetrics(self.font()).boundingRect(
            0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), self._labels[which] or " ")
        return bound.height() + 4

    def _cell_size(self) -> QSize:
        columns = max(self._columns, 1)
        available = max(self.width() - 2 * MARGIN, MIN_CELL)
        width = max(MIN_CELL, min(self._natural.width(), available // columns))
        return QSize(width, self._natural.height())

    def _per_row(self) -> int:
        return max(1, (self.width() - 2 * MARGIN) // self._cell_size().width())

    def _grid_columns(self) -> int:
        return self._columns or self._per_row()

    def _grid_top(self) -> float:
        return MARGIN + self._label_height()

    def _strip_top(self) -> float:
        rows = math.ceil(len(self._elements) / self._grid_columns()) + self._more_rows
        return (self._grid_top() + rows * self._cell_size().height() + GAP
                + self._label_height(1))

    def _needed_height(self) -> int:
        if self._map is None:
            return self._label_height() + 2 * MARGIN if self._labels[0] else 0
        rows = math.ceil(len(self._cells) / self._per_row())
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
        for flat in self._elements:
            if flat != ELLIPSIS and self.element_rect(flat).contains(point):
                return flat, -1
        for index in self._cells:
            if index != ELLIPSIS and self.storage_rect(index).contains(point):
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
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.drawText(QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN,
                                self._label_height()), wrap, self._labels[0])
        if self._map is not None:
            self._paint_grid(painter, text_color)
            height = self._label_height(1)
            strip_label = QRectF(MARGIN, self._strip_top() - height, self.width() - 2 * MARGIN,
                                 height)
            painter.setPen(text_color)
            painter.drawText(strip_label, wrap, self._labels[1])
            self._paint_storage(painter, text_color)
            self._paint_link(painter)
        painter.end()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
        return font

    def _paint_cell(self, painter, rect, fill, text, corner, strong) -> None:
        painter.fillRect(rect, fill)
        highlight = tone(self.palette(), HIGHLIGHT)
        painter.setPen(QPen(highlight, 2.5) if strong else QPen(BORDER, 1))
        painter.drawRect(rect.adjusted(1, 1, -1, -1) if strong else rect)
        painter.setPen(ink_on(fill))  # the fill is ours, not the palette's: so is the ink
        metrics = QFontMetrics(self.font())
        if metrics.horizontalAdvance(text) <= rect.width() - 2:
            painter.drawText(rect.adjusted(0, 4, 0, 0), Qt.AlignmentFlag.AlignCenter, text)
        if corner and rect.width() >= 20:
            painter.setFont(self._small_font())
            painter.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, corner)
            painter.setFont(self.font())

    def _paint_ellipsis(self, painter, rect, text_color, vertical: bool = False) -> None:
        painter.setPen(text_color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "⋮" if vertical else "…")

    def _paint_grid(self, painter, text_color) -> None:
        marked = self.highlighted_elements()
        columns = self._grid_columns()
        for position, flat in enumerate(self._elements):
            rect = self._slot_rect(position, columns, self._grid_top())
            if flat == ELLIPSIS:
                self._paint_ellipsis(painter, rect, text_color)
                continue
            target = self._targets[flat]
            self._paint_cell(painter, rect, storage_color(target), self._element_text[flat],
                             f"→{target}", flat in marked)
        if self._more_rows:
            rect = self._slot_rect(len(self._elements), columns, self._grid_top())
            self._paint_ellipsis(painter, rect, text_color, vertical=True)

    def _paint_storage(self, painter, text_color) -> None:
        marked = self.highlighted_storage()
        for position, index in enumerate(self._cells):
            rect = self._slot_rect(position, self._per_row(), self._strip_top())
            if index == ELLIPSIS:
                self._paint_ellipsis(painter, rect, text_color)
                continue
            fill = storage_color(index) if index in self._used else UNUSED
            self._paint_cell(painter, rect, fill, self._cell_text[index], str(index),
                             index in marked)
        start = self._map.storage_offset
        if start in self._cell_text:
            rect = self.storage_rect(start)
            painter.setPen(QPen(text_color, 2))
            painter.drawLine(QPointF(rect.left() + 1, rect.top() - 3),
                             QPointF(rect.left() + 1, rect.bottom() + 3))

    def _paint_link(self, painter) -> None:
        target = self._targets.get(self._element)
        if target is None or target not in self._cell_text:
            return
        source = self.element_rect(self._element)
        end = self.storage_rect(target)
        painter.setPen(QPen(tone(self.palette(), HIGHLIGHT), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(source.center().x(), source.bottom()),
                         QPointF(end.center().x(), end.top()))

"""A compact grid of a tensor's values that marks the cells changed by the last edit.

Used where several tensors must fit side by side in a narrow column (alias vs copy, the
NumPy bridge). N-D tensors are shown as rows of their last dimension; big ones are cut to
their top-left corner with an ellipsis.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.widgets.tensor_colors import ink_on

MAX_ROWS = 8
MAX_COLS = 6
MIN_CELL_WIDTH = 18
CHANGED = QColor("#ffcc80")
GRID = QColor("#9e9e9e")  # mid grey: visible on a light and on a dark palette


def format_cell(value) -> str:
    if isinstance(value, np.bool_ | bool):
        return "True" if value else "False"
    if isinstance(value, np.integer | int):
        return str(int(value))
    number = float(value)
    if number != number:
        return "nan"
    return f"{number:.3g}"


def as_rows(values: np.ndarray) -> np.ndarray:
    """Any array as 2-D: a 0-d value is 1×1, a vector one row, N-D rows of the last dim."""
    if values.ndim == 0:
        return values.reshape(1, 1)
    if values.ndim == 1:
        return values.reshape(1, -1)
    return values.reshape(-1, values.shape[-1])


class ValueGrid(QWidget):
    """``set_values(values, changed)`` draws the numbers; changed cells are tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = np.zeros((0, 0))
        self._changed = np.zeros((0, 0), dtype=bool)
        self._cell = QSize(30, 20)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_values(self, values: np.ndarray, changed: np.ndarray | None = None) -> None:
        self._rows = as_rows(np.asarray(values))
        mask = np.zeros(self._rows.shape, dtype=bool) if changed is None else as_rows(
            np.asarray(changed, dtype=bool))
        self._changed = mask
        metrics = QFontMetrics(self.font())
        shown = self._rows[:MAX_ROWS, :MAX_COLS]
        widest = max((metrics.horizontalAdvance(format_cell(v)) for v in shown.flat), default=10)
        self._cell = QSize(max(26, widest + 8), metrics.height() + 4)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_values(np.zeros((0, 0)))

    def values(self) -> np.ndarray:
        """The values drawn (as rows: 0-d and 1-d become one row; N-D is flattened to 2-D)."""
        return self._rows.copy()

    def changed_count(self) -> int:
        return int(self._changed.sum())

    def shown_shape(self) -> tuple[int, int]:
        rows, cols = self._rows.shape
        return min(rows, MAX_ROWS), min(cols, MAX_COLS)

    def sizeHint(self) -> QSize:
        rows, cols = self.shown_shape()
        more_cols = self._rows.shape[1] > MAX_COLS
        more_rows = self._rows.shape[0] > MAX_ROWS
        width = (cols + more_cols) * self._cell.width() + 2
        height = (rows + more_rows) * self._cell.height() + 2
        return QSize(max(width, 30), max(height, self._cell.height() + 2))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        columns = self.shown_shape()[1] + (self._rows.shape[1] > MAX_COLS)
        return QSize(min(hint.width(), columns * MIN_CELL_WIDTH + 2), hint.height())

    def _cell_width(self) -> float:
        """The natural width, narrowed (text clipped) when the column is too narrow."""
        columns = self.shown_shape()[1] + (self._rows.shape[1] > MAX_COLS)
        return min(self._cell.width(), (self.width() - 2) / max(columns, 1))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rows, cols = self.shown_shape()
        width, height = self._cell_width(), self._cell.height()
        for r in range(rows):
            for c in range(cols):
                rect = QRectF(1 + c * width, 1 + r * height, width, height)
                changed = self._changed[r, c]
                if changed:
                    painter.fillRect(rect, CHANGED)
                painter.setPen(QPen(GRID))
                painter.drawRect(rect)
                painter.setPen(ink_on(CHANGED) if changed else self.palette().text().color())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                                 format_cell(self._rows[r, c]))
        painter.setPen(self.palette().text().color())
        if self._rows.shape[1] > MAX_COLS and rows:
            painter.drawText(QRectF(1 + cols * width, 1, width, height),
                             Qt.AlignmentFlag.AlignCenter, "…")
        if self._rows.shape[0] > MAX_ROWS:
            painter.drawText(QRectF(1, 1 + rows * height, width, height),
                             Qt.AlignmentFlag.AlignCenter, "⋮")
        painter.end()

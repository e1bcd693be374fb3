"""The pieces the broadcasting picture is made of: cell texts, block layout and one drawn cell."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from gui.broadcasting.colors import TabColors


def format_cell(value) -> str:
    """A value short enough for a cell: 12, -3, 0.333, True, 1.2e+05, nan."""
    if isinstance(value, (bool, np.bool_)):
        return "True" if value else "False"
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return str(number)
    if number.is_integer() and abs(number) < 1e5:
        return str(int(number))
    return f"{number:.3g}"


def as_blocks(values: np.ndarray) -> np.ndarray:
    """Any 0-4-D array as (blocks, slices, rows, cols), keeping C order (flat indices kept)."""
    shape = values.shape
    if values.ndim >= 2:
        return values.reshape((1,) * (4 - values.ndim) + shape)
    return values.reshape(1, 1, 1, -1) if values.ndim == 1 else values.reshape(1, 1, 1, 1)


def as_slices(values: np.ndarray) -> np.ndarray:
    """Any 0-3-D array as (slices, rows, cols), keeping C order."""
    return as_blocks(values)[0]


def shape_text(shape) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def slice_caption(ndim: int, block: int, index: int) -> str:
    """``[1, :, :]`` for a slice of a 3-D tensor, ``[0, 1, :, :]`` for one of a 4-D tensor."""
    return f"[{block}, {index}, :, :]" if ndim == 4 else f"[{index}, :, :]"


def axis_cells(shape: tuple[int, ...], axis: int) -> list[int]:
    """Flat indices of the cells along ``axis`` with every other index 0."""
    step = math.prod(shape[axis + 1:])
    return [i * step for i in range(shape[axis])]


class Cell(QGraphicsRectItem):
    """One drawn value; ``key`` is "a", "b" or "result" and ``index`` its flat index.

    ``faded``: a stretched (stride-0) copy. ``failing``: on the dimension that does not
    broadcast (outlined in the failure colour).
    """

    def __init__(self, key: str, index: int, text: str, faded: bool, rect: QRectF,
                 colors: TabColors, failing: bool = False) -> None:
        super().__init__(rect)
        self.key, self.index, self.text, self.faded = key, index, text, faded
        self.failing, self.colors = failing, colors
        fills = colors.faded_fills if faded else colors.fills
        self.base_brush = QBrush(fills.get(key, colors.fills["a"]))
        if failing:
            self.base_pen = QPen(colors.fail, 3)
        else:
            self.base_pen = QPen(colors.faded_pen if faded else colors.pen, 1,
                                 Qt.PenStyle.DashLine if faded else Qt.PenStyle.SolidLine)
        self.setBrush(self.base_brush)
        self.setPen(self.base_pen)
        self.label = QGraphicsSimpleTextItem(text, self)
        self.label.setBrush(colors.faded_text if faded else colors.text)

    def center_label(self, font: QFont) -> None:
        self.label.setFont(font)
        box = self.label.boundingRect()
        rect = self.rect()
        self.label.setPos(rect.center().x() - box.width() / 2, rect.center().y() - box.height() / 2)

    def set_highlight(self, outline: bool, memory: bool) -> None:
        self.setBrush(QBrush(self.colors.memory) if memory else self.base_brush)
        self.setPen(QPen(self.colors.highlight, 3) if outline or memory else self.base_pen)
        if memory:
            self.label.setBrush(self.colors.text)
        else:
            self.label.setBrush(self.colors.faded_text if self.faded else self.colors.text)

    def is_highlighted(self) -> bool:
        return self.pen().color() == self.colors.highlight and self.pen().width() == 3

    def is_memory(self) -> bool:
        return self.brush().color() == self.colors.memory

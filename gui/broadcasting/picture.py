"""The broadcasting picture: both operands as grids of values, stretched to the result shape.

Cells that are stretched copies are drawn faded and dashed: ``expand`` makes them with
stride 0, nothing is copied in memory. Hovering or clicking a result cell highlights the
cell of each operand it reads (the solid cell in memory, and its copy at the same place).
3-D tensors are drawn as a row of 2-D slices. The view draws engine results only.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from gui.core.retranslate import Retranslatable, render

CELL_W, CELL_H = 52, 28
SLICE_GAP, ROW_GAP, HEADER_H, CAPTION_H = 18, 16, 22, 16
MIN_SCALE = 0.45
WRAP_WIDTH = 720  # slices of a 3-D tensor continue on a new line beyond this
COLORS = {"a": "#d6e6ff", "b": "#d7f2d7", "result": "#fff0c2"}
HIGHLIGHT = QColor("#e67e00")
MEMORY_FILL = QColor("#ffc46b")


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


def as_slices(values: np.ndarray) -> np.ndarray:
    """Any 0-3-D array as (slices, rows, cols), keeping C order (flat indices unchanged)."""
    shape = values.shape
    if len(shape) == 3:
        return values
    if len(shape) == 2:
        return values.reshape(1, *shape)
    return values.reshape(1, 1, -1) if values.ndim == 1 else values.reshape(1, 1, 1)


def _shape_text(shape) -> str:
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


class _Cell(QGraphicsRectItem):
    """One drawn value; ``key`` is "a", "b" or "result" and ``index`` its flat index."""

    def __init__(self, key: str, index: int, text: str, faded: bool, rect: QRectF) -> None:
        super().__init__(rect)
        self.key, self.index, self.text, self.faded = key, index, text, faded
        color = QColor(COLORS[key])
        if faded:
            color.setAlpha(80)
        self.base_brush = QBrush(color)
        self.base_pen = QPen(QColor("#9a9a9a" if faded else "#5f6b7a"), 1,
                             Qt.PenStyle.DashLine if faded else Qt.PenStyle.SolidLine)
        self.setBrush(self.base_brush)
        self.setPen(self.base_pen)
        self.label = QGraphicsSimpleTextItem(text, self)
        self.label.setBrush(QColor("#9a9a9a" if faded else "#1b1b1b"))

    def center_label(self, font: QFont) -> None:
        self.label.setFont(font)
        box = self.label.boundingRect()
        rect = self.rect()
        self.label.setPos(rect.center().x() - box.width() / 2, rect.center().y() - box.height() / 2)

    def set_highlight(self, outline: bool, memory: bool) -> None:
        self.setBrush(QBrush(MEMORY_FILL) if memory else self.base_brush)
        self.setPen(QPen(HIGHLIGHT, 3) if outline or memory else self.base_pen)


class BroadcastPictureView(Retranslatable, QGraphicsView):
    """``set_demo(picture, op_expression)`` draws; ``show_note(text)`` explains an empty view."""

    highlight_changed = Signal(int)  # flat index of the highlighted result cell, -1 when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setMouseTracking(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._picture = None
        self._note = ""
        self._cells: dict[str, list[_Cell]] = {}
        self._pinned: int | None = None
        self._hovered: int | None = None
        self._font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._font.setPointSize(9)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._retranslate()

    # --- public API ---------------------------------------------------------------------
    def set_picture(self, picture) -> None:
        """Draw a ``engine.broadcasting.demo.BroadcastPicture``."""
        self._picture, self._note, self._pinned, self._hovered = picture, "", None, None
        self._render()

    def show_note(self, text: str) -> None:
        """No picture: say why (too big, too many dimensions...); an engine Text re-renders."""
        self._picture, self._note = None, text
        self._render()

    def picture(self):
        return self._picture

    def cells(self, key: str) -> list[_Cell]:
        return list(self._cells.get(key, []))

    def highlight_result_cell(self, index: int | None) -> None:
        """Highlight the result cell ``index`` and the operand cells it came from."""
        self._hovered = index
        self._update_highlight()

    def highlighted(self) -> dict[str, list[_Cell]]:
        """Cells highlighted now: key -> cells (the operands' memory cell comes first)."""
        found: dict[str, list[_Cell]] = {}
        for key, cells in self._cells.items():
            marked = [c for c in cells if c.pen().color() == HIGHLIGHT]
            found[key] = sorted(marked, key=lambda c: c.brush().color() != MEMORY_FILL)
        return found

    # --- drawing ------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        scene = self.scene()
        scene.clear()
        self._cells = {}
        if self._picture is None:
            self._add_text(0, 0, render(self._note), wrap=True)
        else:
            self._draw_picture(self._picture)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))
        self._fit()
        self._update_highlight()

    def _draw_picture(self, pic) -> None:
        y = 0.0
        stretched = pic.result is not None or pic.a.expanded is not None
        for key, operand in (("a", pic.a), ("b", pic.b)):
            values = operand.expanded if operand.expanded is not None else operand.values
            faded = operand.is_copy if operand.is_copy is not None else None
            y = self._draw_row(y, key, self._operand_header(operand), values, faded)
        if pic.result is not None:
            header = self.tr("{expression} → shape {shape}, dtype {dtype}").format(
                expression=pic.result_expression, shape=_shape_text(pic.result.shape),
                dtype=pic.result_dtype)
            y = self._draw_row(y, "result", header, pic.result, None)
        if pic.failed_inplace:
            warning = self._add_text(0, y, self.tr(
                "{expression} cannot store this: it writes into {name}, and {name}'s faded "
                "cells are not real memory").format(expression=pic.failed_inplace,
                                                   name=pic.a.name), bold=True)
            warning.setBrush(QColor("#b00020"))
            y += HEADER_H + ROW_GAP / 2
        if stretched:
            self._draw_legend(y)

    def _operand_header(self, operand) -> str:
        if operand.expanded is None:
            return self.tr("{name}: shape {shape}").format(name=operand.name,
                                                           shape=_shape_text(operand.shape))
        target = _shape_text(operand.expanded.shape)
        if operand.is_copy.any() or operand.shape != operand.expanded.shape:
            return self.tr("{name}: shape {shape} → {name}.expand{target}, stride {stride}").format(
                name=operand.name, shape=_shape_text(operand.shape), target=target,
                stride=_shape_text(operand.expand_stride))
        return self.tr("{name}: shape {shape}, stride {stride} (nothing to stretch)").format(
            name=operand.name, shape=_shape_text(operand.shape),
            stride=_shape_text(operand.expand_stride))

    def _draw_row(self, y: float, key: str, header: str, values: np.ndarray, faded) -> float:
        self._add_text(0, y, header, bold=True)
        y += HEADER_H
        if values.size == 0:
            self._add_text(0, y, self.tr("empty: shape {shape} has no elements").format(
                shape=_shape_text(values.shape)))
            return y + HEADER_H + ROW_GAP
        grid = as_slices(values)
        fade = as_slices(faded) if faded is not None else np.zeros(grid.shape, dtype=bool)
        slices, rows, cols = grid.shape
        has_captions = values.ndim == 3
        caption = CAPTION_H if has_captions else 0
        slice_w, slice_h = cols * CELL_W + SLICE_GAP, caption + rows * CELL_H + ROW_GAP / 2
        per_line = max(1, int((WRAP_WIDTH + SLICE_GAP) // slice_w))  # wrap long rows of slices
        cells = []
        for s in range(slices):
            x = (s % per_line) * slice_w
            top = y + (s // per_line) * slice_h
            if has_captions:
                self._add_text(x, top, f"[{s}, :, :]", small=True)
            for r in range(rows):
                for c in range(cols):
                    rect = QRectF(x + c * CELL_W, top + caption + r * CELL_H, CELL_W, CELL_H)
                    index = (s * rows + r) * cols + c
                    cell = _Cell(key, index, format_cell(grid[s, r, c]), bool(fade[s, r, c]),
                                 rect)
                    cell.center_label(self._font)
                    self.scene().addItem(cell)
                    cells.append(cell)
        self._cells[key] = cells
        lines = (slices + per_line - 1) // per_line
        return y + lines * slice_h - ROW_GAP / 2 + ROW_GAP

    def _draw_legend(self, y: float) -> None:
        sample = _Cell("a", -1, "", True, QRectF(0, y, CELL_W / 2, CELL_H / 1.5))
        self.scene().addItem(sample)
        self._add_text(CELL_W / 2 + 8, y, self.tr(
            "faded, dashed cells: stretched copies, not copied in memory (stride 0)"), small=True)
        memory = _Cell("a", -1, "", False, QRectF(0, y + CELL_H, CELL_W / 2, CELL_H / 1.5))
        memory.set_highlight(False, True)
        self.scene().addItem(memory)
        self._add_text(CELL_W / 2 + 8, y + CELL_H, self.tr(
            "point at or click a result cell: the operand cells it is computed from light up"),
            small=True)

    def _add_text(self, x: float, y: float, text: str, bold=False, small=False, wrap=False):
        if wrap:
            item = self.scene().addText(text)
            item.setTextWidth(max(260, self.viewport().width() - 40))
        else:
            item = self.scene().addSimpleText(text)
        font = QFont(self._bold if bold else self.font())
        if small:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        item.setFont(font)
        item.setPos(x, y)
        return item

    # --- scale, hover, click ------------------------------------------------------------
    def _fit(self) -> None:
        rect = self.sceneRect()
        view = self.viewport().size()
        if rect.width() <= 0 or rect.height() <= 0 or view.width() <= 0:
            return
        scale = min(1.0, view.width() / rect.width(), view.height() / rect.height())
        self.setTransform(QTransform.fromScale(max(MIN_SCALE, scale), max(MIN_SCALE, scale)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._picture is None and self._note:
            self._render()
        else:
            self._fit()

    def _result_cell_at(self, pos) -> int | None:
        for item in self.items(pos):
            cell = item if isinstance(item, _Cell) else item.parentItem()
            if isinstance(cell, _Cell) and cell.key == "result" and cell.index >= 0:
                return cell.index
        return None

    def mouseMoveEvent(self, event) -> None:
        index = self._result_cell_at(event.position().toPoint())
        if index != self._hovered:
            self._hovered = index
            self._update_highlight()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        index = self._result_cell_at(event.position().toPoint())
        self._pinned = None if index == self._pinned else index
        self._update_highlight()
        super().mousePressEvent(event)

    def leaveEvent(self, event) -> None:
        self._hovered = None
        self._update_highlight()
        super().leaveEvent(event)

    def highlighted_index(self) -> int | None:
        """The result cell highlighted now (pointed at, else clicked), or None."""
        index = self._hovered if self._hovered is not None else self._pinned
        pic = self._picture
        if index is None or pic is None or pic.result is None or "result" not in self._cells:
            return None
        return index

    def _update_highlight(self) -> None:
        index = self.highlighted_index()
        for cells in self._cells.values():
            for cell in cells:
                cell.set_highlight(False, False)
        self.highlight_changed.emit(-1 if index is None else index)
        if index is None:
            return
        pic = self._picture
        self._cells["result"][index].set_highlight(True, False)
        for key, operand in (("a", pic.a), ("b", pic.b)):
            cells = self._cells.get(key)
            if not cells:
                continue
            cells[index].set_highlight(True, False)
            cells[int(operand.origin.reshape(-1)[index])].set_highlight(True, True)

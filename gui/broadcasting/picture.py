"""The broadcasting picture: both operands as grids of values, stretched to the result shape.

Cells that are stretched copies are drawn faded and dashed: ``expand`` makes them with
stride 0, nothing is copied in memory. Hovering or clicking a result cell highlights the
cell of each operand it reads (the solid cell in memory, and its copy at the same place).
3-D tensors are drawn as a row of 2-D slices, 4-D tensors as a column of such 3-D blocks, up
to ``DRAWN_MAX_CELLS`` cells per tensor (a line says which blocks are left out). When the
shapes do not broadcast, the cells along the failing dimension are outlined in both operands.
A legend under the picture says what the fading and the outlines mean. Colours come from the
palette (``gui.broadcasting.colors``), so the picture reads in light and dark.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from gui.broadcasting.cells import (
    Cell,
    as_blocks,
    as_slices,
    axis_cells,
    format_cell,
    shape_text,
    slice_caption,
)
from gui.broadcasting.colors import tab_colors
from gui.broadcasting.picture_text import PictureText
from gui.core.retranslate import Retranslatable, render

__all__ = ["BroadcastPictureView", "Cell", "as_slices", "format_cell"]

CELL_W, CELL_H = 52, 28
SLICE_GAP, ROW_GAP, HEADER_H, CAPTION_H, BLOCK_GAP = 18, 16, 22, 16, 26
MIN_SCALE = 0.45
WRAP_WIDTH = 720  # slices of a 3-D tensor continue on a new line beyond this
DRAWN_MAX_CELLS = 96  # per tensor; a 4-D tensor beyond it shows its first blocks only


class BroadcastPictureView(Retranslatable, QGraphicsView):
    """``set_picture(picture, failing)`` draws; ``show_note(text)`` explains an empty view."""

    highlight_changed = Signal(int)  # flat index of the highlighted result cell, -1 when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setMouseTracking(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._picture = None
        self._failing: tuple[int, int] | None = None
        self._note = ""
        self._cells: dict[str, list[Cell]] = {}
        self._pinned: int | None = None
        self._hovered: int | None = None
        self._font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._font.setPointSize(9)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.colors = tab_colors(self.palette())
        self._text = PictureText(self)
        self._text.scene, self._text.font, self._text.bold = self.scene(), self.font(), self._bold
        self._retranslate()

    # --- public API ---------------------------------------------------------------------
    def set_picture(self, picture, failing: tuple[int, int] | None = None) -> None:
        """Draw a ``engine.broadcasting.demo.BroadcastPicture``; ``failing`` is the failing
        dimension as (index in the result, index from the right) when the shapes mismatch."""
        self._picture, self._note, self._pinned, self._hovered = picture, "", None, None
        self._failing = failing
        self._render()

    def show_note(self, text: str) -> None:
        """No picture: say why (too big, too many dimensions...); an engine Text re-renders."""
        self._picture, self._note = None, text
        self._render()

    def picture(self):
        return self._picture

    def cells(self, key: str) -> list[Cell]:
        return list(self._cells.get(key, []))

    def highlight_result_cell(self, index: int | None) -> None:
        """Highlight the result cell ``index`` and the operand cells it came from."""
        self._hovered = index
        self._update_highlight()

    def highlighted(self) -> dict[str, list[Cell]]:
        """Cells highlighted now: key -> cells (the operands' memory cell comes first)."""
        found: dict[str, list[Cell]] = {}
        for key, cells in self._cells.items():
            marked = [c for c in cells if c.is_highlighted()]
            found[key] = sorted(marked, key=lambda c: not c.is_memory())
        return found

    # --- drawing ------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.colors = tab_colors(self.palette())
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        scene = self.scene()
        scene.clear()
        self._cells = {}
        self._text.colors, self._text.wrap_width = self.colors, self.viewport().width() - 40
        if self._picture is None:
            self._add_text(0, 0, render(self._note), wrap=True)
        else:
            self._draw_picture(self._picture)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-8, -8, 8, 8))
        self._fit()
        self._update_highlight()

    def _draw_picture(self, pic) -> None:
        y = 0.0
        for key, operand in (("a", pic.a), ("b", pic.b)):
            values = operand.expanded if operand.expanded is not None else operand.values
            faded = operand.is_copy if operand.is_copy is not None else None
            y = self._draw_row(y, key, self._text.operand_header(operand), values, faded,
                               operand.name)
        if pic.result is not None:
            header = self.tr("{expression} → shape {shape}, dtype {dtype}").format(
                expression=pic.result_expression, shape=shape_text(pic.result.shape),
                dtype=pic.result_dtype)
            y = self._draw_row(y, "result", header, pic.result, None)
        if pic.failed_inplace:
            warning = self._add_text(0, y, self.tr(
                "{expression} cannot store this: it writes into {name}, and {name}'s faded "
                "cells are not real memory").format(expression=pic.failed_inplace,
                                                   name=pic.a.name), bold=True)
            warning.setBrush(self.colors.fail)
            y += HEADER_H + ROW_GAP / 2
        self._text.legend(y, pic, self._failing)

    def _failing_axis(self, shape: tuple[int, ...]) -> int | None:
        """The failing dimension as an axis of ``shape`` (None when nothing fails there)."""
        if self._failing is None or len(shape) < -self._failing[1]:
            return None
        return len(shape) + self._failing[1]

    def _draw_row(self, y: float, key: str, header: str, values: np.ndarray, faded,
                  name: str = "") -> float:
        self._add_text(0, y, header, bold=True)
        y += HEADER_H
        axis = self._failing_axis(values.shape)
        if axis is not None and self._failing is not None:
            self._text.failing_note(0, y, name, self._failing[0],
                                    values.shape[axis])
            y += CAPTION_H + 2
        if values.size == 0:
            self._add_text(0, y, self.tr("empty: shape {shape} has no elements").format(
                shape=shape_text(values.shape)))
            return y + HEADER_H + ROW_GAP
        grid = as_blocks(values)
        fade = as_blocks(faded) if faded is not None else np.zeros(grid.shape, dtype=bool)
        marked = set(axis_cells(values.shape, axis)) if axis is not None else set()
        per_block = grid[0].size
        blocks = min(len(grid), max(1, DRAWN_MAX_CELLS // per_block))
        self._cells[key] = []
        block_w, block_h = self._block_size(grid.shape, values.ndim)
        per_line = self._blocks_per_line(blocks, block_w + BLOCK_GAP, block_h + BLOCK_GAP)
        for block in range(blocks):
            x = (block % per_line) * (block_w + BLOCK_GAP)
            top = y + (block // per_line) * (block_h + BLOCK_GAP)
            self._draw_block(x, top, key, grid, fade, block, values.ndim, marked)
            if values.ndim == 4:  # a frame shows which slices make one 3-D block
                frame = self.scene().addRect(QRectF(x - 5, top - 5, block_w + 10, block_h + 9),
                                             QPen(self.colors.faded_pen, 1))
                frame.setZValue(-1)
        y += ((blocks + per_line - 1) // per_line) * (block_h + BLOCK_GAP) - BLOCK_GAP
        if blocks < len(grid):
            self._text.left_out(0, y + 6, values.shape, blocks)
            y += HEADER_H + 6
        return y + ROW_GAP

    def _blocks_per_line(self, blocks: int, width: float, height: float) -> int:
        """How many 4-D blocks side by side make the picture fit the view at the largest scale
        (the picture stacks two or three tensors of this many blocks, and the legend)."""
        view = self.viewport().size()
        rows = 3 if self._picture is not None and self._picture.result is not None else 2
        def scale(per_line: int) -> float:
            lines = (blocks + per_line - 1) // per_line
            total_h = rows * (lines * height + 2 * HEADER_H) + 4 * HEADER_H
            return min(max(view.width(), 400) / (per_line * width),
                       max(view.height(), 300) / total_h)
        return max(range(1, blocks + 1), key=scale)

    def _block_size(self, shape: tuple[int, ...], ndim: int) -> tuple[float, float]:
        """Width and height of one 3-D block (its slices wrap beyond ``WRAP_WIDTH``)."""
        _, slices, rows, cols = shape
        slice_w = cols * CELL_W + SLICE_GAP
        per_line = min(slices, max(1, int((WRAP_WIDTH + SLICE_GAP) // slice_w)))
        caption = CAPTION_H if ndim >= 3 else 0
        lines = (slices + per_line - 1) // per_line
        return per_line * slice_w - SLICE_GAP, lines * (caption + rows * CELL_H + ROW_GAP / 2) \
            - ROW_GAP / 2

    def _draw_block(self, x0: float, y: float, key: str, grid: np.ndarray, fade: np.ndarray,
                    block: int, ndim: int, marked: set[int]) -> None:
        """One 3-D block at (x0, y): a row of 2-D slices, wrapped beyond ``WRAP_WIDTH``."""
        _, slices, rows, cols = grid.shape
        caption = CAPTION_H if ndim >= 3 else 0
        slice_w, slice_h = cols * CELL_W + SLICE_GAP, caption + rows * CELL_H + ROW_GAP / 2
        per_line = max(1, int((WRAP_WIDTH + SLICE_GAP) // slice_w))
        for s in range(slices):
            x, top = x0 + (s % per_line) * slice_w, y + (s // per_line) * slice_h
            if caption:
                self._add_text(x, top, slice_caption(ndim, block, s), small=True)
            for r in range(rows):
                for c in range(cols):
                    rect = QRectF(x + c * CELL_W, top + caption + r * CELL_H, CELL_W, CELL_H)
                    index = ((block * slices + s) * rows + r) * cols + c
                    cell = Cell(key, index, format_cell(grid[block, s, r, c]),
                                bool(fade[block, s, r, c]), rect, self.colors, index in marked)
                    cell.center_label(self._font)
                    self.scene().addItem(cell)
                    self._cells[key].append(cell)

    def _add_text(self, x: float, y: float, text: str, bold=False, small=False, wrap=False):
        return self._text.add(x, y, text, bold, small, wrap)

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
        if self._picture is None and self._note or self._has_blocks():
            self._render()
        else:
            self._fit()

    def _has_blocks(self) -> bool:
        pic = self._picture
        return pic is not None and max(pic.a.values.ndim, pic.b.values.ndim,
                                       0 if pic.result is None else pic.result.ndim) == 4

    def _result_cell_at(self, pos) -> int | None:
        for item in self.items(pos):
            cell = item if isinstance(item, Cell) else item.parentItem()
            if isinstance(cell, Cell) and cell.key == "result" and cell.index >= 0:
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
        drawn = self._cells.get("result", [])
        if index is None or self._picture is None or not 0 <= index < len(drawn):
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

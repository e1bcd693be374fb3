"""The words of the broadcasting picture: headers, the failing-dimension note, the line about
blocks left out, and the legend that says what the fading and the outlines mean."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene

from gui.broadcasting.cells import Cell, shape_text
from gui.broadcasting.colors import TabColors

LEGEND_W, LEGEND_H, LEGEND_STEP = 26, 18, 26


class PictureText(QObject):
    """Adds the picture's texts to a scene, in the colours of the current palette."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.colors: TabColors | None = None
        self.scene: QGraphicsScene | None = None
        self.font, self.bold, self.wrap_width = QFont(), QFont(), 400.0

    def add(self, x: float, y: float, text: str, bold=False, small=False, wrap=False):
        """A text item at (x, y), in the palette's text colour."""
        assert self.scene is not None and self.colors is not None
        if wrap:
            item = self.scene.addText(text)
            item.setTextWidth(max(260.0, self.wrap_width))
            item.setDefaultTextColor(self.colors.text)
        else:
            item = self.scene.addSimpleText(text)
            item.setBrush(self.colors.text)
        font = QFont(self.bold if bold else self.font)
        if small:
            font.setPointSizeF(font.pointSizeF() * 0.9)
        item.setFont(font)
        item.setPos(x, y)
        return item

    # --- texts ----------------------------------------------------------------------------
    def operand_header(self, operand) -> str:
        if operand.expanded is None:
            return self.tr("{name}: shape {shape}").format(name=operand.name,
                                                           shape=shape_text(operand.shape))
        target = shape_text(operand.expanded.shape)
        if operand.is_copy.any() or operand.shape != operand.expanded.shape:
            return self.tr("{name}: shape {shape} → {name}.expand{target}, stride {stride}").format(
                name=operand.name, shape=shape_text(operand.shape), target=target,
                stride=shape_text(operand.expand_stride))
        return self.tr("{name}: shape {shape}, stride {stride} (nothing to stretch)").format(
            name=operand.name, shape=shape_text(operand.shape),
            stride=shape_text(operand.expand_stride))

    def failing_note(self, x: float, y: float, name: str, dim: int, size: int) -> None:
        """Under an operand: the size of the failing dimension in it, in the failure colour."""
        assert self.colors is not None
        item = self.add(x, y, self.tr("{name}: dimension {dim} has size {size} (outlined) ✗")
                        .format(name=name, dim=dim, size=size), small=True)
        item.setBrush(self.colors.fail)

    def left_out(self, x: float, y: float, shape: tuple[int, ...], drawn: int) -> None:
        """The line after a 4-D tensor's first blocks: which blocks are not drawn."""
        total, hidden = shape[0], shape[0] - drawn
        if hidden == 1:  # English has no .qm: its singular is its own source text
            text = self.tr("⋮ [{first}:{total}, :, :, :] not drawn: 1 more block of shape "
                           "{block}; the table and the code cover it")
        else:
            text = self.tr("⋮ [{first}:{total}, :, :, :] not drawn: %n more blocks of shape "
                           "{block}; the table and the code cover them all", None, hidden)
        text = text.format(first=drawn, total=total, block=shape_text(shape[1:]))
        self.add(x, y, text, small=True)

    # --- legend ---------------------------------------------------------------------------
    def legend(self, y: float, pic, failing: tuple[int, int] | None) -> float:
        """Samples with their meaning under the picture; returns the y below it."""
        assert self.colors is not None and self.scene is not None
        entries: list[tuple[Cell, str]] = []
        if pic.result is not None or pic.a.expanded is not None:
            entries.append((self._sample("a", faded=False), self.tr(
                "solid cells: values stored in memory")))
            entries.append((self._sample("a", faded=True), self.tr(
                "faded, dashed cells: stretched copies, not copied in memory (stride 0)")))
        if pic.result is not None:
            memory = self._sample("a", faded=False)
            memory.set_highlight(False, True)
            entries.append((memory, self.tr(
                "point at or click a result cell: the operand cells it is computed from light "
                "up")))
        if failing is not None:
            entries.append((self._sample("a", faded=False, failing=True), self.tr(
                "outlined cells: dimension {dim}, where the sizes differ and neither is 1, so "
                "the shapes do not broadcast").format(dim=failing[0])))
        for cell, text in entries:
            cell.setPos(0, y)
            self.scene.addItem(cell)
            self.add(LEGEND_W + 8, y, text, small=True)
            y += LEGEND_STEP
        return y

    def _sample(self, key: str, faded: bool, failing: bool = False) -> Cell:
        assert self.colors is not None
        return Cell(key, -1, "", faded, QRectF(0, 0, LEGEND_W, LEGEND_H), self.colors, failing)

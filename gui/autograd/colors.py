"""Colours of the Autograd tab that read on a light and on a dark palette.

Accents come in pairs (on a light palette, on a dark one) and are picked with
``gui.widgets.tensor_colors.tone`` from the widget's palette. ``AccentText`` keeps a label's
(or a text box's) text in an accent and re-applies it on every palette change, so a theme
switch re-colours it; ``None`` gives the widget its palette's own text colour back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from gui.widgets.tensor_colors import ERROR, set_text_tone, tone

__all__ = ["ERROR", "AccentText", "tone", "text_color", "muted_color"]

ERROR_LINE = ("#ffe1e1", "#5c2326")  # background of a refused line in the editor
EDGE_TEXT = ("#3c3c8c", "#b4b4f0")  # shapes written on edges
FRAME_TEXT = ("#7a4a10", "#f0c890")  # titles of open module groups
SELECTED = ("#d01e1e", "#ff6b6b")
ACTIVE = ("#d26400", "#ffab40")
CURVES = {
    "forward": ("#1e64c8", "#78aaff"),
    "grad": ("#c0301c", "#ff8a70"),
    "fd": ("#1b7a30", "#74d98c"),
    "closed": ("#5a28a0", "#c8a0ff"),
    "loss": ("#c0301c", "#ff8a70"),
}


def text_color(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


def muted_color(palette: QPalette) -> QColor:
    """Text that is there but not the point (entries without a tensor, hints)."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


class AccentText(QObject):
    """Keeps ``widget``'s text in an accent pair (or the palette's own colour)."""

    def __init__(self, widget: QWidget, pair: tuple[str, str] | None = ERROR,
                 bold: bool = False) -> None:
        super().__init__(widget)
        self._widget, self._pair, self._bold = widget, pair, bold
        widget.installEventFilter(self)
        self.apply()

    def set_pair(self, pair: tuple[str, str] | None) -> None:
        self._pair = pair
        self.apply()

    def apply(self) -> None:
        if self._pair is not None:
            set_text_tone(self._widget, self._pair, self._bold)
        elif self._widget.palette().resolveMask():
            self._widget.setPalette(QPalette())  # inherit the theme's colours again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._widget and event.type() == QEvent.Type.PaletteChange:
            self.apply()
        return False

"""Colours of the tensor widgets that stay readable on a light and on a dark palette.

Text and backgrounds come from the widget's palette (``QPalette`` roles). Where a widget
paints its own fill (storage cells, changed cells, NaN cells), the text on it takes
``ink_on(fill)``: black on a light fill, white on a dark one, whatever the palette. Accent
colours (errors, "shares memory") are chosen per palette with ``tone``; widgets that use
them mix in ``PaletteAware`` so that a theme switch re-colours them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette

# Accent pairs (on a light palette, on a dark palette), each ≥ 4.5:1 against its background.
ERROR = ("#b00020", "#ff8a80")
SHARED = ("#1b5e20", "#81c784")
OWN = ("#0d47a1", "#90caf9")
HIGHLIGHT = ("#c62828", "#ff5252")


def luminance(color: QColor) -> float:
    """WCAG relative luminance (0 black … 1 white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 … 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Window)) < 0.3


def tone(palette: QPalette, pair: tuple[str, str]) -> QColor:
    """The accent of ``pair`` that reads on this palette."""
    return QColor(pair[1] if is_dark(palette) else pair[0])


def ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return black if contrast(fill, black) >= contrast(fill, white) else white


def set_text_tone(widget: Any, pair: tuple[str, str], bold: bool = False) -> None:
    """Colour a label's text with the accent of ``pair`` that reads on its palette.

    Through the palette, not a style sheet: a widget with a style sheet no longer receives
    its parent's palette, so it could not follow a theme switch."""
    color = tone(widget.palette(), pair)
    if widget.palette().color(QPalette.ColorRole.WindowText) != color:
        palette = QPalette(widget.palette())
        palette.setColor(QPalette.ColorRole.WindowText, color)
        palette.setColor(QPalette.ColorRole.Text, color)
        widget.setPalette(palette)
    if widget.font().bold() != bold:
        font = widget.font()
        font.setBold(bold)
        widget.setFont(font)


class PaletteAware:
    """Calls ``self._update_colors()`` when the widget's palette changes (theme switch)."""

    def _update_colors(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colors()
        base: Any = super()
        base.changeEvent(event)


"""Colours of the Datasets tab that stay readable on a light and on a dark palette.

Nothing is hard-coded for one palette: accents come in (light, dark) pairs picked by the
palette in effect (``gui.widgets.tensor_colors.tone``), and widgets that use them recolour
themselves when the palette changes (a View → Theme switch, or the system's scheme).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from gui.widgets.tensor_colors import ERROR, PaletteAware, set_text_tone

BAR = ("#364fc7", "#91a7ff")  # chart bars: ≥ 4.5:1 on white, on the dark base
SELECTED = ("#d9480f", "#ffa94d")  # the outline of the clicked tile


class ErrorLabel(PaletteAware, QLabel):
    """A wrapped, selectable error message in the palette's error colour; hidden when
    empty, so a panel's new step replaces (or removes) its old message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self._update_colors()

    def _update_colors(self) -> None:
        set_text_tone(self, ERROR)

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

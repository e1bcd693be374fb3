"""A label that shows an engine text and renders it again when the language changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from gui.core.retranslate import Retranslatable, render


class EngineTextLabel(Retranslatable, QLabel):
    """A word-wrapped label for explanations, summaries and messages from the engine."""

    def __init__(self, parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(parent)
        self._text: object = ""
        self.setWordWrap(wrap)

    def set_engine_text(self, text: object) -> None:
        """Show ``text`` (an engine ``Text`` or a plain string); empty hides nothing."""
        self._text = text
        self.setText(render(text))

    def engine_text(self) -> object:
        return self._text

    def _retranslate(self) -> None:
        self.setText(render(self._text))

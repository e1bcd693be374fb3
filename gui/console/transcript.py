"""The console's transcript: what was typed, what it printed, its value and its errors."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

MAX_SHOWN_CHARS = 20_000  # one output block; the rest is summarised, never lost silently
# The oldest lines go first: a line laid out costs ~2.5 KB of Qt's text layout (3,600 lines
# held 8.8 MiB), so 20,000 lines held ~49 MiB; 5,000 keep ~12 MiB of scroll-back at most.
MAX_LINES = 5_000
# lines typed in per piece: a pasted 200-line cell at once held the GUI thread 3-10 ms, and
# laying out a long output 20 ms
LINES_PER_PIECE = 40

Piece = Callable[[], None]


class Transcript(QTextBrowser):
    """Read-only, monospace, append-only; colours follow the palette (light or dark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setOpenLinks(False)
        self.document().setMaximumBlockCount(MAX_LINES)
        # Always shown: the bar appearing with the first long paste would lay the whole
        # transcript out a second time, narrower (the GUI thread's largest cost of a paste).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def add_input(self, source: str) -> None:
        _run_all(self.input_pieces(source))

    def add_output(self, text: str) -> None:
        _run_all(self.output_pieces(text))

    def input_pieces(self, source: str) -> list[Piece]:
        """``add_input`` in pieces of at most LINES_PER_PIECE lines, to run in order (one
        per event-loop turn): the same text and style as at once."""
        lines = source.rstrip("\n").split("\n")
        prompts = [">>> " + lines[0]] + ["... " + line for line in lines[1:]]
        return self._pieces(prompts, self._muted_colour(), bold=True)

    def output_pieces(self, text: str) -> list[Piece]:
        """``add_output`` in pieces (see ``input_pieces``)."""
        if not text:
            return []
        return self._pieces(self._clip(text.rstrip("\n")).split("\n"), None)

    def add_error(self, text: str) -> None:
        self._append(self._clip(text), "#c62828")

    def add_note(self, text: str) -> None:
        self._append(text, self._muted_colour(), italic=True)

    def plain_text(self) -> str:
        return self.toPlainText()

    def _pieces(self, lines: list[str], colour: str | None, bold: bool = False) -> list[Piece]:
        # each piece is a new block: the same as the line breaks between them
        return [functools.partial(self._append, "\n".join(lines[start:start + LINES_PER_PIECE]),
                                  colour, bold=bold)
                for start in range(0, len(lines), LINES_PER_PIECE)]

    def _muted_colour(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def _append(self, text: str, colour: str | None, *, bold: bool = False,
                italic: bool = False) -> None:
        """``text`` as new lines at the end, typed in with a character format: no HTML to
        parse, so a pasted cell of hundreds of lines costs a few milliseconds."""
        style = QTextCharFormat()
        if colour:
            style.setForeground(QColor(colour))
        if bold:
            style.setFontWeight(QFont.Weight.DemiBold)
        style.setFontItalic(italic)
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.document().isEmpty():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertText(text, style)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _clip(self, text: str) -> str:
        if len(text) <= MAX_SHOWN_CHARS:
            return text
        hidden = self.tr("… ({count} more characters not shown)").format(
            count=len(text) - MAX_SHOWN_CHARS)
        return f"{text[:MAX_SHOWN_CHARS]}\n{hidden}"


def _run_all(pieces: list[Piece]) -> None:
    for piece in pieces:
        piece()

"""The read-only code view of the code panel: highlighted, wrapped, with a wrap hint.

Long lines wrap at the view's width; each continuation line is marked with ``↪`` in a
narrow left margin, so a wrapped line never reads as two statements and no code is hidden
sideways. Syntax colours come in a light and a dark set, chosen from the palette's ``Base``
colour and re-applied on every palette change.
"""

from __future__ import annotations

import keyword
import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

CONTINUATION_MARK = "↪"

# (light, dark) pairs: each reads at 4.5:1 or better on a white / #1e1e20 background.
COLOURS = {
    "keyword": ("#0033b3", "#7aa2f7"),
    "module": ("#871094", "#d08ce8"),
    "number": ("#1750eb", "#79c0ff"),
    "string": ("#067d17", "#8fd18a"),
    "comment": ("#6b6b6b", "#9a9a9a"),
}
_PATTERNS = [
    ("keyword", re.compile(r"\b(" + "|".join(keyword.kwlist) + r")\b")),
    ("module", re.compile(r"\btorch\b|\bmath\b|\bnp\b|\bnumpy\b")),
    ("number", re.compile(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b")),
    ("string", re.compile(r"(\"[^\"]*\"|'[^']*')")),
    ("comment", re.compile(r"#.*$")),
]


def syntax_colour(kind: str, dark: bool) -> QColor:
    light_name, dark_name = COLOURS[kind]
    return QColor(dark_name if dark else light_name)


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, numbers, strings and comments: enough to read code at a glance."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        for kind in COLOURS:
            fmt = QTextCharFormat()
            fmt.setForeground(syntax_colour(kind, dark))
            fmt.setFontWeight(QFont.Weight.Bold if kind == "keyword" else QFont.Weight.Normal)
            fmt.setFontItalic(kind == "comment")
            self._formats[kind] = fmt
        self.rehighlight()

    def format_of(self, kind: str) -> QTextCharFormat:
        return self._formats[kind]

    def highlightBlock(self, text: str) -> None:
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats[kind])


class _WrapMargin(QWidget):
    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event) -> None:
        self._view.paint_wrap_marks(self, event.rect())


class CodeView(QPlainTextEdit):
    """A read-only, fixed-width code view that wraps long lines and marks the wraps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(self.wordWrapMode().WrapAtWordBoundaryOrAnywhere)
        self.highlighter = PythonHighlighter(self.document(), self._palette_is_dark())
        self._margin = _WrapMargin(self)
        self.setViewportMargins(self.margin_width(), 0, 0, 0)
        self.updateRequest.connect(self._on_update_request)

    def _palette_is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(CONTINUATION_MARK) + 6

    def set_wrapping(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode
        self.setLineWrapMode(mode.WidgetWidth if wrap else mode.NoWrap)

    def is_wrapping(self) -> bool:
        return self.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap

    def wrapped_line_count(self) -> int:
        """How many visual lines are continuations of a longer line (0: nothing wrapped)."""
        count, block = 0, self.document().firstBlock()
        while block.isValid():
            count += max(0, block.layout().lineCount() - 1)
            block = block.next()
        return count

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            dark = self._palette_is_dark()
            if dark != self.highlighter.dark:
                self.highlighter.set_dark(dark)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(),
                                       rect.height()))

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def paint_wrap_marks(self, margin: QWidget, area: QRect) -> None:
        painter = QPainter(margin)
        painter.setPen(syntax_colour("comment", self._palette_is_dark()))
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.fontMetrics().height()
        while block.isValid() and top <= area.bottom():
            layout = block.layout()
            for index in range(1, layout.lineCount()):
                line_top = int(top + layout.lineAt(index).y())
                painter.drawText(0, line_top, margin.width() - 2, height,
                                 Qt.AlignmentFlag.AlignRight, CONTINUATION_MARK)
            top += self.blockBoundingRect(block).height()
            block = block.next()
        painter.end()

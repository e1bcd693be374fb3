"""The read-only code view of the code panel: highlighted, wrapped, with a wrap hint.

Long lines wrap at the view's width; each continuation line is marked with ``↪`` in a
narrow left margin, so a wrapped line never reads as two statements and no code is hidden
sideways. Syntax colours come in a light and a dark set, chosen from the palette's ``Base``
colour and re-applied on every palette change.

``set_code`` replaces the whole text (a language switch re-renders every step's title):
the lines on screen are highlighted at once, the others a slice per event-loop turn, since
highlighting 200 steps in one go holds the GUI thread for ~9 ms.
"""

from __future__ import annotations

import keyword
import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
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
HIGHLIGHT_SLICE = 120  # blocks (lines) highlighted per event-loop turn off screen

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
        self.held = False  # while True, blocks are left plain (see CodeView.set_code)
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
        if self.held:
            return
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
        self._plain_blocks: list[int] = []  # not highlighted yet, the next one last
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._highlight_slice)

    def set_code(self, text: str) -> None:
        """Show ``text`` scrolled to its end; only the lines on screen are highlighted now,
        the rest (from the end up) in slices of ``HIGHLIGHT_SLICE`` lines."""
        self.highlighter.held = True
        try:
            self.setPlainText(text)
        finally:
            self.highlighter.held = False
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        self._plain_blocks = list(range(self.document().blockCount()))
        self._highlight_visible()
        self._highlight_timer.start()

    def highlight_pending(self) -> bool:
        """True while some lines are still waiting to be highlighted."""
        return bool(self._plain_blocks)

    def _highlight_visible(self) -> None:
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        visible = set()
        while block.isValid() and top <= self.viewport().height():
            visible.add(block.blockNumber())
            self.highlighter.rehighlightBlock(block)
            top += self.blockBoundingRect(block).height()
            block = block.next()
        self._plain_blocks = [n for n in self._plain_blocks if n not in visible]

    def _highlight_slice(self) -> None:
        document = self.document()
        for _ in range(min(HIGHLIGHT_SLICE, len(self._plain_blocks))):
            block = document.findBlockByNumber(self._plain_blocks.pop())
            if block.isValid():
                self.highlighter.rehighlightBlock(block)
        if not self._plain_blocks:
            self._highlight_timer.stop()

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

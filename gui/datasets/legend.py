"""The batch's key line: "Labels: 0 T-shirt/top   1 Trouser …" in balanced lines.

An entry (index and name) is never split across lines, and the lines hold equal numbers
of entries, so no last line carries one cramped entry ("9 Botín" alone). The lines are
recomputed when the label is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ENTRY_GAP = "   "


def balanced_lines(title: str, entries: list[str], metrics: QFontMetrics,
                   width: int) -> list[str]:
    """The fewest lines of equal entry counts that fit ``width`` (one entry per line when
    even that does not fit); the title starts the first line."""
    count = len(entries)
    for rows in range(1, count + 1):
        per = -(-count // rows)
        lines = [ENTRY_GAP.join(entries[i:i + per]) for i in range(0, count, per)]
        lines[0] = f"{title} {lines[0]}".strip()
        if all(metrics.horizontalAdvance(line) <= width for line in lines):
            return lines
    return [f"{title} {entries[0]}".strip(), *entries[1:]] if entries else [title]


class LegendLabel(QLabel):
    """``set_entries(title, entries)``; takes the width its layout gives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._entries: list[str] = []
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_entries(self, title: str, entries: list[str]) -> None:
        self._title, self._entries = title, list(entries)
        self._relayout()

    def lines(self) -> list[str]:
        return self.text().split("\n") if self.text() else []

    def _relayout(self) -> None:
        lines = (balanced_lines(self._title, self._entries, self.fontMetrics(),
                                max(self.width(), 60)) if self._entries else [])
        text = "\n".join(lines)
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

"""The console's input box: Enter runs, Shift+Enter adds a line, Up/Down browse history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from engine.language.console import History


class ConsoleInput(QPlainTextEdit):
    """A small code editor; ``submitted`` carries the whole text when the user runs it (the
    receiver clears the box once it accepts the text, so nothing typed is lost)."""

    submitted = Signal(str)

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMaximumBlockCount(0)

    def submit(self) -> None:
        text = self.toPlainText()
        if text.strip():
            self.submitted.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submit()
            return
        if key == Qt.Key.Key_Up and self._on_first_line():
            self._show(self._history.previous())
            return
        if key == Qt.Key.Key_Down and self._on_last_line():
            self._show(self._history.following())
            return
        super().keyPressEvent(event)

    def _on_first_line(self) -> bool:
        return self.textCursor().blockNumber() == 0

    def _on_last_line(self) -> bool:
        return self.textCursor().blockNumber() == self.document().blockCount() - 1

    def _show(self, text: str | None) -> None:
        if text is None:
            return
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

"""The code panel: every step's PyTorch code, highlighted, copyable, in order."""

from __future__ import annotations

import keyword
import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable, render


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, numbers, strings and comments: enough to read code at a glance."""

    RULES = [
        (re.compile(r"\b(" + "|".join(keyword.kwlist) + r")\b"), _format("#0033b3", bold=True)),
        (re.compile(r"\btorch\b|\bmath\b"), _format("#871094")),
        (re.compile(r"\b\d+(\.\d*)?([eE][-+]?\d+)?\b"), _format("#1750eb")),
        (re.compile(r"(\"[^\"]*\"|'[^']*')"), _format("#067d17")),
        (re.compile(r"#.*$"), _format("#8c8c8c", italic=True)),
    ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt API)
        for pattern, fmt in self.RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)


class CodePanel(Retranslatable, QWidget):
    """Shows the code of the steps taken so far; ``add_step`` appends one ``CodeStep``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list = []
        self._title = QLabel()
        self._copy_button = QPushButton()
        self._clear_button = QPushButton()
        self._editor = QPlainTextEdit()
        self._editor.setReadOnly(True)
        self._editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._highlighter = PythonHighlighter(self._editor.document())
        self._build_layout()
        self._copy_button.clicked.connect(self._on_copy)
        self._clear_button.clicked.connect(self.clear)
        self._retranslate()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._copy_button)
        header.addWidget(self._clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self._editor)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("PyTorch code"))
        self._copy_button.setText(self.tr("Copy"))
        self._copy_button.setToolTip(self.tr("Copy all the code to the clipboard"))
        self._clear_button.setText(self.tr("Clear"))
        self._render()  # titles, code comments and explanations follow the language

    def add_step(self, step) -> None:
        self._steps.append(step)
        self._render()

    def set_steps(self, steps: list) -> None:
        self._steps = list(steps)
        self._render()

    def steps(self) -> list:
        return list(self._steps)

    def clear(self) -> None:
        self._steps.clear()
        self._render()

    def code(self) -> str:
        return self._editor.toPlainText()

    def _render(self) -> None:
        from engine.core.codegen import PREAMBLE  # engine.core.codegen imports no torch

        blocks = [PREAMBLE.rstrip()]
        for step in self._steps:
            blocks.append(f"# {render(step.title)}\n{render(step.code).rstrip()}")
        self._editor.setPlainText("\n\n".join(blocks) + "\n")
        bar = self._editor.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())

    def sizeHint(self):  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        hint.setHeight(max(hint.height(), 160))
        return hint


"""The lines of the Autograd program: a code editor, what they bound, what they printed.

Top: the lines as typed (one statement per line, as in the note; a pasted cell works).
Editing emits ``edited`` (the tab debounces and re-runs). Below: the tensors the lines
bound with their shape, requires_grad and grad_fn; a refused line's message (line and
column, PyTorch's own text kept) with that line marked; and what the lines printed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from gui.autograd.colors import ERROR_LINE, AccentText, tone
from gui.core.retranslate import Retranslatable

NAME, SHAPE, REQUIRES_GRAD, GRAD_FN = range(4)


def _code_box(read_only: bool) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setReadOnly(read_only)
    box.setTabChangesFocus(False)
    return box


class StepsEditor(Retranslatable, QWidget):
    """See the module docstring; ``source()`` is the typed text."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = _code_box(False)
        self.editor.setMinimumHeight(120)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(90)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # grad_fn takes the room left (elided, full name in the tooltip): never out of view.
        header.setSectionResizeMode(GRAD_FN, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        AccentText(self.error_label)
        self._marked: int | None = None
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.output_title = QLabel()
        self.output = _code_box(True)
        self.output.setMinimumHeight(70)
        self.editor.textChanged.connect(self.edited.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 3)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.output_title)
        layout.addWidget(self.output, 2)
        self._retranslate()

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Shape"),
                                              self.tr("requires_grad"), self.tr("grad_fn")])
        self.editor.setToolTip(self.tr("PyTorch lines as in the note, e.g. b = torch.sin(a), "
                                       "out = d.sum(), out.backward()"))
        self.output_title.setText(self.tr("Output"))

    # --- content ------------------------------------------------------------------------
    def source(self) -> str:
        return self.editor.toPlainText()

    def set_source(self, text: str) -> None:
        """Replace the lines (without emitting ``edited``: the caller runs them)."""
        with signals_blocked(self.editor):
            self.editor.setPlainText(text)

    def names(self) -> list[str]:
        return [self.table.item(r, NAME).text() for r in range(self.table.rowCount())]

    def set_results(self, rows) -> None:
        """Fill the table from ``engine.autograd.program.TensorRow`` values."""
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            shape = row.text if row.shape is None else str(list(row.shape))
            texts = (row.name, shape, str(row.requires_grad), row.grad_fn or "None")
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n{row.text}" if column == GRAD_FN else row.text)
                self.table.setItem(index, column, item)

    def result_texts(self, column: int) -> list[str]:
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]

    def set_output(self, text: str) -> None:
        self.output.setPlainText(text)

    def output_text(self) -> str:
        return self.output.toPlainText()

    def show_error(self, message: str, line: int | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self._mark_line(line)

    def _mark_line(self, line: int | None) -> None:
        self._marked = line
        selections = []
        block = self.editor.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(tone(self.palette(), ERROR_LINE))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch: the marked line too
            self._mark_line(self._marked)

    def marked_lines(self) -> list[int]:
        return [s.cursor.blockNumber() + 1 for s in self.editor.extraSelections()]

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        self._mark_line(None)

    def error_text(self) -> str:
        return self.error_label.text()

"""The editable named steps of an expression program, with what autograd recorded.

Columns: name, expression (editable), then shape, requires_grad and grad_fn as computed.
Editing emits ``edited`` (the tab debounces and re-runs). Errors are shown in a red label
under the table and the offending cell is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from gui.core.retranslate import Retranslatable

NAME, EXPRESSION, SHAPE, REQUIRES_GRAD, GRAD_FN = range(5)
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
MIN_EXPRESSION_WIDTH = 130  # below this the table scrolls sideways instead of eliding


class StepsEditor(Retranslatable, QWidget):
    """See the module docstring; ``steps()`` returns ``[(name, expression), ...]``."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EXPRESSION, QHeaderView.ResizeMode.Interactive)
        for column in (NAME, SHAPE, REQUIRES_GRAD, GRAD_FN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.table.itemChanged.connect(self._on_item_changed)
        header.sectionResized.connect(self._on_section_resized)
        self.table.viewport().installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        self._retranslate()

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Expression"),
                                              self.tr("Shape"), self.tr("requires_grad"),
                                              self.tr("grad_fn")])
        self.add_button.setText(self.tr("Add step"))
        self.remove_button.setText(self.tr("Remove step"))
        self.table.setToolTip(self.tr("Numbers, names defined above, + - * / ** @ and "
                                      "functions such as sin, cos, exp, log, relu, sum, mean, "
                                      "linspace, ones, rand"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._update_expression_width()
        return False

    def _update_expression_width(self) -> None:
        """The expression column takes the free width, but never less than a readable minimum."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(self.table.columnCount())
                     if c != EXPRESSION)
        width = max(MIN_EXPRESSION_WIDTH, self.table.viewport().width() - others)
        if header.sectionSize(EXPRESSION) != width:
            header.resizeSection(EXPRESSION, width)

    def _on_section_resized(self, column: int, *_sizes) -> None:
        if column == EXPRESSION:
            self.table.resizeRowsToContents()
        else:
            self._update_expression_width()

    # --- content ------------------------------------------------------------------------
    def set_steps(self, steps) -> None:
        with signals_blocked(self.table):
            self.table.setRowCount(0)
            for name, expression in steps:
                self._append_row(name, expression)

    def _append_row(self, name: str, expression: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        self.table.setItem(row, EXPRESSION, QTableWidgetItem(expression))
        self.table.item(row, EXPRESSION).setToolTip(expression)
        for column in (SHAPE, REQUIRES_GRAD, GRAD_FN):
            item = QTableWidgetItem("")
            item.setFlags(READ_ONLY)
            item.setForeground(QColor(80, 80, 80))
            self.table.setItem(row, column, item)

    def steps(self) -> list[tuple[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME)
            expression = self.table.item(row, EXPRESSION)
            result.append((name.text() if name else "", expression.text() if expression else ""))
        return result

    def set_expression(self, row: int, text: str) -> None:
        """Change one expression as if the user typed it."""
        self.table.item(row, EXPRESSION).setText(text)

    def set_results(self, rows) -> None:
        """Fill the computed columns from ``engine.autograd.program.TensorRow`` values."""
        by_name = {row.name: row for row in rows}
        with signals_blocked(self.table):
            for index in range(self.table.rowCount()):
                result = by_name.get(self.table.item(index, NAME).text().strip())
                shape = "" if result is None else (result.text if result.shape is None
                                                    else str(list(result.shape)))
                texts = ("", "", "") if result is None else (
                    shape, str(result.requires_grad), result.grad_fn or "None")
                for column, text in zip((SHAPE, REQUIRES_GRAD, GRAD_FN), texts, strict=True):
                    self.table.item(index, column).setText(text)

    def result_texts(self, column: int) -> list[str]:
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if field and ":" in field:
            kind, _, row = field.partition(":")
            column = NAME if kind == "name" else EXPRESSION
            if row.isdigit() and int(row) < self.table.rowCount():
                self.table.setCurrentCell(int(row), column)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text()

    # --- handlers -----------------------------------------------------------------------
    def _on_add(self) -> None:
        names = {name for name, _ in self.steps()}
        name = next(f"s{i}" for i in range(1, 1000) if f"s{i}" not in names)
        last = self.steps()[-1][0] if self.table.rowCount() else "1"
        with signals_blocked(self.table):
            self._append_row(name, f"{last} * 1")
        self.edited.emit()

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(row)
            self.edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (NAME, EXPRESSION):
            self.edited.emit()

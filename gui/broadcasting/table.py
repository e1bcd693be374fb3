"""The alignment table: both shapes right-aligned, one row per dimension, with its rule."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from engine.broadcasting.explain import BroadcastExplanation, DimRow, DimRule
from gui.broadcasting.colors import tab_colors
from gui.core.retranslate import Retranslatable


class AlignmentTable(Retranslatable, QTableWidget):
    """``set_explanation(explanation, names)`` fills it; nothing here computes."""

    COLUMNS = 5

    def __init__(self, parent=None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self._explanation = None
        self._names = ("a", "b")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in range(self.COLUMNS):
            mode = (QHeaderView.ResizeMode.Stretch if column == 3
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        self.setWordWrap(True)
        self._retranslate()

    def _retranslate(self) -> None:
        name_a, name_b = self._names
        self.setHorizontalHeaderLabels([
            self.tr("dim"), name_a, name_b, self.tr("rule"), self.tr("result")])
        self.horizontalHeaderItem(0).setToolTip(
            self.tr("Dimension index in the result; in brackets, counted from the right"))
        if self._explanation is not None:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._explanation is not None:
            self._fill()  # row colours follow the palette (light or dark)
        super().changeEvent(event)

    def set_explanation(self, explanation: BroadcastExplanation,
                        names: tuple[str, str] = ("a", "b")) -> None:
        self._explanation, self._names = explanation, names
        self._retranslate()

    def rule_text(self, row: DimRow) -> str:
        """The rule of one dimension in plain words (what the user reads in the table)."""
        a, b = self._names
        rule, size = row.rule, row.result_size
        if rule is DimRule.EQUAL:
            return self.tr("equal ✓")
        if rule in (DimRule.STRETCH_A, DimRule.STRETCH_B):
            name = a if rule is DimRule.STRETCH_A else b
            if size == 0:
                return self.tr("{name} is 1 → stretched to 0 (empty) ✓").format(name=name)
            return self.tr("{name} is 1 → stretched to {size} ✓").format(name=name, size=size)
        if rule in (DimRule.MISSING_A, DimRule.MISSING_B):
            name = a if rule is DimRule.MISSING_A else b
            if size == 1:
                return self.tr("missing in {name} → padded with 1 ✓").format(name=name)
            return self.tr("missing in {name} → padded with 1, stretched to {size} ✓").format(
                name=name, size=size)
        if 0 in (row.size_a, row.size_b):
            return self.tr("{x} ≠ {y}: size 0 matches only 0 or 1 ✗").format(
                x=row.size_a, y=row.size_b)
        return self.tr("{x} ≠ {y}, and neither is 1 ✗").format(x=row.size_a, y=row.size_b)

    def _fill(self) -> None:
        e = self._explanation
        colors = tab_colors(self.palette())
        self.setRowCount(len(e.rows))
        for r, row in enumerate(e.rows):
            items = [
                QTableWidgetItem(f"{row.index}  ({row.from_right})"),
                self._size_item(row.size_a),
                self._size_item(row.size_b),
                QTableWidgetItem(self.rule_text(row)),
                QTableWidgetItem("✗" if row.result_size is None else str(row.result_size)),
            ]
            brush = None
            if not row.ok:
                brush = QBrush(colors.fail_row)
            elif row.a_stretched or row.b_stretched:
                brush = QBrush(colors.stretch_row)
            for column, item in enumerate(items):
                if brush is not None:
                    item.setBackground(brush)
                if item.foreground().style() == Qt.BrushStyle.NoBrush:  # "(1)" keeps its grey
                    item.setForeground(colors.text)
                if column != 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, column, item)
            if e.failing_row == row.index:
                font = QFont(self.font())
                font.setBold(True)
                for item in items:
                    item.setFont(font)
        self.resizeRowsToContents()

    def _size_item(self, size: int | None) -> QTableWidgetItem:
        if size is not None:
            return QTableWidgetItem(str(size))
        item = QTableWidgetItem(self.tr("(1)"))
        item.setForeground(tab_colors(self.palette()).padded)
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(font)
        item.setToolTip(self.tr("Missing dimension: padded with 1 on the left"))
        return item

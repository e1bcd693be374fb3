"""The viewer's "Values" tab: a fixed-width table of the displayed 2-D slice.

``TensorValuesTable`` is a ``QTableView`` on a ``TensorTableModel``; ``fit_columns``
widens the columns so that every value fits (integers keep all their digits, floats keep
as many significant digits as the column holds), so no cell is ever elided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHeaderView, QTableView

from gui.widgets.tensor_table_model import TensorTableModel

COLUMN_WIDTH = 84  # wide enough for 10 characters of a fixed-width font
_CELL_PADDING = 12


class TensorValuesTable(QTableView):
    """See the module docstring."""

    def __init__(self, model: TensorTableModel) -> None:
        super().__init__()
        self.setModel(model)
        self._table_model = model
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Every value fits its column (set_max_chars), so no cell needs wrapping or an
        # ellipsis; laying text out for either doubled the cost of each repaint (scrolling).
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header_metrics = self.verticalHeader().fontMetrics()
        model.set_header_metrics(header_metrics.horizontalAdvance("0"),
                                 self.verticalHeader().defaultSectionSize())
        self.setEditTriggers(QTableView.EditTrigger.DoubleClicked
                             | QTableView.EditTrigger.EditKeyPressed)

    def fit_columns(self, kind: str, levels) -> None:
        """Integers keep every digit (the column widens); floats keep fewer significant
        digits so that they fit the column, never an elided tail."""
        digit = max(1, self.fontMetrics().horizontalAdvance("0"))
        width = COLUMN_WIDTH
        if kind == "int":
            longest = max(len(str(int(levels.low))), len(str(int(levels.high))))
            width = max(COLUMN_WIDTH, longest * digit + _CELL_PADDING)
        header = self.horizontalHeader()
        if header.defaultSectionSize() != width:
            header.setDefaultSectionSize(width)
        self._table_model.set_max_chars(max(4, (width - _CELL_PADDING) // digit))

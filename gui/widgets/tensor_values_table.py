"""The viewer's "Values" tab: a fixed-width table of the displayed 2-D slice.

``TensorValuesTable`` is a ``QTableView`` on a ``TensorTableModel``; ``fit_columns``
widens the columns so that every value fits (integers keep all their digits, floats keep
as many significant digits as the column holds), so no cell is ever elided.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHeaderView, QTableView

from gui.widgets.tensor_table_model import TensorTableModel

COLUMN_WIDTH = 84  # wide enough for 10 characters of a fixed-width font
_CELL_PADDING = 12
_SIZE_HINT = Qt.ItemDataRole.SizeHintRole.value


class IndexHeader(QHeaderView):
    """A header of indices: every section has the size the model gives for the longest
    index, so the header's size hint is that size, asked once. Qt's own asks about the
    first and last 100 sections (200 Python calls per header) after every model reset."""

    def sizeHint(self) -> QSize:
        if self.count():
            size = self.model().headerData(0, self.orientation(), _SIZE_HINT)
            if isinstance(size, QSize):
                return size
        return super().sizeHint()


class TensorValuesTable(QTableView):
    """See the module docstring."""

    def __init__(self, model: TensorTableModel) -> None:
        super().__init__()
        self.setHorizontalHeader(IndexHeader(Qt.Orientation.Horizontal, self))
        self.setVerticalHeader(IndexHeader(Qt.Orientation.Vertical, self))
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

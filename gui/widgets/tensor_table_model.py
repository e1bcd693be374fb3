"""A virtual table model over the displayed 2-D slice: no widget and no item per cell.

Values are formatted only when the view asks for a visible cell, so a slice of 10^7
elements scrolls as smoothly as one of 10.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from gui.widgets.tensor_slicing import format_value, parse_cell_text, value_kind

_NONFINITE_BRUSH = QBrush(QColor(255, 200, 255))
_NONFINITE_INK = QBrush(QColor(0, 0, 0))
_DISPLAY = Qt.ItemDataRole.DisplayRole.value  # Qt passes roles to data() as plain ints
_EDIT = Qt.ItemDataRole.EditRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_SIZE_HINT = Qt.ItemDataRole.SizeHintRole.value
_VERTICAL = Qt.Orientation.Vertical
_HEADER_PADDING = 16  # pixels around a header's index (the style's margins)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable


class TensorTableModel(QAbstractTableModel):
    """Rows x columns of a 2-D numpy array; cells are editable when ``editable`` is set.

    Editing does not change the array: it emits ``cell_edited(row, col, value)`` and the
    owner decides what to do (typically run a torch job and show a new snapshot).
    """

    cell_edited = Signal(int, int, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._plane = np.zeros((0, 0))
        self._kind = "float"
        self._editable = False
        self._editable_flags = _EDITABLE_FLAGS
        self._mark_nonfinite = False
        self._max_chars: int | None = None
        self._header_metrics: tuple[int, int] | None = None  # digit width, section height

    def set_max_chars(self, max_chars: int | None) -> None:
        """Floats keep fewer significant digits so that they fit ``max_chars`` characters."""
        if max_chars != self._max_chars:
            self._max_chars = max_chars
            if self.rowCount() and self.columnCount():  # an empty model has no cells to redo
                self._all_cells_changed()

    def set_plane(self, plane: np.ndarray, has_nonfinite: bool = True) -> None:
        """Show ``plane``; ``has_nonfinite=False`` skips the NaN/inf cell colouring.

        A plane of the same shape only changes the cells (the rows↔columns swap of a
        square plane, the next N-D slice): no model reset, so the headers keep their
        sizes and the view keeps its scroll position and selection."""
        plane = plane if plane.ndim == 2 else plane.reshape(1, -1)
        if self._unchanged(plane, has_nonfinite):
            return  # e.g. an empty viewer cleared again: no reset, no repaint
        same_shape = plane.shape == self._plane.shape and plane.size > 0
        if not same_shape:
            self.beginResetModel()
        self._plane = plane
        self._kind = value_kind(plane)
        self._mark_nonfinite = has_nonfinite and self._kind == "float"
        if same_shape:
            self._all_cells_changed()
        else:
            self.endResetModel()

    def _unchanged(self, plane: np.ndarray, has_nonfinite: bool) -> bool:
        """True when showing ``plane`` would show exactly what is shown: the same array
        (or an empty one again) with the same NaN/inf marking."""
        if plane.shape != self._plane.shape:
            return False
        same_cells = plane is self._plane or plane.size == 0
        return same_cells and (has_nonfinite and self._kind == "float") == self._mark_nonfinite

    def _all_cells_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1,
                                                           self.columnCount() - 1))

    def set_has_nonfinite(self, has_nonfinite: bool) -> None:
        mark = has_nonfinite and self._kind == "float"
        if mark != self._mark_nonfinite:
            self._mark_nonfinite = mark
            if self.rowCount() and self.columnCount():
                self._all_cells_changed()

    def plane(self) -> np.ndarray:
        return self._plane

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._plane.shape[0]

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._plane.shape[1]

    def data(self, index: QModelIndex, role: int = 0):
        # Called for ~7 roles of every visible cell on each paint: plain int roles, no enums.
        if role in (_DISPLAY, _EDIT):
            return format_value(self._plane[index.row(), index.column()], self._kind,
                                self._max_chars)
        if role == _ALIGNMENT:
            return _RIGHT
        if role in (_BACKGROUND, _FOREGROUND) and self._mark_nonfinite:
            value = float(self._plane[index.row(), index.column()])
            if value != value or abs(value) == math.inf:  # a light fill with dark text,
                return _NONFINITE_BRUSH if role == _BACKGROUND else _NONFINITE_INK  # any theme
        return None

    def set_header_metrics(self, digit_width: int, section_height: int) -> None:
        """With these, a header's size is known from its longest index: the header does
        not measure hundreds of sections (about six calls each) on every reset."""
        self._header_metrics = (digit_width, section_height)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = 0):
        if role == _DISPLAY:
            return str(section)
        if role == _SIZE_HINT and self._header_metrics is not None:
            digit_width, height = self._header_metrics
            count = self._plane.shape[0 if orientation == _VERTICAL else 1]
            return QSize(len(str(max(count - 1, 0))) * digit_width + _HEADER_PADDING, height)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return self._editable_flags if self._editable else _READ_ONLY_FLAGS

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._editable or not index.isValid():
            return False
        parsed = parse_cell_text(str(value), self._kind)
        if parsed is None:
            return False
        self.cell_edited.emit(index.row(), index.column(), parsed)
        return True

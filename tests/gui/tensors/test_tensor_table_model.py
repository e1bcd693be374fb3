"""The values table's model: a plane of the same shape changes only the cells (no reset,
the view keeps its place); another shape resets the model."""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtCore import Qt

from engine.core.snapshot import snapshot
from gui.widgets.tensor_table_model import TensorTableModel
from gui.widgets.tensor_values_table import TensorValuesTable
from gui.widgets.tensor_viewer import TensorViewer


def _signals(model: TensorTableModel) -> dict[str, list]:
    seen: dict[str, list] = {"reset": [], "changed": []}
    model.modelReset.connect(lambda: seen["reset"].append(True))
    model.dataChanged.connect(lambda top, bottom, *_: seen["changed"].append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    return seen


def test_a_plane_of_the_same_shape_changes_the_cells_without_a_reset(qtbot):
    model = TensorTableModel()
    model.set_plane(np.arange(12, dtype=np.float32).reshape(3, 4))
    seen = _signals(model)
    model.set_plane(np.full((3, 4), 5, dtype=np.int64))
    assert seen == {"reset": [], "changed": [(0, 0, 2, 3)]}
    assert model.data(model.index(2, 3), 0) == "5"  # the new values and their kind


def test_another_shape_resets_the_model(qtbot):
    model = TensorTableModel()
    model.set_plane(np.zeros((3, 4)))
    seen = _signals(model)
    model.set_plane(np.zeros((4, 3)))
    assert seen["reset"] == [True]
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    model.set_plane(np.zeros((0, 0)))
    model.set_plane(np.zeros((0, 0)))  # empty to empty: nothing, never an invalid range
    assert seen == {"reset": [True, True], "changed": []}


def test_header_size_comes_from_the_longest_index(qtbot):
    model = TensorTableModel()
    size_hint = Qt.ItemDataRole.SizeHintRole.value
    model.set_plane(np.zeros((1000, 7)))
    assert model.headerData(3, Qt.Orientation.Vertical, size_hint) is None  # no metrics yet
    model.set_header_metrics(digit_width=7, section_height=20)
    rows = model.headerData(3, Qt.Orientation.Vertical, size_hint)
    cols = model.headerData(3, Qt.Orientation.Horizontal, size_hint)
    assert (rows.width(), rows.height()) == (3 * 7 + 16, 20)  # "999": three digits
    assert cols.width() == 7 + 16 and model.headerData(3, Qt.Orientation.Vertical, 0) == "3"


def test_the_viewers_row_header_fits_its_longest_index(qtbot):
    viewer = TensorViewer()
    qtbot.addWidget(viewer)
    viewer.resize(900, 500)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.set_snapshot(snapshot(torch.zeros(12345, 3), "tall"))
    viewer.show_view("values")
    header = viewer.table.verticalHeader()
    qtbot.waitUntil(lambda: header.width() > 0)
    assert header.width() > header.fontMetrics().horizontalAdvance("12344")


def test_showing_what_is_already_shown_signals_nothing(qtbot):
    model = TensorTableModel()
    model.set_plane(np.zeros((0, 0)))
    plane = np.arange(6, dtype=np.float32).reshape(2, 3)
    seen = _signals(model)
    model.set_plane(np.zeros((0, 0)))  # an empty viewer cleared again
    assert seen == {"reset": [], "changed": []}
    model.set_plane(plane)
    model.set_plane(plane)  # the same array again
    assert seen == {"reset": [True], "changed": []}
    model.set_plane(plane, has_nonfinite=False)  # the NaN marking changes: cells repaint
    model.set_plane(plane.copy(), has_nonfinite=False)  # new values of the same shape
    assert seen == {"reset": [True], "changed": [(0, 0, 1, 2), (0, 0, 1, 2)]}


def test_a_reset_asks_the_model_for_one_header_size_not_hundreds(qtbot):
    asked = []

    class CountingModel(TensorTableModel):
        def headerData(self, section, orientation, role=0):
            if role == Qt.ItemDataRole.SizeHintRole.value:
                asked.append(section)
            return super().headerData(section, orientation, role)

    model = CountingModel()
    table = TensorValuesTable(model)
    qtbot.addWidget(table)
    table.resize(600, 400)
    table.show()
    qtbot.waitExposed(table)
    model.set_plane(np.zeros((4096, 300), dtype=np.float32))
    asked.clear()
    model.set_plane(np.zeros((3072, 2048), dtype=np.float32))  # a reset: another shape
    assert 0 < len(asked) <= 8  # Qt's own header asks about 200 sections of each
    size_hint = Qt.ItemDataRole.SizeHintRole.value
    assert table.verticalHeader().sizeHint() == model.headerData(0, Qt.Orientation.Vertical,
                                                                 size_hint)

"""The values table's model: a plane of the same shape changes only the cells (no reset,
the view keeps its place); another shape resets the model."""

from __future__ import annotations

import numpy as np

from gui.widgets.tensor_table_model import TensorTableModel


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
    model.set_plane(np.zeros((0, 0)))  # empty to empty: a reset, never an invalid range
    assert seen["reset"] == [True, True, True]

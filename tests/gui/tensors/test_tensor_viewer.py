"""The shared tensor viewer: what it draws, lists and says for every kind of tensor."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.snapshot import snapshot
from gui.widgets import tensor_plane_levels
from gui.widgets.tensor_slicing import NAN_RGBA, POS_INF_RGBA, SliceSpec
from gui.widgets.tensor_viewer import TensorViewer
from gui.widgets.tensor_viewer_layout import MAX_FACTS_WIDTH


@pytest.fixture
def viewer(qtbot):
    widget = TensorViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    return widget


def _cell(viewer, row, col) -> str:
    model = viewer.table_model
    return model.data(model.index(row, col))


def test_2d_heatmap_table_print_and_facts(viewer):
    t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    viewer.set_snapshot(snapshot(t, "x"))
    assert np.array_equal(viewer.heatmap.image.image, t.numpy())
    assert viewer.color_bar_levels() == (0.0, 5.0)
    assert (viewer.table_model.rowCount(), viewer.table_model.columnCount()) == (2, 3)
    assert _cell(viewer, 1, 2) == "5"
    assert viewer.printed.toPlainText() == str(t)
    facts = viewer.facts
    assert facts.value_text("shape") == "torch.Size([2, 3])"
    assert facts.value_text("stride") == "(3, 1)"
    assert facts.value_text("data_ptr") == str(t.data_ptr())
    assert facts.value_text("grad_fn") == "None"
    assert facts.value_text("range") == "0 … 5"
    assert "2×3" in viewer.title_label.text() and viewer.snapshot().name == "x"


def test_zero_dim_tensor_is_one_cell(viewer):
    viewer.set_snapshot(snapshot(torch.tensor(3.5), "s"))
    assert viewer.current_plane().shape == (1, 1)
    assert _cell(viewer, 0, 0) == "3.5"
    assert viewer.facts.value_text("shape") == "torch.Size([])"
    assert "0-d" in viewer.title_label.text()


def test_1d_is_a_heatmap_row_and_a_table_column(viewer):
    viewer.set_snapshot(snapshot(torch.arange(5), "v"))
    assert viewer.current_plane().shape == (1, 5)
    assert (viewer.table_model.rowCount(), viewer.table_model.columnCount()) == (5, 1)
    assert _cell(viewer, 4, 0) == "4"


def test_nd_slice_choice_and_sliders(viewer, qtbot):
    t = torch.arange(2 * 3 * 4, dtype=torch.float32).reshape(2, 3, 4)
    viewer.set_snapshot(snapshot(t, "t"))
    controls = viewer.slice_controls
    assert not controls.isHidden()
    assert np.array_equal(viewer.current_plane(), t[0].numpy())
    slider = controls._sliders[0][1]
    slider.setValue(1)
    qtbot.waitUntil(lambda: np.array_equal(viewer.current_plane(), t[1].numpy()), timeout=2000)
    assert "t[1, :, :]" in viewer.info_label.text()
    viewer.set_slice_spec(SliceSpec(2, 0, (0, 2, 0)))
    assert np.array_equal(viewer.current_plane(), t[:, 2, :].numpy().T)
    assert "t[:, 2, :].T" in viewer.info_label.text()


def test_same_shape_keeps_the_slice(viewer, qtbot):
    t = torch.zeros(3, 2, 2)
    viewer.set_snapshot(snapshot(t, "t"))
    viewer.set_slice_spec(SliceSpec(1, 2, (2, 0, 0)))
    viewer.set_snapshot(snapshot(t + 1, "t"))
    assert viewer.slice_spec().fixed[0] == 2


def test_nan_and_inf_are_visible(viewer, qtbot):
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.set_snapshot(snapshot(torch.ones(2, 2), "finite"))
    assert not viewer.heatmap.overlay.isVisible()  # nothing to mark on finite values
    t = torch.tensor([[1.0, float("nan")], [float("inf"), 2.0]])
    viewer.set_snapshot(snapshot(t, "n"))
    assert viewer.facts.value_text("nonfinite") == "1 / +1 / -0"
    assert viewer.heatmap.overlay.isVisible()  # the marks are drawn over the heatmap
    overlay = viewer.heatmap.overlay.image
    assert tuple(overlay[0, 1]) == NAN_RGBA and tuple(overlay[1, 0]) == POS_INF_RGBA
    assert overlay[0, 0, 3] == 0
    assert viewer.color_bar_levels() == (1.0, 2.0)
    assert _cell(viewer, 0, 1) == "nan"


def test_bool_and_int_get_their_own_colour_maps(viewer):
    viewer.set_snapshot(snapshot(torch.rand(3, 3), "f"))
    float_map = viewer.heatmap.color_bar.colorMap()
    viewer.set_snapshot(snapshot(torch.tensor([[True, False]]), "b"))
    bool_map = viewer.heatmap.color_bar.colorMap()
    assert viewer.color_bar_levels() == (0.0, 1.0)
    assert _cell(viewer, 0, 0) == "True"
    viewer.set_snapshot(snapshot(torch.tensor([[1, 7]], dtype=torch.int32), "i"))
    int_map = viewer.heatmap.color_bar.colorMap()
    assert len({id(float_map), id(bool_map), id(int_map)}) == 3
    assert viewer.heatmap.image.image.dtype == np.int32


def test_editing_a_cell_emits_its_full_index(viewer, qtbot):
    viewer.set_snapshot(snapshot(torch.zeros(2, 3, 4), "a"))
    viewer.set_slice_spec(SliceSpec(0, 2, (0, 1, 0)))
    model = viewer.table_model
    assert not model.setData(model.index(1, 3), "5")  # not editable by default
    viewer.set_editable(True)
    with qtbot.waitSignal(viewer.cell_edited) as signal:
        assert model.setData(model.index(1, 3), "5.5")
    assert signal.args == [(1, 1, 3), 5.5]
    assert not model.setData(model.index(0, 0), "five")


def test_large_tensor_table_is_virtual(viewer):
    values = torch.arange(10**7, dtype=torch.float32)
    viewer.set_snapshot(snapshot(values, "big"))
    viewer.show_view("values")  # a big plane's table is filled at the latest when shown
    model = viewer.table_model
    assert model.rowCount() == 10**7
    assert _cell(viewer, 10**7 - 1, 0) == "1e+07"
    viewer.table.scrollToBottom()


def test_a_big_plane_is_drawn_at_a_later_turn_and_its_table_at_another(viewer, qtbot):
    viewer.set_snapshot(snapshot(torch.arange(6.0).reshape(2, 3), "s"))
    values = torch.rand(1100, 1000)
    viewer.set_title("big")
    viewer.set_snapshot(snapshot(values, "big"))
    # the turn that hands the result over only names it; the plane is still the old one
    assert "1100×1000" in viewer.title_label.text()
    assert viewer.snapshot().name == "s" and viewer.current_plane().shape == (2, 3)
    assert viewer.facts.value_text("shape") == "torch.Size([2, 3])"
    qtbot.waitUntil(lambda: viewer.snapshot().name == "big", timeout=5000)
    # heatmap (from the preview), facts and print(t) come together
    assert viewer.heatmap.image.image.dtype == np.uint8
    assert viewer.facts.value_text("shape") == "torch.Size([1100, 1000])"
    assert viewer.printed.toPlainText() == str(values)
    assert viewer.table_model.rowCount() == 2  # the table gets its own, later turn
    qtbot.waitUntil(lambda: viewer.table_model.rowCount() == 1100, timeout=5000)


def test_a_newer_snapshot_replaces_one_still_waiting(viewer, qtbot):
    viewer.set_snapshot(snapshot(torch.rand(1100, 1000), "first"))
    viewer.set_snapshot(snapshot(torch.rand(1000, 1200), "second"))
    qtbot.waitUntil(lambda: viewer.table_model.columnCount() == 1200, timeout=5000)
    assert viewer.snapshot().name == "second" and viewer.current_plane().shape == (1000, 1200)
    viewer.set_snapshot(snapshot(torch.rand(1100, 1000), "third"))
    viewer.set_snapshot(snapshot(torch.ones(2, 2), "small"))  # shown at once
    assert viewer.snapshot().name == "small"
    qtbot.wait(100)  # no job runs; several step gaps pass and "third" must not come back
    assert viewer.snapshot().name == "small" and viewer.table_model.rowCount() == 2


def test_opening_the_table_of_a_big_plane_fills_it_at_once(viewer, qtbot):
    viewer.set_snapshot(snapshot(torch.rand(1100, 1000), "big"))
    viewer.show_view("values")  # before the plane's own turn: it is shown at once
    assert viewer.snapshot().name == "big" and viewer.table_model.rowCount() == 1100
    viewer.show_view("heatmap")
    viewer.set_snapshot(snapshot(torch.rand(1100, 1001), "big"))
    viewer.finish_updates()
    viewer.heatmap.clicked.emit(5, 7, True)  # double click: the table opens on the cell
    assert viewer.table_model.rowCount() == 1100
    assert viewer.table.currentIndex().row() == 5 and viewer.views.currentIndex() == 1
    viewer.set_snapshot(snapshot(torch.rand(1000, 1200), "wide"))  # the table is in view:
    qtbot.waitUntil(lambda: viewer.table_model.columnCount() == 1200, timeout=5000)  # one turn
    assert viewer.table_model.rowCount() == 1000


def test_empty_tensor_and_clear(viewer):
    viewer.set_snapshot(snapshot(torch.zeros(0, 3), "e"))
    assert viewer.table_model.rowCount() == 0
    viewer.clear()
    assert viewer.snapshot() is None
    assert viewer.printed.toPlainText() == ""
    assert viewer.facts.value_text("shape") == "–"


def test_big_plane_levels_come_with_the_snapshot(viewer, monkeypatch):
    values = torch.zeros(1100, 1000)
    values[1, 1] = float("nan")  # a strided sample (every 2nd row/col) would miss it
    values[7, 9] = 4.0
    shot = snapshot(values, "big")  # the levels and the preview are taken here (the worker)
    assert shot.levels.nan_count == 1 and shot.preview is not None
    assert shot.preview.dtype == np.uint8 and shot.preview.shape == (1100, 1000)

    def no_scan(*_args, **_kwargs):
        raise AssertionError("the viewer scanned the values on the GUI thread")

    monkeypatch.setattr(tensor_plane_levels, "compute_levels", no_scan)
    monkeypatch.setattr(tensor_plane_levels, "sample_levels", no_scan)
    viewer.set_snapshot(shot)
    viewer.finish_updates()
    assert viewer.facts.value_text("nonfinite") == "1 / +0 / -0"
    assert viewer.color_bar_levels() == (0.0, 4.0)
    assert tuple(viewer.heatmap.overlay.image[1, 1]) == NAN_RGBA
    assert viewer.heatmap.image.image.dtype == np.uint8  # drawn from the preview
    assert viewer.heatmap.image.image[7, 9] == 255 and viewer.heatmap.image.image[0, 0] == 0
    viewer.set_slice_spec(SliceSpec(1, 0, (0, 0)))  # rows ↔ columns: still no scan
    assert viewer.heatmap.image.image.shape == (1000, 1100)
    assert viewer.heatmap.image.image[9, 7] == 255


def test_huge_plane_preview_is_at_most_2048_a_side():
    shot = snapshot(torch.rand(4096, 3000), "huge")
    assert shot.preview.shape == (2048, 1500)  # every 2nd row and column
    assert shot.plane_levels is shot.levels


def test_a_big_plane_the_snapshot_did_not_cover_paints_first_then_counts(viewer, qtbot):
    values = torch.zeros(2, 1100, 1000)
    values[1, 1, 1] = float("nan")
    viewer.set_snapshot(snapshot(values, "big"))  # levels of values[0] come with it
    viewer.finish_updates()
    assert viewer.facts.value_text("nonfinite") == "1 / +0 / -0"  # of the whole tensor
    viewer.set_slice_spec(SliceSpec(1, 2, (1, 0, 0)))  # values[1]: measured by the viewer
    assert viewer.facts.value_text("nonfinite") == "–"
    qtbot.waitUntil(lambda: viewer.facts.value_text("nonfinite") == "1 / +0 / -0",
                    timeout=5000)
    assert tuple(viewer.heatmap.overlay.image[1, 1]) == NAN_RGBA


def test_hovering_the_heatmap_names_the_cell_and_value(viewer):
    t = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
    viewer.set_snapshot(snapshot(t, "t"))
    viewer.set_slice_spec(SliceSpec(0, 2, (0, 1, 0)))
    viewer.heatmap.hovered.emit(1, 3)
    assert f"[1, 1, 3] = {t[1, 1, 3].item():g}" in viewer.info_label.text()
    viewer.heatmap.hovered.emit(-1, -1)
    assert "=" not in viewer.info_label.text()


def test_double_clicking_the_heatmap_opens_the_cell_in_the_table(viewer):
    viewer.set_snapshot(snapshot(torch.arange(10), "v"))
    viewer.heatmap.clicked.emit(0, 7, False)
    assert viewer.table.currentIndex().row() == 7
    assert viewer.views.currentIndex() == 0
    viewer.heatmap.clicked.emit(0, 3, True)
    assert viewer.table.currentIndex().row() == 3 and viewer.views.currentIndex() == 1


def test_the_facts_widen_for_a_longer_text_and_never_narrow(viewer):
    viewer.set_snapshot(snapshot(torch.zeros(2, 3), "small"))
    narrow = viewer.facts_scroll.minimumWidth()
    long_shape = (1,) * 14 + (2, 3)  # torch.Size([1, 1, ..., 2, 3]) and a long stride
    viewer.set_snapshot(snapshot(torch.zeros(long_shape), "deep"))
    wide = viewer.facts_scroll.minimumWidth()
    assert wide > narrow
    assert wide >= min(MAX_FACTS_WIDTH, viewer.facts.sizeHint().width())  # all of it fits
    viewer.set_snapshot(snapshot(torch.zeros(2, 3), "small"))
    assert viewer.facts_scroll.minimumWidth() == wide  # no jump back

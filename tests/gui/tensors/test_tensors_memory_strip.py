"""The storage strip and value grid draw any layout and highlight the right cells."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.tensors.ops.shape import storage_map

LAYOUTS = {
    "0-d": torch.tensor(3.5),
    "empty": torch.zeros(0, 3),
    "4-d": torch.arange(24.0).reshape(1, 2, 3, 4),
    "expand": torch.tensor([1.0, 2.0, 3.0]).expand(4, 3),
    "offset slice": torch.arange(10)[3:7],
    "bool transpose": (torch.arange(6).reshape(2, 3) > 2).T,
    "wide": torch.arange(200.0).reshape(2, 100),
}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_strip_paints_every_layout_and_maps_elements(qtbot, name):
    from gui.tensors.storage_strip import StorageStrip

    strip = StorageStrip()
    qtbot.addWidget(strip)
    strip.resize(340, 200)
    tensor = LAYOUTS[name]
    mapping = storage_map(tensor)
    strip.set_map(mapping)
    strip.set_labels(name, "storage")
    assert not strip.grab().isNull()
    assert strip.minimumHeight() >= 40
    if tensor.numel():
        last = tensor.numel() - 1
        strip.select_element(last)
        assert strip.highlighted_storage() == {int(mapping.offsets.ravel()[last])}
        assert not strip.grab().isNull()


def test_hovering_a_storage_cell_of_an_expand_marks_every_reader(qtbot):
    from gui.tensors.storage_strip import StorageStrip

    strip = StorageStrip()
    qtbot.addWidget(strip)
    strip.resize(340, 200)
    strip.set_map(storage_map(LAYOUTS["expand"]))
    strip.select_storage(1)
    assert strip.highlighted_elements() == {1, 4, 7, 10}
    strip.clear()
    assert strip.highlighted_elements() == set() and strip.storage_map() is None


def test_offset_slice_leaves_unread_storage_cells():
    mapping = storage_map(LAYOUTS["offset slice"])
    assert mapping.storage_offset == 3 and len(mapping.storage_values) == 10
    assert mapping.offsets.tolist() == [3, 4, 5, 6]


def test_value_grid_marks_changes_and_narrows_to_fit(qtbot):
    from gui.tensors.storage_grid import ValueGrid, format_cell

    grid = ValueGrid()
    qtbot.addWidget(grid)
    values = np.arange(6.0).reshape(2, 3)
    changed = np.zeros((2, 3), dtype=bool)
    changed[0, 1] = True
    grid.set_values(values, changed)
    assert grid.changed_count() == 1 and grid.shown_shape() == (2, 3)
    assert grid.minimumSizeHint().width() <= grid.sizeHint().width()
    grid.set_values(np.arange(100).reshape(10, 10))
    assert grid.shown_shape() == (8, 6) and not grid.grab().isNull()
    assert [format_cell(v) for v in (np.bool_(True), np.int64(7), 0.0735812)] == \
        ["True", "7", "0.0736"]


def test_the_notes_unsqueeze_is_drawn_condensed_with_its_strides(qtbot):
    from gui.tensors.storage_strip import ELLIPSIS, StorageStrip

    image = torch.rand(3, 226, 226)
    view = image.unsqueeze(0)
    mapping = storage_map(view)
    assert mapping.is_condensed and mapping.storage_size == 3 * 226 * 226
    assert mapping.stride == (153228, 51076, 226, 1)
    strip = StorageStrip()
    qtbot.addWidget(strip)
    strip.resize(340, 200)
    strip.set_map(mapping)
    drawn = strip.drawn_elements()
    assert drawn[:8] == list(range(8)) and drawn[8] == ELLIPSIS
    assert drawn[-1] == view.numel() - 1
    assert strip.drawn_storage()[-1] == mapping.storage_size - 1
    last = view.numel() - 1
    strip.select_element(last)
    assert strip.highlighted_storage() == {mapping.element_offset(last)}
    assert mapping.element_offset(last) == int(np.ravel_multi_index(
        np.unravel_index(last, view.shape), view.shape))
    transposed = storage_map(image.transpose(0, 2))
    assert transposed.offsets[1] == 51076  # element [0, 0, 1] reads storage[51076]
    assert not strip.grab().isNull()


def test_shape_section_draws_the_big_unsqueeze_and_explains_the_colours(qtbot, ctx):
    from gui.tensors.memory_shape import ShapeSection

    ctx.workspace.keep("img", torch.rand(3, 226, 226))
    section = ShapeSection(ctx, lambda result: None)
    qtbot.addWidget(section)
    section.set_current_name("img")
    section.set_op("unsqueeze", "0")
    section.apply()
    qtbot.waitUntil(lambda: section.result_strip.storage_map() is not None, timeout=30000)
    assert section.result_strip.storage_map().is_condensed
    assert "too large" not in section.result_strip.labels()[0]
    assert "stride (153228, 51076, 226, 1)" in section.result_strip.labels()[0]
    assert "first and last shown" in section.result_strip.labels()[1]
    legend = section.legend_label.text()
    assert not section.legend_label.isHidden() and "Grey" in legend and "→n" in legend

"""The Datasets widgets on their own: image grid, thumbnails model, charts."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage

from gui.datasets.charts import ClassChart, PixelHistogram
from gui.datasets.image_grid import ImageGrid, best_columns, render_grid, to_qimage
from gui.datasets.thumbnails import BLOCK_SIZE, MAX_HELD_BYTES, MIN_BLOCKS, ThumbnailView


def test_to_qimage_keeps_pixels():
    gray = np.arange(12, dtype=np.uint8).reshape(3, 4)
    image = to_qimage(gray)
    assert (image.width(), image.height()) == (4, 3)
    assert QColor(image.pixel(3, 2)).red() == 11
    rgb = np.zeros((2, 2, 3), dtype=np.uint8)
    rgb[1, 0] = (200, 10, 30)
    assert QColor(to_qimage(rgb).pixel(0, 1)).getRgb()[:3] == (200, 10, 30)


def test_render_grid_draws_each_image_in_its_tile(qtbot):
    black, white = np.zeros((4, 4), np.uint8), np.full((4, 4), 255, np.uint8)
    canvas = render_grid([black, white, white, black], ["a", "b", "c", "d"], 2, QSize(200, 240))
    assert isinstance(canvas, QImage)
    first = [QColor(canvas.pixel(x, 60)).red() for x in range(200)]
    second = [QColor(canvas.pixel(x, 180)).red() for x in range(200)]
    assert 0 in first[:100] and 0 not in first[100:]  # black tile, then white on white
    assert 0 not in second[:100] and 0 in second[100:]
    grid = ImageGrid()
    qtbot.addWidget(grid)
    grid.resize(200, 240)
    grid.set_items([black, white, white, black], ["a", "b", "c", "d"], columns=2)
    tiles = grid.layout_now().tiles
    assert tiles[0].top() == tiles[1].top() and tiles[2].top() > tiles[0].bottom()
    shot = grid.grab().toImage()
    for position, value in enumerate((0, 255, 255, 0)):
        center = tiles[position].center()
        assert QColor(shot.pixel(center)).red() == value


def test_best_columns_fits_wide_and_tall_areas():
    assert best_columns(64, QRect(0, 0, 1600, 200), 0) > 8
    assert best_columns(64, QRect(0, 0, 200, 1600), 0) < 8
    assert best_columns(9, QRect(0, 0, 300, 300), 0) == 3


def test_titles_stay_class_names_when_tiles_are_narrow(qtbot):
    grid = ImageGrid()
    qtbot.addWidget(grid)
    images = [np.zeros((28, 28), np.uint8)] * 64
    titles = ["T-shirt/top", "Sneaker", "Ankle boot", "Bag"] * 16
    grid.set_items(images, titles, 0)
    grid.resize(300, 300)
    shown = grid.shown_titles()
    side = grid.tile_rect(0).width()
    assert all(grid.fontMetrics().horizontalAdvance(t) <= side + 6 for t in shown)
    assert shown[0] == "T-shirt" or shown[0].startswith("T-sh")  # not a number
    assert all(not t.isdigit() and t[0] == full[0] for t, full in zip(shown, titles,
                                                                      strict=True))
    grid.set_items(images[:4], titles[:4], 2)
    grid.resize(1000, 1000)
    assert grid.shown_titles() == titles[:4]


def test_legend_lines_are_balanced_and_never_split_an_entry(qtbot):
    from gui.datasets.legend import LegendLabel

    legend = LegendLabel()
    qtbot.addWidget(legend)
    names = ["Camiseta/top", "Pantalón", "Jersey", "Vestido", "Abrigo", "Sandalia", "Camisa",
             "Zapatilla", "Bolso", "Botín"]
    entries = [f"{i}\u00a0{name}" for i, name in enumerate(names)]
    for width in (1900, 700, 420, 260):
        legend.resize(width, 80)
        legend.set_entries("Etiquetas:", entries)
        lines = legend.lines()
        counts = [sum(entry in line for entry in entries) for line in lines]
        assert sum(counts) == 10 and max(counts) - min(counts) <= max(counts) // 2 + 1, counts
        assert counts[-1] > 1 or len(lines) == 10  # "9 Botín" never alone on a cramped line
        assert all(legend.fontMetrics().horizontalAdvance(line) <= width for line in lines)


def test_clicking_a_tile_emits_its_position(qtbot):
    grid = ImageGrid()
    qtbot.addWidget(grid)
    grid.resize(300, 300)
    grid.set_items([np.zeros((2, 2), np.uint8)] * 9, [str(i) for i in range(9)], 3)
    with qtbot.waitSignal(grid.item_clicked) as blocker:
        qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.tile_rect(7).center())
    assert blocker.args == [7]


def test_thumbnail_model_asks_once_per_block_and_forgets_old_blocks(qtbot):
    view = ThumbnailView()
    qtbot.addWidget(view)
    model = view.thumbnail_model
    asked = []
    model.block_needed.connect(asked.append)
    model.reset(np.zeros(60_000, dtype=int), ["zero"])
    assert model.rowCount() == 60_000
    for row in (5, 6, 300, 59_999):
        model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
    assert asked == [0, 256, 59_904]
    model.add_block(256, [np.full((28, 28), 255, np.uint8)] * BLOCK_SIZE)
    pixmap = model.data(model.index(300), Qt.ItemDataRole.DecorationRole)
    assert QColor(pixmap.toImage().pixel(5, 5)).red() == 255
    full_blocks = 40  # 64² RGB images: ~6 MiB a block with the icons it may draw
    for block in range(full_blocks):
        model.add_block(block * BLOCK_SIZE, [np.zeros((64, 64, 3), np.uint8)] * BLOCK_SIZE)
    kept = model.loaded_blocks()
    assert MIN_BLOCKS <= len(kept) < full_blocks and model.held_bytes() <= MAX_HELD_BYTES
    assert kept == [block * BLOCK_SIZE for block in range(full_blocks - len(kept), full_blocks)]
    for block in range(full_blocks, full_blocks + 10):  # small ones: many more fit
        model.add_block(block * BLOCK_SIZE, [np.zeros((2, 2), np.uint8)])
    assert len(model.loaded_blocks()) > len(kept)
    assert model.data(model.index(3), Qt.ItemDataRole.ToolTipRole) == "[3] 0: zero"


def test_class_chart_and_histogram_update_their_items(qtbot):
    chart = ClassChart()
    qtbot.addWidget(chart)
    chart.set_counts([3, 0, 7], ["a", "b", "c"])
    assert chart.bars.opts["width"].tolist() == [3, 0, 7]
    histogram = PixelHistogram()
    qtbot.addWidget(histogram)
    histogram.set_histogram([1, 2], [0.0, 0.5, 1.0])
    assert histogram.bars.opts["height"].tolist() == [1, 2]
    assert histogram.bars.opts["x0"].tolist() == [0.0, 0.5]


def test_true_scale_keeps_pixel_sizes_comparable(qtbot):
    grid = ImageGrid()
    qtbot.addWidget(grid)
    grid.resize(400, 240)
    small, big = np.zeros((10, 10), np.uint8), np.zeros((20, 20), np.uint8)
    grid.set_items([small, big], ["", ""], columns=2, true_scale=True)
    tiles = grid.layout_now().tiles
    shot = grid.grab().toImage()
    row = tiles[0].center().y()
    lit = [[x for x in range(t.left(), t.right() + 1) if QColor(shot.pixel(x, row)).red() < 50]
           for t in tiles]
    assert lit[0] and lit[1]
    assert abs(len(lit[1]) - 2 * len(lit[0])) <= 2


def test_the_browse_panel_builds_its_item_view_when_first_needed(qtbot):
    from PySide6.QtWidgets import QTabWidget

    from gui.datasets.browse_panel import BrowsePanel

    pages = QTabWidget()
    qtbot.addWidget(pages)
    pages.addTab(ThumbnailView(), "first")
    hidden, used = BrowsePanel(), BrowsePanel()
    pages.addTab(hidden, "hidden")
    pages.show()
    hidden.reset([0, 1], ["a", "b"])  # a dataset loads while the page is hidden
    assert not hidden.has_item_view()
    pages.setCurrentWidget(hidden)  # shown: built before its first paint, and visible
    assert hidden.has_item_view() and hidden.viewer.isVisible()
    assert hidden.histogram.isVisibleTo(hidden)
    assert not used.has_item_view()
    assert used.viewer is used.viewer and used.has_item_view()  # built once, on first use


def test_a_grid_of_hundreds_drops_its_titles_and_keeps_every_tile_visible(qtbot):
    grid = ImageGrid()
    qtbot.addWidget(grid)
    grid.set_items([np.zeros((28, 28), np.uint8)] * 1000, ["Sneaker"] * 1000, 0)
    grid.resize(640, 400)
    tiles = [grid.tile_rect(position) for position in range(1000)]
    assert all(grid.rect().contains(tile) for tile in tiles)  # none outside the widget
    assert tiles[0].width() >= 10 and set(grid.shown_titles()) == {""}
    assert grid.title_at(tiles[999].center()) == "Sneaker"  # the tooltip still names it
    grid.set_items([np.zeros((28, 28), np.uint8)] * 9, ["Sneaker"] * 9, 3)
    assert grid.shown_titles() == ["Sneaker"] * 9

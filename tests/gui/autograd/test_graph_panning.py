"""Cheap panning: edges drawn from a cached pixmap, labels paused while the view moves,
a minimap that only copies its picture."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from benchmarks.bench_autograd import drag_step, wheel_step
from gui.autograd.line_layer import LineLayer

RED = (255, 0, 0)


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    widget.setBackground("w")
    widget.hideAxis("left")
    widget.hideAxis("bottom")
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    return widget


def red_columns(plot) -> np.ndarray:
    """x pixels (in the middle row) where a red line is drawn."""
    image = plot.viewport().grab().toImage()
    row = image.height() // 2
    return np.array([x for x in range(image.width())
                     if QColor(image.pixel(x, row)).getRgb()[:3] == RED])


def test_a_vertical_line_moves_with_a_pan_without_drawing_again(qtbot, plot):
    layer = LineLayer()
    layer.set_lines("edges", np.array([[5.0, -100.0, 5.0, 100.0]]), pg.mkPen(RED, width=1))
    plot.addItem(layer)
    box = plot.getViewBox()
    first = red_columns(plot)
    assert len(first) and layer.renders == 1
    x_pixels = box.mapViewToDevice(pg.Point(6.0, 5.0)).x() - box.mapViewToDevice(
        pg.Point(5.0, 5.0)).x()
    drag_step(box, -1.0, 0.0)  # the view moves left by one unit: the line one unit right
    moved = red_columns(plot)
    assert layer.renders == 1  # copied from the cache
    assert abs(moved.mean() - first.mean() - x_pixels) <= 1.0
    wheel_step(box, 0.5)  # a zoom draws the lines again, at the new scale
    assert len(red_columns(plot)) and layer.renders == 2


def test_zoom_steps_while_moving_stretch_the_lines_drawn_last(qtbot, plot):
    layer = LineLayer()
    layer.set_lines("edges", np.array([[6.0, -100.0, 6.0, 100.0]]), pg.mkPen(RED, width=1))
    plot.addItem(layer)
    box = plot.getViewBox()
    red_columns(plot)
    layer.set_moving(True)
    wheel_step(box, 0.9)  # zoom in around the centre (x = 5)
    stretched = red_columns(plot)
    assert layer.renders == 1  # stretched, not drawn again
    expected = box.mapViewToDevice(pg.Point(6.0, 5.0)).x()
    assert len(stretched) and abs(stretched.mean() - expected) <= 2.0
    wheel_step(box, 0.3)  # beyond MAX_STRETCH: drawn again
    assert len(red_columns(plot)) and layer.renders == 2
    wheel_step(box, 0.9)
    red_columns(plot)
    assert layer.renders == 2
    layer.set_moving(False)  # at rest: sharp again, at the new scale
    columns = red_columns(plot)
    assert layer.renders == 3 and len(columns) == 1


def test_a_pan_beyond_the_cached_area_draws_again(qtbot, plot):
    layer = LineLayer()
    layer.set_lines("edges", np.array([[x, -100.0, x, 100.0] for x in range(-50, 60, 5)]),
                    pg.mkPen(RED, width=1))
    plot.addItem(layer)
    box = plot.getViewBox()
    red_columns(plot)
    drag_step(box, 30.0, 0.0)  # three viewports away
    columns = red_columns(plot)
    assert layer.renders == 2
    middle = box.mapViewToDevice(pg.Point(35.0, 5.0)).x()
    assert len(columns) == 3  # x = 30, 35 and 40: the view shows 30 to 40
    assert abs(columns[1] - middle) <= 1.0


def test_the_cached_pixmap_covers_only_the_lines(qtbot, plot):
    layer = LineLayer()
    layer.set_lines("edges", np.array([[5.0, 2.0, 5.0, 8.0]]), pg.mkPen(RED, width=1))
    plot.addItem(layer)
    box = plot.getViewBox()
    columns = red_columns(plot)
    middle = box.mapViewToDevice(pg.Point(5.0, 5.0)).x()
    assert len(columns) and abs(columns.mean() - middle) <= 1.0
    pixmap = layer._cache.pixmap
    assert pixmap.width() < 20 and pixmap.height() < plot.viewport().height()
    one_unit = box.mapViewToDevice(pg.Point(6.0, 5.0)).x() - middle
    drag_step(box, -1.0, 0.0)  # within the cached area: copied, not drawn again
    assert abs(red_columns(plot).mean() - columns.mean() - one_unit) <= 1.0
    assert layer.renders == 1


def test_lines_outside_the_cached_area_draw_nothing(qtbot, plot):
    layer = LineLayer()
    layer.set_lines("edges", np.array([[500.0, 2.0, 500.0, 8.0]]), pg.mkPen(RED, width=1))
    plot.addItem(layer)
    plot.getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    assert not len(red_columns(plot))
    assert layer._cache is None or layer._cache.pixmap is None


def test_line_sets_are_replaced_and_counted(plot):
    layer = LineLayer()
    layer.set_lines("frames", np.zeros((0, 4)), pg.mkPen("k"))
    layer.set_lines("edges", np.ones((3, 4)), pg.mkPen("k"))
    layer.set_lines("edges", np.ones((5, 4)))  # the pen stays
    assert layer.segment_count("edges") == 5 and layer.segment_count("frames") == 0
    assert layer.boundingRect().contains(1.0, 1.0)


@pytest.fixture
def graph_view(qtbot):
    from benchmarks.bench_autograd import _forward
    from engine.autograd.graph import extract_grad_graph
    from engine.autograd.grouped import all_open, visible_graph
    from engine.autograd.modules import group_nodes
    from gui.autograd.graph_view import GraphView

    _, out, names, recorder = _forward("tiny")
    graph, live = extract_grad_graph([out], names)
    groups = group_nodes(graph, live, recorder)
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    view.set_view(visible_graph(graph, groups, all_open(groups)))
    qtbot.waitUntil(lambda: not view.drawing(), timeout=5000)  # a model's view is sliced
    return view


def test_labels_pause_while_dragging_and_come_back(qtbot, graph_view):
    picture = graph_view.picture
    shown = picture.labels.visible_texts()
    frames = picture.frame_titles.visible_texts()
    assert shown and frames
    assert picture.lines.segment_count("edges") == len(graph_view.view().edges)
    assert picture.lines.segment_count("frames") == 4 * len(graph_view.view().frames)
    box = graph_view.plot.getViewBox()
    drag_step(box, 0.5, 0.0)
    assert picture.labels.visible_texts() == [] and picture.frame_titles.visible_texts() == []
    drag_step(box, 0.5, 0.0)
    assert picture.labels_paused()
    qtbot.waitUntil(lambda: not picture.labels_paused(), timeout=5000)
    assert picture.labels.visible_texts() == shown
    assert picture.frame_titles.visible_texts() == frames


def test_a_range_set_by_the_program_keeps_the_labels(graph_view):
    graph_view.center_on_item(0)
    graph_view.fit()
    assert not graph_view.picture.labels_paused() and graph_view.picture.labels.visible_texts()


def test_minimap_maps_pixels_to_the_graph_and_back(qtbot, graph_view):
    from PySide6.QtCore import QPoint, Qt

    minimap = graph_view.minimap
    points = graph_view.item_positions()
    pixels = minimap.to_widget(points)
    assert np.allclose([minimap.to_graph(*p) for p in pixels], points)
    assert (pixels >= 0).all() and (pixels[:, 0] < minimap.width()).all()
    with qtbot.waitSignal(minimap.clicked) as clicked:
        qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=QPoint(*pixels[0].round()
                                                                        .astype(int)))
    pixel = np.abs(np.subtract(minimap.to_graph(1, 1), minimap.to_graph(0, 0))).max()
    assert np.allclose(clicked.args, points[0], atol=pixel)


def test_text_items_are_made_ahead_in_idle_time_and_stay_hidden(qtbot, graph_view):
    from gui.autograd.graph_picture import PREPARED_LABELS

    picture = graph_view.picture
    shown = picture.labels.visible_texts()
    pools = (picture.labels, picture.frame_titles, picture.edge_labels.pool)
    qtbot.waitUntil(lambda: all(len(p.items) >= PREPARED_LABELS for p in pools), timeout=10000)
    assert picture.labels.visible_texts() == shown
    before = len(picture.edge_labels.pool.items)
    picture.edge_labels.pool.show(["[1, 8]"] * 20, np.zeros((20, 2)))
    assert len(picture.edge_labels.pool.items) == before  # none made while showing

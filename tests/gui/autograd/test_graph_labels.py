"""Edge-shape labels hide one by one: a label that would overlap one already placed is
left out, every other label that fits still shows."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from gui.autograd.graph_labels import EdgeLabels, place_greedily, place_labels


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.getViewBox().setRange(xRange=(0, 10), yRange=(0, 4), padding=0)
    return widget


def _edges(midpoints: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Vertical edges one layer long whose midpoints are ``midpoints``."""
    mid = np.array(midpoints, dtype=float)
    return mid - (0, 0.5), mid + (0, 0.5)


def test_only_the_label_that_would_overlap_is_hidden(plot):
    labels = EdgeLabels(plot)
    # Two edges of one row a few pixels apart (as under ViT-B/16's CatBackward0), and two
    # edges of the next row far apart: three labels fit.
    starts, ends = _edges([(4.8, 1.5), (5.2, 1.5), (2.0, 2.5), (8.0, 2.5)])
    labels.set_edges(starts, ends, ("[1, 197, 768]", "[1, 196, 768]", "[1, 1, 768]",
                                    "[1, 768, 14, 14]"))
    assert labels.visible_texts() == ["[1, 197, 768]", "[1, 1, 768]", "[1, 768, 14, 14]"]


def test_labels_far_enough_apart_all_show(plot):
    labels = EdgeLabels(plot)
    starts, ends = _edges([(2.0, 1.5), (8.0, 1.5), (5.0, 2.5)])
    labels.set_edges(starts, ends, ("[1, 8]", "[1, 4]", "[1, 2]"))
    assert sorted(labels.visible_texts()) == ["[1, 2]", "[1, 4]", "[1, 8]"]


def test_zoomed_out_shows_none(plot):
    labels = EdgeLabels(plot)
    starts, ends = _edges([(2.0, 1.5), (8.0, 1.5)])
    labels.set_edges(starts, ends, ("[1, 8]", "[1, 4]"))
    plot.getViewBox().setRange(xRange=(0, 1000), yRange=(0, 400), padding=0)
    labels.update()
    assert labels.visible_texts() == []  # layers a few pixels apart: no room for text


def test_greedy_placement_keeps_the_first_of_overlapping_boxes():
    centres = np.array([(100.0, 50.0), (130.0, 50.0), (200.0, 50.0), (130.0, 90.0)])
    sizes = np.array([(60.0, 20.0)] * 4)
    # 1 overlaps 0; 2 is 100 px from 0 (needs 60); 3 is on another line (40 px > 20 px).
    assert place_greedily(centres, sizes) == [0, 2, 3]
    tall = np.array([(60.0, 50.0)] * 4)
    assert place_greedily(centres, tall) == [0, 2]  # lines 40 px apart now overlap
    assert place_greedily(np.zeros((0, 2)), np.zeros((0, 2))) == []


def test_what_is_already_on_screen_is_avoided():
    centres = np.array([(100.0, 50.0), (200.0, 50.0)])
    sizes = np.array([(60.0, 20.0)] * 2)
    box = (np.array([(110.0, 55.0)]), np.array([(100.0, 36.0)]))  # a module box
    assert place_greedily(centres, sizes, box) == [1]


def test_a_label_between_two_boxes_goes_beside_its_edge():
    centres = np.array([(100.0, 50.0), (100.0, 150.0)])
    sizes = np.array([(60.0, 20.0)] * 2)
    boxes = (np.array([(100.0, 30.0), (100.0, 70.0), (100.0, 150.0)]),  # a chain of boxes
             np.array([(100.0, 30.0), (140.0, 30.0), (400.0, 30.0)]))
    kept, where = place_labels(centres, sizes, boxes, reach=200.0)
    assert kept == [0]  # the second one would go 230 px away: left out
    assert where.tolist() == [[200.5, 50.0]]  # right of the wider box, at the midpoint
    assert place_labels(centres, sizes, boxes)[0] == []  # no reach: at the midpoint or not


def test_edge_labels_avoid_the_module_boxes(plot):
    from gui.autograd.graph_labels import LabelPool

    boxes = LabelPool(plot)
    boxes.show(["layer1\nSequential · 62 nodes", "x"], np.array([(2.0, 1.6), (8.0, 2.0)]))
    labels = EdgeLabels(plot, obstacles=(boxes,))
    starts, ends = _edges([(2.0, 1.5), (8.0, 1.5)])  # the first sits under the box
    labels.set_edges(starts, ends, ("[1, 64, 56, 56]", "[1, 8]"))
    assert sorted(labels.visible_texts()) == ["[1, 64, 56, 56]", "[1, 8]"]
    box, beside = boxes.items[0], labels.pool.items[0]  # moved right of the box, same height
    assert beside.sceneBoundingRect().left() >= box.sceneBoundingRect().right() - 1
    assert abs(beside.pos().y() - 1.5) < 1e-9


def test_labels_follow_a_resize_of_the_plot(plot, qtbot):
    labels = EdgeLabels(plot)
    plot.resize(600, 100)  # 25 px per layer: too tight for text
    qtbot.waitUntil(lambda: plot.getViewBox().sceneBoundingRect().height() < 100)
    starts, ends = _edges([(2.0, 1.5), (8.0, 1.5)])
    labels.set_edges(starts, ends, ("[1, 8]", "[1, 4]"))
    assert labels.visible_texts() == []
    plot.resize(600, 400)  # the layout settles later: the same range, more room
    qtbot.waitUntil(lambda: sorted(labels.visible_texts()) == ["[1, 4]", "[1, 8]"])

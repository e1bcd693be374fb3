"""A view is drawn over a few event-loop turns and ends as a view drawn at once."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def views():
    from benchmarks.bench_autograd import _forward
    from engine.autograd.graph import extract_grad_graph
    from engine.autograd.grouped import all_open, default_open, visible_graph
    from engine.autograd.modules import group_nodes

    _, out, names, recorder = _forward("tiny")
    graph, live = extract_grad_graph([out], names)
    groups = group_nodes(graph, live, recorder)
    return (visible_graph(graph, groups, default_open(groups)),
            visible_graph(graph, groups, all_open(groups)))


def make_view(qtbot):
    from gui.autograd.graph_view import GraphView

    view = GraphView()
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    return view


def drawn(view) -> dict:
    picture = view.picture
    spots = picture.nodes.data
    return {
        "positions": picture.positions.tolist(),
        "spots": spots["x"].tolist() + spots["y"].tolist(),
        "brushes": [spot.brush().color().name() for spot in picture.nodes.points()],
        "sizes": spots["size"].tolist(),
        "edges": picture.lines.segment_count("edges"),
        "frames": picture.lines.segment_count("frames"),
        "labels": picture.labels.visible_texts(),
        "titles": picture.frame_titles.visible_texts(),
        "range": np.round(view.plot.getViewBox().viewRange(), 6).tolist(),
        "minimap": np.round(view.minimap.visible_area(), 6).tolist(),
        "found": view.search.matches,
        "marks": len(picture.marks.data),
    }


def show(qtbot, view, shown, sliced: bool) -> None:
    for one in shown:
        view.set_view(one, sliced=sliced)
        if sliced:
            assert view.drawing()  # the rest comes on the next turns
        qtbot.waitUntil(lambda: not view.drawing(), timeout=5000)
    view.search.set_text("addmm")
    view.select_node(0)


def test_sliced_drawing_ends_with_the_same_picture(qtbot, views):
    at_once, sliced = make_view(qtbot), make_view(qtbot)
    show(qtbot, at_once, views, False)
    show(qtbot, sliced, views, True)
    assert drawn(sliced) == drawn(at_once)
    assert drawn(sliced)["edges"] == len(views[1].edges)


def test_a_newer_view_replaces_the_one_being_drawn(qtbot, views):
    view = make_view(qtbot)
    view.set_view(views[1])
    view.set_view(views[0])  # before the first one is done
    view.select_node(0)  # marks and positions already follow the newer view
    qtbot.waitUntil(lambda: not view.drawing(), timeout=5000)
    assert view.picture.lines.segment_count("edges") == len(views[0].edges)
    assert len(view.picture.nodes.data) == views[0].item_count
    reference = make_view(qtbot)
    reference.set_view(views[0], sliced=False)
    reference.select_node(0)
    assert drawn(view) == drawn(reference)


def test_finish_drawing_draws_what_is_left_now(qtbot, views):
    view = make_view(qtbot)
    view.set_view(views[1])
    view.finish_drawing()
    assert not view.drawing()
    assert len(view.picture.nodes.data) == views[1].item_count


def test_the_caller_can_ask_for_either_way(qtbot, views):
    sliced, at_once = make_view(qtbot), make_view(qtbot)
    sliced.set_view(views[0], sliced=True)
    assert sliced.drawing()
    qtbot.waitUntil(lambda: not sliced.drawing(), timeout=5000)
    at_once.set_view(views[0], sliced=False)
    assert not at_once.drawing()
    assert drawn(sliced) == drawn(at_once)


def test_a_small_view_is_drawn_in_slices_too(qtbot, views):
    """Its labels (module boxes' titles, node names) are text items, costly to make."""
    view = make_view(qtbot)
    view.set_view(views[0])
    assert view.drawing()
    qtbot.waitUntil(lambda: not view.drawing(), timeout=5000)
    assert view.picture.labels.visible_texts()


def test_many_labels_show_a_few_per_turn(qtbot):
    """A pool shows its labels in parts; what the previous view showed is hidden at once."""
    import pyqtgraph as pg

    from gui.autograd.graph_labels import LabelPool

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    pool = LabelPool(plot)
    pool.show([f"old {i}" for i in range(10)], np.zeros((10, 2)))
    steps = pool.show_steps([f"new {i}" for i in range(7)], np.ones((7, 2)), per_turn=3)
    assert next(steps) == (0, 3)
    assert pool.visible_texts() == ["new 0", "new 1", "new 2"]
    assert list(steps) == [(3, 6), (6, 7)]
    assert pool.visible_texts() == [f"new {i}" for i in range(7)]


def test_drawings_share_the_turns_one_part_each(qtbot):
    """Two drawings at once: no turn runs a part of both, and both end."""
    from gui.autograd import graph_slices
    from gui.autograd.graph_slices import Slices

    turns: dict[str, list[int]] = {"a": [], "b": []}

    def steps(name):
        for _ in range(4):
            turns[name].append(graph_slices._turns.count)
            yield
        turns[name].append(graph_slices._turns.count)

    first, second = Slices(), Slices()
    first.run(steps("a"))
    second.run(steps("b"))  # its first part runs at once: the caller asked for it
    qtbot.waitUntil(lambda: not first.pending() and not second.pending(), timeout=5000)
    assert len(turns["a"]) == len(turns["b"]) == 5
    later = turns["a"][1:] + turns["b"][1:]  # the parts that waited for a turn
    assert len(set(later)) == len(later)
    assert not set(later) & {turns["a"][0]}

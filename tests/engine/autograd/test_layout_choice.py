"""Which layout runs (igraph's Sugiyama only while quick), and the frames of open groups."""

from __future__ import annotations

import numpy as np
import torch

from engine.autograd import layout
from engine.autograd.grouped import all_open, visible_graph
from engine.autograd.layout import MAX_SUGIYAMA_NODES, dummy_nodes, layout_edges
from tests.engine.autograd.test_autograd_groups import grouped, nested


def chain_with_skips(count: int) -> np.ndarray:
    """A chain where every node also feeds every later node (a dense block)."""
    return np.array([(a, b) for a in range(count) for b in range(a + 1, count)])


def test_a_graph_with_few_dummy_nodes_uses_sugiyama():
    edges = np.array([(i, i + 1) for i in range(30)] + [(0, 5)])
    result = layout_edges(31, edges)
    assert result.method == "sugiyama"
    assert result.layers.tolist() == list(range(31))


def test_long_edges_everywhere_use_the_numpy_layout_with_the_same_layers():
    edges = chain_with_skips(40)  # 40 nodes, 9,880 dummy nodes
    assert 40 + dummy_nodes(40, edges) > MAX_SUGIYAMA_NODES
    result = layout_edges(40, edges)
    assert result.method == "layered"
    assert result.layers.tolist() == list(range(40))
    assert np.allclose(result.positions[:, 1], -np.arange(40))
    assert np.array_equal(layout._sugiyama(40, edges).layers, result.layers)


def test_each_frame_encloses_exactly_the_items_of_its_open_group():
    graph, _, groups = grouped(nested(), torch.randn(2, 3))
    view = visible_graph(graph, groups, all_open(groups))
    assert view.frames
    for frame in view.frames:
        inside = [i for i, item in enumerate(view.items)
                  if frame.call in groups.ancestors(item.call)]
        low, high = view.positions[inside].min(axis=0), view.positions[inside].max(axis=0)
        assert np.allclose(frame.rect, (*low, *high))
        assert frame.title == groups.calls[frame.call].title
    assert [f.call for f in view.frames] == sorted(f.call for f in view.frames)


def test_the_layout_time_shown_leaves_out_igraphs_first_import(monkeypatch):
    """'layout 899 ms' for the note's five nodes was igraph's first import, not the layout."""
    import types

    import numpy as np

    from engine.autograd import layout

    clock = [0.0]
    real_check = layout._igraph_imported

    def slow_first_import() -> bool:
        clock[0] += 0.9  # what importing igraph cost on first use
        return real_check()

    monkeypatch.setattr(layout, "time", types.SimpleNamespace(perf_counter=lambda: clock[0]))
    monkeypatch.setattr(layout, "_igraph_imported", slow_first_import)
    result = layout.layout_edges(3, np.array([[0, 1], [1, 2]]))
    assert result.seconds == 0.0
    assert result.method == "sugiyama"

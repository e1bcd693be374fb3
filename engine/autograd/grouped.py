"""What is on screen of a grouped graph: open groups show their insides, closed ones a box.

``visible_graph(graph, groups, open_calls)`` maps every node of the full ``GradGraph`` to
the item drawn for it: itself when every module call around it is open, else the box of
the outermost closed call. Edges between items keep the shape of the first tensor flowing
along them; edges inside a box disappear. The result is laid out (layered, output on top)
and is a pure function of the open set, so opening then closing a group gives back the
same picture. ``plain_view`` shows a graph without groups (the lines, the tiny model).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from engine.autograd.graph import GradGraph, edge_label
from engine.autograd.layout import GraphLayout, layout_edges
from engine.autograd.modules import NO_CALL, ModuleGroups


@dataclass(frozen=True)
class ViewItem:
    kind: str  # "op", "leaf", "root" (a node) or "group" (a closed module call)
    node: int  # index in the full graph; -1 for a group
    call: int  # the group's call, or the innermost call around the node
    label: str  # the node's label, or the group's title (``layer3``)
    class_name: str
    count: int = 1  # nodes inside a group


@dataclass(frozen=True)
class GroupFrame:
    """An open group: the rectangle around its visible items (x0, y0, x1, y1)."""

    call: int
    title: str
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class VisibleGraph:
    graph: GradGraph
    groups: ModuleGroups | None
    open_calls: frozenset[int]
    items: tuple[ViewItem, ...]
    item_of_node: NDArray[np.int64]  # (N,) item drawn for every node of the full graph
    edges: NDArray[np.int64]  # (M, 2) between items
    edge_labels: tuple[str, ...]
    positions: NDArray[np.float64]  # (items, 2)
    frames: tuple[GroupFrame, ...]
    seconds: float

    @property
    def item_count(self) -> int:
        return len(self.items)

    def group_item(self, call: int) -> int | None:
        for index, item in enumerate(self.items):
            if item.kind == "group" and item.call == call:
                return index
        return None


def default_open(groups: ModuleGroups | None) -> frozenset[int]:
    """The collapsed view: the model's own call open, its children closed."""
    if groups is None:
        return frozenset()
    return frozenset(c.index for c in groups.calls if c.depth == 0)


def all_open(groups: ModuleGroups | None) -> frozenset[int]:
    return frozenset(c.index for c in groups.calls) if groups is not None else frozenset()


def _closed_owner(groups: ModuleGroups, open_calls: frozenset[int]) -> list[int]:
    """For every call, its outermost closed ancestor (itself included), or NO_CALL."""
    owner: list[int] = []
    for call in groups.calls:  # a parent is always listed before its children
        above = owner[call.parent] if call.parent != NO_CALL else NO_CALL
        owner.append(above if above != NO_CALL else
                     (NO_CALL if call.index in open_calls else call.index))
    return owner


def _items(graph: GradGraph, groups: ModuleGroups | None, open_calls: frozenset[int]
           ) -> tuple[list[ViewItem], NDArray[np.int64]]:
    owner = _closed_owner(groups, open_calls) if groups is not None else []
    item_of_node = np.zeros(graph.node_count, dtype=np.int64)
    items: list[ViewItem] = []
    box_of: dict[int, int] = {}
    for node in graph.nodes:
        call = int(groups.node_call[node.index]) if groups is not None else NO_CALL
        closed = owner[call] if call != NO_CALL else NO_CALL
        if closed == NO_CALL:
            item_of_node[node.index] = len(items)
            items.append(ViewItem(node.kind, node.index, call, node.label, node.class_name))
            continue
        if closed not in box_of:
            box_of[closed] = len(items)
            info = groups.calls[closed] if groups is not None else None
            items.append(ViewItem("group", -1, closed, info.title if info else "",
                                  info.class_name if info else "", 0))
        item_of_node[node.index] = box_of[closed]
    counts = np.bincount(item_of_node, minlength=len(items))
    items = [ViewItem(i.kind, i.node, i.call, i.label, i.class_name, int(counts[k]))
             if i.kind == "group" else i for k, i in enumerate(items)]
    return items, item_of_node


def _edges(graph: GradGraph, item_of_node: NDArray[np.int64]
           ) -> tuple[NDArray[np.int64], tuple[str, ...]]:
    if not graph.edge_count:
        return np.zeros((0, 2), dtype=np.int64), ()
    mapped = item_of_node[graph.edges]
    keep = mapped[:, 0] != mapped[:, 1]
    kept = np.flatnonzero(keep)
    pairs = mapped[kept]
    _, first = np.unique(pairs, axis=0, return_index=True)
    first.sort()
    labels = tuple(edge_label(graph, int(kept[i])) for i in first)
    return pairs[first].astype(np.int64).reshape(-1, 2), labels


def _frames(items: list[ViewItem], positions: np.ndarray, groups: ModuleGroups | None,
            open_calls: frozenset[int]) -> tuple[GroupFrame, ...]:
    if groups is None or not items:
        return ()
    framed = {c for c in open_calls if groups.calls[c].depth > 0}  # the model has no frame
    chains: dict[int, list[int]] = {}  # open calls around an item's call, computed once each
    members, calls = [], []
    for index, item in enumerate(items):
        start = item.call if item.kind != "group" else groups.calls[item.call].parent
        if start == NO_CALL:
            continue
        if start not in chains:
            chains[start] = [c for c in groups.ancestors(start) if c in framed]
        members += [index] * len(chains[start])
        calls += chains[start]
    if not calls:
        return ()
    order = np.argsort(np.asarray(calls), kind="stable")
    sorted_calls = np.asarray(calls)[order]
    starts = np.flatnonzero(np.r_[True, sorted_calls[1:] != sorted_calls[:-1]])
    inside = positions[np.asarray(members)[order]]
    low, high = np.minimum.reduceat(inside, starts), np.maximum.reduceat(inside, starts)
    return tuple(GroupFrame(int(call), groups.calls[int(call)].title,
                            (float(x0), float(y0), float(x1), float(y1)))
                 for call, (x0, y0), (x1, y1) in zip(sorted_calls[starts].tolist(), low, high,
                                                     strict=True))


def visible_graph(graph: GradGraph, groups: ModuleGroups | None,
                  open_calls: Iterable[int]) -> VisibleGraph:
    """The items, edges, layout and frames shown when ``open_calls`` are open."""
    start = time.perf_counter()
    opened = frozenset(int(c) for c in open_calls)
    items, item_of_node = _items(graph, groups, opened)
    edges, labels = _edges(graph, item_of_node)
    layout = layout_edges(len(items), edges)
    frames = _frames(items, layout.positions, groups, opened)
    return VisibleGraph(graph, groups, opened, tuple(items), item_of_node, edges, labels,
                        layout.positions, frames, time.perf_counter() - start)


def plain_view(graph: GradGraph, layout: GraphLayout) -> VisibleGraph:
    """A graph without module groups, drawn node for node with its own layout."""
    items = tuple(ViewItem(n.kind, n.index, NO_CALL, n.label, n.class_name)
                  for n in graph.nodes)
    labels = tuple(edge_label(graph, e) for e in range(graph.edge_count))
    return VisibleGraph(graph, None, frozenset(), items,
                        np.arange(graph.node_count, dtype=np.int64),
                        graph.edges.reshape(-1, 2), labels, layout.positions, (),
                        layout.seconds)

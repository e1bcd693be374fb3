"""Layered layout of a grad_fn graph: the output on top, the leaves at the bottom.

``layered_layout`` uses python-igraph's Sugiyama layout (layers plus crossing reduction)
and falls back to a small numpy layout (longest-path layers, barycenter ordering) when
igraph is missing. Both are iterative and fast on ResNet-50, DenseNet-121 and 2,000-op
chains. Positions are plain numpy arrays the GUI draws with one scatter and one line item.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass

import numpy as np

from engine.autograd.graph import GradGraph

LARGE_GRAPH = 300
# igraph's Sugiyama runs in C holding the GIL, so while it runs the GUI thread cannot: it is
# used only while it is quick (about 8 µs per node and dummy node). DenseNet-121 fully open
# adds 27,000 dummy nodes (0.2 s); long edges everywhere (dense blocks) use numpy instead.
MAX_SUGIYAMA_NODES = 3_000


@dataclass(frozen=True)
class GraphLayout:
    positions: np.ndarray  # (N, 2) float: x, y (y = -layer, so the output is on top)
    layers: np.ndarray  # (N,) int: 0 for the output
    method: str
    seconds: float

    @property
    def layer_count(self) -> int:
        return int(self.layers.max()) + 1 if self.layers.size else 0


def longest_path_layers(count: int, edges: np.ndarray) -> np.ndarray:
    """Layer of each node = length of the longest path from a root (Kahn's order, no recursion)."""
    layers = np.zeros(count, dtype=np.int64)
    if count == 0:
        return layers
    indegree = np.bincount(edges[:, 1], minlength=count) if len(edges) else np.zeros(count, int)
    children: list[list[int]] = [[] for _ in range(count)]
    for parent, child in edges.tolist():
        children[parent].append(child)
    queue = [i for i in range(count) if indegree[i] == 0]
    remaining = indegree.copy()
    while queue:
        node = queue.pop()
        for child in children[node]:
            layers[child] = max(layers[child], layers[node] + 1)
            remaining[child] -= 1
            if remaining[child] == 0:
                queue.append(child)
    return layers


def _barycenter_order(count: int, edges: np.ndarray, layers: np.ndarray) -> np.ndarray:
    """x position of every node: each layer sorted by the mean x of its neighbours above."""
    x = np.zeros(count)
    for layer in range(int(layers.max()) + 1 if count else 0):
        members = np.flatnonzero(layers == layer)
        x[members] = np.arange(len(members)) - (len(members) - 1) / 2
    if not len(edges):
        return x
    parents, children = edges[:, 0], edges[:, 1]
    for _ in range(2):
        sums = np.bincount(children, weights=x[parents], minlength=count)
        counts = np.bincount(children, minlength=count)
        wanted = np.where(counts > 0, sums / np.maximum(counts, 1), x)
        for layer in range(1, int(layers.max()) + 1):
            members = np.flatnonzero(layers == layer)
            order = members[np.argsort(wanted[members], kind="stable")]
            x[order] = np.arange(len(order)) - (len(order) - 1) / 2
    return x


def simple_layout(graph: GradGraph) -> GraphLayout:
    return _simple(graph.node_count, graph.edges)


def _simple(count: int, edges: np.ndarray, layers: np.ndarray | None = None,
            start: float | None = None) -> GraphLayout:
    start = time.perf_counter() if start is None else start
    layers = longest_path_layers(count, edges) if layers is None else layers
    x = _barycenter_order(count, edges, layers)
    positions = np.column_stack([x, -layers.astype(float)]) if count else np.zeros((0, 2))
    return GraphLayout(positions, layers, "layered", time.perf_counter() - start)


def sugiyama_layout(graph: GradGraph) -> GraphLayout:
    return _sugiyama(graph.node_count, graph.edges)


def _sugiyama(count: int, edges: np.ndarray, layers: np.ndarray | None = None,
              start: float | None = None) -> GraphLayout:
    import igraph

    start = time.perf_counter() if start is None else start
    layers = longest_path_layers(count, edges) if layers is None else layers
    g = igraph.Graph(n=count, edges=edges.tolist(), directed=True)
    maxiter = 100 if count < LARGE_GRAPH else 20
    coords = g.layout_sugiyama(layers=layers.tolist(), maxiter=maxiter).coords
    positions = np.asarray(coords[:count], dtype=float).reshape(-1, 2)
    positions[:, 1] = -positions[:, 1]
    return GraphLayout(positions, layers, "sugiyama", time.perf_counter() - start)


def layered_layout(graph: GradGraph) -> GraphLayout:
    """Sugiyama layout through igraph, or the numpy fallback if igraph is not installed."""
    return layout_edges(graph.node_count, graph.edges)


def layout_edges(count: int, edges: np.ndarray) -> GraphLayout:
    """The layered layout of ``count`` nodes joined by ``edges`` ((E, 2), acyclic)."""
    if count == 0:
        return GraphLayout(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), "empty", 0.0)
    has_igraph = _igraph_imported()  # before the clock: the layout's time is the layout's
    start = time.perf_counter()
    layers = longest_path_layers(count, edges)
    if not has_igraph or count + dummy_nodes(count, edges, layers) > MAX_SUGIYAMA_NODES:
        return _simple(count, edges, layers, start)  # long edges everywhere (dense blocks)
    return _sugiyama(count, edges, layers, start)


_IGRAPH_IMPORT = threading.Lock()


def _igraph_imported() -> bool:
    """igraph imported (~0.05-0.1 s here), or False if not installed."""
    if "igraph" in sys.modules:
        return True
    with _IGRAPH_IMPORT:
        return _import_igraph_without_matplotlib()


def _import_igraph_without_matplotlib() -> bool:
    """Import igraph with matplotlib hidden when nothing has imported it yet: igraph's drawing
    module imports matplotlib.pyplot when it can (0.6-1.1 s and ~30 MiB here), and the app
    never draws with igraph. matplotlib imports normally afterwards."""
    hide = "matplotlib" not in sys.modules
    if hide:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]  # import raises
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    finally:
        if hide and sys.modules.get("matplotlib", False) is None:
            del sys.modules["matplotlib"]
    return True


def dummy_nodes(count: int, edges: np.ndarray, layers: np.ndarray | None = None) -> int:
    """How many dummy nodes Sugiyama would add: one per layer an edge skips."""
    if not len(edges):
        return 0
    layers = longest_path_layers(count, edges) if layers is None else layers
    spans = layers[edges[:, 1]] - layers[edges[:, 0]]
    return int(np.maximum(spans - 1, 0).sum())


def dot_source(graph: GradGraph) -> str:
    """The graph in Graphviz's dot language (for the benchmark against ``dot``)."""
    lines = ["digraph G {"]
    lines += [f'  n{node.index} [label="{node.class_name}"];' for node in graph.nodes]
    lines += [f"  n{a} -> n{b};" for a, b in graph.edges.tolist()]
    lines.append("}")
    return "\n".join(lines)

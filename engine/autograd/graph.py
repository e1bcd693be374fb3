"""The ``grad_fn`` graph of a result, walked iteratively (a 2,000-op chain is fine).

``extract_grad_graph(roots)`` starts at the ``grad_fn`` of each root tensor and follows
``next_functions`` with an explicit stack, so Python's recursion limit never matters.
Every autograd node appears once even when shared; ``AccumulateGrad`` leaves are tied to
their tensors (and to their names where known). The result is plain data (``GradGraph``)
plus a ``LiveGraph`` handle that keeps the torch objects for details and hooks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray
from torch.autograd.graph import Node

from engine.core.limits import format_bytes
from engine.core.snapshot import TensorSnapshot, snapshot

MAX_VALUES_SHOWN = 10_000


@dataclass(frozen=True)
class GraphNode:
    index: int
    kind: str  # "op", "leaf" (AccumulateGrad) or "root" (grad_fn of a root tensor)
    class_name: str
    label: str
    tensor_name: str | None = None


@dataclass(frozen=True)
class TensorMeta:
    """Shape and dtype of a tensor flowing along an edge (what the producing node made)."""

    shape: tuple[int, ...]
    dtype: str  # "float32", ...


@dataclass(frozen=True)
class GradGraph:
    nodes: tuple[GraphNode, ...]
    edges: NDArray[np.int64]  # (E, 2): node -> next function (towards the leaves)
    # per edge: the tensor its next function produced (None where PyTorch keeps no metadata)
    edge_meta: tuple[TensorMeta | None, ...] = ()
    # per edge: its position in the source node's next_functions (gradients sent along it)
    edge_slots: tuple[int, ...] = ()
    node_meta: tuple[TensorMeta | None, ...] = ()  # per node: its first output

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    @property
    def edge_count(self) -> int:
        return int(self.edges.shape[0])

    def leaf_count(self) -> int:
        return sum(1 for node in self.nodes if node.kind == "leaf")

    def find(self, class_name: str) -> list[int]:
        return [n.index for n in self.nodes if n.class_name == class_name]

    def children(self, index: int) -> list[int]:
        return [int(b) for a, b in self.edges if a == index]


@dataclass(eq=False)
class LiveGraph:
    """The torch objects behind a ``GradGraph``: autograd nodes and named tensors."""

    nodes: list[Node]
    roots: tuple[torch.Tensor, ...]
    names: dict[int, str] = field(default_factory=dict)  # id(tensor) -> name
    tensors: dict[str, Any] = field(default_factory=dict)  # name -> tensor (or other value)
    produced: dict[int, str] = field(default_factory=dict)  # node index -> tensor it made

    def index_of(self, node: Node) -> int | None:
        for index, candidate in enumerate(self.nodes):
            if candidate is node:
                return index
        return None


def release_gradually(holder: list[LiveGraph]) -> Iterator[None]:
    """Free the live graphs in ``holder`` (it ends empty) one autograd node at a time,
    yielding after each: dropped at once, a large model's graph (ResNet-50: its nodes and
    the activations they saved) took ~12 ms in one deallocation. A graph someone else
    still holds (the program's, one a job is reading) is only let go of, nothing freed."""
    while holder:
        live = holder.pop()
        if sys.getrefcount(live) > 2:  # more than this name and getrefcount's argument
            continue
        live.roots = ()
        while live.tensors:  # named values (a model among them) one at a time
            live.tensors.popitem()
            yield
        nodes = _parents_first(live.nodes)
        live.nodes.clear()
        yield
        nodes.reverse()
        while nodes:  # no parent left to keep it: each node goes alone, with what it saved
            nodes.pop()
            yield


def _parents_first(nodes: list[Node]) -> list[Node]:
    """``nodes`` ordered so that every node comes after all the nodes pointing to it."""
    index = {id(node): i for i, node in enumerate(nodes)}
    children = [[index[id(child)] for child, _ in node.next_functions
                 if child is not None and id(child) in index] for node in nodes]
    parents = [0] * len(nodes)
    for kids in children:
        for kid in kids:
            parents[kid] += 1
    ready = [i for i, count in enumerate(parents) if count == 0]
    order: list[int] = []
    while ready:
        i = ready.pop()
        order.append(i)
        for kid in children[i]:
            parents[kid] -= 1
            if parents[kid] == 0:
                ready.append(kid)
    return [nodes[i] for i in order]


def leaf_variable(node: Node) -> torch.Tensor | None:
    """The tensor of an ``AccumulateGrad`` leaf node (None for other nodes)."""
    variable = getattr(node, "variable", None)  # only AccumulateGrad has one
    return variable if isinstance(variable, torch.Tensor) else None


def _leaf_label(node: Node, names: Mapping[int, str]) -> tuple[str, str | None]:
    variable = leaf_variable(node)
    name = names.get(id(variable)) if variable is not None else None
    shape = tuple(variable.shape) if variable is not None else ()
    text = name if name else "leaf"
    return f"{text} {list(shape)}", name


Edge = tuple[int, int, int, int]  # source, next function, slot in next_functions, output_nr


def _walk(roots: Sequence[torch.Tensor]) -> tuple[list[Node], list[Edge]]:
    """Every autograd node reachable from the roots (once each) and the edges between them.

    An explicit stack replaces recursion, so chains of any length are fine.
    """
    index_of: dict[int, int] = {}
    live_nodes: list[Node] = []
    edges: list[Edge] = []

    def visit(node: Node) -> int:
        if id(node) not in index_of:
            index_of[id(node)] = len(live_nodes)
            live_nodes.append(node)
            stack.append(node)
        return index_of[id(node)]

    stack: list[Node] = []
    for tensor in roots:
        if tensor.grad_fn is not None:
            visit(tensor.grad_fn)
    while stack:
        node = stack.pop()
        parent = index_of[id(node)]
        edges.extend((parent, visit(child), slot, output_nr)
                     for slot, (child, output_nr) in enumerate(node.next_functions)
                     if child is not None)
    return live_nodes, edges


def output_meta(node: Node, output_nr: int = 0) -> TensorMeta | None:
    """Shape and dtype of output ``output_nr`` of ``node`` (None if PyTorch has none)."""
    try:
        meta = node._input_metadata[output_nr]  # backward's inputs = forward's outputs
        return TensorMeta(tuple(int(d) for d in meta.shape),
                          str(meta.dtype).removeprefix("torch."))
    except (AttributeError, IndexError, RuntimeError, TypeError):
        return None


def _edge_facts(live_nodes: list[Node], edges: list[Edge]
                ) -> tuple[tuple[TensorMeta | None, ...], tuple[int, ...]]:
    cache: dict[tuple[int, int], TensorMeta | None] = {}
    metas = []
    for _, child, _, output_nr in edges:
        key = (child, output_nr)
        if key not in cache:
            cache[key] = output_meta(live_nodes[child], output_nr)
        metas.append(cache[key])
    return tuple(metas), tuple(slot for _, _, slot, _ in edges)


def edge_label(graph: GradGraph, edge: int) -> str:
    """``[64, 256, 56, 56]``, plus the dtype where it differs from the source node's output."""
    meta = graph.edge_meta[edge] if edge < len(graph.edge_meta) else None
    if meta is None:
        return ""
    source = int(graph.edges[edge, 0])
    before = graph.node_meta[source] if source < len(graph.node_meta) else None
    text = str(list(meta.shape))
    return f"{text} {meta.dtype}" if before is not None and before.dtype != meta.dtype else text


def _describe(live_nodes: list[Node], root_ids: set[int], by_id: Mapping[int, str],
              produced_by: Mapping[int, str]) -> tuple[list[GraphNode], dict[int, str]]:
    nodes: list[GraphNode] = []
    produced: dict[int, str] = {}
    for index, node in enumerate(live_nodes):
        class_name = type(node).__name__
        if class_name == "AccumulateGrad":
            label, tensor_name = _leaf_label(node, by_id)
            nodes.append(GraphNode(index, "leaf", class_name, label, tensor_name))
            continue
        tensor_name = produced_by.get(id(node))
        if tensor_name:
            produced[index] = tensor_name
        label = f"{class_name} → {tensor_name}" if tensor_name else class_name
        kind = "root" if id(node) in root_ids else "op"
        nodes.append(GraphNode(index, kind, class_name, label, tensor_name))
    return nodes, produced


def extract_grad_graph(roots: Sequence[torch.Tensor], names: Mapping[str, Any] | None = None
                       ) -> tuple[GradGraph, LiveGraph]:
    """Walk the grad_fn graph of ``roots`` (tensors) from the outputs to the leaves.

    ``names`` maps names to tensors: leaves and the nodes that produced named tensors
    are labelled with them.
    """
    named = dict(names or {})
    tensors = {n: t for n, t in named.items() if isinstance(t, torch.Tensor)}
    by_id = {id(t): n for n, t in tensors.items()}
    produced_by = {id(t.grad_fn): n for n, t in tensors.items() if t.grad_fn is not None}
    live_nodes, edges = _walk(roots)
    root_ids = {id(t.grad_fn) for t in roots if t.grad_fn is not None}
    nodes, produced = _describe(live_nodes, root_ids, by_id, produced_by)
    edge_array = np.array([e[:2] for e in edges], dtype=np.int64).reshape(-1, 2)
    metas, slots = _edge_facts(live_nodes, edges)
    node_meta = tuple(output_meta(node) for node in live_nodes)
    live = LiveGraph(live_nodes, tuple(roots), by_id, named, produced)
    return GradGraph(tuple(nodes), edge_array, metas, slots, node_meta), live


# --- details of one node ------------------------------------------------------------------
@dataclass(frozen=True)
class SavedValue:
    name: str
    description: str
    snapshot: TensorSnapshot | None = None  # for tensors


@dataclass(frozen=True)
class NodeDetails:
    index: int
    class_name: str
    next_functions: tuple[str, ...]
    saved: tuple[SavedValue, ...]
    produced: TensorSnapshot | None = None  # the tensor this node produced
    leaf_grad: TensorSnapshot | None = None  # the leaf's .grad
    leaf: TensorSnapshot | None = None  # the leaf tensor
    # After backward: the gradients the node received and sent (``details_with_gradients``).
    grads_in: tuple[TensorSnapshot | None, ...] = ()
    grads_out: tuple[TensorSnapshot | None, ...] = ()


def _describe_value(value: object) -> str:
    if isinstance(value, torch.Tensor):
        size = format_bytes(value.numel() * value.element_size())
        return f"tensor {list(value.shape)} {str(value.dtype).removeprefix('torch.')} ({size})"
    if isinstance(value, tuple | list) and len(value) > 12:
        return f"{type(value).__name__} of {len(value)} items"
    return repr(value)[:200]


def _snap(value: object, name: str) -> TensorSnapshot | None:
    if isinstance(value, torch.Tensor) and value.numel() <= MAX_VALUES_SHOWN:
        return snapshot(value, name)
    return None


def _saved_values(node: Node) -> tuple[SavedValue, ...]:
    saved = []
    for attr in sorted(a for a in dir(node) if a.startswith("_saved_")):
        try:
            value = getattr(node, attr)
        except RuntimeError as exc:  # freed after backward without retain_graph
            saved.append(SavedValue(attr, str(exc).splitlines()[0][:160]))
            continue
        saved.append(SavedValue(attr, _describe_value(value), _snap(value, attr)))
    return tuple(saved)


def node_details(live: LiveGraph, index: int) -> NodeDetails:
    """Class, next_functions, saved tensors and produced tensor of node ``index``."""
    node = live.nodes[index]
    nexts = tuple(type(n).__name__ if n is not None else "None"
                  for n, _ in node.next_functions)
    produced = leaf_grad = leaf = None
    name = live.produced.get(index)
    if name is not None:
        produced = _snap(live.tensors[name], name)
    variable = leaf_variable(node)
    if variable is not None:
        label = live.names.get(id(variable), "leaf")
        leaf = _snap(variable, label)
        if variable.grad is not None:
            leaf_grad = _snap(variable.grad, f"{label}.grad")
    return NodeDetails(index, type(node).__name__, nexts, _saved_values(node), produced,
                       leaf_grad, leaf)

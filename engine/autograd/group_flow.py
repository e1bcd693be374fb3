"""A closed group's details: what it holds, and the gradients that enter and leave it.

In the backward pass a gradient *enters* a group along an edge from a node outside to a
node inside (the outside node's ``grads_out`` at that edge's slot) and *leaves* it along
an edge from inside to outside. Before backward() the same edges are listed with the
shapes of the tensors they carry. Plain data, so the details panel only displays it; built
on the worker (it takes the snapshots of the small gradients).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from engine.autograd.backward import BackwardRecord, BackwardStep, GradValue, gradient_snapshot
from engine.autograd.graph import GradGraph, TensorMeta
from engine.autograd.modules import ModuleGroups
from engine.core.snapshot import TensorSnapshot


@dataclass(frozen=True)
class FlowEdge:
    inside: int  # node inside the group
    outside: int  # node outside it
    outside_label: str
    meta: TensorMeta | None  # the tensor the edge carries in the forward pass
    grad: GradValue | None  # the gradient sent along it (after backward)
    snapshot: TensorSnapshot | None = None  # what the viewer shows of it (small ones)


@dataclass(frozen=True)
class GroupDetails:
    call: int
    title: str  # ``layer3`` (or ``layer1.0.relu (2)`` for a second call)
    class_name: str
    node_count: int
    parameters: int  # elements of the AccumulateGrad leaves inside
    classes: tuple[tuple[str, int], ...]  # the most frequent node classes inside
    entering: tuple[FlowEdge, ...]  # gradients coming in (from the output side)
    leaving: tuple[FlowEdge, ...]  # gradients going out (towards the inputs)
    backward_done: bool


def _grad(steps: dict[int, BackwardStep], graph: GradGraph, edge: int) -> GradValue | None:
    step = steps.get(int(graph.edges[edge, 0]))
    slot = graph.edge_slots[edge] if edge < len(graph.edge_slots) else -1
    if step is None or not 0 <= slot < len(step.grads_out):
        return None
    return step.grads_out[slot]


def _flow(graph: GradGraph, edges: np.ndarray, inside_first: bool,
          steps: dict[int, BackwardStep]) -> tuple[FlowEdge, ...]:
    found = []
    for edge in edges.tolist():
        a, b = (int(v) for v in graph.edges[edge])
        inside, outside = (a, b) if inside_first else (b, a)
        meta = graph.edge_meta[edge] if edge < len(graph.edge_meta) else None
        grad = _grad(steps, graph, edge)
        found.append(FlowEdge(inside, outside, graph.nodes[outside].label, meta, grad,
                              gradient_snapshot(grad)))
    return tuple(found)


def _parameters(graph: GradGraph, members: np.ndarray) -> int:
    total = 0
    for index in members.tolist():
        meta = graph.node_meta[index] if index < len(graph.node_meta) else None
        if graph.nodes[index].kind == "leaf" and meta is not None:
            total += int(np.prod(meta.shape, dtype=np.int64))
    return total


def group_details(graph: GradGraph, groups: ModuleGroups, call: int,
                  record: BackwardRecord | None = None) -> GroupDetails:
    """What call ``call`` holds and its gradient flow (see the module docstring)."""
    inside = groups.inside(call)
    members = np.flatnonzero(inside)
    steps = {s.node_index: s for s in record.steps} if record is not None else {}
    ends = inside[graph.edges] if graph.edge_count else np.zeros((0, 2), dtype=bool)
    entering = np.flatnonzero(~ends[:, 0] & ends[:, 1]) if len(ends) else np.zeros(0, int)
    leaving = np.flatnonzero(ends[:, 0] & ~ends[:, 1]) if len(ends) else np.zeros(0, int)
    classes = Counter(graph.nodes[i].class_name for i in members.tolist()).most_common(6)
    info = groups.calls[call]
    return GroupDetails(call, info.title, info.class_name, len(members),
                        _parameters(graph, members), tuple(classes),
                        _flow(graph, entering, False, steps),
                        _flow(graph, leaving, True, steps), record is not None)

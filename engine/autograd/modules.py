"""Which ``nn.Module`` call created each ``grad_fn`` node: the module groups of a graph.

``record_module_calls(model)`` puts a forward pre-hook and a forward hook on every
submodule (the model itself included). Each hook reads autograd's node counter (the
``sequence_nr`` every new node takes), so every *call* of a module covers an interval of
node numbers, nested inside its parent's call. ``group_nodes`` then gives each node of an
extracted graph the innermost call whose interval holds its number; a parameter's
``AccumulateGrad`` leaf goes to the first call of the module that owns it. A module called
several times (ResNet's ``relu``) gives several calls, so groups never form cycles.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray

from engine.autograd.graph import GradGraph, LiveGraph, leaf_variable

NO_CALL = -1


def _counter() -> int:
    return int(torch._C._autograd._get_sequence_nr())


@dataclass(frozen=True)
class ModuleCall:
    """One call of a module: ``layer2.1.conv2`` (Conv2d), inside call ``parent``."""

    index: int
    name: str  # qualified name; "" for the model itself
    class_name: str
    parent: int  # NO_CALL for the model's own call
    depth: int
    number: int = 1  # 2 for the second call of the same module
    calls: int = 1  # how many times this module ran

    @property
    def title(self) -> str:
        name = self.name or "model"
        return f"{name} ({self.number})" if self.calls > 1 else name


@dataclass
class CallRecorder:
    """Filled by the hooks while the forward pass runs."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    stack: list[int] = field(default_factory=list)
    params: dict[int, str] = field(default_factory=dict)  # id(parameter) -> module name
    handles: list[Any] = field(default_factory=list)

    def enter(self, name: str, module: torch.nn.Module) -> None:
        parent = self.stack[-1] if self.stack else NO_CALL
        self.stack.append(len(self.calls))
        self.calls.append({"name": name, "class": type(module).__name__, "parent": parent,
                           "depth": len(self.stack) - 1, "start": _counter(), "end": None})

    def leave(self) -> None:
        if self.stack:
            self.calls[self.stack.pop()]["end"] = _counter()


@contextlib.contextmanager
def record_module_calls(model: torch.nn.Module) -> Iterator[CallRecorder]:
    """Hooks on every submodule while the block runs; removed afterwards."""
    recorder = CallRecorder()
    for name, module in model.named_modules():
        for param in module.parameters(recurse=False):
            recorder.params.setdefault(id(param), name)
        recorder.handles.append(module.register_forward_pre_hook(
            lambda m, _args, n=name: recorder.enter(n, m)))
        recorder.handles.append(module.register_forward_hook(
            lambda _m, _args, _out: recorder.leave()))
    try:
        yield recorder
    finally:
        for handle in recorder.handles:
            handle.remove()
        recorder.handles.clear()


@dataclass(frozen=True)
class ModuleGroups:
    calls: tuple[ModuleCall, ...]
    node_call: NDArray[np.int64]  # (N,) innermost call of every node, NO_CALL if none

    def members(self, call: int) -> NDArray[np.int64]:
        """Nodes inside ``call`` (directly or in its sub-calls)."""
        return np.flatnonzero(self.inside(call))

    def inside(self, call: int) -> NDArray[np.bool_]:
        """(N,) True for nodes inside ``call``."""
        return np.isin(self.node_call, np.asarray(self.descendants(call), dtype=np.int64))

    def descendants(self, call: int) -> list[int]:
        """``call`` and every call nested in it."""
        found, stack = [], [call]
        children = self.children_of()
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(children.get(current, []))
        return found

    def children_of(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = {}
        for call in self.calls:
            children.setdefault(call.parent, []).append(call.index)
        return children

    def ancestors(self, call: int) -> list[int]:
        """``call``, its parent, ... up to the model's call."""
        chain = []
        while call != NO_CALL:
            chain.append(call)
            call = self.calls[call].parent
        return chain


def _calls(recorder: CallRecorder) -> tuple[ModuleCall, ...]:
    totals: dict[str, int] = {}
    for raw in recorder.calls:
        totals[raw["name"]] = totals.get(raw["name"], 0) + 1
    seen: dict[str, int] = {}
    calls = []
    for index, raw in enumerate(recorder.calls):
        seen[raw["name"]] = seen.get(raw["name"], 0) + 1
        calls.append(ModuleCall(index, raw["name"], raw["class"], raw["parent"], raw["depth"],
                                seen[raw["name"]], totals[raw["name"]]))
    return tuple(calls)


def _innermost(recorder: CallRecorder, numbers: list[int]) -> list[int]:
    """For each node number, the innermost call whose interval [start, end) holds it."""
    spans = [(i, raw["start"], raw["end"]) for i, raw in enumerate(recorder.calls)
             if raw["end"] is not None and raw["end"] > raw["start"]]  # calls that made nodes
    events = [(start, 1, i) for i, start, _ in spans] + [(end, 0, i) for i, _, end in spans]
    events.sort()  # at one number: calls that end, then calls that start, parents first
    keys = [e[0] for e in events]
    owners, stack = [], []  # innermost open call after each event
    for _, starts, call in events:
        if starts:
            stack.append(call)
        elif call in stack:
            stack.remove(call)
        owners.append(stack[-1] if stack else NO_CALL)
    found = []
    for number in numbers:
        at = bisect_right(keys, number) - 1
        found.append(owners[at] if at >= 0 else NO_CALL)
    return found


def _owner_call(owner: str | None, first_call: dict[str, int]) -> int:
    """First call of the module owning a parameter, or of its nearest called parent
    (MultiheadAttention uses ``out_proj.weight`` without calling ``out_proj``)."""
    if owner is None:
        return NO_CALL
    while owner not in first_call and owner:
        owner = owner.rpartition(".")[0]
    return first_call.get(owner, NO_CALL)


def group_nodes(graph: GradGraph, live: LiveGraph, recorder: CallRecorder) -> ModuleGroups:
    """The module call of every node of ``graph`` (see the module docstring)."""
    calls = _calls(recorder)
    first_call = {}
    for call in reversed(calls):
        first_call[call.name] = call.index
    numbers, leaves = [], {}
    for index, node in enumerate(live.nodes):
        variable = leaf_variable(node)
        if variable is not None:
            leaves[index] = _owner_call(recorder.params.get(id(variable)), first_call)
            numbers.append(-1)
        else:
            numbers.append(int(node._sequence_nr()))
    owners = _innermost(recorder, numbers)
    for index, owner in leaves.items():
        owners[index] = owner
    return ModuleGroups(calls, np.asarray(owners, dtype=np.int64).reshape(graph.node_count))

"""Recording a real backward pass node by node, so the GUI can replay it step by step.

Hooks on every autograd node (``register_prehook`` sees the gradient arriving at the node,
``register_hook`` the gradients it sends on to ``next_functions``) record the execution
order and the gradient values; the hooks are removed afterwards. The recording is plain
data: ``BackwardRecord.steps`` in the order PyTorch ran them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import torch

from engine.autograd.graph import MAX_VALUES_SHOWN, LiveGraph, NodeDetails, node_details
from engine.core.codegen import CodeStep
from engine.core.errors import OperationError
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.i18n.messages import Text, compose, msg

Grads = Sequence[torch.Tensor | None]


@dataclass(frozen=True, eq=False)
class GradValue:
    """One gradient tensor: its shape and norm, and a copy of its values when small enough.

    Only the values are kept: the viewer's snapshot (numpy copy, printed text, colour
    levels) is taken on the worker for the node shown (``gradient_snapshot``). Kept for
    every node, the snapshots more than doubled a record (DenseNet-201: 2,793 gradients,
    39 MiB of values and 9 MiB of printed text)."""

    shape: tuple[int, ...] | None
    norm: float | None
    values: torch.Tensor | None = None
    name: str = ""

    @property
    def is_none(self) -> bool:
        return self.shape is None


@dataclass(frozen=True)
class BackwardStep:
    order: int
    node_index: int
    class_name: str
    grads_in: tuple[GradValue, ...]  # gradient(s) w.r.t. the node's output(s), arriving
    grads_out: tuple[GradValue, ...]  # gradient(s) sent to next_functions


@dataclass(frozen=True)
class BackwardRecord:
    """What flowed where. The leaves' ``.grad`` stay on the leaves (the details panel reads
    them there): a copy here doubled a model's gradients (ResNet-152: +230 MiB)."""

    steps: tuple[BackwardStep, ...]

    def step_of_node(self, node_index: int) -> BackwardStep | None:
        for step in self.steps:
            if step.node_index == node_index:
                return step
        return None


def grad_value(tensor: torch.Tensor | None, name: str) -> GradValue:
    if tensor is None:
        return GradValue(None, None)
    with torch.no_grad():
        norm = float(tensor.detach().double().norm())
        # A copy: autograd may reuse a gradient's buffer once the hook has returned.
        small = tensor.detach().clone() if tensor.numel() <= MAX_VALUES_SHOWN else None
    return GradValue(tuple(tensor.shape), norm, small, name)


def gradient_snapshot(value: GradValue | None) -> TensorSnapshot | None:
    """What the viewer shows of a recorded gradient (None when its values were not kept)."""
    if value is None or value.values is None:
        return None
    return snapshot(value.values, value.name)


def details_with_gradients(live: LiveGraph, index: int,
                           step: BackwardStep | None) -> NodeDetails:
    """``node_details`` plus the snapshots of the gradients ``step`` recorded there."""
    details = node_details(live, index)
    if step is None:
        return details
    return replace(details, grads_in=tuple(gradient_snapshot(v) for v in step.grads_in),
                   grads_out=tuple(gradient_snapshot(v) for v in step.grads_out))


def record_backward(live: LiveGraph, root: torch.Tensor, retain_graph: bool = True,
                    gradient: torch.Tensor | None = None) -> BackwardRecord:
    """Run ``root.backward(gradient)`` with hooks on every node; return what flowed where."""
    arriving: dict[int, tuple[GradValue, ...]] = {}
    steps: list[BackwardStep] = []
    handles: list[Any] = []  # torch's RemovableHandle

    def make_hooks(index: int, node: Any) -> tuple[Callable[[Grads], None],
                                                    Callable[[Grads, Grads], None]]:
        label = type(node).__name__

        def prehook(grad_outputs: Grads) -> None:
            arriving[index] = tuple(grad_value(g, f"{label} in") for g in grad_outputs)

        def posthook(grad_inputs: Grads, grad_outputs: Grads) -> None:
            grads_in = arriving.pop(index, None) or tuple(
                grad_value(g, f"{label} in") for g in grad_outputs)
            grads_out = tuple(grad_value(g, f"{label} out") for g in grad_inputs)
            steps.append(BackwardStep(len(steps), index, label, grads_in, grads_out))

        return prehook, posthook

    try:
        for index, node in enumerate(live.nodes):
            prehook, posthook = make_hooks(index, node)
            handles.append(node.register_prehook(prehook))
            handles.append(node.register_hook(posthook))
        root.backward(gradient, retain_graph=retain_graph)
    finally:
        for handle in handles:
            handle.remove()
    return BackwardRecord(tuple(steps))


def backward_code(root_name: str, gradient: str | None = None) -> Text:
    """The code of the backward call the app really makes (it keeps the graph)."""
    argument = f"{gradient}, " if gradient else ""
    return compose("# {comment}\n{root}.backward({argument}retain_graph=True)\n",
                   root=root_name, argument=argument,
                   comment=msg("retain_graph=True: the app keeps the graph to show the nodes'\n"
                               "# saved tensors after backward (plain backward() frees them)."))


@dataclass(frozen=True)
class GraphBackwardResult:
    record: BackwardRecord
    step: CodeStep


def backward_from(live: LiveGraph, root_name: str) -> GraphBackwardResult:
    """``<root_name>.backward()`` on a graph shown by a preset, recorded node by node."""
    root = live.tensors[root_name]
    try:
        record = record_backward(live, root)
    except RuntimeError as exc:
        raise OperationError(msg("backward() on '{name}' failed.", name=root_name),
                             field="backward", torch_error=str(exc)) from None
    return GraphBackwardResult(record, CodeStep(msg("Backward pass"), backward_code(root_name)))

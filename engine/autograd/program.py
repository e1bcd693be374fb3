"""The Autograd tab's expression program: forward, graph, backward and curves.

``run_expressions(rows)`` parses the named steps, runs them (dry run first), extracts the
grad_fn graph of the last result and lays it out. ``run_backward(result)`` calls
``backward()`` on it with recording hooks and returns the gradient curves: ``a.grad``,
the finite-difference estimate and the closed form where one exists.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray

from engine.autograd.backward import BackwardRecord, backward_code, record_backward
from engine.autograd.closed_form import closed_form, formula_text
from engine.autograd.expressions.evaluate import (
    Evaluator,
    finite_difference,
    program_code,
    run_program,
)
from engine.autograd.expressions.parse import ParsedStep, parse_program
from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.core.codegen import CodeStep
from engine.core.errors import OperationError
from engine.i18n.messages import Text, compose, msg

Values = Mapping[str, Any]  # name -> tensor or plain number, as the program left them
Curve = NDArray[np.floating[Any]]

NOTE_EXAMPLE = (
    ("a", "linspace(0, 2*pi, steps=25, requires_grad=True)"),
    ("b", "sin(a)"),
    ("c", "2 * b"),
    ("d", "c + 1"),
    ("out", "sum(d)"),
)
GRAD_MODES = {"on": None, "no_grad": "torch.no_grad()",
              "inference_mode": "torch.inference_mode()"}
MAX_FINITE_DIFFERENCES = 200
MAX_FINITE_DIFFERENCE_WORK = 200_000  # elements per program run (2 runs per element of x)
SHORT_VALUES = 6


@dataclass(frozen=True)
class TensorRow:
    """What the steps table shows for one named value."""

    name: str
    shape: tuple[int, ...] | None
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    text: str  # short value text for plain numbers, dtype for tensors


@dataclass(frozen=True)
class ProgramResult:
    rows: tuple[TensorRow, ...]
    graph: GradGraph
    layout: GraphLayout
    output: str | None  # name of the graph's root tensor
    x_name: str | None  # the 1-D leaf requiring grad the curves use as x
    x: Curve | None
    curves: dict[str, Curve]  # name -> 1-D values of the same length as x (forward curves)
    step: CodeStep
    parsed: tuple[ParsedStep, ...]
    live: LiveGraph


def tensor_row(name: str, value: object) -> TensorRow:
    if isinstance(value, torch.Tensor):
        grad_fn = type(value.grad_fn).__name__ if value.grad_fn is not None else None
        text = str(value.dtype).removeprefix("torch.")
        if 0 < value.numel() <= SHORT_VALUES:
            numbers = ", ".join(f"{v:.4g}" for v in value.detach().reshape(-1).tolist())
            text += f" [{numbers}]"
        return TensorRow(name, tuple(value.shape), value.requires_grad, value.is_leaf, grad_fn,
                         text)
    return TensorRow(name, None, False, True, None, repr(value))


def _curve_leaf(parsed: tuple[ParsedStep, ...], values: Values) -> str | None:
    for step in parsed:
        value = values[step.name]
        if isinstance(value, torch.Tensor) and value.is_leaf and value.requires_grad \
                and value.dim() == 1:
            return step.name
    return None


def _forward_curves(x_name: str | None, values: Values) -> dict[str, Curve]:
    if x_name is None:
        return {}
    size = values[x_name].shape
    return {name: value.detach().numpy().copy() for name, value in values.items()
            if isinstance(value, torch.Tensor) and value.shape == size and name != x_name}


def _grad_mode(mode: str) -> AbstractContextManager[object]:
    if mode == "no_grad":
        return torch.no_grad()
    if mode == "inference_mode":
        return torch.inference_mode()
    return contextlib.nullcontext()


def _mode_code(code: str, mode: str) -> str:
    if mode not in GRAD_MODES or GRAD_MODES[mode] is None:
        return code
    body = "".join(f"    {line}\n" for line in code.splitlines())
    return f"with {GRAD_MODES[mode]}:\n{body}"


def run_expressions(rows: Iterable[tuple[str, str]], mode: str = "on") -> ProgramResult:
    """Parse, dry-run and run the steps ``[(name, expression), ...]``; extract the graph.

    ``mode`` is "on" (autograd tracks as usual), "no_grad" or "inference_mode" (the steps
    run inside ``torch.no_grad()`` / ``torch.inference_mode()``: nothing is recorded).
    """
    parsed = parse_program(list(rows))
    with _grad_mode(mode):
        values = run_program(parsed)
    output = next((s.name for s in reversed(parsed) if isinstance(values[s.name], torch.Tensor)
                   and values[s.name].grad_fn is not None), None)
    roots = [values[output]] if output else []
    graph, live = extract_grad_graph(roots, values)
    x_name = _curve_leaf(parsed, values)
    x = values[x_name].detach().numpy().copy() if x_name else None
    code = _mode_code(program_code(parsed), mode)
    explanation = msg("Each step is one PyTorch call; tensors computed from a tensor with "
                      "requires_grad=True record a grad_fn.")
    return ProgramResult(tuple(tensor_row(s.name, values[s.name]) for s in parsed), graph,
                         layered_layout(graph), output, x_name, x,
                         _forward_curves(x_name, values),
                         CodeStep(msg("Forward steps"), code, explanation), parsed, live)


@dataclass(frozen=True)
class BackwardResult:
    record: BackwardRecord
    x_name: str | None
    grad: Curve | None  # x.grad
    finite_difference: Curve | None
    closed_form: Curve | None
    formula: str | None
    step: CodeStep


def _closed_form_values(program: ProgramResult) -> tuple[Curve | None, str | None]:
    if program.x_name is None or program.output is None:
        return None, None
    tree = closed_form(program.parsed, program.x_name, program.output)
    if tree is None:
        return None, None
    env = {name: t.detach() if isinstance(t, torch.Tensor) else t
           for name, t in program.live.tensors.items()}
    with torch.no_grad():
        values = Evaluator("cpu").value(tree, env)
        x = env[program.x_name]
        values = torch.as_tensor(values, dtype=x.dtype)
        if torch.broadcast_shapes(values.shape, x.shape) != x.shape:
            return None, None
        return values.expand(x.shape).numpy().copy(), formula_text(tree)


def run_backward(program: ProgramResult) -> BackwardResult:
    """``out.backward()`` with hooks; gradient curves for the plotted leaf."""
    if program.output is None:
        raise OperationError(msg("Nothing to differentiate: no step has a grad_fn. Give a leaf "
                                 "requires_grad=True."), field="backward")
    root = program.live.tensors[program.output]
    try:
        record = record_backward(program.live, root)
    except RuntimeError as exc:
        raise OperationError(explain_backward_error(program.output, root), field="backward",
                             torch_error=str(exc)) from None
    grad = fd = None
    x_name = program.x_name
    if x_name is not None and program.live.tensors[x_name].grad is not None:
        grad = program.live.tensors[x_name].grad.numpy().copy()
        if grad.size <= MAX_FINITE_DIFFERENCES and root.numel() == 1 \
                and _program_elements(program) <= MAX_FINITE_DIFFERENCE_WORK:
            fd = finite_difference(program.parsed, x_name, program.output).numpy()
    closed, formula = _closed_form_values(program) if grad is not None else (None, None)
    code: Text = backward_code(program.output)
    if x_name is not None:
        code = compose("{code}{x}_grad = {x}.grad\n", code=code, x=x_name)
    explanation = msg("backward() fills .grad of every leaf that requires grad.")
    return BackwardResult(record, x_name, grad, fd, closed, formula,
                          CodeStep(msg("Backward pass"), code, explanation))


def _program_elements(program: ProgramResult) -> int:
    return sum(t.numel() for t in program.live.tensors.values() if isinstance(t, torch.Tensor))


def explain_backward_error(name: str, root: torch.Tensor) -> Text:
    if root.numel() != 1:
        return msg("'{name}' has {count} elements: backward() without a gradient argument only "
                   "works on a single number. Reduce it first, e.g. sum({name}).",
                   name=name, count=root.numel())
    return msg("backward() on '{name}' failed.", name=name)

"""The Autograd tab's program: lines of the language, their graph, backward and curves.

``run_program(source, mode)`` runs the forward lines (``lines.split_lines``) in one
``Interpreter``, extracts the grad_fn graph of the backward request's tensor (or of the
last tensor with a grad_fn) and lays it out. ``run_backward(program)`` runs that backward
recorded node by node, then the lines after the request in the same interpreter, and
returns the gradient curves: ``x.grad``, the finite-difference estimate and the closed
form where one exists (``gradients``).
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray

from engine.autograd.backward import BackwardRecord, backward_code, record_backward
from engine.autograd.gradients import gradient_curves
from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.autograd.lines import NOTE_EXAMPLE, ProgramLines, split_lines
from engine.autograd.rebound import with_tail
from engine.core.codegen import CodeStep
from engine.core.errors import OperationError, TorchScopeError
from engine.i18n.messages import Text, compose, msg
from engine.language.errors import located
from engine.language.interpreter import Interpreter, RunResult

__all__ = ["NOTE_EXAMPLE", "GRAD_MODES", "ProgramResult", "BackwardResult", "TensorRow",
           "run_program", "run_backward", "tensor_row"]

Curve = NDArray[np.floating[Any]]
GRAD_MODES = {"on": None, "no_grad": "torch.no_grad()",
              "inference_mode": "torch.inference_mode()"}
SHORT_VALUES = 6


@dataclass(frozen=True)
class TensorRow:
    """What the tensors table shows for one name the lines bound."""

    name: str
    shape: tuple[int, ...] | None
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    text: str  # short value text for plain values, dtype (and small values) for tensors


@dataclass(frozen=True, eq=False)
class ProgramResult:
    lines: ProgramLines
    rows: tuple[TensorRow, ...]
    graph: GradGraph
    layout: GraphLayout
    output: str | None  # the graph's root as typed: a name, or e.g. "d.sum()"
    root: object  # the value backward() is asked of (a tensor, normally)
    x_name: str | None  # the 1-D leaf requiring grad the curves use as x
    x: Curve | None
    curves: dict[str, Curve]  # name -> 1-D values of the same length as x (forward curves)
    step: CodeStep
    live: LiveGraph
    printed: str  # what the forward lines printed (and a last bare expression's value)
    interpreter: Interpreter  # the session the lines after backward() continue in


def tensor_row(name: str, value: object) -> TensorRow:
    if isinstance(value, torch.Tensor):
        grad_fn = type(value.grad_fn).__name__ if value.grad_fn is not None else None
        text = str(value.dtype).removeprefix("torch.")
        if 0 < value.numel() <= SHORT_VALUES:
            numbers = ", ".join(f"{v:.4g}" for v in value.detach().reshape(-1).tolist())
            text += f" [{numbers}]"
        return TensorRow(name, tuple(value.shape), value.requires_grad, value.is_leaf, grad_fn,
                         text)
    return TensorRow(name, None, False, True, None, repr(value)[:80])


def _bound(run: RunResult) -> dict[str, object]:
    """The names the lines bound, in the order they were first bound."""
    return {name: run.names[name] for name in dict.fromkeys(run.assigned) if name in run.names}


def _curve_leaf(values: dict[str, object]) -> str | None:
    for name, value in values.items():
        if isinstance(value, torch.Tensor) and value.is_leaf and value.requires_grad \
                and value.dim() == 1:
            return name
    return None


def _curve(value: object) -> Curve | None:
    if not isinstance(value, torch.Tensor) or value.is_complex():
        return None
    return value.detach().double().numpy().copy()


def _forward_curves(x_name: str | None, values: dict[str, object]) -> dict[str, Curve]:
    if x_name is None:
        return {}
    shape = getattr(values[x_name], "shape", None)
    curves = {name: _curve(value) for name, value in values.items()
              if name != x_name and getattr(value, "shape", None) == shape}
    return {name: curve for name, curve in curves.items() if curve is not None}


def _grad_mode(mode: str) -> AbstractContextManager[object]:
    return torch.inference_mode() if mode == "inference_mode" else contextlib.nullcontext()


def _mode_code(code: str, mode: str) -> str:
    if GRAD_MODES.get(mode) is None or not code:
        return code
    body = "".join(f"    {line}\n" for line in code.splitlines())
    return f"with {GRAD_MODES[mode]}:\n{body}"


def _run_forward(lines: ProgramLines, mode: str) -> tuple[Interpreter, RunResult]:
    interpreter = Interpreter()
    interpreter.grad_enabled = mode == "on"
    with _grad_mode(mode):
        run = interpreter.run_to_end(lines.forward)
    interpreter.grad_enabled = True  # the `with` block of the mode ends with the forward lines
    return interpreter, run


def _root(lines: ProgramLines, interpreter: Interpreter, values: dict[str, object],
          mode: str) -> tuple[str | None, object]:
    """The tensor backward() is asked of: the request's receiver, else the last with history."""
    if lines.backward is None:
        name = next((n for n, v in reversed(values.items()) if isinstance(v, torch.Tensor)
                     and v.grad_fn is not None), None)
        return name, values.get(name) if name else None
    root = lines.backward.root
    if root in values:
        return root, values[root]
    interpreter.grad_enabled = mode == "on"  # e.g. `d.sum().backward()`: part of the forward
    with _grad_mode(mode):
        value = interpreter.run_to_end("\n" * (lines.backward.line - 1) + root).value
    interpreter.grad_enabled = True
    return root, value


def run_program(source: str, mode: str = "on") -> ProgramResult:
    """Run the forward lines of ``source``; extract the graph of the tensor to differentiate.

    ``mode`` is "on" (autograd tracks as usual), "no_grad" or "inference_mode" (the forward
    lines run inside ``torch.no_grad()`` / ``torch.inference_mode()``: nothing is recorded).
    """
    lines = split_lines(source)
    interpreter, run = _run_forward(lines, mode)
    values = _bound(run)
    output, root = _root(lines, interpreter, values, mode)
    has_graph = isinstance(root, torch.Tensor) and root.grad_fn is not None
    named = values | ({output: root} if output and output not in values else {})
    graph, live = extract_grad_graph([root] if has_graph else [], named)  # type: ignore[list-item]
    x_name = _curve_leaf(values)
    x = _curve(values[x_name]) if x_name else None
    typed = "".join(f"{step.code}\n" for step in run.steps)
    code = _mode_code(typed, mode)
    if lines.backward is None:  # else the backward step ends the lines (and restores)
        code = with_tail(code, typed)
    explanation = msg("Each line runs as typed; tensors computed from a tensor with "
                      "requires_grad=True record a grad_fn.")
    printed = run.output
    if run.has_value and lines.backward is None:
        printed += run.value_repr + "\n"
    return ProgramResult(lines, tuple(tensor_row(n, v) for n, v in values.items()), graph,
                         layered_layout(graph), output if has_graph else None, root, x_name, x,
                         _forward_curves(x_name, values),
                         CodeStep(msg("Forward steps"), code, explanation), live, printed,
                         interpreter)


@dataclass(frozen=True)
class BackwardResult:
    record: BackwardRecord
    x_name: str | None
    grad: Curve | None  # x.grad
    finite_difference: Curve | None
    closed_form: Curve | None
    formula: str | None
    step: CodeStep
    printed: str = ""  # what the lines after backward() printed, and a last value
    error: str | None = None  # why a line after backward() failed (the backward stands)
    error_line: int = 0  # the line that failed


def _gradient(program: ProgramResult) -> torch.Tensor | None:
    request = program.lines.backward
    if request is None or request.gradient is None:
        return None
    padded = "\n" * (request.line - 1) + request.gradient
    value = program.interpreter.run_to_end(padded).value
    if not isinstance(value, torch.Tensor):
        raise OperationError(located(msg("The gradient given to backward() must be a tensor "
                                         "shaped like {root}.", root=request.root),
                                     request.line, request.column), field="backward")
    return value


def _backward_failed(program: ProgramResult, text: str, torch_error: str | None = None
                     ) -> OperationError:
    request = program.lines.backward
    if request is not None:
        text = located(text, request.line, request.column)
    return OperationError(text, field="backward", torch_error=torch_error)


def _record(program: ProgramResult) -> BackwardRecord:
    root = program.root
    if not isinstance(root, torch.Tensor):
        raise _backward_failed(program, msg(
            "Nothing to differentiate: no line made a tensor with a grad_fn. Give a leaf "
            "requires_grad=True."))
    name = program.output or (program.lines.backward.root if program.lines.backward else "")
    try:
        return record_backward(program.live, root, gradient=_gradient(program))
    except RuntimeError as exc:
        raise _backward_failed(program, explain_backward_error(name, root), str(exc)) from None


def _after(program: ProgramResult) -> tuple[RunResult | None, TorchScopeError | None]:
    """The lines after backward(), in the same interpreter; the error if one failed."""
    if not program.lines.after.strip():
        return None, None
    try:
        return program.interpreter.run_to_end(program.lines.after), None
    except TorchScopeError as exc:
        return program.interpreter.partial, exc


def run_backward(program: ProgramResult) -> BackwardResult:
    """The requested ``backward()`` with hooks; gradient curves; then the lines after it."""
    record = _record(program)
    grad, fd, closed, formula = gradient_curves(program.lines, program.x_name, program.output,
                                                program.live)
    after, error = _after(program)
    request = program.lines.backward
    root = request.root if request else program.output or ""
    code: Text | str = backward_code(root, request.gradient if request else None)
    typed = "".join(f"{step.code}\n" for step in after.steps) if after is not None else ""
    if typed:
        code = compose("{code}{after}", code=code, after=typed)
    if request is not None:  # the last step of the lines: give back what they rebound
        code = with_tail(code, program.lines.forward + "\n" + typed)
    printed = after.output if after is not None else ""
    if after is not None and after.has_value and error is None:
        printed += after.value_repr + "\n"
    explanation = msg("backward() fills .grad of every leaf that requires grad.")
    return BackwardResult(record, program.x_name, grad, fd, closed, formula,
                          CodeStep(msg("Backward pass"), code, explanation), printed,
                          error.describe() if error else None,
                          int(getattr(error, "line", 0) or 0))


def explain_backward_error(name: str, root: torch.Tensor) -> Text:
    if root.numel() != 1:
        return msg("'{name}' has {count} elements: backward() without a gradient argument only "
                   "works on a single number. Reduce it first, e.g. {name}.sum().",
                   name=name, count=root.numel())
    if root.grad_fn is None:
        return msg("'{name}' has no grad_fn: nothing was recorded for it. Give a leaf "
                   "requires_grad=True (and run with autograd on).", name=name)
    return msg("backward() on '{name}' failed.", name=name)

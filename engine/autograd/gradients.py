"""The gradient curves after backward(): ``x.grad``, finite differences, the closed form.

The finite differences re-run the forward lines that follow ``x``'s definition through
the interpreter, with ``x`` moved by ``±h`` one element at a time (in float64, with the
same random seed for every run; otherwise as the lines ran, so ``print(d.grad_fn)``
works). The closed form (``closed_form``) is evaluated through the interpreter too, as a
line of the language over the values the lines left.
"""

from __future__ import annotations

import ast
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray

from engine.autograd.closed_form import as_language, closed_form, formula_text
from engine.autograd.graph import LiveGraph
from engine.autograd.lines import ProgramLines
from engine.core.errors import TorchScopeError
from engine.language.guards import parse_source
from engine.language.interpreter import Interpreter

Curve = NDArray[np.floating[Any]]
MAX_FINITE_DIFFERENCES = 200
MAX_FINITE_DIFFERENCE_WORK = 200_000  # elements per run of the lines (2 runs per element)
STEP = 1e-4


def _split_at_definition(forward: str, x_name: str) -> tuple[str, str] | None:
    """(the lines up to ``x = ...``, the padded lines after it); None if not at top level."""
    for statement in parse_source(forward).body:
        if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == x_name for t in statement.targets):
            end = statement.end_lineno or statement.lineno
            lines = forward.splitlines()
            return "".join(f"{line}\n" for line in lines[:end]), "\n" * end + "".join(
                f"{line}\n" for line in lines[end:])
    return None


def _quiet(namespace: dict[str, object] | None = None) -> Interpreter:
    interpreter = Interpreter(namespace)
    interpreter.grad_enabled = False
    return interpreter


def _copy(value: object) -> object:
    """A fresh copy of a tensor the earlier lines made (a leaf, as requires_grad was)."""
    if not isinstance(value, torch.Tensor):
        return value
    copy = value.detach().clone()
    return copy.requires_grad_(True) if value.requires_grad and copy.is_floating_point() \
        else copy


def _value_after(base: dict[str, object], x_name: str, x: torch.Tensor, later: str,
                 output: str) -> float:
    namespace = {k: _copy(v) for k, v in base.items()}
    namespace[x_name] = x
    interpreter = Interpreter(namespace)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        interpreter.run_to_end(later)
        value = interpreter.run_to_end(output).value
    return float(value.detach() if isinstance(value, torch.Tensor) else value)  # type: ignore[arg-type]


def finite_difference(lines: ProgramLines, x_name: str, output: str,
                      h: float = STEP) -> Curve | None:
    """Central differences of ``output`` (a scalar) for each element of ``x``, or None."""
    parts = _split_at_definition(lines.forward, x_name)
    if parts is None:
        return None
    base = Interpreter()
    base.run_to_end(parts[0])
    x = base.namespace[x_name]
    if not isinstance(x, torch.Tensor):
        return None
    flat = x.detach().double().reshape(-1)
    estimates = np.empty(flat.numel())
    for i in range(flat.numel()):
        values = []
        for sign in (1, -1):
            shifted = flat.clone()
            shifted[i] += sign * h
            moved = shifted.reshape(x.shape).requires_grad_(x.requires_grad)
            values.append(_value_after(base.namespace, x_name, moved, parts[1], output))
        estimates[i] = (values[0] - values[1]) / (2 * h)
    return estimates


def closed_form_values(lines: ProgramLines, x_name: str, output: str, live: LiveGraph
                       ) -> tuple[Curve | None, str | None]:
    """The closed-form gradient evaluated at ``x`` and its formula, or (None, None)."""
    tree = closed_form(parse_source(lines.forward), x_name, output, live.tensors)
    if tree is None:
        return None, None
    namespace = {n: v.detach() if isinstance(v, torch.Tensor) else v
                 for n, v in live.tensors.items()}
    interpreter = _quiet()
    interpreter.namespace.update(namespace)
    x = namespace[x_name]
    values = torch.as_tensor(interpreter.run_to_end(as_language(tree)).value, dtype=x.dtype)
    if torch.broadcast_shapes(values.shape, x.shape) != x.shape:
        return None, None
    return values.expand(x.shape).double().numpy().copy(), formula_text(tree)


def _elements(live: LiveGraph) -> int:
    return sum(t.numel() for t in live.tensors.values() if isinstance(t, torch.Tensor))


def gradient_curves(lines: ProgramLines, x_name: str | None, output: str | None,
                    live: LiveGraph
                    ) -> tuple[Curve | None, Curve | None, Curve | None, str | None]:
    """(x.grad, finite differences, closed form, formula) once backward() has run."""
    x = live.tensors.get(x_name) if x_name else None
    if x_name is None or not isinstance(x, torch.Tensor) or x.grad is None:
        return None, None, None, None
    grad = x.grad.double().numpy().copy()
    fd = closed = formula = None
    root = live.tensors.get(output) if output else None
    if output and isinstance(root, torch.Tensor) and root.numel() == 1:
        try:
            if grad.size <= MAX_FINITE_DIFFERENCES and _elements(live) \
                    <= MAX_FINITE_DIFFERENCE_WORK:
                fd = finite_difference(lines, x_name, output)
            closed, formula = closed_form_values(lines, x_name, output, live)
        except (TorchScopeError, TypeError, ValueError, RuntimeError):
            pass  # no estimate is better than a wrong one; x.grad stands
    return grad, fd, closed, formula

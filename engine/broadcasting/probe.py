"""PyTorch's own verdict on two shapes, obtained without allocating anything of their size.

Every probe returns the error text PyTorch gives (or None) and the code that reproduces it.
- ``a op b`` that fails: both operands are ``torch.zeros(()).expand(shape)``, views of one
  number with stride 0 everywhere, so even huge shapes take no memory and PyTorch raises
  its usual CPU message before allocating any output.
- ``a.op_(b)`` where ``a`` would have to grow: ``a`` must be a real tensor (an expanded
  view cannot be written into); it is a small ``torch.zeros`` when that is cheap, and a
  meta tensor (shape without data) otherwise.
- shapes of 2^63 elements or more cannot exist in PyTorch, not even as a view, so no
  operation can be written on them: a mismatch shows ``torch.broadcast_shapes``' text (the
  broadcasting rule's), an in-place case PyTorch's refusal to make such a tensor, and the
  probe's ``note`` says so plainly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch

from engine.core.limits import numel_of
from engine.core.parsing import format_shape
from engine.i18n.messages import Text, compose, join_texts, msg

if TYPE_CHECKING:
    from engine.broadcasting.explain import BroadcastOp, Verdict

Shape = tuple[int, ...]
Names = tuple[str, str]

REAL_INPLACE_TARGET_MAX_NUMEL = 1 << 16  # a real zeros(a) for the in-place probe up to this
_NUMEL_LIMIT = 1 << 63  # a tensor (even a view) needs its element count to fit in int64


@dataclass(frozen=True)
class Probe:
    error: str | None
    code: Text  # with its comments in the current language
    note: Text | None = None  # whose text ``error`` is, when it is not the operation's


def _dims(shape: tuple[int, ...]) -> str:
    """Arguments for expand/zeros: ``4, 3, 2``; ``()`` for the 0-d shape."""
    return ", ".join(str(s) for s in shape) if shape else "()"


def _view(shape: tuple[int, ...]) -> torch.Tensor:
    return torch.zeros(()).expand(*shape) if shape else torch.zeros(())


def _view_code(name: str, shape: tuple[int, ...], comment: str = "") -> Text:
    value = f"torch.zeros(()).expand({_dims(shape)})" if shape else "torch.zeros(())"
    if comment:
        return compose("{name} = {value}  # {comment}\n", name=name, value=value,
                       comment=comment)
    return compose("{line}\n", line=f"{name} = {value}")


def _impossible(*shapes: tuple[int, ...]) -> tuple[int, ...] | None:
    """The first of ``shapes`` no tensor can have (2^63 elements or more), or None."""
    return next((shape for shape in shapes if numel_of(shape) >= _NUMEL_LIMIT), None)


def _impossible_note(shape: Shape, expression: str, broadcast_rule: bool) -> Text:
    if broadcast_rule:
        return msg("No tensor of shape {shape} can exist in PyTorch: its number of elements "
                   "does not fit in 64 bits, so {expression} cannot even be written. The error "
                   "shown is the broadcasting rule's own text, from torch.broadcast_shapes.",
                   shape=format_shape(shape), expression=expression)
    return msg("No tensor of shape {shape} can exist in PyTorch: its number of elements does "
               "not fit in 64 bits, so {expression} cannot even be written. The error shown "
               "is PyTorch's refusal to make such a tensor.", shape=format_shape(shape),
               expression=expression)


def _caught(action: Callable[[], object]) -> str | None:
    try:
        action()
    except RuntimeError as error:
        return str(error)
    return None


def _try_code(statement: str) -> str:
    return f"try:\n    {statement}\nexcept RuntimeError as error:\n    print(error)\n"


def apply_op(op: BroadcastOp, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a op b`` or ``a.op_(b)`` for a BroadcastOp (in-place ops write into ``a``)."""
    return _OPERATORS[op.value](a, b)


_OPERATORS: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "add_": torch.Tensor.add_, "sub_": torch.Tensor.sub_, "mul_": torch.Tensor.mul_,
    "div_": torch.Tensor.div_,
}


def probe_shapes(shape_a: Shape, shape_b: Shape, shape: Shape) -> Probe:
    """The working case: ``torch.broadcast_shapes`` gives the result ``shape``, no tensors."""
    code = (f"print(torch.broadcast_shapes({format_shape(shape_a)}, {format_shape(shape_b)}))"
            f"  # torch.Size({list(shape)})\n")
    return Probe(None, compose("{code}", code=code))


def probe_mismatch(shape_a: Shape, shape_b: Shape, op: BroadcastOp,
                   names: Names = ("a", "b")) -> Probe:
    """PyTorch's error for shapes that do not broadcast."""
    name_a, name_b = names
    impossible = _impossible(shape_a, shape_b)
    if impossible is not None:
        error = _caught(lambda: torch.broadcast_shapes(shape_a, shape_b))
        statement = f"torch.broadcast_shapes({format_shape(shape_a)}, {format_shape(shape_b)})"
        return Probe(error, compose("{code}", code=_try_code(statement)),
                     _impossible_note(impossible, op.expression(name_a, name_b), True))
    if op.is_inplace and numel_of(shape_a) <= REAL_INPLACE_TARGET_MAX_NUMEL:
        return _probe_real_target(shape_a, shape_b, op, names)
    comment: str = ""
    checked = op
    if op.is_inplace:  # an expanded view cannot be written into; same shape check as a + b
        comment = compose("# {c}\n", c=msg("{expression} raises the same error as:",
                                             expression=op.expression(name_a, name_b)))
        checked = op.out_of_place
    error = _caught(lambda: apply_op(checked, _view(shape_a), _view(shape_b)))
    code = join_texts("", [
        _view_code(name_a, shape_a, msg("one number viewed as any shape: no memory")),
        _view_code(name_b, shape_b), comment, _try_code(checked.expression(name_a, name_b))])
    return Probe(error, code)


def _probe_real_target(shape_a: Shape, shape_b: Shape, op: BroadcastOp, names: Names) -> Probe:
    """``a.op_(b)`` with a real, small ``a`` (zeros) and a zero-memory view as ``b``."""
    name_a, name_b = names
    error = _caught(lambda: apply_op(op, torch.zeros(shape_a), _view(shape_b)))
    code = join_texts("", [
        compose("{line}  # {c}\n", line=f"{name_a} = torch.zeros({format_shape(shape_a)})",
                c=msg("a real tensor to write into")),
        _view_code(name_b, shape_b), _try_code(op.expression(name_a, name_b))])
    return Probe(error, code)


def _meta_code(name: str, shape: Shape, dtype: str, comment: str = "",
               indent: str = "") -> Text:
    dtype_argument = "" if dtype == "float32" else f", dtype=torch.{dtype}"
    line = f"{indent}{name} = torch.empty({format_shape(shape)}{dtype_argument}, device='meta')"
    if comment:
        return compose("{line}  # {c}\n", line=line, c=comment)
    return compose("{line}\n", line=line)


def probe_inplace(shape_a: Shape, shape_b: Shape, op: BroadcastOp, broadcast: Shape,
                  names: Names = ("a", "b")) -> Probe:
    """PyTorch's error for ``a.op_(b)`` when ``a`` would have to grow to the broadcast shape.

    ``a`` and ``b`` are meta tensors (shapes without data); of one-byte ``uint8`` when four
    bytes per element would overflow PyTorch's byte count (the shape check is the same)."""
    name_a, name_b = names
    impossible = _impossible(shape_a, shape_b)
    if impossible is None and numel_of(shape_a) <= REAL_INPLACE_TARGET_MAX_NUMEL:
        return _probe_real_target(shape_a, shape_b, op, names)
    wide = max(numel_of(shape_a), numel_of(shape_b)) * 4 >= _NUMEL_LIMIT
    dtype = "uint8" if wide and impossible is None else "float32"

    def action() -> None:
        kind = getattr(torch, dtype)
        apply_op(op, torch.empty(shape_a, dtype=kind, device="meta"),
                 torch.empty(shape_b, dtype=kind, device="meta"))

    indent = "" if impossible is None else "    "  # then making a or b is what fails
    setup = join_texts("", [
        _meta_code(name_a, shape_a, dtype, msg("a shape without data") if dtype == "float32"
                   else msg("a shape without data, of 1-byte elements so that its size in "
                            "bytes fits in 64 bits"), indent),
        _meta_code(name_b, shape_b, dtype, indent=indent)])
    statement = op.expression(name_a, name_b)
    if impossible is None:
        return Probe(_caught(action), join_texts("", [setup, _try_code(statement)]))
    code = compose("try:\n{setup}    {statement}\nexcept RuntimeError as error:\n"
                   "    print(error)\n", setup=setup, statement=statement)
    return Probe(_caught(action), code, _impossible_note(impossible, statement, False))


def probe_torch_error(shape_a: Shape, shape_b: Shape, op: BroadcastOp, verdict: Verdict,
                      broadcast: Shape | None, names: Names = ("a", "b")) -> Probe:
    """What PyTorch says about ``a op b`` for these shapes (``broadcast``: their broadcast
    shape, None when they mismatch), and code that shows it."""
    if broadcast is None or verdict.value == "mismatch":
        return probe_mismatch(shape_a, shape_b, op, names)
    if verdict.value == "inplace_stretch":
        return probe_inplace(shape_a, shape_b, op, broadcast, names)
    return probe_shapes(shape_a, shape_b, broadcast)

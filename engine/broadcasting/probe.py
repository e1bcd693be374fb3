"""PyTorch's own verdict on two shapes, obtained without allocating anything of their size.

Every probe returns the error text PyTorch gives (or None) and the code that reproduces it.
- ``a op b`` that fails: both operands are ``torch.zeros(()).expand(shape)``, views of one
  number with stride 0 everywhere, so even huge shapes take no memory and PyTorch raises
  its usual CPU message before allocating any output.
- ``a.op_(b)`` where ``a`` would have to grow: ``a`` must be a real tensor (an expanded
  view cannot be written into); it is a small ``torch.zeros`` when that is cheap, and a
  meta tensor (shape without data) otherwise.
- shapes whose element count overflows int64 cannot even be viewed: ``broadcast_shapes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.core.limits import numel_of
from engine.core.parsing import format_shape

REAL_INPLACE_TARGET_MAX_NUMEL = 1 << 16  # a real zeros(a) for the in-place probe up to this
_INT64_SAFE = 1 << 62


@dataclass(frozen=True)
class Probe:
    error: str | None
    code: str


def _dims(shape: tuple[int, ...]) -> str:
    """Arguments for expand/zeros: ``4, 3, 2``; ``()`` for the 0-d shape."""
    return ", ".join(str(s) for s in shape) if shape else "()"


def _view(shape: tuple[int, ...]) -> torch.Tensor:
    return torch.zeros(()).expand(*shape) if shape else torch.zeros(())


def _view_code(name: str, shape: tuple[int, ...], comment: str = "") -> str:
    value = f"torch.zeros(()).expand({_dims(shape)})" if shape else "torch.zeros(())"
    return f"{name} = {value}{comment}\n"


def _fits_int64(*shapes: tuple[int, ...]) -> bool:
    return all(numel_of(shape) < _INT64_SAFE for shape in shapes)


def _caught(action) -> str | None:
    try:
        action()
    except RuntimeError as error:
        return str(error)
    return None


def _try_code(statement: str) -> str:
    return f"try:\n    {statement}\nexcept RuntimeError as error:\n    print(error)\n"


def apply_op(op, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a op b`` or ``a.op_(b)`` for a BroadcastOp (in-place ops write into ``a``)."""
    if op.is_inplace:
        return getattr(a, op.value)(b)
    return _OPERATORS[op.value](a, b)


_OPERATORS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def probe_shapes(shape_a, shape_b, shape) -> Probe:
    """The working case: ``torch.broadcast_shapes`` gives the result ``shape``, no tensors."""
    code = (f"print(torch.broadcast_shapes({format_shape(shape_a)}, {format_shape(shape_b)}))"
            f"  # torch.Size({list(shape)})\n")
    return Probe(None, code)


def probe_mismatch(shape_a, shape_b, op, names=("a", "b")) -> Probe:
    """PyTorch's error for shapes that do not broadcast."""
    name_a, name_b = names
    if not _fits_int64(shape_a, shape_b):
        error = _caught(lambda: torch.broadcast_shapes(shape_a, shape_b))
        statement = f"torch.broadcast_shapes({format_shape(shape_a)}, {format_shape(shape_b)})"
        return Probe(error, _try_code(statement))
    if op.is_inplace and numel_of(shape_a) <= REAL_INPLACE_TARGET_MAX_NUMEL:
        return _probe_real_target(shape_a, shape_b, op, names)
    comment = ""
    if op.is_inplace:  # an expanded view cannot be written into; same shape check as a + b
        comment = f"# {op.expression(name_a, name_b)} raises the same error as:\n"
        op = op.out_of_place
    error = _caught(lambda: apply_op(op, _view(shape_a), _view(shape_b)))
    code = (_view_code(name_a, shape_a, "  # one number viewed as any shape: no memory")
            + _view_code(name_b, shape_b) + comment + _try_code(op.expression(name_a, name_b)))
    return Probe(error, code)


def _probe_real_target(shape_a, shape_b, op, names) -> Probe:
    """``a.op_(b)`` with a real, small ``a`` (zeros) and a zero-memory view as ``b``."""
    name_a, name_b = names
    error = _caught(lambda: apply_op(op, torch.zeros(shape_a), _view(shape_b)))
    code = (f"{name_a} = torch.zeros({format_shape(shape_a)})  # a real tensor to write into\n"
            + _view_code(name_b, shape_b) + _try_code(op.expression(name_a, name_b)))
    return Probe(error, code)


def probe_inplace(shape_a, shape_b, op, broadcast, names=("a", "b")) -> Probe:
    """PyTorch's error for ``a.op_(b)`` when ``a`` would have to grow to the broadcast shape."""
    name_a, name_b = names
    if not _fits_int64(shape_a, shape_b):  # not even a meta tensor can have this shape
        return probe_shapes(shape_a, shape_b, broadcast)
    if numel_of(shape_a) <= REAL_INPLACE_TARGET_MAX_NUMEL:
        return _probe_real_target(shape_a, shape_b, op, names)

    def action():
        apply_op(op, torch.empty(shape_a, device="meta"), torch.empty(shape_b, device="meta"))

    code = (f"{name_a} = torch.empty({format_shape(shape_a)}, device='meta')"
            "  # a shape without data\n"
            f"{name_b} = torch.empty({format_shape(shape_b)}, device='meta')\n")
    return Probe(_caught(action), code + _try_code(op.expression(name_a, name_b)))


def probe_torch_error(shape_a, shape_b, op, verdict, broadcast, names=("a", "b")) -> Probe:
    """What PyTorch says about ``a op b`` for these shapes (``broadcast``: their broadcast
    shape, None when they mismatch), and code that shows it."""
    kind = verdict.value
    if kind == "mismatch":
        return probe_mismatch(shape_a, shape_b, op, names)
    if kind == "inplace_stretch":
        return probe_inplace(shape_a, shape_b, op, broadcast, names)
    return probe_shapes(shape_a, shape_b, broadcast)

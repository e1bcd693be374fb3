"""Shape operations and the storage behind them.

``run_shape_op(workspace, ShapeRequest("transpose", "a", "0, 1"))`` returns a ``ShapeResult``
with the new tensor and two ``StorageMap``s (source and result): the flat storage values and,
for every element of the N-D view, the storage index it reads (``offset + Σ index·stride``).
The result says whether it is a view of the same storage or a copy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.limits import MAX_DIMENSIONS, check_allocation
from engine.core.snapshot import to_numpy
from engine.i18n.messages import msg
from engine.session.workspace import Workspace
from engine.tensors.ops.explain import operation_error
from engine.tensors.ops.support import (
    OpResult,
    display_snapshot,
    meta_like,
    read_tensor,
    result_name,
    summary,
)

SHAPE_OPS = ("unsqueeze", "squeeze", "reshape", "view", "flatten", "transpose", "permute",
             "contiguous", "expand")
# How many integers each operation takes: (at least, at most); None = any count.
_ARITY = {"unsqueeze": (1, 1), "squeeze": (0, 1), "reshape": (1, None), "view": (1, None),
          "flatten": (0, 2), "transpose": (2, 2), "permute": (1, None), "contiguous": (0, 0),
          "expand": (1, None)}
MAX_MAPPED_ELEMENTS = 4096
CONDENSED_EDGE = 8  # a condensed storage map draws this many first and last elements
_TOKEN = re.compile(r"[-+]?\d+")
_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError)


@dataclass(frozen=True)
class StorageMap:
    """A tensor's flat storage and which storage element each tensor element reads.

    Small tensors are mapped whole: ``storage_values`` is the whole storage and ``offsets``
    has the tensor's shape. Bigger ones are *condensed*: only the first and last
    ``CONDENSED_EDGE`` elements and storage cells are drawn; ``element_index`` and
    ``storage_index`` say which ones, ``offsets`` and ``element_values`` are 1-D.
    """

    storage_values: np.ndarray  # 1-D: every storage cell, or the drawn ones
    offsets: np.ndarray  # int64: storage index of each (drawn) element
    shape: tuple[int, ...]
    stride: tuple[int, ...]
    storage_offset: int
    storage_ptr: int
    is_contiguous: bool
    storage_size: int = -1  # cells in the whole storage (-1: len(storage_values))
    element_index: np.ndarray | None = None  # flat indices of the drawn elements
    storage_index: np.ndarray | None = None  # indices of the drawn storage cells
    element_values: np.ndarray | None = None  # values of the drawn elements

    @property
    def is_condensed(self) -> bool:
        return self.element_index is not None

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    def __post_init__(self) -> None:
        if self.storage_size < 0:
            object.__setattr__(self, "storage_size", len(self.storage_values))

    def element_offset(self, flat: int) -> int:
        """The storage index element ``flat`` (row-major) reads: offset + Σ index·stride."""
        index = np.unravel_index(flat, self.shape) if self.shape else ()
        return self.storage_offset + sum(int(i) * s for i, s in zip(index, self.stride,
                                                                     strict=True))

    def storage_value(self, cell: int) -> object:
        """The value in storage cell ``cell`` if it is drawn, else None."""
        if self.storage_index is None:
            return self.storage_values[cell] if 0 <= cell < len(self.storage_values) else None
        where = np.flatnonzero(self.storage_index == cell)
        return self.storage_values[int(where[0])] if where.size else None


@dataclass(frozen=True)
class ShapeResult(OpResult):
    source_storage: StorageMap | None = None
    result_storage: StorageMap | None = None
    shares_storage: bool = False
    note: str = ""


@dataclass(frozen=True)
class ShapeRequest:
    op: str
    source: str
    args: str = ""
    result: str = ""


def parse_int_list(text: str, *, field: str = "args") -> tuple[int, ...]:
    """``0, 1`` / ``(2, 3)`` / ``[-1]`` / ``2x3`` → integers (negative allowed)."""
    body = (text or "").strip().strip("()[]").strip()
    if not body:
        return ()
    body = re.sub(r"\s*\*\s*", "*", body)  # 6 * 20 * 20 is one number, as in Python
    pieces = [p for p in re.split(r"\s*(?:,|x|×)\s*|\s+", body) if p]
    for piece in pieces:
        factors = piece.split("*")
        if not all(_TOKEN.fullmatch(f) and len(f) <= 13 for f in factors) or len(factors) > 8:
            raise InputError(msg("'{token}' is not a whole number: write integers separated "
                                 "by commas, e.g. 2, -1.", token=piece), field=field)
    if len(pieces) > MAX_DIMENSIONS:
        raise InputError(msg("{count} dimensions is too many: at most {limit} are supported.",
                             count=len(pieces), limit=MAX_DIMENSIONS), field=field)
    numbers = tuple(math.prod(int(f) for f in p.split("*")) for p in pieces)
    for piece, number in zip(pieces, numbers, strict=True):
        if abs(number) >= 2**62:
            raise InputError(msg("'{token}' is not a whole number: write integers separated "
                                 "by commas, e.g. 2, -1.", token=piece), field=field)
    return numbers


# shape, stride, storage offset, storage pointer, is_contiguous
_Layout = tuple[tuple[int, ...], tuple[int, ...], int, int, bool]


def storage_map(t: torch.Tensor) -> StorageMap:
    """The whole mapping for small tensors; a condensed one (first and last elements and
    storage cells, strides unchanged) for bigger ones, such as the note's 3×226×226."""
    storage = t.untyped_storage()
    size = storage.nbytes() // t.element_size()
    flat = torch.empty(0, dtype=t.dtype).set_(storage, 0, (size,), (1,))
    layout: _Layout = (tuple(t.shape), tuple(t.stride()), int(t.storage_offset()),
                       storage.data_ptr(), t.is_contiguous())
    if t.numel() > MAX_MAPPED_ELEMENTS or size > MAX_MAPPED_ELEMENTS:
        return _condensed_map(t, flat, layout)
    offsets = torch.arange(max(size, 1)).as_strided(tuple(t.shape), t.stride(),
                                                    t.storage_offset())
    return StorageMap(to_numpy(flat), offsets.numpy().copy(), *layout)


def _edges(count: int) -> np.ndarray:
    """The first and last ``CONDENSED_EDGE`` positions of ``range(count)``."""
    if count <= 2 * CONDENSED_EDGE:
        return np.arange(count, dtype=np.int64)
    return np.concatenate([np.arange(CONDENSED_EDGE),
                           np.arange(count - CONDENSED_EDGE, count)]).astype(np.int64)


def _condensed_map(t: torch.Tensor, flat: torch.Tensor, layout: _Layout) -> StorageMap:
    elements = _edges(t.numel())
    cells = _edges(flat.numel())
    shape, stride, offset = layout[0], layout[1], layout[2]
    index = np.unravel_index(elements, shape) if shape else ()
    offsets = offset + sum((i.astype(np.int64) * s for i, s in zip(index, stride, strict=True)),
                           np.zeros(len(elements), dtype=np.int64))
    values = to_numpy(flat[torch.from_numpy(np.asarray(offsets))])  # no copy of t itself
    return StorageMap(to_numpy(flat[torch.from_numpy(cells)]), np.asarray(offsets), *layout,
                      storage_size=int(flat.numel()), element_index=elements,
                      storage_index=cells, element_values=values)


def _call_args(op: str, numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers)


def _check_arity(op: str, numbers: tuple[int, ...]) -> None:
    low, high = _ARITY[op]
    if len(numbers) < low or (high is not None and len(numbers) > high):
        examples = {"unsqueeze": "0", "squeeze": "0", "reshape": "3, 2", "view": "-1",
                    "flatten": "0", "transpose": "0, 1", "permute": "1, 0",
                    "contiguous": "", "expand": "3, 4"}
        raise InputError(msg("{op} takes {low} to {high} numbers here, e.g. '{example}'.",
                             op=op, low=low, high=high if high is not None else "n",
                             example=examples[op]), field="args")


def _apply(op: str, t: torch.Tensor, numbers: tuple[int, ...]) -> torch.Tensor:
    method = getattr(t, op)
    if op in ("reshape", "view", "expand", "permute"):
        return method(numbers)
    return method(*numbers)


def _note(op: str, a: torch.Tensor, b: torch.Tensor, numbers: tuple[int, ...],
          shares: bool) -> str:
    if op == "squeeze" and numbers and tuple(b.shape) == tuple(a.shape):
        dim = numbers[0]
        return msg("Dimension {dim} has size {size}, not 1: squeeze({dim}) leaves the shape "
                   "as it was (PyTorch does not complain).", dim=dim, size=a.shape[dim])
    if op == "contiguous" and b is a:
        return msg("The tensor is already contiguous: contiguous() returns the same tensor.")
    if shares:
        return msg("A view: same storage, new shape/strides/offset; changing one changes "
                   "the other.")
    return msg("A copy: the values were copied into new storage (the old layout could not "
               "be described with strides).")


def run_shape_op(workspace: Workspace, request: ShapeRequest) -> ShapeResult:
    if request.op not in SHAPE_OPS:
        raise InputError(msg("'{op}' is not a shape operation.", op=request.op), field="op")
    a = read_tensor(workspace, request.source, "source")
    numbers = parse_int_list(request.args)
    _check_arity(request.op, numbers)
    name = result_name(request.result, workspace, stem="b")
    try:
        planned = _apply(request.op, meta_like(a), numbers)
        check_allocation(tuple(planned.shape), a.element_size(), field="args")
    except _TORCH_ERRORS:
        pass  # the real call below reports the problem in PyTorch's words
    try:
        b = _apply(request.op, a, numbers)
    except _TORCH_ERRORS as exc:
        raise operation_error(exc, f".{request.op}()", field="args") from None
    shares = b.untyped_storage().data_ptr() == a.untyped_storage().data_ptr()
    note = _note(request.op, a, b, numbers, shares)
    code = f"{name} = {request.source}.{request.op}({_call_args(request.op, numbers)})"
    step = CodeStep(msg("Shape {op}", op=request.op), code, note)
    return ShapeResult(step=step, snapshot=display_snapshot(b, name), name=name, tensor=b,
                       summary=summary(name, b), source_storage=storage_map(a),
                       result_storage=storage_map(b), shares_storage=shares, note=note)

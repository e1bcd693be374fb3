"""Tensor data as the language computes it: the literal field's fallback.

``engine.tensors.literals`` reads plain data (numbers, ``math.pi``, ``+ - * /`` inside an
element) itself, fast and with a column for every mistake. When it cannot, the text is
evaluated by the one PyTorch language (``math`` bound, no tensors), so ``[2 ** 3, 1 / 3]``,
``[math.sqrt(2), math.cos(0)]`` or ``[0x10]`` work as in Python. The value must be nested
lists/tuples of bools, integers (64-bit) and floats with the same length at each depth;
anything else returns None and the caller reports its own, located error.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.errors import TorchScopeError
from engine.core.limits import MAX_DIMENSIONS
from engine.tensors.typed import namespace_with, run_typed

_INT64_LIMIT = 2**63

Scalar = bool | int | float
Plain = Scalar | list["Plain"]  # what torch.tensor is given: a scalar or nested lists


@dataclass(frozen=True)
class ParsedLiteral:
    """The data as plain nested lists, its shape, its kind and Python code for it."""

    data: Plain  # a Python scalar or nested lists
    shape: tuple[int, ...]
    kind: str  # "bool", "int" or "float": the dtype torch.tensor infers
    code: str

    @property
    def numel(self) -> int:
        count = 1
        for size in self.shape:
            count *= size
        return count


class _NotData(Exception):
    """The value is not regular numeric data."""


def _scalar(value: object, kinds: set[str]) -> Scalar:
    if isinstance(value, bool):
        kinds.add("bool")
    elif isinstance(value, int) and abs(value) < _INT64_LIMIT:
        kinds.add("int")
    elif isinstance(value, float):
        kinds.add("float")
    else:
        raise _NotData
    return value


def _plain(value: object, depth: int, kinds: set[str], count: list[int]
           ) -> tuple[Plain, tuple[int, ...]]:
    """(nested lists, shape) of a regular value; _NotData otherwise.

    ``count`` is [elements seen, most elements allowed]."""
    if not isinstance(value, list | tuple):
        count[0] += 1
        if count[0] > count[1]:
            raise _NotData
        return _scalar(value, kinds), ()
    if depth >= MAX_DIMENSIONS:
        raise _NotData
    items = [_plain(item, depth + 1, kinds, count) for item in value]
    shapes = {shape for _, shape in items}
    if len(shapes) > 1:
        raise _NotData
    inner = shapes.pop() if shapes else ()
    return [data for data, _ in items], (len(items), *inner)


def from_language(text: str, field: str, max_elements: int) -> ParsedLiteral | None:
    """The data the language computes from ``text``; None when it is not tensor data or
    the language refuses or fails to compute it (the parser's located error then stands)."""
    source = text.strip()
    try:
        run = run_typed(source, namespace_with(with_torch=False), field=field)
    except TorchScopeError:
        return None
    if not run.has_value or len(run.steps) != 1:
        return None
    kinds: set[str] = set()
    try:
        data, shape = _plain(run.value, 0, kinds, [0, max_elements])
    except _NotData:
        return None
    kind = "float" if "float" in kinds or not kinds else "int" if "int" in kinds else "bool"
    return ParsedLiteral(data, shape, kind, source)

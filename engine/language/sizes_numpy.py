"""Result sizes of the allowlisted NumPy calls, computed from their arguments."""

from __future__ import annotations

import math

import numpy as np

from engine.language.errors import refusal
from engine.language.guards import MAX_ITEMS
from engine.language.sizes import broadcast_numel, check_numpy_bytes

_SHAPED = frozenset({"zeros", "ones", "full", "empty"})


def _itemsize(dtype: object) -> int:
    try:
        return max(np.dtype(dtype).itemsize, 1)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 16


def _numel(shape: object) -> int:
    if isinstance(shape, (int, np.integer)):
        return max(int(shape), 0)
    if isinstance(shape, (list, tuple)) and all(isinstance(s, (int, np.integer)) for s in shape):
        return math.prod(max(int(s), 0) for s in shape)
    return 0  # NumPy itself reports a bad shape


def _arange_length(args: tuple[object, ...]) -> int:
    numbers = [float(a) for a in args if isinstance(a, (int, float, np.number))]
    if not numbers or len(numbers) != len(args):
        return 0
    start, stop, step = (0.0, numbers[0], 1.0) if len(numbers) == 1 else (
        numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 1.0)
    if step == 0 or not all(map(math.isfinite, (start, stop, step))):
        return 0
    return max(math.ceil((stop - start) / step), 0)


def guard_numpy_call(name: str, args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    """Refuse NumPy calls whose result would exceed the memory guard."""
    dtype = kwargs.get("dtype")
    if name in _SHAPED:
        shape = args[0] if args else kwargs.get("shape")
        position = 2 if name == "full" else 1
        if dtype is None and len(args) > position:
            dtype = args[position]
        check_numpy_bytes(_numel(shape), _itemsize(dtype) if dtype is not None else 8)
    elif name == "arange":
        check_numpy_bytes(_arange_length(args), 8)
    elif name == "linspace":
        num = kwargs.get("num", args[2] if len(args) > 2 else 50)
        check_numpy_bytes(_numel(num), 8)
    elif name == "eye":
        rows = args[0] if args else kwargs.get("N", 0)
        cols = args[1] if len(args) > 1 and args[1] is not None else kwargs.get("M") or rows
        check_numpy_bytes(_numel(rows) * _numel(cols), 8)
    else:
        arrays = [a for a in (*args, *kwargs.values()) if not isinstance(a, (str, type))]
        check_numpy_bytes(broadcast_numel(arrays), 16)


def guard_ndarray_method(array: np.ndarray, name: str, args: tuple[object, ...]) -> None:
    if name == "tolist" and array.size > MAX_ITEMS:
        raise refusal("`tolist()` of {count} numbers would be too long a list; at most "
                      "{limit}.", count=array.size, limit=MAX_ITEMS)
    if name == "astype" and args:
        check_numpy_bytes(array.size, _itemsize(args[0]))

"""The memory guard: sizes are checked before anything is allocated."""

from __future__ import annotations

import math
import os

from engine.core.errors import SizeLimitError
from engine.i18n.messages import msg

_GIB = 1024**3
_PIB = 1024**5
MAX_DIMENSIONS = 8
MAX_GUARD_BYTES = 2 * _GIB


def _physical_memory_bytes() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * _GIB


def memory_guard_bytes() -> int:
    """The most one tensor may take: a quarter of RAM, and never more than 2 GiB."""
    return min(MAX_GUARD_BYTES, _physical_memory_bytes() // 4)


def format_bytes(size: int) -> str:
    """``512 bytes``, ``1.5 KiB`` ... ``3.0 PiB``; beyond a thousand PiB ``8.0e308 bytes``.

    Integer arithmetic throughout: a size of any magnitude (``arange`` up to ``1e308``, a
    shape of 8 huge sizes) is named, never an ``OverflowError``."""
    if size >= 1024 * _PIB:
        return f"{_scientific(size)} bytes"
    for power, unit in enumerate(("bytes", "KiB", "MiB", "GiB", "TiB", "PiB")):
        if size < 1024 ** (power + 1) or unit == "PiB":
            return f"{size} {unit}" if power == 0 else f"{size / 1024**power:.1f} {unit}"
    raise AssertionError("unreachable")


def _scientific(value: int) -> str:
    """``8.0e308`` for a positive integer of any size (no float, no int-to-str limit)."""
    exponent = max(int(math.log10(value)), 2)  # log10 may round up by one
    mantissa = value // 10 ** (exponent - 2) / 100
    if mantissa < 1:
        mantissa, exponent = mantissa * 10, exponent - 1
    return f"{mantissa:.1f}e{exponent}"


def numel_of(shape: tuple[int, ...]) -> int:
    count = 1
    for size in shape:
        count *= size
    return count


def check_allocation(shape: tuple[int, ...], element_size: int, *, field: str | None = None) -> int:
    """Raise SizeLimitError if a tensor of ``shape`` would exceed the guard; return its bytes."""
    nbytes = numel_of(shape) * element_size
    guard = memory_guard_bytes()
    if nbytes > guard:
        raise SizeLimitError(
            msg(
                "A tensor of shape {shape} would need {size}, more than the {guard} this app "
                "allows for one tensor. Try smaller sizes.",
                shape=tuple(shape),
                size=format_bytes(nbytes),
                guard=format_bytes(guard),
            ),
            field=field,
        )
    return nbytes

"""The memory guard: sizes are checked before anything is allocated."""

from __future__ import annotations

import os

from engine.core.errors import SizeLimitError
from engine.i18n.messages import msg

_GIB = 1024**3
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
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if value < 1024 or unit == "PiB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


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

"""Display logic for the tensor viewer: which 2-D slice of an N-D array is shown, its
colour kind, its level range and where its non-finite values are. Plain numpy, no Qt.

No tensor math happens here: the viewer only picks, for display, the numbers the engine
already computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EXACT_LIMIT = 1 << 20  # planes up to this many elements get exact levels before the paint
SAMPLE_SIZE = 1 << 16  # elements sampled for the colour range of bigger planes
NAN_RGBA = (255, 0, 255, 255)  # magenta: not part of any of the colour maps used
POS_INF_RGBA = (255, 40, 40, 255)
NEG_INF_RGBA = (40, 200, 255, 255)


@dataclass(frozen=True)
class SliceSpec:
    """Which dimensions are the rows and columns; the fixed index of every other dim."""

    row_dim: int | None
    col_dim: int | None
    fixed: tuple[int, ...]  # one entry per dimension; ignored for row_dim and col_dim


def default_spec(shape: tuple[int, ...]) -> SliceSpec:
    """Rows and columns are the last two dims (what ``print(t)`` shows as a block)."""
    ndim = len(shape)
    if ndim == 0:
        return SliceSpec(None, None, ())
    if ndim == 1:
        return SliceSpec(None, 0, (0,))
    return SliceSpec(ndim - 2, ndim - 1, (0,) * ndim)


def slice_2d(values: np.ndarray, spec: SliceSpec) -> np.ndarray:
    """The 2-D array shown: rows x columns. 0-d is 1x1, 1-D is one row. A view when possible."""
    if values.ndim == 0:
        return values.reshape(1, 1)
    if values.ndim == 1:
        return values.reshape(1, -1)
    index = tuple(
        slice(None) if dim in (spec.row_dim, spec.col_dim) else min(spec.fixed[dim], size - 1)
        for dim, size in enumerate(values.shape)
    )
    plane = values[index]
    return plane.T if spec.row_dim > spec.col_dim else plane


def full_index(shape: tuple[int, ...], spec: SliceSpec, row: int, col: int) -> tuple[int, ...]:
    """The N-D index of cell (row, col) of the displayed slice."""
    if not shape:
        return ()
    if len(shape) == 1:
        return (col,)
    index = list(spec.fixed)
    index[spec.row_dim] = row
    index[spec.col_dim] = col
    return tuple(index)


def slice_expression(name: str, shape: tuple[int, ...], spec: SliceSpec) -> str:
    """The displayed slice as Python indexing, e.g. ``x[1, :, :]`` or ``x[:, 0, :].T``."""
    if len(shape) <= 2:
        return name or "t"
    parts = [":" if d in (spec.row_dim, spec.col_dim) else str(spec.fixed[d])
             for d in range(len(shape))]
    suffix = ".T" if spec.row_dim > spec.col_dim else ""
    return f"{name or 't'}[{', '.join(parts)}]{suffix}"


def value_kind(values: np.ndarray) -> str:
    """"bool", "int" or "float": chooses the colour map and the text format."""
    if values.dtype == np.bool_:
        return "bool"
    if np.issubdtype(values.dtype, np.integer):
        return "int"
    return "float"


@dataclass(frozen=True)
class Levels:
    low: float
    high: float
    nan_count: int = 0
    posinf_count: int = 0
    neginf_count: int = 0

    @property
    def nonfinite_count(self) -> int:
        return self.nan_count + self.posinf_count + self.neginf_count

    def color_range(self) -> tuple[float, float]:
        """The colour bar's range: never empty, so a constant tensor still gets a colour."""
        if self.high <= self.low:
            pad = max(0.5, abs(self.low) * 1e-3)  # big constants: ±0.5 would be lost
            return self.low - pad, self.high + pad
        return self.low, self.high


def compute_levels(plane: np.ndarray, kind: str) -> Levels:
    """Finite min/max of a plane. min/max propagate NaN and inf, so the (slower) counts of
    non-finite values are only taken when there are some."""
    if plane.size == 0:
        return Levels(0.0, 1.0)
    low, high = float(plane.min()), float(plane.max())
    if kind != "float" or (np.isfinite(low) and np.isfinite(high)):
        return Levels(low, high)
    nan_count = int(np.count_nonzero(np.isnan(plane)))
    posinf = int(np.count_nonzero(np.isposinf(plane)))
    neginf = int(np.count_nonzero(np.isneginf(plane)))
    finite = plane[np.isfinite(plane)]
    if finite.size:
        low, high = float(finite.min()), float(finite.max())
    else:
        low, high = 0.0, 1.0
    return Levels(low, high, nan_count, posinf, neginf)


def sample_levels(plane: np.ndarray, kind: str, target: int = SAMPLE_SIZE) -> Levels:
    """Levels of a strided sample (what pyqtgraph's own autoLevels does): for big planes the
    heatmap is drawn with these, and the exact values follow right after the paint."""
    step = max(1, math.ceil(math.sqrt(plane.size / target)))
    return compute_levels(plane[::step, ::step], kind)


def display_array(plane: np.ndarray, kind: str) -> np.ndarray:
    """What the image item receives: bool as uint8 (a view), everything else as it is."""
    if kind == "bool":
        return plane.view(np.uint8) if plane.flags.c_contiguous else plane.astype(np.uint8)
    return plane


def nonfinite_overlay(plane: np.ndarray) -> np.ndarray:
    """An RGBA image: transparent where finite, a distinct colour for NaN, +inf and -inf."""
    rgba = np.zeros(plane.shape + (4,), dtype=np.uint8)
    rgba[np.isnan(plane)] = NAN_RGBA
    rgba[np.isposinf(plane)] = POS_INF_RGBA
    rgba[np.isneginf(plane)] = NEG_INF_RGBA
    return rgba


def format_value(value, kind: str) -> str:
    """A value as the table shows it (fast: called for every visible cell on paint)."""
    if kind == "float":
        number = float(value)
        if number != number:
            return "nan"
        if number in (math.inf, -math.inf):
            return "inf" if number > 0 else "-inf"
        return f"{number:.6g}"
    if kind == "bool":
        return "True" if value else "False"
    return str(int(value))


def parse_cell_text(text: str, kind: str):
    """Typed cell text -> a Python number of the tensor's kind, or None. Never eval."""
    clean = text.strip()
    if kind == "bool":
        lowered = clean.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        return None
    try:
        number = float(clean)
    except ValueError:
        return None
    if kind == "int":
        return int(number) if number.is_integer() and abs(number) < 2**63 else None
    return number

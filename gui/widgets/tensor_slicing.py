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
CLIP_FACTOR = 20.0  # full range / bulk range above which the colours use percentiles
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
    """Finite min/max (``low``, ``high``), counts of NaN/±inf and, when a few outliers
    would squash everything else into one colour, the percentile colour limits ``clip``."""

    low: float
    high: float
    nan_count: int = 0
    posinf_count: int = 0
    neginf_count: int = 0
    clip: tuple[float, float, int] | None = None  # low, high, q of the percentiles used

    @property
    def nonfinite_count(self) -> int:
        return self.nan_count + self.posinf_count + self.neginf_count

    def color_range(self) -> tuple[float, float]:
        """The colour bar's range: never empty, so a constant tensor still gets a colour."""
        low, high = self.clip[:2] if self.clip else (self.low, self.high)
        if high <= low:
            pad = max(0.5, abs(low) * 1e-3)  # big constants: ±0.5 would be lost
            return low - pad, high + pad
        return low, high


PERCENTILES = (1, 5, 10, 25)  # colour limits tried: the q-th and (100-q)-th percentiles


def robust_limits(finite: np.ndarray, low: float,
                  high: float) -> tuple[float, float, int] | None:
    """Percentile colour limits ``(p_q, p_100-q, q)`` when a few outliers would squash
    everything else into one colour; None when min/max already show the structure.

    The scale of the bulk is the innermost positive percentile range (at least 4 values
    inside); the limits are the widest of (min/max, 1–99, 5–95, 10–90, 25–75) that is at
    most ``CLIP_FACTOR`` times that scale. Uniform, normal and small-integer data keep
    their true range; uninitialised memory (zeros, denormals and 1e+30 side by side) does
    not."""
    shares = [q for q in PERCENTILES if finite.size * (1 - q / 50) >= 4]
    if not shares or not high > low:
        return None
    lows = np.percentile(finite, shares, method="higher")
    highs = np.percentile(finite, [100 - q for q in shares], method="lower")
    ranges = [float(h) - float(lo) for lo, h in zip(lows, highs, strict=True)]
    scale = next((r for r in reversed(ranges) if r > 0), 0.0)
    if scale == 0.0 or high - low <= CLIP_FACTOR * scale:
        return None
    for q, p_low, p_high, spread in zip(shares, lows, highs, ranges, strict=True):
        if 0 < spread <= CLIP_FACTOR * scale:
            return float(p_low), float(p_high), q
    return None


def compute_levels(plane: np.ndarray, kind: str) -> Levels:
    """Finite min/max of a plane. min/max propagate NaN and inf, so the (slower) counts of
    non-finite values are only taken when there are some."""
    if plane.size == 0:
        return Levels(0.0, 1.0)
    low, high = float(plane.min()), float(plane.max())
    if kind == "bool":
        return Levels(low, high)
    if kind == "int" or (np.isfinite(low) and np.isfinite(high)):
        return Levels(low, high, clip=robust_limits(plane.ravel(), low, high))
    nan_count = int(np.count_nonzero(np.isnan(plane)))
    posinf = int(np.count_nonzero(np.isposinf(plane)))
    neginf = int(np.count_nonzero(np.isneginf(plane)))
    finite = plane[np.isfinite(plane)]
    if finite.size:
        low, high = float(finite.min()), float(finite.max())
    else:
        low, high = 0.0, 1.0
    return Levels(low, high, nan_count, posinf, neginf, robust_limits(finite, low, high))


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


def format_value(value, kind: str, max_chars: int | None = None) -> str:
    """A value as the table shows it (fast: called for every visible cell on paint).

    With ``max_chars`` a float keeps fewer significant digits rather than being cut short:
    ``123456789.123`` → ``1.23457e+08`` → ``1.2346e+08`` … never ``1.2345…``."""
    if kind == "float":
        number = float(value)
        if number != number:
            return "nan"
        if number in (math.inf, -math.inf):
            return "inf" if number > 0 else "-inf"
        text = f"{number:.6g}"
        return text if max_chars is None or len(text) <= max_chars else _fit(number, max_chars)
    if kind == "bool":
        return "True" if value else "False"
    return str(int(value))


def _fit(number: float, max_chars: int) -> str:
    """Fewer significant digits until the text fits (at least one digit is kept)."""
    text = f"{number:.1g}"
    for digits in range(5, 0, -1):
        candidate = f"{number:.{digits}g}"
        if len(candidate) <= max_chars:
            return candidate
    return text.replace("e+", "e").replace("e-0", "e-").replace("e0", "e")


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

"""Colour levels of a tensor's values and a ready-to-draw preview: computed on the worker.

``Levels`` is the finite min/max, the NaN/±inf counts and, when a few outliers would
squash everything else into one colour, percentile colour limits. ``compute_levels`` is
exact for min/max and the counts; the percentiles of more than ``QUANTILE_SAMPLE`` values
are taken on an even strided sample (sorting 16 million values would take seconds).
``preview_image`` turns a big plane into the uint8 colour indices a viewer draws as is.
Plain numpy: no torch, no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

CLIP_FACTOR = 20.0  # full range / bulk range above which the colours use percentiles
PERCENTILES = (1, 5, 10, 25)  # colour limits tried: the q-th and (100-q)-th percentiles
QUANTILE_SAMPLE = 1 << 18  # percentiles of bigger arrays are taken on this many values
PREVIEW_LIMIT = 1 << 20  # planes with more elements are drawn from a uint8 preview
PREVIEW_SIDE = 2048  # the preview has at most this many rows and columns
MAX_INTEGER_TICKS = 12  # up to this many whole numbers, each gets its own shade


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


def value_kind(values: np.ndarray) -> str:
    """"bool", "int" or "float": chooses the colour map and the text format."""
    if values.dtype == np.bool_:
        return "bool"
    if np.issubdtype(values.dtype, np.integer):
        return "int"
    return "float"


def has_integer_shades(levels: Levels, kind: str) -> bool:
    """Small integer ranges get one shade (and one colour-bar tick) per whole number."""
    return (kind == "int" and levels.clip is None
            and levels.high - levels.low + 1 <= MAX_INTEGER_TICKS)


def display_range(levels: Levels, kind: str) -> tuple[float, float]:
    """The values at the two ends of the colour map, as the colour bar shows them."""
    if kind == "bool":
        return 0.0, 1.0
    low, high = levels.color_range()
    if has_integer_shades(levels, kind):
        return low - 0.5, high + 0.5  # each whole number in the middle of its shade
    return low, high


def _sample(values: np.ndarray, target: int) -> np.ndarray:
    """Every k-th value (in memory order when possible): at most about ``target`` values."""
    if values.size <= target:
        return values.ravel()
    step = math.ceil(values.size / target)
    if values.flags.c_contiguous:
        return values.reshape(-1)[::step]
    if values.flags.f_contiguous:
        return values.T.reshape(-1)[::step]
    side = max(1, math.ceil(step ** (1 / max(1, values.ndim))))
    return values[(slice(None, None, side),) * values.ndim].ravel()


def robust_limits(finite: np.ndarray, low: float,
                  high: float) -> tuple[float, float, int] | None:
    """Percentile colour limits ``(p_q, p_100-q, q)`` when a few outliers would squash
    everything else into one colour; None when min/max already show the structure.

    The scale of the bulk is the innermost positive percentile range (at least 4 values
    inside); the limits are the widest of (min/max, 1–99, 5–95, 10–90, 25–75) that is at
    most ``CLIP_FACTOR`` times that scale. Uniform, normal and small-integer data keep
    their true range; uninitialised memory (zeros, denormals and 1e+30 side by side) does
    not. Arrays of more than ``QUANTILE_SAMPLE`` values use an even sample of them."""
    finite = _sample(finite, QUANTILE_SAMPLE)
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


def compute_levels(values: np.ndarray, kind: str | None = None) -> Levels:
    """Finite min/max of an array. min/max propagate NaN and inf, so the (slower) counts
    of non-finite values are only taken when there are some."""
    kind = kind or value_kind(values)
    if values.size == 0:
        return Levels(0.0, 1.0)
    low, high = float(values.min()), float(values.max())
    if kind == "bool":
        return Levels(low, high)
    if kind == "int" or (np.isfinite(low) and np.isfinite(high)):
        return Levels(low, high, clip=robust_limits(values, low, high))
    nan_count = int(np.count_nonzero(np.isnan(values)))
    posinf = int(np.count_nonzero(np.isposinf(values)))
    neginf = int(np.count_nonzero(np.isneginf(values)))
    finite = values[np.isfinite(values)]
    if finite.size:
        low, high = float(finite.min()), float(finite.max())
    else:
        low, high = 0.0, 1.0
    return Levels(low, high, nan_count, posinf, neginf, robust_limits(finite, low, high))


def preview_step(shape: tuple[int, ...], side: int = PREVIEW_SIDE) -> int:
    """Every how many rows and columns the preview keeps one."""
    return max(1, math.ceil(max(shape, default=1) / side))


def preview_image(plane: np.ndarray, levels: Levels, kind: str,
                  side: int = PREVIEW_SIDE) -> np.ndarray:
    """A 2-D plane as C-contiguous uint8 colour indices 0–255 over ``display_range`` (NaN
    is 0; the viewer marks it on top), every ``preview_step``-th row and column."""
    step = preview_step(plane.shape, side)
    part = plane[::step, ::step]
    low, high = display_range(levels, kind)
    scaled = part.astype(np.float32) if part.dtype != np.float32 else part.copy()
    scaled -= np.float32(low)
    scaled *= np.float32(256.0 / (high - low))
    np.clip(scaled, 0, 255, out=scaled)
    np.nan_to_num(scaled, copy=False, nan=0.0)
    return np.ascontiguousarray(scaled.astype(np.uint8))

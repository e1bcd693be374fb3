"""Display logic for the tensor viewer: which 2-D slice of an N-D array is shown, its
colour kind, its level range and where its non-finite values are. Plain numpy, no Qt.

No tensor math happens here: the viewer only picks, for display, the numbers the engine
already computed (levels come with the snapshot, ``engine.core.levels``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.core.levels import (  # noqa: F401 (the viewer's names for the engine's levels)
    CLIP_FACTOR,
    PERCENTILES,
    Levels,
    compute_levels,
    robust_limits,
    value_kind,
)

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


def is_first_plane(spec: SliceSpec, ndim: int) -> bool:
    """True when ``spec`` shows the snapshot's first plane (the last two dims, index 0 of
    the others), in either orientation."""
    if ndim <= 2:
        return True
    return ({spec.row_dim, spec.col_dim} == {ndim - 2, ndim - 1}
            and not any(spec.fixed[:ndim - 2]))


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


def display_step(preview_shape: tuple[int, int], plane_shape: tuple[int, int],
                 visible_cells: tuple[float, float], pixels: tuple[float, float]) -> int:
    """Every how many rows and columns of a preview the heatmap draws: the largest power
    of two that still leaves at least one drawn row (column) per screen pixel of the part of
    the plane in view. 1 when zoomed in so far that the preview is needed whole."""
    room = []
    for axis in (0, 1):
        shown = preview_shape[axis] * visible_cells[axis] / max(1, plane_shape[axis])
        room.append(shown / max(1.0, pixels[axis]))
    spare = min(room)
    return 1 << int(math.floor(math.log2(spare))) if spare >= 2 else 1


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

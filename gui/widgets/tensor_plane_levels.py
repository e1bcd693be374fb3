"""Which colour levels (and preview) the viewer draws a plane of a snapshot with.

The snapshot brings the levels of its first plane (and a big plane's preview), measured on
the worker. Only a plane it did not cover (another N-D slice) is measured on the GUI
thread: a small one exactly, a big one from a sample first (its exact levels follow at the
next event-loop turn, ``exact_levels``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from engine.core.levels import preview_image
from gui.widgets.tensor_slicing import (
    EXACT_LIMIT,
    Levels,
    SliceSpec,
    compute_levels,
    is_first_plane,
    sample_levels,
)

SAMPLED_PREVIEW_SIDE = 1024  # a big plane without snapshot levels: drawn from this sample


class PlaneLevels(NamedTuple):
    levels: Levels
    preview: np.ndarray | None  # uint8 colour indices of a big plane, or None
    exact: bool  # False: levels from a sample; the exact ones are still to be measured


def snapshot_levels(snap, spec: SliceSpec):
    """``(levels, preview)`` of the shown plane when the snapshot has them (the first
    plane, or its transpose), else ``(None, None)``."""
    levels = getattr(snap, "plane_levels", None)
    ndim = snap.values.ndim
    if levels is None or (ndim > 2 and not is_first_plane(spec, ndim)):
        return None, None
    preview = getattr(snap, "preview", None)
    if preview is not None and ndim >= 2 and spec.row_dim > spec.col_dim:
        preview = preview.T  # rows ↔ columns: the same colours, transposed
    return levels, preview


def plane_levels(snap, spec: SliceSpec, plane: np.ndarray, kind: str) -> PlaneLevels:
    """The levels to draw ``plane`` (the ``spec`` slice of ``snap``) with, at once."""
    levels, preview = snapshot_levels(snap, spec)
    if levels is not None:
        return PlaneLevels(levels, preview, True)
    if plane.size <= EXACT_LIMIT:
        return PlaneLevels(compute_levels(plane, kind), None, True)
    levels = sample_levels(plane, kind)
    return PlaneLevels(levels, preview_image(plane, levels, kind, SAMPLED_PREVIEW_SIDE), False)


def exact_levels(plane: np.ndarray, kind: str) -> Levels:
    """The exact levels of a plane first drawn from a sample."""
    return compute_levels(plane, kind)


def sample_missed_nonfinite(plane: np.ndarray, exact: Levels, drawn: Levels,
                            kind: str) -> np.ndarray | None:
    """A new preview when the exact levels find NaN/±inf the sample missed, else None."""
    if exact.nonfinite_count and not drawn.nonfinite_count:
        return preview_image(plane, exact, kind, SAMPLED_PREVIEW_SIDE)
    return None


def whole_tensor_levels(snap, exact_plane: Levels, kind: str) -> Levels:
    """The facts' min/max/NaN counts: of the whole tensor (a plane's for 1-D and 2-D)."""
    whole = getattr(snap, "levels", None)
    if whole is not None:
        return whole
    return exact_plane if snap.values.ndim <= 2 else compute_levels(snap.values, kind)

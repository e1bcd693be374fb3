"""A tensor turned into plain values the GUI can draw: numbers, facts, printed text."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import torch

from engine.core.levels import PREVIEW_LIMIT, Levels, compute_levels, preview_image, value_kind

# numpy has no bfloat16; half and bfloat16 are widened for display only.
_DISPLAY_WIDENED = {torch.float16, torch.bfloat16}


@dataclass(frozen=True)
class TensorFacts:
    shape: tuple[int, ...]
    dtype: str
    device: str
    numel: int
    element_size: int
    nbytes: int
    stride: tuple[int, ...]
    storage_offset: int
    is_contiguous: bool
    data_ptr: int
    version: int
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None

    @property
    def ndim(self) -> int:
        return len(self.shape)


@dataclass(frozen=True)
class ArrayFacts:
    """What NumPy says about an ndarray: strides in bytes, flags, its data pointer.

    ``shares_with`` names the tensors whose ``data_ptr()`` is this array's address.
    """

    shape: tuple[int, ...]
    dtype: str
    strides: tuple[int, ...]  # bytes, not elements
    itemsize: int
    nbytes: int
    c_contiguous: bool
    owndata: bool
    writeable: bool
    data_ptr: int
    shares_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class TensorSnapshot:
    """What a viewer needs: a numpy copy of the values, the facts and ``print(t)``.

    ``array`` is set when the object shown is a NumPy array (``facts`` then describe the
    tensor ``torch.from_numpy`` would make of it; a viewer shows the array's own facts).

    Taken on the worker, so the GUI thread never scans the values: ``levels`` of all the
    values, ``plane_levels`` of the plane a viewer shows first (the last two dims, index 0
    of the others; the same object for up to 2 dims) and, when that plane has more than
    ``PREVIEW_LIMIT`` elements, ``preview``: its uint8 colour indices
    (``engine.core.levels.preview_image``). None when not computed.
    """

    name: str
    values: np.ndarray
    facts: TensorFacts
    printed: str
    array: ArrayFacts | None = None
    levels: Levels | None = None
    plane_levels: Levels | None = None
    preview: np.ndarray | None = None


def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def tensor_facts(t: torch.Tensor) -> TensorFacts:
    return TensorFacts(
        shape=tuple(t.shape),
        dtype=dtype_name(t.dtype),
        device=str(t.device),
        numel=t.numel(),
        element_size=t.element_size(),
        nbytes=t.numel() * t.element_size(),
        stride=tuple(t.stride()),
        storage_offset=int(t.storage_offset()),
        is_contiguous=t.is_contiguous(),
        data_ptr=t.data_ptr(),
        version=t._version,
        requires_grad=t.requires_grad,
        is_leaf=t.is_leaf,
        grad_fn=type(t.grad_fn).__name__ if t.grad_fn is not None else None,
    )


def array_facts(arr: np.ndarray, shares_with: tuple[str, ...] = ()) -> ArrayFacts:
    return ArrayFacts(
        shape=tuple(arr.shape),
        dtype=str(arr.dtype),
        strides=tuple(arr.strides),
        itemsize=arr.itemsize,
        nbytes=arr.nbytes,
        c_contiguous=bool(arr.flags.c_contiguous),
        owndata=bool(arr.flags.owndata),
        writeable=bool(arr.flags.writeable),
        data_ptr=int(arr.__array_interface__["data"][0]),
        shares_with=shares_with,
    )


def to_numpy(t: torch.Tensor) -> np.ndarray:
    """A numpy copy for display (never shares memory with ``t``)."""
    plain = t.detach().cpu()
    if plain.dtype in _DISPLAY_WIDENED:
        plain = plain.to(torch.float32)
    if plain.is_complex():
        plain = plain.abs()
    if not plain.is_contiguous():
        # torch's blocked copy: numpy's strided copy of a transposed 4096² took ~2× as long
        return plain.contiguous().numpy()
    return plain.numpy().copy()


def first_plane(values: np.ndarray) -> np.ndarray:
    """The 2-D plane a viewer shows first: 0-d is 1x1, 1-D one row, N-D ``values[0, ..., 0]``
    over the last two dims."""
    if values.ndim <= 1:
        return values.reshape(1, -1)
    if 0 in values.shape[:-2]:
        return np.zeros((0, 0), dtype=values.dtype)
    return values[(0,) * (values.ndim - 2)]


def display_facts(values: np.ndarray) -> tuple[Levels, Levels, np.ndarray | None]:
    """``levels``, ``plane_levels`` and ``preview`` of a snapshot (see TensorSnapshot)."""
    kind = value_kind(values)
    levels = compute_levels(values, kind)
    plane = first_plane(values)
    plane_levels = levels if values.ndim <= 2 else compute_levels(plane, kind)
    big = plane.size > PREVIEW_LIMIT
    preview = preview_image(plane, plane_levels, kind) if big else None
    return levels, plane_levels, preview


def snapshot(t: torch.Tensor, name: str = "") -> TensorSnapshot:
    with torch.no_grad():
        values = to_numpy(t)
        levels, plane_levels, preview = display_facts(values)
        return TensorSnapshot(name=name, values=values, facts=tensor_facts(t), printed=str(t),
                              levels=levels, plane_levels=plane_levels, preview=preview)


def array_snapshot(arr: np.ndarray, name: str = "",
                   shares_with: tuple[str, ...] = ()) -> TensorSnapshot:
    """A snapshot of a NumPy array: its values, ``repr(arr)`` and its own facts."""
    shot = snapshot(torch.from_numpy(arr), name)
    return dataclasses.replace(shot, printed=repr(arr), array=array_facts(arr, shares_with))

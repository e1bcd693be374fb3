"""A tensor turned into plain values the GUI can draw: numbers, facts, printed text."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

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
    """

    name: str
    values: np.ndarray
    facts: TensorFacts
    printed: str
    array: ArrayFacts | None = None


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
    return plain.numpy().copy()


def snapshot(t: torch.Tensor, name: str = "") -> TensorSnapshot:
    with torch.no_grad():
        return TensorSnapshot(name=name, values=to_numpy(t), facts=tensor_facts(t), printed=str(t))


def array_snapshot(arr: np.ndarray, name: str = "",
                   shares_with: tuple[str, ...] = ()) -> TensorSnapshot:
    """A snapshot of a NumPy array: its values, ``repr(arr)`` and its own facts."""
    shot = snapshot(torch.from_numpy(arr), name)
    return TensorSnapshot(name=name, values=shot.values, facts=shot.facts, printed=repr(arr),
                          array=array_facts(arr, shares_with))

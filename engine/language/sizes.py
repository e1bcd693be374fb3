"""The memory and time guards for tensor and array operations, checked before running.

A torch call is first run on ``meta`` tensors (shapes and dtypes, no data): any result
tensor larger than ``memory_guard_bytes()`` is refused with its size. Operations whose time
grows faster than their output (matmul, decompositions) also get a work bound. NumPy calls
get their result size from shapes and broadcasting.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence

import numpy as np
import torch

from engine.core.limits import check_allocation, memory_guard_bytes
from engine.language import allowlist_torch as tl
from engine.language.errors import refusal
from engine.language.guards import MAX_ITEMS

MAX_WORK = 20_000_000_000  # multiply-adds of one heavy operation (a few seconds at most)

_NO_DRY_RUN = tl.names(
    """size stride dim numel nelement element_size storage_offset data_ptr is_contiguous
    is_floating_point is_complex item numpy backward requires_grad_ retain_grad detach
    detach_ from_numpy manual_seed initial_seed get_default_dtype is_tensor no_grad
    enable_grad inference_mode is_grad_enabled set_grad_enabled is_inference_mode_enabled
    Size device broadcast_shapes equal type"""
)


def to_meta(value: object) -> object:
    """Tensors (also inside lists, tuples and dicts) replaced by data-free meta tensors."""
    if isinstance(value, torch.Tensor):
        return value.detach().to("meta")
    if isinstance(value, (list, tuple)) and any(isinstance(v, torch.Tensor) for v in value):
        return type(value)(to_meta(v) for v in value)
    if isinstance(value, dict):
        return {key: to_meta(v) for key, v in value.items()}
    return value


def tensors_in(value: object) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in tensors_in(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in tensors_in(v)]
    return []


def check_result(result: object) -> None:
    for tensor in tensors_in(result):
        check_allocation(tuple(tensor.shape), tensor.element_size())


def check_work(name: str, inputs: Sequence[object], result: object) -> None:
    """Bound the multiply-adds of matmul-like and decomposition operations."""
    if name not in tl.HEAVY:
        return
    tensors = tensors_in(list(inputs))
    inner = max((t.shape[-1] for t in tensors if t.dim() > 0), default=1)
    size = max([t.numel() for t in tensors + tensors_in(result)] or [0])
    if size * inner > MAX_WORK:
        raise refusal("`{name}` on these sizes would need about {work} multiply-adds; "
                      "TorchScope allows {limit}. Try smaller tensors.",
                      name=name, work=f"{size * inner:.1e}", limit=f"{MAX_WORK:.0e}")


def dry_run(name: str, call: Callable[[], object], inputs: Sequence[object]) -> None:
    """Run ``call`` on meta tensors and refuse results beyond the memory guard.

    A dry run that fails (no meta kernel, data-dependent size, or an error the real call
    will report with PyTorch's own text) lets the real call go ahead: such operations return
    no more than their inputs hold.
    """
    if name in _NO_DRY_RUN:
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = call()
    except Exception:  # noqa: BLE001 - the real call reports PyTorch's own error
        check_work(name, inputs, None)
        return
    check_result(result)
    check_work(name, inputs, result)


def guard_torch_call(func: Callable[..., object], name: str, args: tuple[object, ...],
                     kwargs: dict[str, object]) -> None:
    meta_args = tuple(to_meta(a) for a in args)
    meta_kwargs = {key: to_meta(v) for key, v in kwargs.items()}
    if name in tl.CREATION and "out" not in kwargs:
        meta_kwargs["device"] = "meta"
    dry_run(name, lambda: func(*meta_args, **meta_kwargs), list(args) + list(kwargs.values()))


def guard_tensor_method(receiver: torch.Tensor, name: str, args: tuple[object, ...],
                        kwargs: dict[str, object]) -> None:
    if name == "tolist" and receiver.numel() > MAX_ITEMS:
        raise refusal("`tolist()` of {count} numbers would be too long a list; at most "
                      "{limit}.", count=receiver.numel(), limit=MAX_ITEMS)
    meta = to_meta(receiver)
    meta_args = tuple(to_meta(a) for a in args)
    meta_kwargs = {key: to_meta(v) for key, v in kwargs.items()}
    dry_run(name, lambda: getattr(meta, name)(*meta_args, **meta_kwargs),
            [receiver, *args, *kwargs.values()])


def guard_operator(name: str, operator: Callable[..., object], operands: Sequence[object]
                   ) -> None:
    """``a + b``, ``a @ b``, ``a == b``... on tensors or arrays: result size and work."""
    if any(isinstance(v, np.ndarray) for v in operands):
        check_numpy_bytes(broadcast_numel(operands), 16)
    if any(isinstance(v, torch.Tensor) for v in operands):
        metas = [to_meta(v) for v in operands]
        dry_run(name, lambda: operator(*metas), operands)


def shape_of(value: object) -> tuple[int, ...]:
    if isinstance(value, (np.ndarray, torch.Tensor)):
        return tuple(value.shape)
    if isinstance(value, (list, tuple)):
        return tuple(np.shape(np.asarray(value, dtype=object))) if value else (0,)
    return ()


def broadcast_numel(operands: Sequence[object]) -> int:
    try:
        shape = np.broadcast_shapes(*(shape_of(v) for v in operands))
    except ValueError:
        return 0  # the real call reports the mismatch
    return math.prod(shape)


def check_numpy_bytes(numel: int, itemsize: int) -> None:
    if numel * itemsize > memory_guard_bytes():
        check_allocation((numel,), itemsize)

"""Calling an ``Allowed`` callable: its guards first, then the call itself."""

from __future__ import annotations

import numpy as np
import torch

from engine.language.errors import refusal
from engine.language.guards import check_nested
from engine.language.modules import Allowed
from engine.language.sizes import guard_tensor_method, guard_torch_call
from engine.language.sizes_numpy import guard_ndarray_method, guard_numpy_call


def _argument(value: object) -> object:
    """Types such as ``float`` pass as themselves (``dtype=float``); functions do not pass."""
    if isinstance(value, Allowed):
        if value.as_type is None:
            raise refusal("Functions cannot be passed as arguments in TorchScope's PyTorch: "
                          "call `{name}(...)` yourself.", name=value.qualname)
        return value.as_type
    return value


def call_allowed(function: Allowed, args: tuple[object, ...], kwargs: dict[str, object]
                 ) -> object:
    """Run the size guards of ``function`` for these arguments, then call it."""
    if function.qualname != "isinstance":
        args = tuple(_argument(a) for a in args)
        kwargs = {key: _argument(v) for key, v in kwargs.items()}
    check_nested(args)
    check_nested(kwargs)
    name = function.short_name
    if function.kind == "torch":
        guard_torch_call(function.func, name, args, kwargs)
    elif function.kind == "numpy":
        guard_numpy_call(name, args, kwargs)
    elif function.kind == "method":
        receiver = getattr(function.func, "__self__", None)
        if isinstance(receiver, torch.Tensor):
            guard_tensor_method(receiver, name, args, kwargs)
        elif isinstance(receiver, np.ndarray):
            guard_ndarray_method(receiver, name, args)
    return function.func(*args, **kwargs)

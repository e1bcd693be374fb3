"""Attribute reads and writes, checked against the receiver's runtime type.

``read_attribute(t, "sum")`` returns an ``Allowed`` bound method; ``read_attribute(t,
"shape")`` returns the value. Anything not in the receiver type's table is refused with a
message saying what to write instead.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import torch

from engine.i18n.messages import msg
from engine.language import allowlist_types as at
from engine.language.errors import LanguageError, refusal
from engine.language.modules import Allowed, ModuleProxy

_Table = tuple[frozenset[str], frozenset[str]]  # (methods, properties)

_EMPTY: frozenset[str] = frozenset()
_HINTS = {
    "getattr": "write the attribute directly, e.g. `t.shape`",
    "storage": "use `t.data_ptr()` and `t.storage_offset()` to see where the data lives",
    "untyped_storage": "use `t.data_ptr()` and `t.storage_offset()` to see where the data lives",
    "tofile": "files are not part of TorchScope's PyTorch; use the session export",
    "format": "write an f-string such as f\"{t.shape}\"",
}


def _table_for(value: object) -> tuple[str, _Table] | None:
    """The receiver's kind and its (methods, properties) tables, by runtime type."""
    if isinstance(value, torch.Tensor):
        return "Tensor", (at.TENSOR_METHODS, at.TENSOR_PROPERTIES)
    if isinstance(value, torch.autograd.graph.Node):
        return "grad_fn", (at.NODE_METHODS, at.NODE_PROPERTIES)
    if isinstance(value, torch.Size):
        return "torch.Size", (at.SIZE_METHODS, _EMPTY)
    if isinstance(value, np.ndarray):
        return "numpy.ndarray", (at.NDARRAY_METHODS, at.NDARRAY_PROPERTIES)
    if isinstance(value, torch.dtype):
        return "torch.dtype", (_EMPTY, at.DTYPE_PROPERTIES)
    if isinstance(value, torch.device):
        return "torch.device", (_EMPTY, at.DEVICE_PROPERTIES)
    if isinstance(value, np.dtype):
        return "numpy.dtype", (_EMPTY, at.NUMPY_DTYPE_PROPERTIES)
    if type(value).__module__ == "torch.return_types" and isinstance(value, tuple):
        return "result", (at.TUPLE_METHODS, at.RETURN_TYPE_FIELDS)
    return _python_table(value)


def _python_table(value: object) -> tuple[str, _Table] | None:
    if isinstance(value, (bool, int, float, complex)):
        return type(value).__name__, (at.NUMBER_METHODS, at.NUMBER_PROPERTIES)
    kinds: tuple[tuple[type, frozenset[str]], ...] = (
        (list, at.LIST_METHODS), (tuple, at.TUPLE_METHODS), (dict, at.DICT_METHODS),
        (str, at.STR_METHODS),
    )
    for kind, methods in kinds:
        if isinstance(value, kind):
            return kind.__name__, (methods, _EMPTY)
    return None


def _describe(value: object) -> str:
    if isinstance(value, ModuleProxy):
        return value.name
    if isinstance(value, Allowed):
        return value.qualname
    return type(value).__name__


def not_allowed(receiver: str, name: str) -> LanguageError:
    hint = _HINTS.get(name)
    if name.startswith("_"):
        return refusal(
            "`{receiver}.{name}` is not part of TorchScope's PyTorch: names starting with _ "
            "are Python's internals.", receiver=receiver, name=name)
    if hint:
        return refusal("`{receiver}.{name}` is not part of TorchScope's PyTorch: {hint}.",
                       receiver=receiver, name=name, hint=msg(hint))
    return refusal("`{receiver}.{name}` is not part of TorchScope's PyTorch.",
                   receiver=receiver, name=name)


def read_attribute(value: object, name: str) -> object:
    """``value.name`` if the receiver's type allows it; callables come back ``Allowed``."""
    name = unicodedata.normalize("NFKC", name)
    if isinstance(value, ModuleProxy):
        if name not in value.members:
            raise not_allowed(value.name, name)
        return value.member(name)
    found = _table_for(value)
    if found is None:
        raise not_allowed(_describe(value), name)
    kind, (methods, properties) = found
    if name in methods:
        return Allowed(getattr(value, name), f"{kind}.{name}", "method")
    if name in properties:
        return getattr(value, name)
    raise not_allowed(kind, name)


def write_attribute(value: object, name: str, new: object) -> None:
    """``value.name = new`` for the few assignable attributes (``t.requires_grad``)."""
    name = unicodedata.normalize("NFKC", name)
    if isinstance(value, torch.Tensor) and name in at.TENSOR_ASSIGNABLE:
        if name == "grad" and not (new is None or isinstance(new, torch.Tensor)):
            raise refusal("`t.grad` can only be set to None or a tensor.")
        if name == "requires_grad" and not isinstance(new, bool):
            raise refusal("`t.requires_grad` can only be set to True or False.")
        setattr(value, name, new)
        return
    raise refusal("Assigning to `{receiver}.{name}` is not part of TorchScope's PyTorch: only "
                  "`t.requires_grad` and `t.grad` can be assigned.",
                  receiver=_describe(value), name=name)

"""Module proxies and callable wrappers: what ``import torch`` really binds.

User code never gets a real module. ``import torch`` binds a ``ModuleProxy`` whose members
are only the allowlisted names, and every callable the code can reach is an ``Allowed``
wrapper created here or by an allowlisted attribute lookup: calling anything else is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np
import torch

from engine.language import allowlist_python as py
from engine.language import allowlist_torch as tl


class Allowed:
    """A callable the language may call: ``qualname`` names it in messages."""

    __slots__ = ("func", "qualname", "kind", "as_type")

    def __init__(self, func: Callable[..., object], qualname: str, kind: str,
                 as_type: type | None = None) -> None:
        self.func = func
        self.qualname = qualname
        self.kind = kind  # "torch", "numpy", "math", "builtin", "method"
        self.as_type = as_type if as_type is not None else (
            func if isinstance(func, type) else None)

    def __repr__(self) -> str:
        if self.as_type is not None:
            return repr(self.as_type)
        if self.kind == "builtin":
            return f"<built-in function {self.qualname}>"
        return repr(self.func)

    @property
    def short_name(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]


class ModuleProxy:
    """A module as the language sees it: a fixed table of allowlisted members."""

    __slots__ = ("name", "members")

    def __init__(self, name: str, members: Mapping[str, object]) -> None:
        self.name = name
        self.members = MappingProxyType(dict(members))

    def __repr__(self) -> str:
        return f"<module '{self.name}'>"

    def member(self, attr: str) -> object:
        """The member ``attr`` (wrapped if callable); KeyError when not allowlisted."""
        value = self.members[attr]
        if isinstance(value, (ModuleProxy, type)) and not _is_callable_type(value):
            return value
        if callable(value) and not isinstance(value, (torch.dtype, np.dtype)):
            return Allowed(value, f"{self.name}.{attr}", self.name.split(".")[0])
        return value


_CALLABLE_TYPES: tuple[type, ...] = (
    torch.Size, torch.device, torch.no_grad, torch.enable_grad, torch.inference_mode,
    torch.set_grad_enabled,
)


def _is_callable_type(value: object) -> bool:
    return isinstance(value, type) and value in _CALLABLE_TYPES


def _table(module: object, names: frozenset[str]) -> dict[str, object]:
    return {name: getattr(module, name) for name in sorted(names) if hasattr(module, name)}


def _torch_proxy(linalg: ModuleProxy) -> ModuleProxy:
    members = _table(torch, tl.TORCH_FUNCTIONS | tl.TORCH_DTYPES | tl.TORCH_CONSTANTS)
    members.update(_table(torch, tl.TORCH_TYPES))
    members["linalg"] = linalg
    return ModuleProxy("torch", members)


def _numpy_proxy() -> ModuleProxy:
    names = py.NUMPY_FUNCTIONS | py.NUMPY_DTYPES | py.NUMPY_CONSTANTS | py.NUMPY_TYPES
    return ModuleProxy("numpy", _table(np, names))


LINALG = ModuleProxy("torch.linalg", _table(torch.linalg, tl.LINALG_FUNCTIONS))
TORCH = _torch_proxy(LINALG)
NUMPY = _numpy_proxy()
MATH = ModuleProxy("math", _table(math, py.MATH_NAMES))

IMPORTABLE: Mapping[str, ModuleProxy] = MappingProxyType(
    {"torch": TORCH, "numpy": NUMPY, "math": MATH, "torch.linalg": LINALG}
)
"""Modules ``import`` may name; nothing is imported from what the user typed."""

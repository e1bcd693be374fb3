"""Named tensors the user keeps (``a``, ``x``, ``weights``...), shared by every tab.

Importing this module does not import torch. Names are Python identifiers so that the
generated code can use them as variable names.
"""

from __future__ import annotations

import keyword
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.core.errors import InputError
from engine.i18n.messages import msg

if TYPE_CHECKING:
    import torch

RESERVED_NAMES = frozenset({"torch", "math", "np", "numpy", "pd", "print", "self"})
MAX_NAME_LENGTH = 40


@dataclass(frozen=True)
class WorkspaceEntry:
    name: str
    shape: tuple[int, ...]
    dtype: str
    requires_grad: bool

    def describe(self) -> str:
        dims = "×".join(str(s) for s in self.shape) or "scalar"
        return f"{self.name}  {dims}  {self.dtype}"


def validate_name(name: str, *, field: str = "name") -> str:
    """Return the stripped name or raise InputError saying what a valid name looks like."""
    clean = name.strip()
    if not clean.isidentifier() or keyword.iskeyword(clean) or clean in RESERVED_NAMES:
        raise InputError(msg("'{name}' cannot be a tensor name: use letters, digits and _, "
                             "start with a letter, and avoid Python keywords and 'torch'.",
                             name=clean), field=field)
    if len(clean) > MAX_NAME_LENGTH or clean.startswith("_"):
        raise InputError(msg("'{name}' cannot be a tensor name: at most {limit} characters, "
                             "not starting with _.", name=clean, limit=MAX_NAME_LENGTH),
                         field=field)
    return clean


def entry_for(name: str, tensor: torch.Tensor) -> WorkspaceEntry:
    return WorkspaceEntry(name, tuple(tensor.shape), str(tensor.dtype).removeprefix("torch."),
                          bool(tensor.requires_grad))


class Workspace:
    """An ordered mapping name -> tensor; safe to read from the worker thread."""

    def __init__(self) -> None:
        self._tensors: dict[str, torch.Tensor] = {}
        self._lock = threading.Lock()

    def put(self, name: str, tensor: torch.Tensor) -> WorkspaceEntry:
        name = validate_name(name)
        with self._lock:
            self._tensors[name] = tensor
        return entry_for(name, tensor)

    def get(self, name: str) -> torch.Tensor:
        with self._lock:
            if name not in self._tensors:
                raise InputError(msg("There is no tensor named '{name}' in the workspace.",
                                     name=name), field="name")
            return self._tensors[name]

    def rename(self, old: str, new: str) -> None:
        new = validate_name(new)
        with self._lock:
            if new in self._tensors and new != old:
                raise InputError(msg("A tensor named '{name}' already exists.", name=new),
                                 field="name")
            items = [(new if key == old else key, value) for key, value in self._tensors.items()]
            self._tensors = dict(items)

    def delete(self, name: str) -> None:
        with self._lock:
            self._tensors.pop(name, None)

    def clear(self) -> None:
        with self._lock:
            self._tensors.clear()

    def names(self) -> list[str]:
        with self._lock:
            return list(self._tensors)

    def items(self) -> list[tuple[str, torch.Tensor]]:
        with self._lock:
            return list(self._tensors.items())

    def entries(self) -> list[WorkspaceEntry]:
        return [entry_for(name, tensor) for name, tensor in self.items()]

    def __contains__(self, name: str) -> bool:
        with self._lock:
            return name in self._tensors

    def __len__(self) -> int:
        with self._lock:
            return len(self._tensors)

    def suggest_name(self, stem: str = "t") -> str:
        existing = set(self.names())
        if stem not in existing:
            return stem
        index = 1
        while f"{stem}{index}" in existing:
            index += 1
        return f"{stem}{index}"

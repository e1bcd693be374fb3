"""Tensors read from a file dropped on the window: PyTorch ``.pt`` or NumPy ``.npy``.

Both are read safely: ``torch.load(path, weights_only=True)`` (no arbitrary pickle) and
``numpy.load(path, allow_pickle=False)``. The file's size and then each array's size are
checked against the memory guard before the values are read. A ``.pt`` file may hold one
tensor or a dict / list / tuple of tensors (a ``state_dict``): each tensor becomes a
workspace tensor. ``import_tensors`` is a generator job returning a ``TensorImport``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.core.errors import DataError, InputError, SizeLimitError
from engine.core.limits import check_allocation, format_bytes, memory_guard_bytes
from engine.core.progress import Progress
from engine.i18n.messages import msg
from engine.session.workspace import MAX_NAME_LENGTH, validate_name
from engine.session.workspace_format import Job, StrPath

if TYPE_CHECKING:
    import torch

IMPORT_SUFFIXES = (".pt", ".pth", ".npy")
MAX_TENSORS_PER_FILE = 256


@dataclass(frozen=True)
class TensorImport:
    path: str
    tensors: dict[str, torch.Tensor] = field(default_factory=dict)  # suggested name -> tensor
    load_code: str = ""  # Python that reads the file the same way


def name_for(stem: str, fallback: str = "t") -> str:
    """A valid workspace name made from a file stem or a state_dict key."""
    clean = re.sub(r"\W+", "_", stem).strip("_")[:MAX_NAME_LENGTH]
    if clean and clean[0].isdigit():
        clean = f"t_{clean}"[:MAX_NAME_LENGTH]
    try:
        return validate_name(clean)
    except InputError:
        return fallback


def check_file(path: StrPath) -> Path:
    """The path if it is a readable file of a known kind and within the guard."""
    target = Path(path)
    if target.suffix.lower() not in IMPORT_SUFFIXES:
        raise DataError(msg("TorchScope cannot open '{name}': drop a workspace (.torchscope), "
                            "a PyTorch tensor file (.pt) or a NumPy array (.npy).",
                            name=target.name), field="path")
    try:
        size = os.stat(target).st_size
    except OSError as exc:
        raise DataError(msg("Cannot read '{name}': {reason}", name=target.name,
                            reason=exc.strerror or str(exc)), field="path") from exc
    guard = memory_guard_bytes()
    if size > guard:
        raise SizeLimitError(msg("'{name}' is {size}, more than the {guard} this app allows "
                                 "for one tensor.", name=target.name, size=format_bytes(size),
                                 guard=format_bytes(guard)), field="path")
    return target


def _read_npy(path: Path) -> torch.Tensor:
    import numpy as np
    import torch

    try:
        header = np.load(path, mmap_mode="r", allow_pickle=False)
        check_allocation(tuple(header.shape), header.dtype.itemsize, field="path")
        values = np.array(header, copy=True)
        del header
        return torch.from_numpy(values)
    except (ValueError, TypeError, OSError) as exc:
        raise DataError(msg("'{name}' is not a NumPy array TorchScope can read (numeric "
                            "values, no pickled objects).", name=path.name),
                        field="path", torch_error=str(exc)) from exc


def _load_pt(path: Path) -> object:
    import pickle

    import torch

    try:
        return torch.load(path, weights_only=True, map_location="cpu")
    except (pickle.UnpicklingError, RuntimeError, EOFError, OSError, ValueError) as exc:
        raise DataError(msg("'{name}' could not be read as plain tensors with "
                            "torch.load(weights_only=True): it is damaged or holds other "
                            "Python objects.", name=path.name),
                        field="path", torch_error=str(exc).splitlines()[0]) from exc


def _tensors_in(loaded: object, stem: str) -> dict[str, torch.Tensor]:
    import torch

    items: list[tuple[str, Any]]
    if isinstance(loaded, torch.Tensor):
        items = [(stem, loaded)]
    elif isinstance(loaded, dict):
        items = [(str(key), value) for key, value in loaded.items()]
    elif isinstance(loaded, (list, tuple)):
        items = [(f"{stem}_{index}", value) for index, value in enumerate(loaded)]
    else:
        items = []
    found: dict[str, torch.Tensor] = {}
    for key, value in items[:MAX_TENSORS_PER_FILE]:
        if isinstance(value, torch.Tensor) and value.layout == torch.strided:
            name = name_for(key, fallback=f"t{len(found)}")
            if name in found:
                name = f"t{len(found)}"
            found[name] = value.detach()
    return found


def import_tensors(path: StrPath) -> Job[TensorImport]:
    """Generator job: the tensors of a ``.pt`` or ``.npy`` file, read safely."""
    target = check_file(path)
    yield Progress(0, None, msg("Reading {name}", name=target.name))
    stem = name_for(target.stem)
    if target.suffix.lower() == ".npy":
        tensors = {stem: _read_npy(target)}
        code = (f"{stem} = torch.from_numpy(numpy.load({str(target)!r}, "
                "allow_pickle=False))")
    else:
        tensors = _tensors_in(_load_pt(target), stem)
        code = f"loaded = torch.load({str(target)!r}, weights_only=True)"
    if not tensors:
        raise DataError(msg("'{name}' holds no tensor.", name=target.name), field="path")
    return TensorImport(str(target), tensors, code)

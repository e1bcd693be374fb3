"""The workspace file format: names, limits and what a workspace holds (see workspace_file)."""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from engine.core.codegen import CodeStep
from engine.core.limits import memory_guard_bytes
from engine.core.progress import Progress

if TYPE_CHECKING:
    import torch

T = TypeVar("T")
Job = Generator[Progress, None, T]  # a generator job that yields Progress and returns T
StrPath = str | os.PathLike[str]
Steps = list[tuple[str, CodeStep]]  # (tab_key, step), in the order taken
Settings = dict[str, dict[str, Any]]  # tab_key -> JSON-able settings

FORMAT_NAME = "torchscope-workspace"
FORMAT_VERSION = 1
MANIFEST_NAME = "torchscope-workspace.json"
SUFFIX = ".torchscope"
MAX_MANIFEST_BYTES = 64 * 1024**2
# The manifest is also bounded by structure, checked on its text before it is parsed:
MAX_MANIFEST_ITEMS = 500_000  # brackets and commas outside strings (values, entries)
MAX_MANIFEST_DEPTH = 64       # nesting of [ and {
CHUNK_BYTES = 8 * 1024**2
# dtype name -> bytes per element; only these are written or read.
DTYPE_SIZES = {
    "bool": 1, "uint8": 1, "int8": 1, "int16": 2, "int32": 4, "int64": 8,
    "float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "complex64": 8, "complex128": 16,
}


def workspace_budget_bytes() -> int:
    """The most tensor bytes (values and grads of all tensors) one workspace may hold: twice
    the one-tensor guard, i.e. half of RAM and never more than 4 GiB. Checked on saving and,
    before anything is decompressed, on opening."""
    return 2 * memory_guard_bytes()


@dataclass
class WorkspaceData:
    """What a workspace file holds, ready to put into the app."""

    tensors: dict[str, torch.Tensor] = field(default_factory=dict)
    steps: Steps = field(default_factory=list)
    settings: Settings = field(default_factory=dict)
    version: int = FORMAT_VERSION
    notes: tuple[str, ...] = ()  # things the user should be told (leftovers cleaned up)

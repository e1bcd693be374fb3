"""The workspace file format: names, limits and what a workspace holds (see workspace_file)."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMAT_NAME = "torchscope-workspace"
FORMAT_VERSION = 1
MANIFEST_NAME = "torchscope-workspace.json"
SUFFIX = ".torchscope"
MAX_MANIFEST_BYTES = 64 * 1024**2
CHUNK_BYTES = 8 * 1024**2
# dtype name -> bytes per element; only these are written or read.
DTYPE_SIZES = {
    "bool": 1, "uint8": 1, "int8": 1, "int16": 2, "int32": 4, "int64": 8,
    "float16": 2, "bfloat16": 2, "float32": 4, "float64": 8, "complex64": 8, "complex128": 16,
}


@dataclass
class WorkspaceData:
    """What a workspace file holds, ready to put into the app."""

    tensors: dict = field(default_factory=dict)  # name -> torch.Tensor
    steps: list = field(default_factory=list)  # (tab_key, CodeStep)
    settings: dict = field(default_factory=dict)  # tab_key -> JSON-able dict
    version: int = FORMAT_VERSION

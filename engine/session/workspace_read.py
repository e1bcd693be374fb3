"""Opening workspace files (see ``engine.session.workspace_file`` for the format).

Only JSON and raw bytes are read, never a pickle: a file can never run code. Everything is
checked (format, version, names, dtypes, shapes, sizes, CRCs) before anything is returned,
so a refused file changes nothing in the app.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.core.codegen import CodeStep
from engine.core.errors import DataError, SizeLimitError
from engine.core.limits import MAX_DIMENSIONS, check_allocation, format_bytes, numel_of
from engine.core.progress import Progress
from engine.i18n.messages import msg
from engine.session.workspace_format import (
    CHUNK_BYTES,
    DTYPE_SIZES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SUFFIX,
    Job,
    Steps,
    StrPath,
    WorkspaceData,
)

if TYPE_CHECKING:
    import torch


def _damaged(path: Path, detail: str) -> DataError:
    return DataError(msg("{file} is damaged or incomplete and was not opened ({detail}). "
                         "Your current workspace is unchanged.", file=path.name, detail=detail),
                     field="path")


def _foreign(path: Path, what: str) -> DataError:
    return DataError(msg("{file} is not a TorchScope workspace ({what}); nothing was opened "
                         "and your current workspace is unchanged. Workspaces end in "
                         "{suffix}.", file=path.name, what=what, suffix=SUFFIX), field="path")


def _sniff(head: bytes) -> str:
    if head.startswith(b"\x80") or head[:1] in (b"(", b"]", b"}"):
        return msg("it looks like a Python pickle, which could run code when opened")
    if head.startswith(b"\x93NUMPY"):
        return msg("it is a NumPy .npy file")
    return msg("it is not a zip archive")


def _open_archive(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise DataError(msg("Could not read {path}: {error}", path=path,
                            error=exc.strerror or exc), field="path") from exc
    if not head.startswith(b"PK"):
        raise _foreign(path, _sniff(head))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(path, str(exc)) from exc


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    names = set(archive.namelist())
    if MANIFEST_NAME not in names:
        what = (msg("it is a PyTorch file saved with torch.save; it holds a pickle, which "
                    "could run code when opened") if any(n.endswith("data.pkl") for n in names)
                else msg("a zip archive without a workspace manifest"))
        raise _foreign(path, what)
    if archive.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
        raise _damaged(path, msg("the manifest is too large"))
    try:
        manifest = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(path, str(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _foreign(path, msg("a zip archive with another kind of manifest"))
    return manifest


def _check_version(path: Path, manifest: dict[str, Any]) -> int:
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged(path, msg("no valid format version"))
    if version > FORMAT_VERSION:
        raise DataError(msg("{file} was saved by a newer TorchScope (workspace format "
                            "{version}); this version opens formats up to {supported}. Please "
                            "update TorchScope to open it. Your current workspace is unchanged.",
                            file=path.name, version=version, supported=FORMAT_VERSION),
                        field="path")
    if manifest.get("byteorder", "little") != "little":
        raise _damaged(path, msg("unsupported byte order"))
    return version


def _check_record(path: Path, record: object,
                  seen: set[str]) -> tuple[str, str, tuple[int, ...]]:
    from engine.session.workspace import validate_name

    if not isinstance(record, dict):
        raise _damaged(path, msg("a tensor entry is not an object"))
    name, dtype, shape = record.get("name"), record.get("dtype"), record.get("shape")
    try:
        name = validate_name(name if isinstance(name, str) else "")
    except Exception as exc:
        raise _damaged(path, msg("invalid tensor name {name!r}", name=name)) from exc
    if name in seen:
        raise _damaged(path, msg("the name '{name}' appears twice", name=name))
    if dtype not in DTYPE_SIZES:
        raise _damaged(path, msg("'{name}' has unknown dtype {dtype!r}", name=name, dtype=dtype))
    if (not isinstance(shape, list) or len(shape) > MAX_DIMENSIONS or not all(
            isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape)):
        raise _damaged(path, msg("'{name}' has an invalid shape", name=name))
    if not isinstance(record.get("requires_grad", False), bool):
        raise _damaged(path, msg("'{name}' has an invalid requires_grad", name=name))
    seen.add(name)
    return name, dtype, tuple(shape)


def _read_exact(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int,
                progress: list[int]) -> Job[bytearray]:
    buffer = bytearray(size)
    view = memoryview(buffer)
    try:
        with archive.open(info) as source:
            for start in range(0, size, CHUNK_BYTES):
                chunk = source.read(min(CHUNK_BYTES, size - start))
                if len(chunk) != min(CHUNK_BYTES, size - start):
                    raise zipfile.BadZipFile("short read")
                view[start:start + len(chunk)] = chunk
                progress[0] += len(chunk)
                yield Progress(progress[0], progress[1], msg("Opening the workspace"))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _damaged(path, str(exc)) from exc
    return buffer


def _read_values(path: Path, archive: zipfile.ZipFile, member: object, name: str, dtype: str,
                 shape: tuple[int, ...], progress: list[int]) -> Job[torch.Tensor]:
    import torch

    try:
        expected = check_allocation(shape, DTYPE_SIZES[dtype], field="path")
    except SizeLimitError as exc:
        raise DataError(exc.message, field="path") from exc
    try:
        info = archive.getinfo(member) if isinstance(member, str) else None
    except KeyError:
        info = None
    if info is None or info.file_size != expected:
        raise _damaged(path, msg("the values of '{name}' are missing or have the wrong size "
                                 "(expected {size})", name=name, size=format_bytes(expected)))
    buffer = yield from _read_exact(path, archive, info, expected, progress)
    if numel_of(shape) == 0:
        return torch.empty(shape, dtype=getattr(torch, dtype))
    raw = torch.frombuffer(buffer, dtype=torch.uint8)
    if dtype == "bool" and bool((raw > 1).any()):
        raise _damaged(path, msg("'{name}' holds values that are not booleans", name=name))
    return raw.view(getattr(torch, dtype)).reshape(shape)


def _read_steps(path: Path, items: object) -> Steps:
    if not isinstance(items, list):
        raise _damaged(path, msg("the steps are not a list"))
    steps: Steps = []
    for item in items:
        keys = ("tab", "title", "code", "explanation")
        if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str) for k in keys):
            raise _damaged(path, msg("a step is not valid"))
        steps.append((item.get("tab", ""), CodeStep(item.get("title", ""), item.get("code", ""),
                                                     item.get("explanation", ""))))
    return steps


def _read_tensors(path: Path, archive: zipfile.ZipFile,
                  records: object) -> Job[dict[str, torch.Tensor]]:
    if not isinstance(records, list):
        raise _damaged(path, msg("the tensor list is not a list"))
    seen: set[str] = set()
    checked = [(record, *_check_record(path, record, seen)) for record in records]
    total = sum(numel_of(shape) * DTYPE_SIZES[dtype] * (2 if "grad" in record else 1)
                for record, _, dtype, shape in checked)
    progress = [0, total]
    tensors: dict[str, torch.Tensor] = {}
    for record, name, dtype, shape in checked:
        tensor = yield from _read_values(path, archive, record.get("data"), name, dtype, shape,
                                         progress)
        if "grad" in record:
            tensor.grad = yield from _read_values(path, archive, record["grad"], name, dtype,
                                                  shape, progress)
        if record.get("requires_grad", False):
            if not (tensor.is_floating_point() or tensor.is_complex()):
                raise _damaged(path, msg("'{name}' cannot require grad", name=name))
            tensor.requires_grad_(True)
        tensors[name] = tensor
    return tensors


def read_workspace(path: StrPath) -> Job[WorkspaceData]:
    """Generator job: read and check a workspace file, yielding Progress.

    Returns ``WorkspaceData``; raises ``DataError`` for anything that is not a valid
    workspace of a format this version knows. Never runs code from the file.
    """
    path = Path(path)
    yield Progress(0, None, msg("Opening the workspace"))
    with _open_archive(path) as archive:
        manifest = _read_manifest(path, archive)
        version = _check_version(path, manifest)
        steps = _read_steps(path, manifest.get("steps", []))
        settings = manifest.get("settings", {})
        if not isinstance(settings, dict):
            raise _damaged(path, msg("the tab settings are not an object"))
        tensors = yield from _read_tensors(path, archive, manifest.get("tensors", []))
    return WorkspaceData(tensors, steps, settings, version)


def open_workspace(path: StrPath) -> Job[WorkspaceData]:
    """Generator job: read and check a workspace file, yielding Progress.

    Returns ``WorkspaceData``; raises ``DataError`` for anything that is not a valid
    workspace of a format this version knows. Never runs code from the file.
    """
    return (yield from read_workspace(path))

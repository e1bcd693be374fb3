"""Opening workspace files (see ``engine.session.workspace_file`` for the format).

Only JSON and raw bytes are read, never a pickle: a file can never run code. Everything is
checked (format, version, names, dtypes, shapes, sizes, CRCs) before anything is returned,
so a refused file changes nothing in the app.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.core.codegen import CodeStep
from engine.core.errors import DataError
from engine.core.limits import numel_of
from engine.core.progress import Progress
from engine.i18n.messages import msg
from engine.session.workspace_checks import (
    PlannedTensor,
    check_manifest_structure,
    check_member_info,
    damaged,
    plan_tensors,
)
from engine.session.workspace_format import (
    CHUNK_BYTES,
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
from engine.session.workspace_leftovers import remove_leftovers

if TYPE_CHECKING:
    import torch

# What reading a member can raise for a damaged or hostile archive (NotImplementedError: an
# unknown compression method; RuntimeError: an encrypted member), besides the checks made
# before reading.
_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError,
                NotImplementedError)


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
        raise damaged(path, str(exc)) from exc


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    names = set(archive.namelist())
    if MANIFEST_NAME not in names:
        what = (msg("it is a PyTorch file saved with torch.save; it holds a pickle, which "
                    "could run code when opened") if any(n.endswith("data.pkl") for n in names)
                else msg("a zip archive without a workspace manifest"))
        raise _foreign(path, what)
    info = archive.getinfo(MANIFEST_NAME)
    check_member_info(path, info)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise damaged(path, msg("the manifest is too large"))
    try:
        with archive.open(info) as source:
            raw = source.read(MAX_MANIFEST_BYTES + 1)
    except _READ_ERRORS as exc:
        raise damaged(path, str(exc)) from exc
    if len(raw) > MAX_MANIFEST_BYTES:
        raise damaged(path, msg("the manifest is too large"))
    check_manifest_structure(path, raw)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise damaged(path, str(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _foreign(path, msg("a zip archive with another kind of manifest"))
    return manifest


def _check_version(path: Path, manifest: dict[str, Any]) -> int:
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(path, msg("no valid format version"))
    if version > FORMAT_VERSION:
        raise DataError(msg("{file} was saved by a newer TorchScope (workspace format "
                            "{version}); this version opens formats up to {supported}. Please "
                            "update TorchScope to open it. Your current workspace is unchanged.",
                            file=path.name, version=version, supported=FORMAT_VERSION),
                        field="path")
    if manifest.get("byteorder", "little") != "little":
        raise damaged(path, msg("unsupported byte order"))
    return version


def _read_exact(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                progress: list[int]) -> Job[torch.Tensor]:
    """The member's bytes as a uint8 tensor, read chunk by chunk.

    The buffer is ``torch.empty`` and each chunk is copied in by NumPy: neither zero-fills
    nor copies while holding the GIL (``bytearray(256 MiB)`` did, for a third of a second,
    and the GUI thread waited)."""
    import numpy as np
    import torch

    size = info.file_size
    values = torch.empty(size, dtype=torch.uint8)
    target = values.numpy()
    try:
        with archive.open(info) as source:
            for start in range(0, size, CHUNK_BYTES):
                wanted = min(CHUNK_BYTES, size - start)
                chunk = source.read(wanted)
                if len(chunk) != wanted:
                    raise zipfile.BadZipFile("short read")
                target[start:start + wanted] = np.frombuffer(chunk, dtype=np.uint8)
                del chunk
                progress[0] += wanted
                yield Progress(progress[0], progress[1], msg("Opening the workspace"))
    except _READ_ERRORS as exc:
        raise damaged(path, str(exc)) from exc
    return values


def _read_values(path: Path, archive: zipfile.ZipFile, plan: PlannedTensor,
                 info: zipfile.ZipInfo, progress: list[int]) -> Job[torch.Tensor]:
    import torch

    raw = yield from _read_exact(path, archive, info, progress)
    if numel_of(plan.shape) == 0:
        return torch.empty(plan.shape, dtype=getattr(torch, plan.dtype))
    if plan.dtype == "bool" and bool((raw > 1).any()):
        raise damaged(path, msg("'{name}' holds values that are not booleans", name=plan.name))
    return raw.view(getattr(torch, plan.dtype)).reshape(plan.shape)


def _read_steps(path: Path, items: object) -> Steps:
    if not isinstance(items, list):
        raise damaged(path, msg("the steps are not a list"))
    steps: Steps = []
    for item in items:
        keys = ("tab", "title", "code", "explanation")
        if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str) for k in keys):
            raise damaged(path, msg("a step is not valid"))
        steps.append((item.get("tab", ""), CodeStep(item.get("title", ""), item.get("code", ""),
                                                     item.get("explanation", ""))))
    return steps


def _read_tensors(path: Path, archive: zipfile.ZipFile,
                  records: object) -> Job[dict[str, torch.Tensor]]:
    planned = plan_tensors(path, archive, records)  # every check before any value is read
    progress = [0, sum(p.nbytes * (2 if p.grad is not None else 1) for p in planned)]
    tensors: dict[str, torch.Tensor] = {}
    for plan in planned:
        tensor = yield from _read_values(path, archive, plan, plan.data, progress)
        if plan.grad is not None:
            tensor.grad = yield from _read_values(path, archive, plan, plan.grad, progress)
        if plan.requires_grad:
            if not (tensor.is_floating_point() or tensor.is_complex()):
                raise damaged(path, msg("'{name}' cannot require grad", name=plan.name))
            tensor.requires_grad_(True)
        tensors[plan.name] = tensor
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
            raise damaged(path, msg("the tab settings are not an object"))
        tensors = yield from _read_tensors(path, archive, manifest.get("tensors", []))
    return WorkspaceData(tensors, steps, settings, version)


def open_workspace(path: StrPath) -> Job[WorkspaceData]:
    """Generator job: read and check a workspace file, yielding Progress.

    First removes what interrupted saves left in the file's folder (see
    ``workspace_leftovers``); ``WorkspaceData.notes`` then says so. Returns ``WorkspaceData``;
    raises ``DataError`` for anything that is not a valid workspace of a format this version
    knows. Never runs code from the file.
    """
    cleaned = remove_leftovers(Path(path).parent)
    if cleaned:
        yield Progress(0, None, cleaned)
    data = yield from read_workspace(path)
    return replace(data, notes=(*data.notes, cleaned)) if cleaned else data

"""Saving and opening workspaces: named tensors, the session's steps and the tab settings.

The file is a zip archive that holds no code and no pickle:

- ``torchscope-workspace.json``: the manifest (``format``, ``version``, the tensors'
  names, dtypes, shapes and ``requires_grad``, the steps, the tab settings);
- ``tensors/<n>.bin`` (and ``tensors/<n>.grad.bin``): each tensor's values as raw
  little-endian bytes in row-major order.

Opening (``engine.session.workspace_read``) reads JSON and raw bytes only, so a file can never
run code. A file that is not a workspace, is damaged or truncated, or comes from a newer
TorchScope is refused with a ``DataError``; nothing is changed until the whole file has
been read and checked.

Saving is atomic: the archive is written to a temporary file in the same folder, flushed,
fsync'ed and then renamed over the old file (``os.replace``). A save that is killed or
fails midway leaves the previous file as it was; the part file a killed save leaves is
removed by the next save or open in that folder (``engine.session.workspace_leftovers``).
A workspace holds at most ``workspace_budget_bytes()`` of tensor values, on saving as on
opening, so every file TorchScope saves it can open again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from engine.core.codegen import CodeStep
from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.i18n.messages import msg
from engine.session import workspace_format
from engine.session.workspace_checks import over_budget
from engine.session.workspace_format import (
    CHUNK_BYTES,
    DTYPE_SIZES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SUFFIX,
    Job,
    Settings,
    StrPath,
    T,
    WorkspaceData,
)
from engine.session.workspace_leftovers import lock_for_writing, remove_leftovers
from engine.session.workspace_read import open_workspace

if TYPE_CHECKING:
    import torch


# --- atomic writing -------------------------------------------------------------------------
def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _final_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: StrPath) -> Iterator[IO[bytes]]:
    """A binary file object whose content replaces ``path`` only if the block completes.

    Any exception, a cancelled generator (GeneratorExit) or a killed process leaves
    ``path`` untouched; the temporary file is removed where that is possible.
    """
    path = Path(path)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
            dir=path.parent or ".", prefix=f".{path.name}.", suffix=".part", delete=False)
    except OSError as exc:
        raise DataError(msg("Could not write {path}: {error}", path=path, error=exc.strerror
                            or exc), field="path") from exc
    temp = Path(handle.name)
    lock_for_writing(handle)  # so a later cleanup knows this part file is in use
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _final_mode(path))
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise DataError(msg("Could not write {path}: {error}", path=path,
                                error=exc.strerror or exc), field="path") from exc
        raise
    _fsync_directory(path.parent)


def atomic_write_bytes(path: StrPath, data: bytes) -> None:
    with atomic_output(path) as handle:
        handle.write(data)


def run_to_end(job: Job[T]) -> T:
    """Drive a generator job to its end outside the GUI; returns its result."""
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


# --- saving ---------------------------------------------------------------------------------
def _plain_tensor(name: str, tensor: object) -> tuple[torch.Tensor, str]:
    import torch

    if not isinstance(tensor, torch.Tensor) or tensor.layout != torch.strided:
        raise DataError(msg("'{name}' cannot be saved: only ordinary (dense) tensors can. "
                            "Try {name}.to_dense().", name=name), field="tensors")
    dtype = str(tensor.dtype).removeprefix("torch.")
    if dtype not in DTYPE_SIZES:
        raise DataError(msg("'{name}' has dtype {dtype}, which a workspace cannot hold. "
                            "Supported: {choices}.", name=name, dtype=dtype,
                            choices=", ".join(DTYPE_SIZES)), field="tensors")
    return tensor.detach().cpu().contiguous(), dtype


def _tensor_bytes(plain: torch.Tensor) -> memoryview:
    import torch

    flat = plain.reshape(-1)
    if flat.numel() == 0:
        return memoryview(b"")
    return flat.view(torch.uint8).numpy().data.cast("B")


def _write_member(archive: zipfile.ZipFile, member: str, plain: torch.Tensor,
                  progress: list[int]) -> Job[None]:
    data = _tensor_bytes(plain)
    with archive.open(member, "w", force_zip64=True) as out:
        for start in range(0, len(data), CHUNK_BYTES):
            out.write(data[start:start + CHUNK_BYTES])
            progress[0] += min(CHUNK_BYTES, len(data) - start)
            yield Progress(progress[0], progress[1], msg("Saving the workspace"))
    yield Progress(progress[0], progress[1], msg("Saving the workspace"))


def _manifest(records: list[dict[str, Any]], steps: Iterable[tuple[str, CodeStep]],
              settings: Settings) -> bytes:
    import torch

    manifest = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION, "byteorder": "little",
        "saved_with": {"torch": torch.__version__},
        "tensors": records,
        "steps": [{"tab": key, "title": s.title, "code": s.code, "explanation": s.explanation}
                  for key, s in steps],
        "settings": settings,
    }
    try:
        return json.dumps(manifest, ensure_ascii=False, indent=1, allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        raise DataError(msg("The tab settings cannot be saved: {error}", error=exc),
                        field="settings") from exc


def save_workspace(path: StrPath, tensors: Mapping[str, torch.Tensor],
                   steps: Iterable[tuple[str, CodeStep]] = (),
                   settings: Settings | None = None) -> Job[Path]:
    """Generator job: write ``tensors`` (name -> tensor), ``steps`` and ``settings`` to
    ``path`` atomically, yielding Progress; returns the Path written."""
    if sys.byteorder != "little":
        raise DataError(msg("Workspaces can only be saved on little-endian machines."))
    path = Path(path)
    prepared: list[tuple[str, torch.Tensor]] = []
    records: list[dict[str, Any]] = []
    for index, (name, tensor) in enumerate(tensors.items()):
        plain, dtype = _plain_tensor(name, tensor)
        grad = tensor.grad if tensor.is_leaf else None
        record: dict[str, Any] = {"name": name, "dtype": dtype, "shape": list(plain.shape),
                  "requires_grad": bool(tensor.requires_grad), "data": f"tensors/{index}.bin"}
        prepared.append((record["data"], plain))
        if grad is not None and tuple(grad.shape) == tuple(plain.shape):
            record["grad"] = f"tensors/{index}.grad.bin"
            prepared.append((record["grad"], _plain_tensor(name, grad)[0]))
        records.append(record)
    manifest = _manifest(records, list(steps), dict(settings or {}))
    progress = [0, sum(p.numel() * p.element_size() for _, p in prepared)]
    if progress[1] > workspace_format.workspace_budget_bytes():
        raise over_budget(path.name, progress[1], workspace_format.workspace_budget_bytes())
    cleaned = remove_leftovers(path.parent)
    yield Progress(0, progress[1], cleaned or msg("Saving the workspace"))
    with atomic_output(path) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(MANIFEST_NAME, manifest, compress_type=zipfile.ZIP_DEFLATED)
        for member, plain in prepared:
            yield from _write_member(zf, member, plain, progress)
    return path


__all__ = [
    "CHUNK_BYTES", "DTYPE_SIZES", "FORMAT_NAME", "FORMAT_VERSION", "MANIFEST_NAME",
    "MAX_MANIFEST_BYTES", "SUFFIX", "WorkspaceData", "open_workspace",
]

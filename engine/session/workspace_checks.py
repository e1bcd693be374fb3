"""Checks on a workspace file that read nothing of the tensors' values.

Opening (``engine.session.workspace_read``) runs these before it decompresses anything:

- the manifest's text is bounded by structure (entries, nesting depth) as well as by bytes,
  with a linear scan of its bytes before ``json.loads`` sees it;
- every tensor record is checked (name, dtype, a shape PyTorch can hold) and planned: each
  archive member it names exists, is used once, is neither encrypted nor compressed with a
  method this format does not use, and has exactly the size the shape and dtype give;
- the total of all records (values and grads) fits one budget (``workspace_budget_bytes``).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.core.errors import DataError, SizeLimitError
from engine.core.limits import MAX_DIMENSIONS, check_allocation, format_bytes, numel_of
from engine.i18n.messages import msg
from engine.session import workspace_format
from engine.session.workspace_format import DTYPE_SIZES, MAX_MANIFEST_DEPTH, MAX_MANIFEST_ITEMS

# A JSON string once escapes are gone, or an unterminated one running to the end: always
# matches at a quote, so the scan stays linear whatever the bytes are.
_STRING = re.compile(rb'"[^"]*(?:"|\Z)')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SIZE_LIMIT = 1 << 62  # element count (with each size counted as at least 1) times bytes
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def damaged(path: Path, detail: str) -> DataError:
    return DataError(msg("{file} is damaged or incomplete and was not opened ({detail}). "
                         "Your current workspace is unchanged.", file=path.name, detail=detail),
                     field="path")


def short(value: object, limit: int = 40) -> str:
    """A value from the file, short enough for a message."""
    if not isinstance(value, str):
        return type(value).__name__
    return value if len(value) <= limit else value[:limit] + "…"


def _too_many_entries(path: Path) -> DataError:
    return damaged(path, msg("the manifest has more than {limit} entries",
                             limit=MAX_MANIFEST_ITEMS))


def check_manifest_structure(path: Path, raw: bytes) -> None:
    """Refuse a manifest with too many entries or too deep a nesting, without parsing it."""
    # Without its escaped backslashes and quotes, every string is a plain "..." (or runs to
    # the end), and every string is a key or a value: a manifest within the limit has at
    # most about two strings per entry, so the scan below stays short.
    plain = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    strings = plain.count(b'"') // 2
    if strings > 2 * MAX_MANIFEST_ITEMS + 2:
        raise _too_many_entries(path)
    bare = _STRING.sub(b"", plain)
    if sum(bare.count(c) for c in (b"[", b"{", b"]", b"}", b",")) > MAX_MANIFEST_ITEMS:
        raise _too_many_entries(path)
    brackets = np.frombuffer(bare.translate(None, _NOT_BRACKETS), dtype=np.uint8)
    steps = np.where((brackets == ord("[")) | (brackets == ord("{")), 1, -1)
    if brackets.size and int(np.cumsum(steps).max()) > MAX_MANIFEST_DEPTH:
        raise damaged(path, msg("the manifest is nested more than {limit} levels deep",
                                limit=MAX_MANIFEST_DEPTH))


def check_member_info(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse an encrypted member or one compressed with a method this format does not use."""
    if info.flag_bits & 0x1:
        raise damaged(path, msg("{member} is encrypted", member=short(info.filename)))
    if info.compress_type not in _METHODS:
        raise damaged(path, msg("{member} uses compression method {method}, which workspaces "
                                "never use", member=short(info.filename),
                                method=info.compress_type))


@dataclass(frozen=True)
class PlannedTensor:
    """One checked record: where its values (and grad) are and how big they are."""

    name: str
    dtype: str
    shape: tuple[int, ...]
    data: zipfile.ZipInfo
    grad: zipfile.ZipInfo | None
    requires_grad: bool

    @property
    def nbytes(self) -> int:
        return numel_of(self.shape) * DTYPE_SIZES[self.dtype]


def _check_shape(path: Path, name: str, shape: object, dtype: str) -> tuple[int, ...]:
    if (not isinstance(shape, list) or len(shape) > MAX_DIMENSIONS or not all(
            isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in shape)
            or numel_of(tuple(max(s, 1) for s in shape)) * DTYPE_SIZES[dtype] >= _SIZE_LIMIT):
        raise damaged(path, msg("'{name}' has an invalid shape", name=name))
    try:
        check_allocation(tuple(shape), DTYPE_SIZES[dtype], field="path")
    except SizeLimitError as exc:
        raise DataError(exc.message, field="path") from exc
    return tuple(shape)


def _check_names(path: Path, record: dict, seen: set[str]) -> tuple[str, str]:
    from engine.session.workspace import validate_name

    name, dtype = record.get("name"), record.get("dtype")
    try:
        name = validate_name(name if isinstance(name, str) else "")
    except Exception as exc:
        raise damaged(path, msg("invalid tensor name {name!r}", name=short(name))) from exc
    if name in seen:
        raise damaged(path, msg("the name '{name}' appears twice", name=name))
    if not isinstance(dtype, str) or dtype not in DTYPE_SIZES:
        raise damaged(path, msg("'{name}' has unknown dtype {dtype!r}", name=name,
                                dtype=short(dtype)))
    if not isinstance(record.get("requires_grad", False), bool):
        raise damaged(path, msg("'{name}' has an invalid requires_grad", name=name))
    seen.add(name)
    return name, dtype


def _member(path: Path, archive: zipfile.ZipFile, member: object, name: str, size: int,
            used: set[str]) -> zipfile.ZipInfo:
    try:
        info = archive.getinfo(member) if isinstance(member, str) else None
    except KeyError:
        info = None
    if info is None or info.file_size != size:
        raise damaged(path, msg("the values of '{name}' are missing or have the wrong size "
                                "(expected {size})", name=name, size=format_bytes(size)))
    if info.filename in used:
        raise damaged(path, msg("{member} is named by more than one tensor entry",
                                member=short(info.filename)))
    check_member_info(path, info)
    used.add(info.filename)
    return info


def _plan_one(path: Path, archive: zipfile.ZipFile, record: object, seen: set[str],
              used: set[str]) -> PlannedTensor:
    if not isinstance(record, dict):
        raise damaged(path, msg("a tensor entry is not an object"))
    name, dtype = _check_names(path, record, seen)
    shape = _check_shape(path, name, record.get("shape"), dtype)
    size = numel_of(shape) * DTYPE_SIZES[dtype]
    data = _member(path, archive, record.get("data"), name, size, used)
    grad = (_member(path, archive, record["grad"], name, size, used) if "grad" in record
            else None)
    return PlannedTensor(name, dtype, shape, data, grad, record.get("requires_grad", False))


def plan_tensors(path: Path, archive: zipfile.ZipFile, records: object) -> list[PlannedTensor]:
    """Check every record and the total against the budget; reads no values."""
    if not isinstance(records, list):
        raise damaged(path, msg("the tensor list is not a list"))
    seen: set[str] = set()
    used: set[str] = set()
    planned = [_plan_one(path, archive, record, seen, used) for record in records]
    total = sum(p.nbytes * (2 if p.grad is not None else 1) for p in planned)
    budget = workspace_format.workspace_budget_bytes()
    if total > budget:
        raise over_budget(path.name, total, budget)
    return planned


def over_budget(file: str, total: int, budget: int) -> DataError:
    return DataError(msg("{file} would hold {size} of tensor values in all, more than the "
                         "{budget} this app keeps in one workspace; nothing was read or "
                         "written. Keep fewer or smaller tensors.", file=file,
                         size=format_bytes(total), budget=format_bytes(budget)), field="path")

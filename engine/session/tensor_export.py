"""The current tensor written to a file: PyTorch ``.pt``, NumPy ``.npy`` or ``.csv``.

- ``.pt``: ``torch.save`` of a detached copy; load it back with
  ``torch.load(path, weights_only=True)`` (dtype, shape and requires_grad kept).
- ``.npy``: ``numpy.save`` without pickle. NumPy has no bfloat16: such tensors are
  written as float32 (said in the result's note).
- ``.csv``: a 2-D tensor is written as rows and columns; any other tensor is flattened
  in row-major order to one value per line, and the file's first line (a ``#`` comment,
  skipped by ``numpy.loadtxt``) says so. Booleans are written as 1 and 0.

Every export is atomic (a temporary file renamed over the target) and is a generator job
that yields Progress and returns a ``TensorExport``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.i18n.messages import compose, join_texts, msg
from engine.session.workspace_file import atomic_output
from engine.session.workspace_format import Job, StrPath

if TYPE_CHECKING:
    import torch
    from numpy.typing import NDArray

FORMATS = ("pt", "npy", "csv")
CSV_ROWS_PER_CHUNK = 2000


@dataclass(frozen=True)
class TensorExport:
    path: str
    format: str
    shape: tuple[int, ...]
    dtype: str
    note: str  # what the user should know about the file (shown after saving)
    load_code: str  # Python that loads the file back


def format_for(path: StrPath, fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else the file's suffix; DataError if unknown."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise DataError(msg("'{suffix}' is not an export format: choose a file name ending in "
                            ".pt, .npy or .csv.", suffix=Path(path).suffix or str(path)),
                        field="path")
    return chosen


def _detached(tensor: object) -> torch.Tensor:
    import torch

    if not isinstance(tensor, torch.Tensor) or tensor.layout != torch.strided:
        raise DataError(msg("Only ordinary (dense) tensors can be exported; try .to_dense()."),
                        field="tensor")
    return tensor.detach().cpu()


def _numpy_values(plain: torch.Tensor) -> tuple[NDArray[Any], str]:
    import torch

    if plain.dtype == torch.bfloat16:
        return plain.to(torch.float32).numpy(), msg(
            "NumPy has no bfloat16, so the values were written as float32.")
    return plain.numpy(), ""


def _write_pt(tensor: torch.Tensor, path: Path) -> tuple[str, str]:
    import torch

    copy = _detached(tensor).clone()  # a clone saves only this tensor's values, not a view's base
    if tensor.requires_grad and tensor.is_leaf:
        copy.requires_grad_(True)
    with atomic_output(path) as handle:
        torch.save(copy, handle)
    note = msg("Load it with torch.load(path, weights_only=True).")
    return note, f"t = torch.load({str(path)!r}, weights_only=True)"


def _write_npy(tensor: torch.Tensor, path: Path) -> tuple[str, str]:
    import numpy as np

    values, note = _numpy_values(_detached(tensor))
    with atomic_output(path) as handle:
        np.save(handle, values, allow_pickle=False)
    return note, f"values = numpy.load({str(path)!r})"


def _csv_layout(values: NDArray[Any]) -> tuple[NDArray[Any], str, str]:
    """(2-D array to write, note for the user, comment line or "")."""
    if values.ndim == 2:
        return values, msg("{rows} rows × {cols} columns.", rows=values.shape[0],
                           cols=values.shape[1]), ""
    shape = tuple(values.shape)
    note = msg("The tensor of shape {shape} was flattened in row-major (C) order to {count} "
               "values, one per line.", shape=shape, count=values.size)
    return values.reshape(-1, 1), note, compose("# {note}", note=note)


def _write_csv(tensor: torch.Tensor, path: Path) -> Job[tuple[str, str]]:
    import numpy as np

    values, widened = _numpy_values(_detached(tensor))
    if values.dtype == np.bool_:
        values = values.astype(np.uint8)
    table, note, comment = _csv_layout(values)
    fmt = "%d" if np.issubdtype(table.dtype, np.integer) else "%s"
    rows = table.shape[0]
    with atomic_output(path) as handle:
        if comment:
            handle.write((comment + "\n").encode("utf-8"))
        for start in range(0, rows, CSV_ROWS_PER_CHUNK):
            text = io.StringIO()
            np.savetxt(text, table[start:start + CSV_ROWS_PER_CHUNK], fmt=fmt, delimiter=",")
            handle.write(text.getvalue().encode("utf-8"))
            yield Progress(min(rows, start + CSV_ROWS_PER_CHUNK), rows, msg("Writing CSV"))
    load = f"values = numpy.loadtxt({str(path)!r}, delimiter=',', ndmin=2)"
    return join_texts(" ", [part for part in (note, widened) if part]), load


def export_tensor(tensor: torch.Tensor, path: StrPath,
                  fmt: str | None = None) -> Job[TensorExport]:
    """Generator job: write ``tensor`` to ``path`` as ``fmt`` (default: the suffix)."""
    target = Path(path)
    chosen = format_for(target, fmt)
    yield Progress(0, None, msg("Exporting the tensor"))
    if chosen == "pt":
        note, load = _write_pt(tensor, target)
    elif chosen == "npy":
        note, load = _write_npy(tensor, target)
    else:
        note, load = yield from _write_csv(tensor, target)
    dtype = str(tensor.dtype).removeprefix("torch.")
    return TensorExport(str(target), chosen, tuple(tensor.shape), dtype, note, load)

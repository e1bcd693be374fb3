"""What the storage strip draws, worked out from a ``StorageMap`` (plain Python, no painting).

A whole map gives every storage cell and up to ``MAX_GRID_ROWS`` rows of elements (rows of
the last dimension); a condensed map gives its first and last elements and cells with
``ELLIPSIS`` where the undrawn ones lie.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gui.tensors.storage_grid import as_rows, format_cell

MAX_GRID_ROWS = 12
ELLIPSIS = -1  # the slot that stands for the elements or cells not drawn


@dataclass
class StripCells:
    elements: list[int] = field(default_factory=list)  # flat index or ELLIPSIS, in order
    targets: dict[int, int] = field(default_factory=dict)  # flat index → storage index
    element_text: dict[int, str] = field(default_factory=dict)
    cells: list[int] = field(default_factory=list)  # storage index or ELLIPSIS, in order
    cell_text: dict[int, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # storage cells some element reads
    columns: int = 1  # of the element grid; 0: wrap like the storage
    more_rows: bool = False  # rows of elements left out below the grid


def slots(indices: np.ndarray, total: int) -> list[int]:
    """Drawn indices in order, with ELLIPSIS where a gap of undrawn ones lies."""
    drawn: list[int] = []
    for position, index in enumerate(indices.tolist()):
        if position and index != drawn[-1] + 1:
            drawn.append(ELLIPSIS)
        drawn.append(int(index))
    if drawn and drawn[-1] != total - 1:
        drawn.append(ELLIPSIS)
    return drawn


def strip_cells(storage_map) -> StripCells:
    if storage_map is None:
        return StripCells()
    if storage_map.is_condensed:
        return _condensed(storage_map)
    return _whole(storage_map)


def _whole(storage_map) -> StripCells:
    values = storage_map.storage_values
    offsets = as_rows(np.asarray(storage_map.offsets))
    rows = min(offsets.shape[0], MAX_GRID_ROWS)
    flat_offsets = offsets[:rows].ravel().tolist()
    return StripCells(
        elements=list(range(len(flat_offsets))),
        targets={flat: int(target) for flat, target in enumerate(flat_offsets)},
        element_text={flat: format_cell(values[t]) for flat, t in enumerate(flat_offsets)},
        cells=list(range(len(values))),
        cell_text={i: format_cell(v) for i, v in enumerate(values)},
        used=set(np.unique(storage_map.offsets).tolist()),
        columns=max(offsets.shape[1], 1), more_rows=offsets.shape[0] > rows)


def _condensed(storage_map) -> StripCells:
    flats = storage_map.element_index.tolist()
    targets = [int(t) for t in storage_map.offsets.tolist()]
    cell_text = {int(i): format_cell(v) for i, v in
                 zip(storage_map.storage_index.tolist(), storage_map.storage_values,
                     strict=True)}
    return StripCells(
        elements=slots(storage_map.element_index, storage_map.numel),
        targets=dict(zip(flats, targets, strict=True)),
        element_text={f: format_cell(v) for f, v in zip(flats, storage_map.element_values,
                                                        strict=True)},
        cells=slots(storage_map.storage_index, storage_map.storage_size),
        cell_text=cell_text,
        used=set(cell_text),  # not known for the cells between: drawn coloured
        columns=0)

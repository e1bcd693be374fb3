"""A Fashion-MNIST of full size (60,000 train and 10,000 test items) made by repeating the
built-in excerpt's images, for the responsiveness jobs when the real files are not on the
machine: the thumbnails and the epoch then run over as many items as the issue asks, read
by the same torchvision code from the same raw IDX format (nothing is downloaded)."""

from __future__ import annotations

import struct
import tempfile
from functools import cache
from pathlib import Path

FULL_COUNTS = {"train": 60_000, "t10k": 10_000}
_HEADER_BYTES = {"images": 16, "labels": 8}  # IDX: magic, count (and rows, cols)
_KEEP: list[tempfile.TemporaryDirectory] = []  # each removes its folder at exit


def _tile_idx(source: Path, target: Path, header_bytes: int, count: int) -> None:
    data = source.read_bytes()
    header, items = data[:header_bytes], data[header_bytes:]
    have = struct.unpack(">I", header[4:8])[0]
    item_bytes = len(items) // have
    repeats = -(-count // have)  # ceiling
    body = (items * repeats)[:count * item_bytes]
    target.write_bytes(header[:4] + struct.pack(">I", count) + header[8:] + body)


@cache
def full_size_root() -> Path:
    """A temporary root holding ``FashionMNIST/raw`` at full size; removed at exit."""
    from engine.datasets.excerpt import excerpt_root

    folder = tempfile.TemporaryDirectory(prefix="torchscope-bench-fashion-")
    _KEEP.append(folder)  # removed when the process ends
    raw_in = excerpt_root() / "FashionMNIST" / "raw"
    raw_out = Path(folder.name) / "FashionMNIST" / "raw"
    raw_out.mkdir(parents=True)
    for split, count in FULL_COUNTS.items():
        for kind, header_bytes in _HEADER_BYTES.items():
            name = f"{split}-{kind}-idx{3 if kind == 'images' else 1}-ubyte"
            _tile_idx(raw_in / name, raw_out / name, header_bytes, count)
    return Path(folder.name)


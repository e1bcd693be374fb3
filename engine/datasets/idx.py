"""Checking Fashion-MNIST's raw IDX files before torchvision reads them.

torchvision's reader fails on a truncated or swapped file with a bare ``AssertionError`` or
a reshape error; these checks say which file is wrong and how. Only headers and sizes are
read (plus the labels, which are small); nothing is written.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from engine.core.errors import DataError
from engine.i18n.messages import msg

NUM_CLASSES = 10
IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
FILE_NAMES = {
    (True, "images"): "train-images-idx3-ubyte",
    (True, "labels"): "train-labels-idx1-ubyte",
    (False, "images"): "t10k-images-idx3-ubyte",
    (False, "labels"): "t10k-labels-idx1-ubyte",
}


def raw_folder(root: str | Path) -> Path:
    return Path(root) / "FashionMNIST" / "raw"


def expected_files(root: str | Path, train: bool) -> tuple[Path, Path]:
    folder = raw_folder(root)
    return folder / FILE_NAMES[(train, "images")], folder / FILE_NAMES[(train, "labels")]


def missing_files_message(root: str | Path) -> str:
    names = ", ".join(FILE_NAMES.values())
    return msg("Place the four uncompressed IDX files ({names}) in {folder}.",
               names=names, folder=raw_folder(root))


def _header(path: Path, magic: int, dims: int) -> tuple[int, ...]:
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4 + 4 * dims)
    if len(head) < 4 + 4 * dims:
        raise DataError(msg("{file} is truncated: only {size} bytes, not even a header.",
                            file=path, size=size), field="root")
    found = struct.unpack(">I", head[:4])[0]
    if found != magic:
        kind = {IMAGES_MAGIC: "images", LABELS_MAGIC: "labels"}.get(found, "unknown")
        raise DataError(msg("{file} is not an IDX {expected} file (its header says {found}). "
                            "Were two files swapped or renamed?", file=path,
                            expected="images" if magic == IMAGES_MAGIC else "labels",
                            found=kind), field="root")
    shape = struct.unpack(f">{dims}I", head[4:])
    expected = 4 + 4 * dims + int(np.prod(shape))
    if size != expected:
        raise DataError(msg("{file} has {size} bytes but its header announces {shape}, which "
                            "needs {expected} bytes: the file is truncated or damaged.",
                            file=path, size=size, shape=shape, expected=expected),
                        field="root")
    return shape


def check_idx_pair(root: str | Path, train: bool) -> int:
    """Validate one images/labels pair; returns the number of items or raises DataError."""
    images_path, labels_path = expected_files(root, train)
    for path in (images_path, labels_path):
        if not path.is_file():
            raise DataError(msg("Missing file {file}. {hint}", file=path,
                                hint=missing_files_message(root)), field="root")
    count, rows, cols = _header(images_path, IMAGES_MAGIC, 3)
    if (rows, cols) != (28, 28):
        raise DataError(msg("{file} holds {rows}×{cols} images; Fashion-MNIST images are "
                            "28×28.", file=images_path, rows=rows, cols=cols), field="root")
    (label_count,) = _header(labels_path, LABELS_MAGIC, 1)
    if label_count != count:
        raise DataError(msg("{images} has {count} images but {labels} has {label_count} "
                            "labels: they must match.", images=images_path.name, count=count,
                            labels=labels_path.name, label_count=label_count), field="root")
    labels = np.frombuffer(labels_path.read_bytes()[8:], dtype=np.uint8)
    bad = np.flatnonzero(labels >= NUM_CLASSES)
    if bad.size:
        raise DataError(msg("{file}: label {value} at item {index} is outside 0–9 "
                            "({count} bad labels in all).", file=labels_path.name,
                            value=int(labels[bad[0]]), index=int(bad[0]), count=bad.size),
                        field="root")
    return count

"""Generated test data: a small, drawn look-alike of Fashion-MNIST (tests and benchmarks).

It is NOT real data and the app never shows it (the built-in dataset is the real excerpt,
see ``engine.datasets.excerpt``): every image is a simple drawn shape (a T-shirt is a torso
with short sleeves, a trouser two legs...) with random shifts, sizes, brightness and noise.
``write_sample(root)`` writes it in the raw IDX layout that
``torchvision.datasets.FashionMNIST`` reads, e.g. for tests of broken files::

    python -m engine.datasets.sample OUT_FOLDER

Uses numpy only (no torch) and is deterministic: the same files every time.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from engine.datasets.idx import FILE_NAMES, IMAGES_MAGIC, LABELS_MAGIC

SIDE = 28
TRAIN_COUNT = 600
TEST_COUNT = 100
SEED = 20240607


Grid = NDArray[np.float64]  # row or column coordinate of every pixel
Mask = NDArray[np.bool_]
Jitter = tuple[float, float] | NDArray[np.float64]  # (down, right) shift of the shape


def _box(yy: Grid, xx: Grid, top: float, bottom: float, left: float,
         right: float) -> Mask:
    return (yy >= top) & (yy <= bottom) & (xx >= left) & (xx <= right)


def _trapezoid(yy: Grid, xx: Grid, top: float, bottom: float, top_half: float,
               bottom_half: float, centre: float) -> Mask:
    t = np.clip((yy - top) / max(bottom - top, 1e-6), 0, 1)
    half = top_half + (bottom_half - top_half) * t
    return (yy >= top) & (yy <= bottom) & (np.abs(xx - centre) <= half)


def _torso(yy: Grid, xx: Grid, j: Jitter, length: float) -> Mask:
    return _box(yy, xx, 5 + j[0], 5 + length + j[0], 9 + j[1], 18 + j[1])


def _tshirt(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    sleeves = _box(yy, xx, 5 + j[0], 10 + j[0], 4 + j[1], 23 + j[1])
    return _torso(yy, xx, j, 17) | sleeves


def _trouser(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    waist = _box(yy, xx, 3 + j[0], 7 + j[0], 9 + j[1], 18 + j[1])
    left = _box(yy, xx, 3 + j[0], 25, 9 + j[1], 12.5 + j[1])
    right = _box(yy, xx, 3 + j[0], 25, 14.5 + j[1], 18 + j[1])
    return waist | left | right


def _long_sleeves(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    shoulders = _box(yy, xx, 5 + j[0], 9 + j[0], 5 + j[1], 22 + j[1])
    left = _trapezoid(yy, xx, 6 + j[0], 23 + j[0], 2.5, 2, 6.5 + j[1])
    right = _trapezoid(yy, xx, 6 + j[0], 23 + j[0], 2.5, 2, 20.5 + j[1])
    return shoulders | left | right


def _pullover(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    return _torso(yy, xx, j, 18) | _long_sleeves(yy, xx, j)


def _dress(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    return _trapezoid(yy, xx, 2 + j[0], 26, 3, 9.5, 13.5 + j[1])


def _coat(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    body = _box(yy, xx, 3 + j[0], 26, 8 + j[1], 19 + j[1]) | _long_sleeves(yy, xx, j)
    zipper = _box(yy, xx, 3 + j[0], 26, 13 + j[1], 14 + j[1])
    return body & ~zipper


def _sandal(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    sole = _box(yy, xx, 19 + j[0], 20 + j[0], 2 + j[1], 25 + j[1])
    straps = np.zeros_like(sole)
    for k in range(4):
        straps |= _box(yy, xx, 12 + j[0], 19 + j[0], 5 + 5 * k + j[1], 6 + 5 * k + j[1])
    return sole | straps


def _shirt(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    shape = _pullover(yy, xx, j)
    collar = _trapezoid(yy, xx, 5 + j[0], 9 + j[0], 2.5, 0.2, 13.5 + j[1])
    buttons = np.zeros_like(shape)
    for k in range(4):
        buttons |= _box(yy, xx, 11 + 3 * k + j[0], 11 + 3 * k + j[0], 13 + j[1], 14 + j[1])
    return shape & ~collar & ~buttons


def _sneaker(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    upper = _trapezoid(yy, xx, 12 + j[0], 19 + j[0], 5, 12, 14 + j[1])
    sole = _box(yy, xx, 19 + j[0], 21 + j[0], 1 + j[1], 26 + j[1])
    return upper | sole


def _bag(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    body = _box(yy, xx, 10 + j[0], 25, 4 + j[1], 23 + j[1])
    radius = np.hypot(yy - (10 + j[0]), xx - (13.5 + j[1]))
    handle = (radius >= 4.5) & (radius <= 6.5) & (yy <= 10 + j[0])
    return body | handle


def _ankle_boot(yy: Grid, xx: Grid, j: Jitter) -> Mask:
    shaft = _box(yy, xx, 4 + j[0], 22 + j[0], 6 + j[1], 15 + j[1])
    foot = _box(yy, xx, 15 + j[0], 22 + j[0], 6 + j[1], 25 + j[1])
    heel = _box(yy, xx, 22 + j[0], 24 + j[0], 6 + j[1], 10 + j[1])
    return shaft | foot | heel


DRAWERS = (_tshirt, _trouser, _pullover, _dress, _coat, _sandal, _shirt, _sneaker, _bag,
           _ankle_boot)


def draw_item(label: int, rng: np.random.Generator) -> np.ndarray:
    """One 28×28 uint8 image of class ``label``: shape, jitter, shading and noise."""
    yy, xx = np.mgrid[0:SIDE, 0:SIDE].astype(np.float64)
    scale = rng.uniform(0.85, 1.1)
    yy = (yy - 14) / scale + 14
    xx = (xx - 14) / scale + 14
    jitter = rng.uniform(-1.5, 1.5, size=2)
    mask = DRAWERS[label](yy, xx, jitter)
    brightness = rng.uniform(120, 240)
    shading = 1 - 0.35 * (yy / SIDE) * rng.uniform(0, 1)
    texture = rng.normal(0, 18, size=(SIDE, SIDE))
    image = mask * (brightness * shading + texture)
    image += rng.normal(0, 4, size=(SIDE, SIDE)).clip(0, None)
    return image.clip(0, 255).astype(np.uint8)


def generate(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` images (count, 28, 28) uint8 and labels (count,) uint8, classes balanced."""
    rng = np.random.default_rng(seed)
    labels = np.resize(np.arange(10, dtype=np.uint8), count)
    rng.shuffle(labels)
    images = np.stack([draw_item(int(label), rng) for label in labels])
    return images, labels


def idx_bytes(array: np.ndarray, magic: int) -> bytes:
    """A uint8 array in the big-endian IDX format (magic, then one int32 per dimension)."""
    header = struct.pack(">I", magic) + b"".join(struct.pack(">I", n) for n in array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_sample(root: Path) -> list[Path]:
    """Write the four IDX files under ``root/FashionMNIST/raw``; returns their paths."""
    raw = Path(root) / "FashionMNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    written = []
    for train, count, seed in ((True, TRAIN_COUNT, SEED), (False, TEST_COUNT, SEED + 1)):
        images, labels = generate(count, seed)
        for kind, array, magic in (("images", images, IMAGES_MAGIC),
                                   ("labels", labels, LABELS_MAGIC)):
            path = raw / FILE_NAMES[(train, kind)]
            path.write_bytes(idx_bytes(array, magic))
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_sample(Path(sys.argv[1])):
        print(written_path)

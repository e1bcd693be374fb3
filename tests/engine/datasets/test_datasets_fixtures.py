"""Test data for the Datasets tests, made here (never copied from real data sets).

Imported by the other test_datasets* modules; the two tests at the end check the helpers.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from engine.datasets.idx import IMAGES_MAGIC, LABELS_MAGIC
from engine.datasets.sample import generate, idx_bytes, write_sample


def drain(generator):
    """Run a generator job to the end; returns (its result, the Progress records)."""
    records = []
    while True:
        try:
            records.append(next(generator))
        except StopIteration as stop:
            return stop.value, records


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def bomb_png(path: Path, side: int = 100_000) -> Path:
    """A tiny file whose header claims a side×side image: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
                     + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b""))
    return path


def corrupt_png(path: Path) -> Path:
    """A PNG with a damaged IDAT chunk (its checksum no longer matches)."""
    Image.fromarray(np.arange(28 * 28, dtype=np.uint8).reshape(28, 28)).save(path)
    raw = bytearray(path.read_bytes())
    start = raw.index(b"IDAT") + 8
    raw[start] ^= 0xFF
    path.write_bytes(bytes(raw))
    return path


def bad_crc_png(path: Path) -> Path:
    """A PNG whose pixels are intact but whose IDAT checksum is wrong (one CRC byte
    flipped), like PngSuite's xcsn0g01.png: Pillow decodes it without a word."""
    Image.fromarray(np.arange(28 * 28, dtype=np.uint8).reshape(28, 28)).save(path)
    raw = bytearray(path.read_bytes())
    start = raw.index(b"IDAT") - 4
    length = struct.unpack(">I", raw[start:start + 4])[0]
    raw[start + 8 + length] ^= 0xFF  # the first byte of the chunk's CRC
    path.write_bytes(bytes(raw))
    return path


def exif_rotated_jpeg(path: Path, orientation: int = 6) -> Path:
    """A 40×20 JPEG (bright left half, dark right half) stored with an EXIF orientation,
    as a phone stores a photo taken sideways."""
    pixels = np.zeros((20, 40), dtype=np.uint8)
    pixels[:, :20] = 230
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(pixels).convert("RGB").save(path, quality=95, exif=exif.tobytes())
    return path


def landmarks_csv(folder: Path, rows: int = 6, points: int = 68) -> tuple[Path, Path]:
    """(face_landmarks.csv, its image folder): an image name plus 2×``points`` whole-number
    coordinates per row, as in PyTorch's data loading tutorial, and the images it names."""
    rng = np.random.default_rng(2)
    folder.mkdir(parents=True, exist_ok=True)
    header = ["image_name"] + [f"part_{i}_{axis}" for i in range(points) for axis in "xy"]
    lines = [",".join(header)]
    for row in range(rows):
        name = f"face_{row}.png"
        Image.fromarray(rng.integers(0, 255, (32, 32), dtype=np.uint8)).save(folder / name)
        lines.append(",".join([name, *map(str, rng.integers(20, 300, 2 * points))]))
    path = folder / "face_landmarks.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, folder


def make_csv_dataset(folder: Path, count: int = 12, seed: int = 3, header: str = "filename,label",
                     separator: str = ",") -> tuple[Path, Path, np.ndarray]:
    """(annotations.csv, img folder, labels): ``count`` PNGs drawn by the sample generator."""
    images, labels = generate(count, seed)
    img_dir = folder / "img"
    img_dir.mkdir(parents=True, exist_ok=True)
    lines = [header.replace(",", separator)] if header else []
    for i, (image, label) in enumerate(zip(images, labels, strict=True)):
        Image.fromarray(image).save(img_dir / f"item_{i:03d}.png")
        lines.append(f"item_{i:03d}.png{separator}{int(label)}")
    csv_path = folder / "annotations.csv"
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path, img_dir, labels.astype(np.int64)


PHOTO_CLASSES = ("boot", "shirt")


def photo(label: int, rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """A small photo-like RGB picture: a lit, noisy background and a coloured blob whose
    shape tells the class (a wide dark ellipse or a tall bright rectangle)."""
    width, height = size
    yy, xx = np.mgrid[0:height, 0:width] / np.array([height, width])[:, None, None]
    light = 150 + 60 * xx[..., None] * rng.uniform(0.5, 1.0, 3) + rng.normal(0, 8, (height,
                                                                                    width, 3))
    cx, cy = rng.uniform(0.4, 0.6, 2)
    if label == 0:
        mask = ((xx - cx) / 0.35) ** 2 + ((yy - cy) / 0.2) ** 2 <= 1
        colour = np.array([70, 45, 30]) + rng.normal(0, 10, 3)
    else:
        mask = (abs(xx - cx) < 0.2) & (abs(yy - cy) < 0.38)
        colour = np.array([40, 110, 220]) + rng.normal(0, 10, 3)
    pixels = np.where(mask[..., None], colour, light)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8), "RGB")


def make_photo_folder(folder: Path, per_class: int = 6, words: bool = False,
                      sizes: tuple[tuple[int, int], ...] = ((48, 40), (40, 48), (56, 44))
                      ) -> tuple[Path, Path, np.ndarray]:
    """(annotations.csv, images folder, labels): a two-class photo folder of varied sizes,
    labelled 0/1 (or by class name with ``words``), in the tutorial layout (CSV beside
    ``images/``)."""
    rng = np.random.default_rng(7)
    img_dir = folder / "images"
    img_dir.mkdir(parents=True, exist_ok=True)
    labels = np.array([i % 2 for i in range(2 * per_class)], dtype=np.int64)
    lines = ["image,label"]
    for i, label in enumerate(labels):
        name = f"photo_{i:03d}.jpg"
        photo(int(label), rng, sizes[i % len(sizes)]).save(img_dir / name, quality=90)
        lines.append(f"{name},{PHOTO_CLASSES[label] if words else int(label)}")
    csv_path = folder / "annotations.csv"
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path, img_dir, labels


def make_image_folder(folder: Path, per_class: int = 3) -> Path:
    root = folder / "classes"
    images, labels = generate(per_class * 3, 5)
    for i, (image, label) in enumerate(zip(images, labels, strict=True)):
        class_dir = root / f"class_{int(label) % 3}"
        class_dir.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image).save(class_dir / f"{i}.png")
    return root


def make_idx_root(folder: Path) -> Path:
    write_sample(folder)
    return folder


def write_idx(path: Path, array: np.ndarray, magic: int) -> None:
    path.write_bytes(idx_bytes(array, magic))


def tree_digest(folder: Path) -> str:
    """A hash of every file's name and bytes: proves nothing was modified."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def test_bomb_header_claims_a_huge_image(tmp_path):
    with Image.open(bomb_png(tmp_path / "bomb.png", 6000)) as image:
        assert image.size == (6000, 6000)
    assert (tmp_path / "bomb.png").stat().st_size < 200


def test_photo_folder_has_two_classes_of_varied_sizes(tmp_path):
    csv_path, img_dir, labels = make_photo_folder(tmp_path, per_class=3)
    sizes = {Image.open(path).size for path in img_dir.iterdir()}
    assert len(sizes) == 3 and labels.tolist() == [0, 1, 0, 1, 0, 1]
    assert csv_path.read_text().splitlines()[1] == "photo_000.jpg,0"


def test_idx_round_trip(tmp_path):
    labels = np.array([1, 2, 3], dtype=np.uint8)
    write_idx(tmp_path / "l", labels, LABELS_MAGIC)
    raw = (tmp_path / "l").read_bytes()
    assert struct.unpack(">II", raw[:8]) == (LABELS_MAGIC, 3)
    assert list(raw[8:]) == [1, 2, 3]
    assert IMAGES_MAGIC == 2051

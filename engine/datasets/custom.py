"""Custom datasets from the user's files: CSV + image folder, and ImageFolder.

Every row or file is checked once, up front, as a generator yielding Progress: a missing
file, a name pointing outside the image folder, a label that is missing, not a whole number
or outside the label map, a non-image, corrupt or damaged image (a wrong PNG checksum), an
image too large to decode safely. Bad items are skipped and reported (row number or file
name, and why); the rest loads. Decoding is done with Pillow (see
engine.datasets.image_safety). Nothing is written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image
from torch.utils.data import Dataset

from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.datasets.image_integrity import png_damage
from engine.datasets.image_safety import IMAGE_SUFFIXES, is_image_name, open_image
from engine.datasets.label_map import LabelMap
from engine.i18n.messages import Text, msg

if TYPE_CHECKING:
    import pandas as pd

PROGRESS_EVERY_S = 0.08
MAX_FILES = 200_000


@dataclass(frozen=True)
class Skipped:
    where: str  # "row 5" or a file name
    reason: str


@dataclass(frozen=True)
class CheckedItems:
    paths: tuple[str, ...]
    labels: tuple[int, ...]
    keep_rows: tuple[int, ...]  # DataFrame positions kept (CSV only)
    skipped: tuple[Skipped, ...]
    mode: str  # "L" when every kept image is grayscale, else "RGB"


def load_image(path: str, mode: str) -> Image.Image:
    """Decode with Pillow in ``mode``, after the header checks of image_safety, upright
    by its EXIF orientation (as ``ImageOps.exif_transpose``)."""
    return open_image(Path(path)).convert(mode)


class CustomImageDataset(Dataset):
    """The note's custom Dataset: one (file name, label) row of ``annotations`` per item.

    Pillow decodes each image when it is asked for (torchvision.io.read_image can crash
    the process on some corrupt PNG files; Pillow raises an exception instead).
    """

    def __init__(self, annotations: pd.DataFrame, img_dir: str,
                 transform: Callable[[Any], Any] | None = None,
                 target_transform: Callable[[int], Any] | None = None,
                 mode: str = "L") -> None:
        self.img_labels = annotations
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform
        self.mode = mode

    def __len__(self) -> int:
        return len(self.img_labels)

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        img_path = os.path.join(self.img_dir, self.img_labels.iloc[idx, 0])
        image: Any = load_image(img_path, self.mode)
        label: Any = int(self.img_labels.iloc[idx, 1])
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def _path_problem(folder: Path, name: str) -> tuple[Path | None, Text | None]:
    if not name.strip():
        return None, msg("the file name is missing")
    path = (folder / name.strip()).resolve()
    if not path.is_relative_to(folder):
        return None, msg("'{name}' points outside the image folder", name=name)
    if not path.is_file():
        return None, msg("'{name}' does not exist in the image folder", name=name)
    return path, None


def _image_problem(path: Path) -> tuple[str | None, str]:
    """(problem or None, image mode): damaged (a PNG checksum), unreadable, or fine."""
    damage = png_damage(path)
    if damage is not None:
        return damage, ""
    try:
        return None, open_image(path).mode
    except DataError as exc:
        return exc.message, ""


def _row_problem(folder: Path, name: str, label_text: str,
                 label_map: LabelMap) -> tuple[str, int, str | None, str]:
    """(resolved path, class index, problem or None, image mode) of one CSV row."""
    path, problem = _path_problem(folder, name)
    label, label_problem = label_map.index(label_text)
    label_problem = problem or label_problem
    if path is None or label is None or label_problem is not None:
        return "", -1, label_problem, ""
    image_problem, mode = _image_problem(path)
    return str(path), label, image_problem, mode


def check_rows(frame: pd.DataFrame, img_dir: Path, label_map: LabelMap,
               lines: list[int]) -> Generator[Progress, None, CheckedItems]:
    """Generator: check every row of a (filename, label) DataFrame; returns CheckedItems.

    ``lines`` holds each row's line number in the file (the header and blank lines counted),
    which the report of skipped rows names."""
    folder = Path(img_dir).resolve()
    if not folder.is_dir():
        raise DataError(msg("Image folder not found: {path}", path=img_dir), field="img_dir")
    paths: list[str] = []
    labels: list[int] = []
    keep: list[int] = []
    skipped: list[Skipped] = []
    modes: set[str] = set()
    last = time.monotonic()
    for position, (name, label_text) in enumerate(frame.itertuples(index=False, name=None)):
        path, label, problem, mode = _row_problem(folder, str(name), str(label_text),
                                                  label_map)
        modes.add(mode)
        if problem is not None:
            line = lines[position] if position < len(lines) else position + 1
            skipped.append(Skipped(msg("line {line}", line=line), problem))
        else:
            paths.append(path)
            labels.append(label)
            keep.append(position)
        if time.monotonic() - last > PROGRESS_EVERY_S:
            last = time.monotonic()
            yield Progress(position + 1, len(frame), msg("Checking images"))
    return _finish(paths, labels, keep, skipped, modes, len(frame))


def _finish(paths: list[str], labels: list[int], keep: Iterable[int], skipped: list[Skipped],
            modes: set[str], total: int) -> CheckedItems:
    if not paths:
        first = "; ".join(f"{s.where}: {s.reason}" for s in skipped[:3])
        raise DataError(msg("None of the {total} items can be used. First problems: {first}",
                            total=total, first=first or "-"), field="annotations")
    modes.discard("")
    mode = "L" if modes <= {"L"} else "RGB"
    return CheckedItems(tuple(paths), tuple(labels), tuple(keep), tuple(skipped), mode)


def find_classes(root: Path) -> tuple[str, ...]:
    root = Path(root)
    if not root.is_dir():
        raise DataError(msg("Folder not found: {path}", path=root), field="img_dir")
    classes = tuple(sorted(p.name for p in root.iterdir() if p.is_dir()))
    if not classes:
        raise DataError(msg("{path} has no sub-folders: ImageFolder expects one sub-folder "
                            "per class (e.g. {path}/cat/1.png, {path}/dog/2.png).", path=root),
                        field="img_dir")
    return classes


def _list_files(root: Path,
                classes: tuple[str, ...]) -> Generator[Progress, None, list[tuple[int, Path]]]:
    """Generator: (class index, path) of every file, yielding Progress while it lists."""
    files: list[tuple[int, Path]] = []
    last = time.monotonic()
    for index, name in enumerate(classes):
        for path in sorted((root / name).rglob("*")):
            if path.is_file():
                files.append((index, path))
            if len(files) > MAX_FILES:
                raise DataError(msg("{path} holds more than {limit} files, more than this "
                                    "app checks.", path=root, limit=MAX_FILES),
                                field="img_dir")
            if time.monotonic() - last > PROGRESS_EVERY_S:
                last = time.monotonic()
                yield Progress(len(files), None, msg("Listing files"))
    return files


def _file_problem(root: Path, path: Path) -> tuple[str | None, str]:
    """(problem or None, image mode) of one file of an ImageFolder tree."""
    if not path.resolve().is_relative_to(root):
        return msg("it points outside the folder"), ""
    if not is_image_name(path):
        return msg("not an image file name ({suffixes})", suffixes=" ".join(IMAGE_SUFFIXES)), ""
    return _image_problem(path)


def check_image_folder(
        root: Path) -> Generator[Progress, None, tuple[tuple[str, ...], CheckedItems]]:
    """Generator: check every file of an ImageFolder tree; returns (classes, CheckedItems)."""
    root = Path(root).resolve()
    classes = find_classes(root)
    files = yield from _list_files(root, classes)
    paths: list[str] = []
    labels: list[int] = []
    skipped: list[Skipped] = []
    modes: set[str] = set()
    last = time.monotonic()
    for done, (label, path) in enumerate(files):
        problem, mode = _file_problem(root, path)
        modes.add(mode)
        if problem:
            skipped.append(Skipped(str(path.relative_to(root)), problem))
        else:
            paths.append(str(path))
            labels.append(label)
        if time.monotonic() - last > PROGRESS_EVERY_S:
            last = time.monotonic()
            yield Progress(done + 1, len(files), msg("Checking images"))
    return classes, _finish(paths, labels, (), skipped, modes, len(files))


def item_path(dataset: object, index: int) -> str | None:
    """The image file behind item ``index`` of a custom dataset (None for other kinds)."""
    if isinstance(dataset, CustomImageDataset):
        return os.path.join(dataset.img_dir, str(dataset.img_labels.iloc[index, 0]))
    samples = getattr(dataset, "samples", None)
    if isinstance(samples, list) and 0 <= index < len(samples):
        return str(samples[index][0])
    return None


class AllowedFiles:
    """A picklable ``is_valid_file`` for ImageFolder: only the files that passed the checks."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = frozenset(paths)

    def __call__(self, path: str) -> bool:
        return path in self.paths


class SafeLoader:
    """A picklable ImageFolder ``loader`` decoding with Pillow in a fixed mode."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def __call__(self, path: str) -> Image.Image:
        return load_image(path, self.mode)

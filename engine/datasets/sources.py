"""Opening a dataset: the built-in sample, Fashion-MNIST, a CSV + image folder, ImageFolder.

``load_source(spec, transform_spec)`` is a generator job (it yields Progress) returning a
``LoadedDataset``: the torch Dataset (kept opaque; only engine functions use it), plain facts
for the GUI (length, labels, class names, what was skipped) and the code that builds it.
"""

from __future__ import annotations

import copy
import socket
import threading
import urllib.error
import urllib.parse
from collections.abc import Generator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from torch.utils.data import Dataset

from engine.core.codegen import CodeStep
from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.datasets import code as datasets_code
from engine.datasets.csv_table import detect_layout, read_annotations
from engine.datasets.custom import (
    AllowedFiles,
    CheckedItems,
    CustomImageDataset,
    SafeLoader,
    Skipped,
    check_image_folder,
    check_rows,
)
from engine.datasets.idx import check_idx_pair, expected_files, missing_files_message, raw_folder
from engine.datasets.sample import sample_root
from engine.datasets.transforms import TransformSpec, build_transform
from engine.i18n.messages import compose, msg

SAMPLE, FASHION, CSV, FOLDER = "sample", "fashion", "csv", "folder"
FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                   "Sneaker", "Bag", "Ankle boot")
DOWNLOAD_TIMEOUT_S = 10


@dataclass(frozen=True)
class SourceSpec:
    kind: str = SAMPLE
    root: str = ""  # Fashion-MNIST root, image folder (CSV) or ImageFolder root
    train: bool = True
    download: bool = False
    annotations: str = ""  # the CSV file (kind == CSV)
    filename_column: str = ""
    label_column: str = ""
    class_names: tuple[str, ...] = FASHION_CLASSES


@dataclass(frozen=True)
class LoadedDataset:
    spec: SourceSpec
    dataset: Dataset[Any] = field(repr=False, compare=False)  # without transforms
    variable: str  # its name in the generated code
    length: int
    labels: np.ndarray  # one int per item
    class_names: tuple[str, ...]
    generated: bool  # the built-in sample: drawn shapes, not real photos
    skipped: tuple[Skipped, ...]
    columns: tuple[str, ...]  # CSV columns, for the column choosers
    build_code: str  # imports + dataset construction (uses `transform`, `target_transform`)
    step: CodeStep

    @property
    def num_classes(self) -> int:
        """Classes for one-hot targets: the label map, or more if the labels need it."""
        highest = int(self.labels.max()) + 1 if self.length else 0
        return max(len(self.class_names), highest, 1)

    def with_transforms(self, spec: TransformSpec) -> Dataset[Any]:
        """A shallow copy of the dataset with the transform chain of ``spec`` applied."""
        transform, target = build_transform(spec, self.num_classes)
        dataset: Any = copy.copy(self.dataset)
        dataset.transform, dataset.target_transform = transform, target
        if hasattr(dataset, "transforms"):
            dataset.transforms = None  # VisionDataset's combined form is not used by these
        return dataset


def transformed_name(variable: str) -> str:
    """The loader's dataset (with transforms): a second name, so that the untransformed
    dataset, which the grid and preview code index for PIL images, keeps its meaning."""
    return f"{variable}_transformed"


def _fashion(root: str, train: bool, download: bool) -> Any:
    from torchvision import datasets

    if download:
        _download(root, train)
    check_idx_pair(root, train)
    try:
        return datasets.FashionMNIST(root=root, train=train, download=False)
    except (RuntimeError, ValueError, AssertionError, OSError) as exc:
        raise DataError(msg("torchvision could not read the files in {folder}. {hint}",
                            folder=raw_folder(root), hint=missing_files_message(root)),
                        field="root", torch_error=str(exc) or type(exc).__name__) from exc


def _resolve(url: str, timeout: float) -> None:
    """Look the host up on a daemon thread: a stuck DNS lookup ignores socket timeouts."""
    host = urllib.parse.urlparse(url).hostname or ""
    outcome: list[object] = []

    def lookup() -> None:
        try:
            outcome.append(socket.getaddrinfo(host, 80))
        except OSError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise OSError(f"looking up {host} took more than {timeout:g} s")
    if isinstance(outcome[0], OSError):
        raise outcome[0]


def _download(root: str, train: bool) -> None:
    """download=True: fetch the files unless they are there (as torchvision would)."""
    from torchvision import datasets

    if all(path.is_file() for path in expected_files(root, train)):
        return
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT_S)
    try:
        _resolve(datasets.FashionMNIST.mirrors[0], DOWNLOAD_TIMEOUT_S)
        datasets.FashionMNIST(root=root, train=train, download=True)
    except (urllib.error.URLError, OSError, RuntimeError, ValueError) as exc:
        raise DataError(msg("Downloading Fashion-MNIST failed (no network?). {hint}",
                            hint=missing_files_message(root)), field="download",
                        torch_error=str(exc).strip() or type(exc).__name__) from exc
    finally:
        socket.setdefaulttimeout(previous)


@dataclass(frozen=True)
class _Opened:
    """What one kind of source produced, before it becomes a LoadedDataset."""

    dataset: Dataset[Any]
    variable: str
    labels: np.ndarray
    code: tuple[str, str]  # the dataset's code without, and with, the transform chain
    skipped: tuple[Skipped, ...] = ()
    columns: tuple[str, ...] = ()
    class_names: tuple[str, ...] | None = None  # ImageFolder: the folder names


def _idx_loaded(spec: SourceSpec) -> Generator[Progress, None, _Opened]:
    root = str(sample_root()) if spec.kind == SAMPLE else spec.root
    if not root:
        raise DataError(msg("Choose the root folder (the one that contains FashionMNIST/raw)."),
                        field="root")
    if not Path(root).is_dir():
        raise DataError(msg("Folder not found: {path}", path=root), field="root")
    yield Progress(0, 1, msg("Reading {folder}", folder=raw_folder(root)))
    dataset = _fashion(root, spec.train, spec.download and spec.kind == FASHION)
    yield Progress(1, 1, msg("Reading {folder}", folder=raw_folder(root)))
    variable = "training_data" if spec.train else "test_data"
    plain, transformed = (
        datasets_code.fashion_code(transformed_name(variable) if with_t else variable, root,
                                   spec.train, spec.download, with_t, sample=spec.kind == SAMPLE)
        for with_t in (False, True))
    return _Opened(dataset, variable, dataset.targets.numpy().astype(np.int64),
                   (plain, transformed))


def _require_folder(spec: SourceSpec) -> None:
    if not spec.root.strip():
        raise DataError(msg("Choose the image folder."), field="root")


def _csv_loaded(spec: SourceSpec) -> Generator[Progress, None, _Opened]:
    import pandas as pd

    _require_folder(spec)
    if not spec.annotations.strip():
        raise DataError(msg("Choose the annotations CSV file."), field="annotations")
    layout = detect_layout(Path(spec.annotations), spec.filename_column, spec.label_column)
    frame = read_annotations(Path(spec.annotations), layout)
    checked: CheckedItems = yield from check_rows(frame, Path(spec.root),
                                                  max(len(spec.class_names), 1),
                                                  1 if layout.has_header else 0)
    kept = frame.iloc[list(checked.keep_rows)].reset_index(drop=True)
    kept = pd.DataFrame({kept.columns[0]: kept.iloc[:, 0].str.strip(),
                         kept.columns[1]: kept.iloc[:, 1].str.strip().astype(int)})
    dataset = CustomImageDataset(kept, spec.root, mode=checked.mode)
    dropped = sorted(set(range(len(frame))) - set(checked.keep_rows))
    plain, transformed = (
        datasets_code.csv_code(transformed_name("custom_data") if with_t else "custom_data",
                               Path(spec.annotations), layout, spec.root, dropped, checked.mode,
                               with_t) for with_t in (False, True))
    return _Opened(dataset, "custom_data", np.array(checked.labels, dtype=np.int64),
                   (plain, transformed), checked.skipped, layout.columns)


def _folder_loaded(spec: SourceSpec) -> Generator[Progress, None, _Opened]:
    from torchvision import datasets

    _require_folder(spec)
    classes, checked = yield from check_image_folder(Path(spec.root))
    root = str(Path(spec.root).resolve())
    dataset = datasets.ImageFolder(root, loader=SafeLoader(checked.mode),
                                   is_valid_file=AllowedFiles(checked.paths), allow_empty=True)
    plain, transformed = (
        datasets_code.folder_code(transformed_name("folder_data") if with_t else "folder_data",
                                  root, checked, classes, with_t) for with_t in (False, True))
    return _Opened(dataset, "folder_data", np.array(dataset.targets, dtype=np.int64),
                   (plain, transformed), checked.skipped, (), classes)


def load_source(spec: SourceSpec) -> Generator[Progress, None, LoadedDataset]:
    """Generator job: open the source described by ``spec``; returns a LoadedDataset."""
    if spec.kind in (SAMPLE, FASHION):
        opened = yield from _idx_loaded(spec)
    elif spec.kind == CSV:
        opened = yield from _csv_loaded(spec)
    elif spec.kind == FOLDER:
        opened = yield from _folder_loaded(spec)
    else:
        raise DataError(msg("Unknown source '{kind}'.", kind=spec.kind), field="source")
    if opened.class_names is not None:
        spec = replace(spec, class_names=opened.class_names)
    length, variable = len(opened.labels), opened.variable
    code = compose("{code}print(len({variable}))\n", code=opened.code[0], variable=variable)
    step = CodeStep(msg("Load {name}", name=variable), code,
                    datasets_code.source_explanation(spec.kind, length, len(opened.skipped)))
    return LoadedDataset(spec, opened.dataset, variable, length, opened.labels,
                         tuple(spec.class_names), spec.kind == SAMPLE, opened.skipped,
                         opened.columns, opened.code[1], step)


def _image_folder_next_to(csv_path: Path) -> Path:
    for name in ("img", "images", "imgs"):
        if (csv_path.parent / name).is_dir():
            return csv_path.parent / name
    return csv_path.parent


def guess_source(path: str | Path, class_names: tuple[str, ...] = FASHION_CLASSES) -> SourceSpec:
    """What a dropped file or folder most likely is (no file is opened for writing)."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return SourceSpec(CSV, str(_image_folder_next_to(path)), annotations=str(path),
                          class_names=class_names)
    if path.is_file() and path.parent.name == "raw" and path.parent.parent.name == "FashionMNIST":
        return SourceSpec(FASHION, str(path.parent.parent.parent), class_names=class_names)
    if not path.is_dir():
        raise DataError(msg("Drop a folder or a CSV file; {path} is neither.", path=path.name),
                        field="source")
    if (path / "FashionMNIST" / "raw").is_dir():
        return SourceSpec(FASHION, str(path), class_names=class_names)
    if path.name == "FashionMNIST" and (path / "raw").is_dir():
        return SourceSpec(FASHION, str(path.parent), class_names=class_names)
    csvs = sorted(path.glob("*.csv"))
    if csvs:
        return SourceSpec(CSV, str(_image_folder_next_to(csvs[0])), annotations=str(csvs[0]),
                          class_names=class_names)
    return SourceSpec(FOLDER, str(path), class_names=class_names)

"""Opening a dataset: the built-in excerpt, Fashion-MNIST, a CSV + image folder, ImageFolder.

``load_source(spec, transform_spec)`` is a generator job (it yields Progress) returning a
``LoadedDataset``: the torch Dataset (kept opaque; only engine functions use it), plain facts
for the GUI (length, labels, class names, what was skipped) and the code that builds it.
"""

from __future__ import annotations

import copy
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
from engine.datasets.csv_table import detect_layout, line_numbers, read_annotations
from engine.datasets.custom import (
    AllowedFiles,
    CheckedItems,
    CustomImageDataset,
    SafeLoader,
    Skipped,
    check_image_folder,
    check_rows,
)
from engine.datasets.excerpt import excerpt_root
from engine.datasets.fashion_files import only_gz_present, prepare_download, read_fashion
from engine.datasets.idx import raw_folder
from engine.datasets.label_map import label_map_for, named
from engine.datasets.transforms import TransformSpec, build_transform
from engine.i18n.messages import Text, compose, msg

EXCERPT, FASHION, CSV, FOLDER = "excerpt", "fashion", "csv", "folder"
FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                   "Sneaker", "Bag", "Ankle boot")


@dataclass(frozen=True)
class SourceSpec:
    kind: str = EXCERPT
    root: str = ""  # Fashion-MNIST root, image folder (CSV) or ImageFolder root
    train: bool = True
    download: bool = False
    annotations: str = ""  # the CSV file (kind == CSV)
    filename_column: str = ""
    label_column: str = ""
    class_names: tuple[str, ...] = ()  # the user's names; () = the source's own

    def key(self) -> tuple[str, ...]:
        """What identifies the source, so a label map can be kept with it."""
        return (self.kind, self.root, self.annotations, self.label_column)


@dataclass(frozen=True)
class LoadedDataset:
    spec: SourceSpec
    dataset: Dataset[Any] = field(repr=False, compare=False)  # without transforms
    variable: str  # its name in the generated code
    length: int
    labels: np.ndarray  # one int per item
    class_names: tuple[str, ...]  # the label map: class index → name
    builtin: bool  # the Fashion-MNIST excerpt shipped with the app
    skipped: tuple[Skipped, ...]
    columns: tuple[str, ...]  # CSV columns, for the column choosers
    build_code: str  # imports + dataset construction (uses `transform`, `target_transform`)
    step: CodeStep

    @property
    def description(self) -> Text:
        """How this source was read, without the counts (see ``source_description``)."""
        return datasets_code.source_description(self.spec.kind)

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


@dataclass(frozen=True)
class _Opened:
    """What one kind of source produced, before it becomes a LoadedDataset."""

    dataset: Dataset[Any]
    variable: str
    labels: np.ndarray
    code: tuple[str, str]  # the dataset's code without, and with, the transform chain
    skipped: tuple[Skipped, ...] = ()
    columns: tuple[str, ...] = ()
    class_names: tuple[str, ...] = FASHION_CLASSES  # the source's own label map


def _idx_loaded(spec: SourceSpec) -> Generator[Progress, None, _Opened]:
    root = str(excerpt_root()) if spec.kind == EXCERPT else spec.root
    download = spec.download and spec.kind == FASHION
    if not root:
        raise DataError(msg("Choose the root folder (the one that contains FashionMNIST/raw)."),
                        field="root")
    if not download and not Path(root).is_dir():
        raise DataError(msg("Folder not found: {path}", path=root), field="root")
    if download:
        yield from prepare_download(root)
    yield Progress(0, 1, msg("Reading {folder}", folder=raw_folder(root)))
    dataset = read_fashion(root, spec.train)
    yield Progress(1, 1, msg("Reading {folder}", folder=raw_folder(root)))
    variable = "training_data" if spec.train else "test_data"
    plain, transformed = (
        datasets_code.fashion_code(transformed_name(variable) if with_t else variable, root,
                                   spec.train, download, with_t, builtin=spec.kind == EXCERPT)
        for with_t in (False, True))
    return _Opened(dataset, variable, dataset.targets.numpy().astype(np.int64),
                   (plain, transformed))


def _require_folder(spec: SourceSpec) -> None:
    if not spec.root.strip():
        raise DataError(msg("Choose the image folder."), field="root")


def _csv_loaded(spec: SourceSpec) -> Generator[Progress, None, _Opened]:
    _require_folder(spec)
    if not spec.annotations.strip():
        raise DataError(msg("Choose the annotations CSV file."), field="annotations")
    layout = detect_layout(Path(spec.annotations), spec.filename_column, spec.label_column)
    frame = read_annotations(Path(spec.annotations), layout)
    label_map = label_map_for(frame.iloc[:, 1], spec.class_names)
    checked: CheckedItems = yield from check_rows(
        frame, Path(spec.root), label_map, line_numbers(Path(spec.annotations), layout))
    kept = frame.iloc[list(checked.keep_rows)].reset_index(drop=True)
    # Imported here, not above: pandas costs ~35 MiB once loaded, for good; a source
    # refused before its CSV is read (no folder, no such file) must not load it.
    import pandas as pd

    kept = pd.DataFrame({kept.columns[0]: kept.iloc[:, 0].str.strip(),
                         kept.columns[1]: list(checked.labels)})
    dataset = CustomImageDataset(kept, spec.root, mode=checked.mode)
    dropped = sorted(set(range(len(frame))) - set(checked.keep_rows))
    plain, transformed = (
        datasets_code.csv_code(transformed_name("custom_data") if with_t else "custom_data",
                               Path(spec.annotations), layout, spec.root, dropped, checked.mode,
                               label_map, with_t) for with_t in (False, True))
    labels = np.array(checked.labels, dtype=np.int64)
    names = label_map.names if label_map.words else named(int(labels.max()) + 1,
                                                          spec.class_names)
    return _Opened(dataset, "custom_data", labels, (plain, transformed), checked.skipped,
                   layout.columns, names)


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
    names = tuple(spec.class_names[i] if i < len(spec.class_names) and spec.class_names[i]
                  else name for i, name in enumerate(classes))
    return _Opened(dataset, "folder_data", np.array(dataset.targets, dtype=np.int64),
                   (plain, transformed), checked.skipped, (), names)


def load_source(spec: SourceSpec) -> Generator[Progress, None, LoadedDataset]:
    """Generator job: open the source described by ``spec``; returns a LoadedDataset."""
    if spec.kind in (EXCERPT, FASHION):
        opened = yield from _idx_loaded(spec)
    elif spec.kind == CSV:
        opened = yield from _csv_loaded(spec)
    elif spec.kind == FOLDER:
        opened = yield from _folder_loaded(spec)
    else:
        raise DataError(msg("Unknown source '{kind}'.", kind=spec.kind), field="source")
    if spec.kind in (EXCERPT, FASHION):
        opened = replace(opened, class_names=named(10, spec.class_names or FASHION_CLASSES))
    length, variable = len(opened.labels), opened.variable
    code = compose("{code}print(len({variable}))\n", code=opened.code[0], variable=variable)
    step = CodeStep(msg("Load {name}", name=variable), code,
                    datasets_code.source_explanation(spec.kind, length, len(opened.skipped)))
    return LoadedDataset(spec, opened.dataset, variable, length, opened.labels,
                         opened.class_names, spec.kind == EXCERPT, opened.skipped,
                         opened.columns, opened.code[1], step)


def _image_folder_next_to(csv_path: Path) -> Path:
    """The folder the CSV's file names are relative to: beside it, or the sub-folder (img/,
    images/...) where most of its first names exist."""
    try:
        layout = detect_layout(csv_path, require_label=False)
        names = [str(n).strip() for n in read_annotations(csv_path, layout).iloc[:20, 0]]
    except DataError:
        names = []
    folders = [csv_path.parent, *sorted(p for p in csv_path.parent.iterdir() if p.is_dir())]
    found = [sum((folder / name).is_file() for name in names if name) for folder in folders]
    best = max(range(len(folders)), key=lambda i: found[i])
    if found[best]:
        return folders[best]
    usual = [csv_path.parent / name for name in ("img", "images", "imgs")]
    return next((folder for folder in usual if folder.is_dir()), csv_path.parent)


def _fashion_spec(root: Path) -> SourceSpec:
    """Fashion-MNIST under ``root``; download=True when only the .gz files are there, as
    torchvision then extracts them (after checking their MD5) without the network."""
    return SourceSpec(FASHION, str(root), download=only_gz_present(root))


def guess_source(path: str | Path) -> SourceSpec:
    """What a dropped file or folder most likely is (no file is opened for writing)."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return SourceSpec(CSV, str(_image_folder_next_to(path)), annotations=str(path))
    if path.is_file() and path.parent.name == "raw" and path.parent.parent.name == "FashionMNIST":
        return _fashion_spec(path.parent.parent.parent)
    if path.is_file() and path.name.endswith(".gz"):
        raise DataError(msg("{path}: put the four Fashion-MNIST .gz files in "
                            "ROOT/FashionMNIST/raw and drop that folder (or one of them).",
                            path=path.name), field="source")
    if not path.is_dir():
        raise DataError(msg("Drop a folder or a CSV file; {path} is neither.", path=path.name),
                        field="source")
    if (path / "FashionMNIST" / "raw").is_dir():
        return _fashion_spec(path)
    if path.name == "FashionMNIST" and (path / "raw").is_dir():
        return _fashion_spec(path.parent)
    if path.name == "raw" and path.parent.name == "FashionMNIST":
        return _fashion_spec(path.parent.parent)
    csvs = sorted(path.glob("*.csv"))
    if csvs:
        return SourceSpec(CSV, str(_image_folder_next_to(csvs[0])), annotations=str(csvs[0]))
    return SourceSpec(FOLDER, str(path))

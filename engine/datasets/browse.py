"""Looking at a loaded dataset: a random grid, thumbnails, one item, class counts, a preview."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.core.codegen import CodeStep
from engine.core.errors import DataError, InputError, OperationError
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.datasets.custom import item_path
from engine.datasets.display import grid_array, pil_to_array, thumbnail_array, to_display
from engine.datasets.image_integrity import file_orientation
from engine.datasets.label_map import named
from engine.datasets.sources import LoadedDataset
from engine.datasets.transforms import (
    TransformSpec,
    build_transform,
    check_channels,
    transform_code,
)
from engine.i18n.messages import compose, join_texts, msg

GRID_COUNT = 9
MAX_THUMBNAILS_PER_JOB = 512
HISTOGRAM_BINS = 32


@dataclass(frozen=True)
class GridResult:
    images: tuple[np.ndarray, ...]  # uint8 pixels per item
    labels: tuple[int, ...]
    indices: tuple[int, ...]
    seed: int
    step: CodeStep
    titles: tuple[str, ...] = ()  # labels_map[label] of each image, as the code titles it


@dataclass(frozen=True)
class ItemView:
    index: int
    label: int
    snapshot: TensorSnapshot  # the item after ToTensor: (C, H, W) float32 in [0, 1]
    histogram: np.ndarray  # counts per bin of the pixel values
    bin_edges: np.ndarray
    step: CodeStep
    orientation: int = 1  # the file's EXIF orientation, applied (1: stored upright)


@dataclass(frozen=True)
class ClassCounts:
    counts: np.ndarray  # items per class index
    step: CodeStep


@dataclass(frozen=True)
class TransformPreview:
    index: int
    before: np.ndarray  # uint8 pixels of the PIL image
    after: np.ndarray  # display pixels of the transformed tensor
    shape: tuple[int, ...]
    dtype: str
    value_range: tuple[float, float]
    target_before: str
    target_after: str
    step: CodeStep


def _check_index(loaded: LoadedDataset, index: int) -> None:
    if not 0 <= index < loaded.length:
        raise InputError(msg("Index {index} is outside the dataset (0–{last}).", index=index,
                             last=loaded.length - 1), field="index")


def grid_code(name: str, seed: int, count: int, names: tuple[str, ...]) -> str:
    """The note's labelled figure (matplotlib), drawing the items the app draws."""
    entries = "".join(f"    {index}: {label!r},\n" for index, label in enumerate(names))
    rows = -(-count // 3)
    return (f"import matplotlib.pyplot as plt\n\n"
            f"labels_map = {{\n{entries}}}\n"
            f"generator = torch.Generator().manual_seed({seed})\n"
            f"sample_idx = torch.randint(len({name}), size=({count},), generator=generator)\n"
            f"figure = plt.figure(figsize=(8, 8))\n"
            f"cols, rows = 3, {rows}\n"
            f"for i, index in enumerate(sample_idx.tolist(), start=1):\n"
            f"    img, label = {name}[index]\n"
            f"    figure.add_subplot(rows, cols, i)\n"
            f"    plt.title(labels_map[label])\n"
            f"    plt.axis(\"off\")\n"
            f"    plt.imshow(img, cmap=\"gray\")\n"
            f"plt.show()\n")


def sample_grid(loaded: LoadedDataset, seed: int, names: tuple[str, ...] = (),
                count: int = GRID_COUNT) -> GridResult:
    """``count`` random items drawn with a seeded generator, as the note's 3×3 figure,
    titled with ``names`` (the label map; the class index where it has no name)."""
    generator = torch.Generator().manual_seed(seed)
    indices = torch.randint(loaded.length, size=(count,), generator=generator).tolist()
    images: list[np.ndarray] = []
    labels: list[int] = []
    for index in indices:
        image, label = loaded.dataset[index]
        images.append(grid_array(image))
        labels.append(int(label))
    titles = named(max(loaded.num_classes, len(names)), names)
    step = CodeStep(msg("A {count}-image grid (seed {seed})", count=count, seed=seed),
                    grid_code(loaded.variable, seed, count, titles),
                    msg("Indexing a Dataset like a list gives (image, label); without a "
                        "transform the image is a PIL image, which plt.imshow draws."))
    return GridResult(tuple(images), tuple(labels), tuple(indices), seed, step,
                      tuple(titles[label] for label in labels))


def thumbnails(loaded: LoadedDataset, start: int, stop: int) -> tuple[int, tuple[np.ndarray, ...]]:
    """(start, small uint8 images of items start..stop-1); reads only those items."""
    stop = min(stop, loaded.length, start + MAX_THUMBNAILS_PER_JOB)
    from torchvision.datasets import MNIST

    data = loaded.dataset.data if isinstance(loaded.dataset, MNIST) else None
    if isinstance(data, torch.Tensor) and data.dtype == torch.uint8:
        block = data[start:stop].numpy()
        return start, tuple(block[i].copy() for i in range(len(block)))
    images = []
    for index in range(start, stop):
        try:
            images.append(thumbnail_array(loaded.dataset[index][0]))
        except DataError:
            images.append(np.zeros((8, 8), dtype=np.uint8))
    return start, tuple(images)


def item_view(loaded: LoadedDataset, index: int) -> ItemView:
    """One item after ToTensor, as the tensor viewer shows it, with its pixel histogram."""
    _check_index(loaded, index)
    transform, _ = build_transform(TransformSpec())
    image, label = loaded.dataset[index]
    tensor = transform(image)
    values = tensor.numpy().ravel()
    counts, edges = np.histogram(values, bins=HISTOGRAM_BINS, range=(0.0, 1.0))
    name = loaded.variable
    code = (f"from torchvision.transforms import ToTensor\n"
            f"img, label = {name}[{index}]\n"
            f"x = ToTensor()(img)\n"
            f"print(x.shape, x.dtype, x.min().item(), x.max().item(), label)\n"
            f"counts = torch.histc(x, bins={HISTOGRAM_BINS}, min=0, max=1)\n")
    step = CodeStep(msg("Item {index} as a tensor", index=index), code,
                    msg("ToTensor turns a PIL image (H, W) of 0–255 into a float tensor "
                        "(C, H, W) of 0–1."))
    orientation = file_orientation(item_path(loaded.dataset, index))
    return ItemView(index, int(label), snapshot(tensor, f"{name}[{index}]"), counts, edges,
                    step, orientation)


def class_counts(loaded: LoadedDataset) -> ClassCounts:
    """Items per class; the code counts them with torch.bincount."""
    n = max(len(loaded.class_names), loaded.num_classes)
    counts = np.bincount(loaded.labels, minlength=n)
    name = loaded.variable
    if loaded.spec.kind == "csv":
        source = "torch.tensor(annotations[label_col].values)"
    elif loaded.spec.kind == "folder":
        source = f"torch.tensor({name}.targets)"
    else:
        source = f"{name}.targets"
    code = f"counts = torch.bincount({source}, minlength={n})\nprint(counts)\n"
    step = CodeStep(msg("Items per class"), code,
                    msg("How many items each class has: a balanced dataset has equal bars."))
    return ClassCounts(counts, step)


def _seeded_call(random: bool, seed: int) -> str:
    if not random:
        return "x = transform(img)\n"
    return compose("# {comment}\nwith torch.random.fork_rng():\n"
                   "    torch.manual_seed({seed})\n    x = transform(img)\n", seed=seed,
                   comment=msg("fork_rng: the seed applies here only, the global random "
                               "stream stays as it was"))


def transform_preview(loaded: LoadedDataset, index: int, spec: TransformSpec,
                      seed: int) -> TransformPreview:
    """One item before and after the transform chain (and its target transform)."""
    _check_index(loaded, index)
    transform, target_transform = build_transform(spec, loaded.num_classes)
    image, label = loaded.dataset[index]
    check_channels(spec, len(image.getbands()))
    try:
        with torch.random.fork_rng(devices=[]):  # the app's global stream stays untouched
            torch.manual_seed(seed)
            tensor = transform(image)
    except (RuntimeError, ValueError, TypeError) as exc:
        channels = len(image.getbands())
        raise OperationError(msg("The transform chain failed on item {index}. Normalize needs "
                                 "one mean and one std per channel (this image has "
                                 "{channels}).", index=index, channels=channels),
                             field="mean", torch_error=str(exc)) from exc
    target = target_transform(label) if target_transform else label
    name = loaded.variable
    code = join_texts("", [transform_code(spec, loaded.num_classes),
                           f"img, label = {name}[{index}]\n",
                           _seeded_call(spec.is_random(), seed),
                           "y = target_transform(label) if target_transform else label\n"
                           "print(x.shape, x.dtype, x.min().item(), x.max().item())\n"
                           "print(y)\n"])
    step = CodeStep(msg("Transform preview of item {index}", index=index), code,
                    msg("transform acts on the image, target_transform on the label."))
    return TransformPreview(
        index, pil_to_array(image), to_display(tensor.unsqueeze(0))[0], tuple(tensor.shape),
        str(tensor.dtype), (float(tensor.min()), float(tensor.max())), str(label),
        str(target.tolist() if isinstance(target, torch.Tensor) else target), step)


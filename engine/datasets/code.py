"""Code text for the Datasets tab: the same Dataset the app builds, written as a user would.

Each function returns code that, run after ``engine.core.codegen.PREAMBLE`` and the earlier
steps, defines the dataset variable. With ``transforms=True`` the dataset is built with
``transform=transform, target_transform=target_transform`` (defined by an earlier line).
"""

from __future__ import annotations

from pathlib import Path

from engine.i18n.messages import msg

CUSTOM_CLASS = '''\
import os

import pandas as pd
from PIL import Image
from torch.utils.data import Dataset


class CustomImageDataset(Dataset):
    """The note's custom Dataset; Pillow decodes (torchvision.io.read_image can crash
    the process on some corrupt PNG files, Pillow raises an exception instead)."""

    def __init__(self, annotations, img_dir, transform=None, target_transform=None,
                 mode="L"):
        self.img_labels = annotations  # DataFrame: file name, label
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform
        self.mode = mode

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = os.path.join(self.img_dir, self.img_labels.iloc[idx, 0])
        with Image.open(img_path) as img:
            image = img.convert(self.mode)
        label = int(self.img_labels.iloc[idx, 1])
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label
'''

_TRANSFORM_ARGS = "transform=transform, target_transform=target_transform"


def root_line(name: str, path: str, comment: str) -> str:
    """``name = "path"  # comment``: the one place a path of this machine appears."""
    return f"{name} = {str(path)!r}  # {comment}\n"


def fashion_code(variable: str, root: str, train: bool, download: bool,
                 transforms: bool = False, sample: bool = False) -> str:
    """With ``transforms`` the code reuses ``root`` from the load step."""
    extra = f",\n    {_TRANSFORM_ARGS}," if transforms else ","
    head = "" if transforms else root_line(
        "root", root, "TorchScope's built-in sample, in its resources folder" if sample
        else "the folder that contains FashionMNIST/raw") + "\n"
    return (f"{head}from torchvision import datasets\n\n"
            f"{variable} = datasets.FashionMNIST(\n"
            f"    root=root,\n    train={train},\n    download={download}{extra}\n)\n")


def csv_code(variable: str, annotations: Path, layout, img_dir: str, dropped: list[int],
             mode: str, transforms: bool = False) -> str:
    """With ``transforms`` the code reuses ``img_dir``, ``annotations`` and the class."""
    from engine.datasets.csv_table import layout_code

    lines = [] if transforms else [
        root_line("annotations_file", str(annotations), "the CSV: file name, label")
        + root_line("img_dir", img_dir, "the folder the file names are relative to"),
        CUSTOM_CLASS, layout_code(layout)]
    if dropped and not transforms:
        lines.append(f"# rows the app skipped (see its report): DataFrame positions {dropped}\n"
                     f"annotations = annotations.drop(index={dropped}).reset_index(drop=True)\n")
    if not transforms:
        lines.append("filename_col, label_col = annotations.columns\n"
                     "annotations[filename_col] = annotations[filename_col].str.strip()\n"
                     "annotations[label_col] = annotations[label_col].str.strip().astype(int)\n")
    args = f", {_TRANSFORM_ARGS}" if transforms else ""
    lines.append(f"{variable} = CustomImageDataset(annotations, img_dir{args}, mode={mode!r})\n")
    return "\n".join(lines)


def folder_code(variable: str, root: str, checked, classes, transforms: bool = False) -> str:
    """With ``transforms`` the code reuses ``root``, ``load_image`` and ``is_valid_file``."""
    if transforms:
        return (f"{variable} = datasets.ImageFolder(root, loader=load_image,\n"
                f"    is_valid_file=is_valid_file, allow_empty=True, {_TRANSFORM_ARGS})\n")
    skipped = sorted(s.where for s in checked.skipped)
    return (root_line("root", root, "one sub-folder per class")
            + "\nimport os\n\nfrom PIL import Image\nfrom torchvision import datasets\n\n"
            "# files the app refused (see its report), relative to root\n"
            f"skipped = {{os.path.join(root, name) for name in {skipped!r}}}\n\n\n"
            "def is_valid_file(path):\n"
            "    return path not in skipped\n\n\n"
            "def load_image(path):\n"
            "    with Image.open(path) as img:\n"
            f"        return img.convert({checked.mode!r})\n\n\n"
            f"{variable} = datasets.ImageFolder(root, loader=load_image,\n"
            "    is_valid_file=is_valid_file, allow_empty=True)\n"
            f"print({variable}.classes)  # {list(classes)}\n")


def source_explanation(kind: str, length: int, skipped: int) -> str:
    texts = {
        "sample": msg("The built-in sample: generated shapes (not real photos) in "
                      "Fashion-MNIST's raw IDX layout, read by the same torchvision class."),
        "fashion": msg("torchvision.datasets.FashionMNIST reads the four IDX files under "
                       "ROOT/FashionMNIST/raw."),
        "csv": msg("A custom Dataset: pandas reads the annotations, Pillow decodes each "
                   "image when it is asked for (lazily, in __getitem__)."),
        "folder": msg("ImageFolder: one sub-folder per class; the class index is the "
                      "position of the folder name in sorted order."),
    }
    text = texts.get(kind, "")
    text += "\n" + msg("{length} items.", length=length)
    if skipped:
        text += " " + msg("{skipped} skipped (see the report).", skipped=skipped)
    return text

"""Code text for the Datasets tab: the same Dataset the app builds, written as a user would.

Each function returns code that, run after ``engine.core.codegen.PREAMBLE`` and the earlier
steps, defines the dataset variable. With ``transforms=True`` the dataset is built with
``transform=transform, target_transform=target_transform`` (defined by an earlier line).
"""

from __future__ import annotations

import inspect
from pathlib import Path

from engine.datasets.csv_table import CsvLayout, layout_code
from engine.datasets.custom import CheckedItems
from engine.datasets.label_map import LabelMap
from engine.i18n.messages import GroupedCount, Text, compose, join_texts, msg

_CUSTOM_IMPORTS = """\
import os
from collections.abc import Callable
from typing import Any

import pandas as pd
from PIL import Image, ImageOps
from torch.utils.data import Dataset


def load_image(path, mode):
    # {note}
    with Image.open(path) as img:
        return ImageOps.exif_transpose(img).convert(mode)  # {exif}


"""


def custom_class_code() -> Text:
    """The source of the CustomImageDataset class the app runs, with what it needs."""
    from engine.datasets.custom import CustomImageDataset

    note = msg("the app's load_image also checks the header first and refuses images "
               "too large to decode safely")
    return compose(_CUSTOM_IMPORTS + "{source}", note=note, exif=EXIF_COMMENT,
                   source=inspect.getsource(CustomImageDataset))


EXIF_COMMENT = msg("upright, as the photo's EXIF orientation says")
_TRANSFORM_ARGS = "transform=transform, target_transform=target_transform"


def root_line(name: str, path: str, comment: str) -> Text:
    """``name = "path"  # comment``: the one place a path of this machine appears."""
    return compose("{name} = {path}  # {comment}\n", name=name, path=repr(str(path)),
                   comment=comment)


def fashion_code(variable: str, root: str, train: bool, download: bool,
                 transforms: bool = False, builtin: bool = False) -> Text:
    """With ``transforms`` the code reuses ``root`` from the load step."""
    extra = f",\n    {_TRANSFORM_ARGS}," if transforms else ","
    head: str = "" if transforms else compose("{line}\n", line=root_line(
        "root", root, msg("TorchScope's built-in excerpt of Fashion-MNIST (MIT licence, "
                          "Zalando Research), in its resources folder") if builtin
        else msg("the folder that contains FashionMNIST/raw")))
    body = (f"from torchvision import datasets\n\n"
            f"{variable} = datasets.FashionMNIST(\n"
            f"    root=root,\n    train={train},\n    download={download}{extra}\n)\n")
    return compose("{head}{body}", head=head, body=body)


def csv_code(variable: str, annotations: Path, layout: CsvLayout, img_dir: str,
             dropped: list[int], mode: str, label_map: LabelMap,
             transforms: bool = False) -> Text:
    """With ``transforms`` the code reuses ``img_dir``, ``annotations`` and the class."""
    args = f", {_TRANSFORM_ARGS}" if transforms else ""
    last = f"{variable} = CustomImageDataset(annotations, img_dir{args}, mode={mode!r})\n"
    if transforms:
        return compose("{code}", code=last)
    lines: list[str] = [
        compose("{a}{b}", a=root_line("annotations_file", str(annotations),
                                      msg("the CSV: file name, label")),
                b=root_line("img_dir", img_dir, msg("the folder the file names are relative "
                                                    "to"))),
        custom_class_code(), layout_code(layout)]
    if dropped:
        lines.append(compose("# {comment}\nannotations = annotations.drop(index={dropped})"
                             ".reset_index(drop=True)\n", dropped=dropped,
                             comment=msg("rows the app skipped (see its report): DataFrame "
                                         "positions {dropped}", dropped=dropped)))
    lines.append("filename_col, label_col = annotations.columns\n"
                 "annotations[filename_col] = annotations[filename_col].str.strip()\n"
                 + label_map.code())
    lines.append(last)
    return join_texts("\n", lines)


_FOLDER_CODE = """\
{root}
import os

from PIL import Image, ImageOps
from torchvision import datasets

# {comment}
skipped = {{os.path.join(root, name) for name in {skipped}}}


def is_valid_file(path):
    return path not in skipped


def load_image(path):
    with Image.open(path) as img:
        return ImageOps.exif_transpose(img).convert({mode})  # {exif}


{variable} = datasets.ImageFolder(root, loader=load_image,
    is_valid_file=is_valid_file, allow_empty=True)
print({variable}.classes)  # {classes}
"""


def folder_code(variable: str, root: str, checked: CheckedItems, classes: tuple[str, ...],
                transforms: bool = False) -> Text:
    """With ``transforms`` the code reuses ``root``, ``load_image`` and ``is_valid_file``."""
    if transforms:
        return compose("{code}", code=(
            f"{variable} = datasets.ImageFolder(root, loader=load_image,\n"
            f"    is_valid_file=is_valid_file, allow_empty=True, {_TRANSFORM_ARGS})\n"))
    return compose(_FOLDER_CODE, root=root_line("root", root, msg("one sub-folder per class")),
                   comment=msg("files the app refused (see its report), relative to root"),
                   skipped=repr(sorted(s.where for s in checked.skipped)),
                   mode=repr(checked.mode), variable=variable, classes=list(classes),
                   exif=EXIF_COMMENT)


_EXPLANATIONS = {
    "excerpt": "The built-in excerpt: the first 1,000 training and 500 test images of "
               "Fashion-MNIST (real photos, MIT licence, Zalando Research), read by "
               "torchvision.datasets.FashionMNIST like the full dataset.",
    "fashion": "torchvision.datasets.FashionMNIST reads the four IDX files under "
               "ROOT/FashionMNIST/raw.",
    "csv": "A custom Dataset: pandas reads the annotations, Pillow decodes each image when "
           "it is asked for (lazily, in __getitem__).",
    "folder": "ImageFolder: one sub-folder per class; the class index is the position of "
              "the folder name in sorted order.",
}


def source_description(kind: str) -> Text:
    """How a source of this kind is read, without its counts: the Datasets tab shows it
    under its summary line, which already says how many items (and how many skipped)."""
    return msg(_EXPLANATIONS[kind]) if kind in _EXPLANATIONS else compose("")


def source_explanation(kind: str, length: int, skipped: int) -> Text:
    """The load step's explanation: the description, then the counts (the code panel and
    the exported session have no summary line)."""
    texts = [source_description(kind)] if kind in _EXPLANATIONS else []
    count = msg("{length} items.", length=GroupedCount(length))
    if skipped:
        count = compose("{a} {b}", a=count, b=msg("{skipped} skipped (see the report).",
                                                  skipped=GroupedCount(skipped)))
    return join_texts("\n", [*texts, count])

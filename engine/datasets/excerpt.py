"""The built-in dataset: a real excerpt of Fashion-MNIST, shipped in ``resources/``.

The first 1,000 training and 500 test images of Fashion-MNIST with their labels, unchanged
and in their original order, as the four uncompressed raw IDX files, so that
``torchvision.datasets.FashionMNIST(root=excerpt_root(), train=..., download=False)`` reads
them exactly like the full dataset. Fashion-MNIST is by Zalando Research, MIT licence
(``resources/fashionmnist/LICENSE``).
"""

from __future__ import annotations

from pathlib import Path

EXCERPT_ROOT = Path(__file__).resolve().parents[2] / "resources" / "fashionmnist"
TRAIN_COUNT = 1000
TEST_COUNT = 500
NOTICE = ("Fashion-MNIST excerpt: © 2017 Zalando SE (Zalando Research), MIT licence, "
          "https://github.com/zalandoresearch/fashion-mnist")


def excerpt_root() -> Path:
    """The folder to pass as ``root=`` to FashionMNIST for the built-in excerpt."""
    return EXCERPT_ROOT


def licence_path() -> Path:
    return EXCERPT_ROOT / "LICENSE"

"""Turning dataset items and batches into pixels the GUI can draw (uint8 numpy arrays).

A batch's pictures are drawn small: a grid of 4,096 tiles gives each a few dozen pixels.
So a batch whose pixels pass ``BATCH_DISPLAY_PIXELS`` is drawn from a copy shrunk by area
averaging (what a smooth on-screen scaling shows), never below ``MIN_DISPLAY_SIDE`` pixels a
side; a batch of 4,096 images at 512² would otherwise hold 3 GiB of pixels while on screen.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from PIL import Image

THUMBNAIL_SIDE = 64
BATCH_DISPLAY_PIXELS = 4 * 2**20  # per batch, summed over its images (4 MiB gray, 12 RGB)
MIN_DISPLAY_SIDE = 32
GRID_DISPLAY_SIDE = 512  # a sample grid's tile is a few hundred pixels at most


def display_size(count: int, height: int, width: int) -> tuple[int, int]:
    """(height, width) a batch of ``count`` images is drawn at (see the module docstring)."""
    if count * height * width <= BATCH_DISPLAY_PIXELS:
        return height, width
    scale = math.sqrt(BATCH_DISPLAY_PIXELS / (count * height * width))
    scale = max(scale, min(1.0, MIN_DISPLAY_SIDE / min(height, width)))
    return max(1, math.floor(height * scale)), max(1, math.floor(width * scale))


def to_display(images: torch.Tensor) -> np.ndarray:
    """A float or uint8 batch (B, C, H, W) as uint8 (B, H, W) or (B, H, W, 3).

    Values in [0, 1] (after ToTensor) are scaled by 255; other ranges (after Normalize)
    are stretched from the batch's min to max, so the picture stays visible. A large batch
    comes out smaller (``display_size``).
    """
    with torch.no_grad():
        batch = images.detach().to(torch.float32)
        low, high = float(batch.min()), float(batch.max())  # of the pixels themselves
        count, _channels, height, width = batch.shape
        size = display_size(count, height, width)
        if size != (height, width):
            batch = torch.nn.functional.interpolate(batch, size=size, mode="area")
        if images.dtype == torch.uint8:
            scaled = batch
        else:
            if low >= 0.0 and high <= 1.0:
                scaled = batch * 255
            else:
                scaled = (batch - low) / max(high - low, 1e-12) * 255
        pixels = scaled.round().clamp(0, 255).to(torch.uint8)
        if pixels.shape[1] == 1:
            return pixels[:, 0].numpy().copy()
        return pixels[:, :3].permute(0, 2, 3, 1).numpy().copy()


def class_indices(labels: torch.Tensor) -> tuple[int, ...]:
    """Class index per item: the labels themselves, or the argmax of one-hot targets."""
    if labels.ndim == 2:
        labels = labels.argmax(dim=1)
    return tuple(int(v) for v in labels.tolist())


def pil_to_array(image: Image.Image) -> np.ndarray:
    """A PIL image (as datasets return them without a transform) as uint8 pixels."""
    return np.asarray(image, dtype=np.uint8).copy()


def grid_array(image: Image.Image) -> np.ndarray:
    """A sample grid's picture: the item's own pixels, shrunk only past ``GRID_DISPLAY_SIDE``."""
    return thumbnail_array(image, GRID_DISPLAY_SIDE)


def thumbnail_array(image: Image.Image, side: int = THUMBNAIL_SIDE) -> np.ndarray:
    """A small uint8 copy of a PIL image, at most ``side`` pixels wide and high."""
    if max(image.size) > side:
        image = image.copy()
        image.thumbnail((side, side))
    return pil_to_array(image)

"""Turning dataset items and batches into pixels the GUI can draw (uint8 numpy arrays)."""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image

THUMBNAIL_SIDE = 64


def to_display(images: torch.Tensor) -> np.ndarray:
    """A float or uint8 batch (B, C, H, W) as uint8 (B, H, W) or (B, H, W, 3).

    Values in [0, 1] (after ToTensor) are scaled by 255; other ranges (after Normalize)
    are stretched from the batch's min to max, so the picture stays visible.
    """
    with torch.no_grad():
        batch = images.detach().to(torch.float32)
        if images.dtype == torch.uint8:
            scaled = batch
        else:
            low, high = float(batch.min()), float(batch.max())
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


def thumbnail_array(image: Image.Image, side: int = THUMBNAIL_SIDE) -> np.ndarray:
    """A small uint8 copy of a PIL image, at most ``side`` pixels wide and high."""
    if max(image.size) > side:
        image = image.copy()
        image.thumbnail((side, side))
    return pil_to_array(image)

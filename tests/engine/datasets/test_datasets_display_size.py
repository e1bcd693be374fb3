"""A large batch is drawn from a shrunk copy (bounded memory on screen); what it shows is
still the code's batch, shrunk the way a smooth on-screen scaling would."""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image

from engine.datasets.display import (
    BATCH_DISPLAY_PIXELS,
    GRID_DISPLAY_SIDE,
    MIN_DISPLAY_SIDE,
    display_size,
    grid_array,
    to_display,
)
from engine.datasets.loader import MAX_BATCH_SIZE, LoaderSession, LoaderSettings, next_batch
from engine.datasets.sources import EXCERPT, SourceSpec, load_source
from engine.datasets.transforms import MAX_RESIZE, TransformSpec
from tests.engine.datasets.test_datasets_code import run_code
from tests.engine.datasets.test_datasets_fixtures import drain

EXCERPT_TRAIN = drain(load_source(SourceSpec(EXCERPT)))[0]


def test_small_batches_keep_their_size_and_large_ones_fit_the_budget():
    assert display_size(64, 28, 28) == (28, 28)
    height, width = display_size(256, 256, 128)
    assert abs(height - 2 * width) <= 1 and 256 * height * width <= BATCH_DISPLAY_PIXELS
    assert display_size(MAX_BATCH_SIZE, MAX_RESIZE, MAX_RESIZE) == (MIN_DISPLAY_SIDE,) * 2
    assert display_size(MAX_BATCH_SIZE, 20, 10) == (20, 10)  # never larger than the images


def test_a_large_batch_is_drawn_shrunk_from_the_codes_own_batch():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(resize=256),
                            LoaderSettings(batch_size=256))
    batch = next_batch(session)
    assert batch.features_shape == "torch.Size([256, 1, 256, 256])"
    assert batch.image_size == (256, 256) and batch.drawn_smaller()
    assert batch.images.shape == (256, 128, 128) and batch.images.nbytes <= BATCH_DISPLAY_PIXELS
    features = run_code(EXCERPT_TRAIN.step.code, batch.step.code)["train_features"]
    shrunk = torch.nn.functional.interpolate(features, size=(128, 128), mode="area")
    expected = (shrunk[:, 0] * 255).round().clamp(0, 255).to(torch.uint8).numpy()
    np.testing.assert_array_equal(batch.images, expected)


def test_a_small_batch_is_drawn_pixel_for_pixel():
    batch = next_batch(LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings()))
    assert batch.image_size == (28, 28) and not batch.drawn_smaller()


def test_normalized_values_are_stretched_over_the_whole_batch_before_shrinking():
    images = torch.zeros(4096, 3, 64, 64)
    images[:, :, :32] = -2.0  # top half at the batch's minimum, bottom half at 0 (max)
    drawn = to_display(images)
    assert drawn.shape == (4096, 32, 32, 3)
    assert drawn[0, :16].max() == 0 and drawn[0, 16:].min() == 255


def test_a_sample_grid_picture_is_shrunk_only_past_its_largest_side():
    small = Image.new("RGB", (40, 30), (10, 20, 30))
    assert grid_array(small).shape == (30, 40, 3)
    photo = Image.new("L", (4000, 3000), 7)
    shrunk = grid_array(photo)
    assert shrunk.shape == (GRID_DISPLAY_SIDE * 3 // 4, GRID_DISPLAY_SIDE) and shrunk.max() == 7

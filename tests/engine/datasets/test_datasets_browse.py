"""Grid, item tensor, class counts, thumbnails and the transform preview."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.errors import InputError
from engine.datasets.browse import (
    class_counts,
    item_view,
    sample_grid,
    thumbnails,
    transform_preview,
)
from engine.datasets.sources import EXCERPT, SourceSpec, load_source
from engine.datasets.transforms import V2, TransformSpec, build_transform, parse_normalize
from tests.engine.datasets.test_datasets_fixtures import drain

LOADED = drain(load_source(SourceSpec(EXCERPT)))[0]


def run_code(code: str) -> dict:
    namespace: dict = {}
    exec("import math\nimport torch\n" + LOADED.step.code + code, namespace)
    return namespace


def test_grid_is_reproducible_and_its_code_draws_the_same_items():
    grid = sample_grid(LOADED, seed=5)
    assert len(grid.images) == 9 and grid.images[0].shape == (28, 28)
    assert grid.indices == sample_grid(LOADED, 5).indices
    assert grid.indices != sample_grid(LOADED, seed=6).indices
    assert list(grid.labels) == LOADED.labels[list(grid.indices)].tolist()
    namespace = run_code(grid.step.code)
    assert namespace["sample_idx"].tolist() == list(grid.indices)
    assert np.array_equal(np.asarray(namespace["img"]), grid.images[-1])


def test_item_view_is_the_tensor_after_to_tensor():
    item = item_view(LOADED, 17)
    assert item.snapshot.facts.shape == (1, 28, 28)
    assert item.snapshot.facts.dtype == "float32"
    assert item.histogram.sum() == 28 * 28
    namespace = run_code(item.step.code)
    assert np.allclose(namespace["x"].numpy(), item.snapshot.values)
    assert namespace["counts"].tolist() == item.histogram.tolist()
    with pytest.raises(InputError):
        item_view(LOADED, LOADED.length)


def test_class_counts_match_bincount_code():
    counts = class_counts(LOADED)
    assert counts.counts.tolist() == [107, 104, 86, 92, 95, 100, 100, 115, 102, 99]
    assert run_code(counts.step.code)["counts"].tolist() == counts.counts.tolist()


def test_thumbnails_read_only_the_asked_block():
    start, images = thumbnails(LOADED, 990, 1100)
    assert start == 990 and len(images) == 10
    assert np.array_equal(images[0], np.asarray(LOADED.dataset[990][0]))


def test_to_tensor_and_v2_agree():
    classic, _ = build_transform(TransformSpec())
    modern, _ = build_transform(TransformSpec(api=V2))
    image = LOADED.dataset[0][0]
    a, b = classic(image), modern(image)
    assert a.shape == b.shape == (1, 28, 28) and a.dtype == b.dtype == torch.float32
    assert torch.allclose(a, b.as_subclass(torch.Tensor), atol=1e-6)  # /255 vs *(1/255)


@pytest.mark.parametrize("spec", [
    TransformSpec(),
    TransformSpec(api=V2, resize=32, normalize=((0.5,), (0.25,)), one_hot=True),
    TransformSpec(hflip_p=1.0, rotation=30.0, one_hot=True),
])
def test_preview_code_reproduces_the_preview(spec):
    preview = transform_preview(LOADED, 4, spec, seed=9)
    namespace = run_code(preview.step.code)
    x = namespace["x"]
    assert tuple(x.shape) == preview.shape and str(x.dtype) == preview.dtype
    assert (x.min().item(), x.max().item()) == pytest.approx(preview.value_range)
    y = namespace["y"]
    assert str(y.tolist() if isinstance(y, torch.Tensor) else y) == preview.target_after


def test_preview_shows_the_change():
    preview = transform_preview(LOADED, 4, TransformSpec(resize=56, one_hot=True), seed=0)
    assert preview.before.shape == (28, 28) and preview.after.shape == (56, 56)
    assert preview.shape == (1, 56, 56)
    label = int(preview.target_before)
    assert preview.target_after == str([1.0 if i == label else 0.0 for i in range(10)])


def test_normalize_input_is_parsed_not_evaluated():
    assert parse_normalize("0.5", "(0.2, 0.3)") == ((0.5,), (0.2, 0.3))
    with pytest.raises(InputError) as info:
        parse_normalize("__import__('os')", "1")
    assert info.value.field == "mean"
    with pytest.raises(InputError):
        parse_normalize("0.5", "0")


def test_normalize_with_the_wrong_channel_count_is_explained():
    from engine.core.errors import InputError

    spec = TransformSpec(normalize=((0.5, 0.5, 0.5), (0.2, 0.2, 0.2)))
    with pytest.raises(InputError) as info:
        transform_preview(LOADED, 0, spec, seed=0)
    assert "mean has 3 values" in info.value.message and "1 channel" in info.value.message
    assert info.value.field == "mean"

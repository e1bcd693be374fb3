"""The Datasets area's flow without Qt: load → browse → batch → epoch on a DatasetState."""

from __future__ import annotations

import pytest

from engine.core.errors import DataError, InputError
from engine.datasets.excerpt import TEST_COUNT, TRAIN_COUNT
from engine.datasets.loader import LoaderSettings
from engine.datasets.sources import EXCERPT, SourceSpec
from engine.datasets.state import DatasetState
from engine.datasets.transforms import TransformSpec
from tests.engine.datasets.test_datasets_fixtures import drain, make_csv_dataset

SMALL = LoaderSettings(batch_size=10)


def test_load_browse_batch_epoch():
    state = DatasetState()
    loaded, progress = drain(state.load(SourceSpec(EXCERPT, train=False)))
    assert progress and state.loaded is loaded and loaded.length == TEST_COUNT
    grid = state.sample_grid(seed=4)
    assert state.grid is grid and len(grid.indices) == 9
    assert [loaded.labels[i] for i in grid.indices] == list(grid.labels)
    assert state.class_counts().counts.sum() == TEST_COUNT
    assert state.item(grid.indices[0]).label == grid.labels[0]
    block = state.thumbnails(0, 5)
    assert block.source is loaded and block.start == 0 and len(block.images) == 5
    first = state.next_batch(TransformSpec(), SMALL)
    session = state.loader
    second = state.next_batch(TransformSpec(), SMALL)
    assert state.loader is session and (first.batch_number, second.batch_number) == (1, 2)
    assert state.batch is second and not set(first.indices) & set(second.indices)
    epoch, records = drain(state.epoch(TransformSpec(), SMALL))
    assert state.loader is session and state.last_epoch is epoch
    assert epoch.batches == TEST_COUNT // 10 and records[0].done == 0
    assert sorted(i for batch in epoch.order for i in batch) == list(range(TEST_COUNT))


def test_changed_settings_or_transforms_start_a_new_loader():
    state = DatasetState()
    drain(state.load(SourceSpec(EXCERPT, train=False)))
    state.next_batch(TransformSpec(), SMALL)
    session = state.loader
    assert state.loader_uses(TransformSpec()) and not state.loader_uses(TransformSpec(resize=8))
    assert state.next_batch(TransformSpec(), LoaderSettings(5)).batch_number == 1
    assert state.loader is not session and state.settings == LoaderSettings(5)
    assert state.next_batch(TransformSpec(resize=8), LoaderSettings(5)).features_shape == \
        "torch.Size([5, 1, 8, 8])"
    assert state.transforms == TransformSpec(resize=8)
    assert not state.starts_workers(LoaderSettings(5))
    assert state.starts_workers(LoaderSettings(5, num_workers=1))


def test_a_new_dataset_replaces_the_loader_and_results(tmp_path):
    state = DatasetState()
    drain(state.load(SourceSpec(EXCERPT)))
    state.next_batch(TransformSpec(), SMALL)
    state.sample_grid(0)
    csv_path, img_dir, labels = make_csv_dataset(tmp_path, count=6)
    loaded, _ = drain(state.load(SourceSpec("csv", str(img_dir), annotations=str(csv_path))))
    assert state.loader is None and state.batch is None and state.grid is None
    batch = state.next_batch(TransformSpec(), SMALL)
    assert state.loader.loaded is loaded and batch.features_shape == "torch.Size([6, 1, 28, 28])"
    assert list(batch.labels) == labels[list(batch.indices)].tolist()


def test_a_failed_step_forgets_the_loader():
    state = DatasetState()
    with pytest.raises(DataError, match="Load a dataset first"):
        state.next_batch(TransformSpec(), SMALL)
    drain(state.load(SourceSpec(EXCERPT)))
    state.next_batch(TransformSpec(), SMALL)
    with pytest.raises(InputError, match="leaves no batch"):
        state.next_batch(TransformSpec(), LoaderSettings(TRAIN_COUNT + 1, drop_last=True))
    assert state.loader is None
    assert state.next_batch(TransformSpec(), SMALL).batch_number == 1


def test_explanations_and_code_comments_render_in_spanish():
    from engine.i18n.messages import render

    state = DatasetState()
    loaded, _ = drain(state.load(SourceSpec(EXCERPT)))
    batch = state.next_batch(TransformSpec(), SMALL)
    assert "items." in loaded.step.explanation
    assert "elementos." in render(loaded.step.explanation, "es")
    assert "# el extracto de Fashion-MNIST incluido en TorchScope" in render(loaded.step.code, "es")
    assert "# shuffle=True with a seeded generator" in batch.step.code
    spanish = render(batch.step.code, "es")
    assert "# shuffle=True con un generador con semilla" in spanish
    assert render(batch.step.code, "en") == batch.step.code

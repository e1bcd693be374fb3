"""The DataLoader side: batches, the recorded shuffled order, epochs, generated code."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.errors import InputError
from engine.core.progress import Progress
from engine.datasets.loader import (
    LoaderSession,
    LoaderSettings,
    next_batch,
    run_epoch,
)
from engine.datasets.sources import EXCERPT, SourceSpec, load_source
from engine.datasets.transforms import TransformSpec
from tests.engine.datasets.test_datasets_fixtures import drain

EXCERPT_TRAIN = drain(load_source(SourceSpec(EXCERPT)))[0]
EXCERPT_TEST = drain(load_source(SourceSpec(EXCERPT, train=False)))[0]


def run_code(*codes: str) -> dict:
    namespace: dict = {}
    exec("import math\nimport torch\n" + "\n".join(codes), namespace)
    return namespace


def test_next_batch_shapes_as_the_note_prints_them():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings())
    batch = next_batch(session)
    assert batch.features_shape == "torch.Size([64, 1, 28, 28])"
    assert batch.labels_shape == "torch.Size([64])"
    assert batch.images.shape == (64, 28, 28)
    assert batch.dtype == "torch.float32"
    assert batch.batch_number == 1 and batch.batches_per_epoch == 16
    assert list(batch.labels) == EXCERPT_TRAIN.labels[list(batch.indices)].tolist()


def test_batch_code_reproduces_what_is_shown():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings(batch_size=32, seed=7))
    first, second = next_batch(session), next_batch(session)
    namespace = run_code(EXCERPT_TRAIN.step.code, first.step.code)
    assert list(namespace["train_labels"].tolist()) == list(first.labels)
    assert str(namespace["train_features"].size()) == first.features_shape
    exec(second.step.code, namespace)
    assert list(namespace["train_labels"].tolist()) == list(second.labels)
    pixels = (namespace["train_features"][:, 0] * 255).round().to(torch.uint8).numpy()
    assert (pixels == second.images).all()


@settings(max_examples=8, deadline=None)
@given(batch_size=st.integers(1, 130), shuffle=st.booleans(), drop_last=st.booleans(),
       seed=st.integers(0, 2**31 - 1))
def test_epoch_order_covers_the_dataset(batch_size, shuffle, drop_last, seed):
    loader_settings = LoaderSettings(batch_size, shuffle, 0, drop_last, seed)
    session = LoaderSession(EXCERPT_TEST, TransformSpec(), loader_settings)
    result, _ = drain(run_epoch(session))
    n = EXCERPT_TEST.length
    expected_batches = n // batch_size if drop_last else -(-n // batch_size)
    assert result.batches == len(result.order) == expected_batches
    flat = [i for batch in result.order for i in batch]
    assert len(set(flat)) == len(flat) == result.samples
    if not drop_last:
        assert sorted(flat) == list(range(n))
    if not shuffle:
        assert flat == list(range(len(flat)))
    assert all(len(b) == batch_size for b in result.order[:-1])


def test_same_seed_same_order_and_a_new_order_each_epoch():
    orders = []
    for _ in range(2):
        session = LoaderSession(EXCERPT_TEST, TransformSpec(), LoaderSettings(seed=3))
        orders.append([drain(run_epoch(session))[0].order for _ in range(2)])
    assert orders[0] == orders[1]
    assert orders[0][0] != orders[0][1]


def test_epoch_yields_rates_and_its_code_runs():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings(batch_size=1))
    result, records = drain(run_epoch(session))
    assert records and all(isinstance(r, Progress) for r in records)
    assert records[0].total == 1000
    assert result.samples == 1000 and result.batches_per_s > 0 and result.samples_per_s > 0
    namespace = run_code(EXCERPT_TRAIN.step.code, result.step.code)
    assert namespace["batches_seen"] == 1000


def test_next_batch_after_an_epoch_matches_the_code():
    session = LoaderSession(EXCERPT_TEST, TransformSpec(), LoaderSettings(batch_size=16))
    first = next_batch(session)
    epoch, _ = drain(run_epoch(session))
    after = next_batch(session)
    namespace = run_code(EXCERPT_TEST.step.code, first.step.code, epoch.step.code,
                         after.step.code)
    assert namespace["train_labels"].tolist() == list(after.labels)
    assert after.batch_number == 1


def test_cancelled_epoch_leaves_the_session_usable():
    session = LoaderSession(EXCERPT_TRAIN, TransformSpec(), LoaderSettings(batch_size=1))
    job = run_epoch(session)
    next(job)
    job.close()  # what cancelling does: the generator stops at a yield
    batch = next_batch(session)
    assert batch.batch_number == 1


def test_one_hot_targets_and_normalize():
    spec = TransformSpec(normalize=((0.5,), (0.5,)), one_hot=True)
    batch = next_batch(LoaderSession(EXCERPT_TEST, spec, LoaderSettings(batch_size=8)))
    assert batch.labels_shape == "torch.Size([8, 10])"
    assert batch.value_range[0] >= -1.0 and batch.value_range[1] <= 1.0
    assert list(batch.labels) == EXCERPT_TEST.labels[list(batch.indices)].tolist()


def test_bad_settings_are_refused():
    with pytest.raises(InputError):
        LoaderSession(EXCERPT_TEST, TransformSpec(), LoaderSettings(batch_size=0))
    with pytest.raises(InputError):
        LoaderSession(EXCERPT_TEST, TransformSpec(), LoaderSettings(num_workers=99))


def test_worker_processes_give_the_same_batch():
    """num_workers > 0 from a threaded process: started by a fork server, same result."""
    plain = next_batch(LoaderSession(EXCERPT_TEST, TransformSpec(one_hot=True),
                                     LoaderSettings(batch_size=20, seed=1)))
    session = LoaderSession(EXCERPT_TEST, TransformSpec(one_hot=True),
                            LoaderSettings(batch_size=20, num_workers=1, seed=1))
    batch = next_batch(session)
    assert batch.indices == plain.indices and batch.labels == plain.labels
    assert (batch.images == plain.images).all()
    epoch, _ = drain(run_epoch(session))
    assert epoch.samples == EXCERPT_TEST.length


def test_images_of_different_sizes_need_resize(tmp_path):
    import numpy as np
    from PIL import Image

    from engine.core.errors import OperationError
    from engine.datasets.sources import CSV

    (tmp_path / "img").mkdir()
    for i, side in enumerate((28, 40, 28, 33)):
        Image.fromarray(np.full((side, side), 9 * i, np.uint8)).save(tmp_path / "img" / f"{i}.png")
    (tmp_path / "a.csv").write_text("file,label\n" + "".join(f"{i}.png,{i}\n" for i in range(4)))
    loaded = drain(load_source(SourceSpec(CSV, str(tmp_path / "img"),
                                          annotations=str(tmp_path / "a.csv"))))[0]
    with pytest.raises(OperationError) as info:
        next_batch(LoaderSession(loaded, TransformSpec(), LoaderSettings(batch_size=4)))
    assert "Resize" in info.value.message and "stack expects" in info.value.torch_error
    with pytest.raises(OperationError):
        drain(run_epoch(LoaderSession(loaded, TransformSpec(), LoaderSettings(batch_size=4))))
    batch = next_batch(LoaderSession(loaded, TransformSpec(resize=28), LoaderSettings(4)))
    assert batch.features_shape == "torch.Size([4, 1, 28, 28])"


def test_one_hot_size_follows_the_labels_when_the_label_map_is_short():
    short = drain(load_source(SourceSpec(EXCERPT, train=False, class_names=("only one",))))[0]
    assert short.num_classes == 10
    batch = next_batch(LoaderSession(short, TransformSpec(one_hot=True), LoaderSettings(4)))
    assert batch.labels_shape == "torch.Size([4, 10])"


def test_drop_last_with_a_batch_larger_than_the_dataset():
    settings_big = LoaderSettings(batch_size=501, drop_last=True)
    with pytest.raises(InputError, match="no batch"):
        next_batch(LoaderSession(EXCERPT_TEST, TransformSpec(), settings_big))
    epoch, _ = drain(run_epoch(LoaderSession(EXCERPT_TEST, TransformSpec(), settings_big)))
    assert epoch.batches == 0 and epoch.order == ()


def test_colour_images_give_three_channel_batches(tmp_path):
    import numpy as np
    from PIL import Image

    from engine.datasets.browse import sample_grid, thumbnails
    from engine.datasets.sources import FOLDER

    for name, colour in (("red", (255, 0, 0)), ("blue", (0, 0, 255))):
        (tmp_path / name).mkdir()
        for i in range(3):
            Image.new("RGB", (12, 10), colour).save(tmp_path / name / f"{i}.png")
    Image.new("L", (12, 10), 128).save(tmp_path / "red" / "gray.png")  # mixed modes → RGB
    loaded = drain(load_source(SourceSpec(FOLDER, str(tmp_path))))[0]
    batch = next_batch(LoaderSession(loaded, TransformSpec(), LoaderSettings(7, shuffle=False)))
    assert batch.features_shape == "torch.Size([7, 3, 10, 12])"
    assert batch.images.shape == (7, 10, 12, 3)
    assert batch.images[3, 0, 0].tolist() == [255, 0, 0] and batch.labels[3] == 1
    assert batch.images[0, 0, 0].tolist() == [0, 0, 255] and batch.labels[0] == 0
    assert batch.images[6, 0, 0].tolist() == [128, 128, 128]  # the gray file, as RGB
    assert sample_grid(loaded, 0).images[0].shape == (10, 12, 3)
    assert thumbnails(loaded, 0, 2)[1][0].shape == (10, 12, 3)
    assert np.asarray(loaded.dataset[0][0]).shape == (10, 12, 3)

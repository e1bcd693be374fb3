"""Opening Fashion-MNIST-style IDX folders: the sample, bad files, and an offline download."""

from __future__ import annotations

import time

import numpy as np
import pytest

from engine.core.errors import DataError
from engine.datasets.idx import expected_files
from engine.datasets.sample import (
    IMAGES_MAGIC,
    LABELS_MAGIC,
    TEST_COUNT,
    TRAIN_COUNT,
    generate,
    sample_root,
    write_sample,
)
from engine.datasets.sources import (
    CSV,
    FASHION,
    FOLDER,
    SAMPLE,
    LoadedDataset,
    SourceSpec,
    guess_source,
    load_source,
)
from tests.engine.datasets.test_datasets_fixtures import drain, tree_digest, write_idx


def load(spec: SourceSpec) -> LoadedDataset:
    return drain(load_source(spec))[0]


def test_shipped_sample_is_what_the_generator_writes(tmp_path):
    write_sample(tmp_path)
    for train in (True, False):
        for ours, shipped in zip(expected_files(tmp_path, train),
                                 expected_files(sample_root(), train), strict=True):
            assert ours.read_bytes() == shipped.read_bytes(), shipped.name
    total = sum(p.stat().st_size for p in (sample_root() / "FashionMNIST" / "raw").iterdir())
    assert total < 1024 * 1024


def test_sample_loads_with_torchvision_and_is_balanced():
    train = load(SourceSpec(SAMPLE, train=True))
    test = load(SourceSpec(SAMPLE, train=False))
    assert (train.length, test.length) == (TRAIN_COUNT, TEST_COUNT)
    assert type(train.dataset).__name__ == "FashionMNIST"
    assert train.generated
    assert np.bincount(train.labels).tolist() == [TRAIN_COUNT // 10] * 10
    image, label = train.dataset[0]
    assert image.size == (28, 28) and label == train.labels[0]


def test_sample_classes_can_be_told_apart():
    """A nearest-centroid classifier trained on the sample's train split beats 80 %."""
    images, labels = generate(300, 11)
    tests, truth = generate(100, 12)
    centroids = np.stack([images[labels == c].mean(axis=0).ravel() for c in range(10)])
    distances = ((tests.reshape(100, 1, -1) - centroids[None]) ** 2).sum(axis=2)
    accuracy = (distances.argmin(axis=1) == truth).mean()
    assert accuracy > 0.8


def _copy_sample(tmp_path):
    write_sample(tmp_path)
    return expected_files(tmp_path, True)


def test_truncated_images_file_names_the_file(tmp_path):
    images_path, _ = _copy_sample(tmp_path)
    images_path.write_bytes(images_path.read_bytes()[:5000])
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path)))
    assert "train-images-idx3-ubyte" in info.value.message
    assert "truncated" in info.value.message


def test_swapped_files_are_recognised(tmp_path):
    images_path, labels_path = _copy_sample(tmp_path)
    images, labels = images_path.read_bytes(), labels_path.read_bytes()
    images_path.write_bytes(labels)
    labels_path.write_bytes(images)
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path)))
    assert "swapped" in info.value.message and "train-images" in info.value.message


def test_labels_outside_the_classes_are_reported(tmp_path):
    _, labels_path = _copy_sample(tmp_path)
    labels = np.zeros(TRAIN_COUNT, dtype=np.uint8)
    labels[7] = 12
    write_idx(labels_path, labels, LABELS_MAGIC)
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path)))
    assert "12" in info.value.message and "item 7" in info.value.message


def test_count_mismatch_is_reported(tmp_path):
    images_path, _ = _copy_sample(tmp_path)
    write_idx(images_path, np.zeros((5, 28, 28), dtype=np.uint8), IMAGES_MAGIC)
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path)))
    assert "5 images" in info.value.message and f"{TRAIN_COUNT} labels" in info.value.message


def test_missing_files_say_where_to_put_them(tmp_path):
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path), train=False))
    assert str(tmp_path / "FashionMNIST" / "raw") in info.value.message
    assert "t10k-labels-idx1-ubyte" in info.value.message


def test_offline_download_fails_quickly_with_a_clear_message(tmp_path):
    start = time.monotonic()
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert time.monotonic() - start < 60
    assert info.value.field == "download"
    assert "Downloading Fashion-MNIST failed" in info.value.message
    assert str(tmp_path / "FashionMNIST" / "raw") in info.value.message
    assert info.value.torch_error  # torchvision's own text is kept


def test_loading_modifies_nothing(tmp_path):
    _copy_sample(tmp_path)
    before = tree_digest(tmp_path)
    load(SourceSpec(FASHION, str(tmp_path)))
    assert tree_digest(tmp_path) == before


def test_load_step_code_runs_and_matches(tmp_path):
    loaded = load(SourceSpec(SAMPLE, train=False))
    namespace: dict = {}
    exec("import math\nimport torch\n" + loaded.step.code, namespace)
    data = namespace["test_data"]
    assert len(data) == loaded.length
    assert data.targets.tolist() == loaded.labels.tolist()


def test_guess_source_for_dropped_paths(tmp_path):
    write_sample(tmp_path / "fm")
    assert guess_source(tmp_path / "fm").kind == FASHION
    (tmp_path / "csvset" / "img").mkdir(parents=True)
    (tmp_path / "csvset" / "a.csv").write_text("x.png,1\n")
    spec = guess_source(tmp_path / "csvset" / "a.csv")
    assert spec.kind == CSV and spec.root == str(tmp_path / "csvset" / "img")
    assert guess_source(tmp_path / "csvset").kind == CSV
    (tmp_path / "folders" / "cat").mkdir(parents=True)
    assert guess_source(tmp_path / "folders").kind == FOLDER
    (tmp_path / "note.bin").write_bytes(b"x")
    with pytest.raises(DataError):
        guess_source(tmp_path / "note.bin")


def test_a_stuck_name_lookup_cannot_hang_the_download(tmp_path, monkeypatch):
    import socket

    import engine.datasets.sources as sources

    def stuck(*_args, **_kwargs):
        time.sleep(30)

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    monkeypatch.setattr(sources, "DOWNLOAD_TIMEOUT_S", 0.5)
    start = time.monotonic()
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert time.monotonic() - start < 5
    assert "took more than" in info.value.torch_error


def test_download_with_the_files_present_needs_no_network(tmp_path, monkeypatch):
    import socket

    def no_network(*_args, **_kwargs):
        raise OSError("no network in this test")

    write_sample(tmp_path)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    loaded = load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert loaded.length == TRAIN_COUNT
    assert "download=True" in loaded.step.code


def test_a_missing_root_is_refused_before_any_download(tmp_path):
    with pytest.raises(DataError, match="Folder not found"):
        load(SourceSpec(FASHION, str(tmp_path / "nope"), download=True))
    assert not (tmp_path / "nope").exists()

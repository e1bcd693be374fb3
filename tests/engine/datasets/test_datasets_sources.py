"""Opening Fashion-MNIST IDX folders: the shipped excerpt, bad files, downloading offline."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import time

import numpy as np
import pytest

from engine.core.errors import DataError
from engine.datasets.excerpt import TEST_COUNT, TRAIN_COUNT, excerpt_root, licence_path
from engine.datasets.idx import FILE_NAMES, IMAGES_MAGIC, LABELS_MAGIC, expected_files
from engine.datasets.sample import write_sample
from engine.datasets.sources import (
    CSV,
    EXCERPT,
    FASHION,
    FOLDER,
    LoadedDataset,
    SourceSpec,
    guess_source,
    load_source,
)
from tests.engine.datasets.test_datasets_fixtures import drain, tree_digest, write_idx

SAMPLE_COUNT = 600  # train items of the generated test sample (write_sample)


def load(spec: SourceSpec) -> LoadedDataset:
    return drain(load_source(spec))[0]


def test_the_excerpt_is_real_fashion_mnist_with_its_licence():
    raw = excerpt_root() / "FashionMNIST" / "raw"
    assert sorted(p.name for p in raw.iterdir()) == sorted(FILE_NAMES.values())
    labels = np.frombuffer((raw / "train-labels-idx1-ubyte").read_bytes()[8:], np.uint8)
    # the first training labels of Fashion-MNIST: ankle boot, T-shirt, T-shirt, dress...
    assert labels[:10].tolist() == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]
    images = (raw / "train-images-idx3-ubyte").read_bytes()
    assert hashlib.sha256(images).hexdigest().startswith("e40edda7e9d8af05")
    notice = licence_path().read_text(encoding="utf-8")
    assert "MIT" in notice and "Zalando" in notice
    assert "github.com/zalandoresearch/fashion-mnist" in notice


def test_excerpt_loads_with_torchvision_like_the_real_thing():
    train = load(SourceSpec(EXCERPT, train=True))
    test = load(SourceSpec(EXCERPT, train=False))
    assert (train.length, test.length) == (TRAIN_COUNT, TEST_COUNT)
    assert type(train.dataset).__name__ == "FashionMNIST"
    assert train.builtin and train.class_names[0] == "T-shirt/top"
    assert "datasets.FashionMNIST(" in train.step.code and "download=False" in train.step.code
    image, label = train.dataset[0]
    assert image.size == (28, 28) and label == train.labels[0] == 9
    assert sorted(set(train.labels.tolist())) == list(range(10))


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
    labels = np.zeros(SAMPLE_COUNT, dtype=np.uint8)
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
    assert "5 images" in info.value.message and f"{SAMPLE_COUNT} labels" in info.value.message


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
    assert "Downloading train-images-idx3-ubyte.gz failed" in info.value.message
    assert str(tmp_path / "FashionMNIST" / "raw") in info.value.message
    assert info.value.torch_error  # torchvision's own text is kept


def test_failed_download_keeps_folders_that_were_there(tmp_path):
    raw = tmp_path / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    (raw / "notes.txt").write_text("mine")
    with pytest.raises(DataError):
        load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert [p.name for p in raw.iterdir()] == ["notes.txt"]


def test_loading_modifies_nothing(tmp_path):
    _copy_sample(tmp_path)
    before = tree_digest(tmp_path)
    load(SourceSpec(FASHION, str(tmp_path)))
    assert tree_digest(tmp_path) == before


def test_load_step_code_runs_and_matches(tmp_path):
    loaded = load(SourceSpec(EXCERPT, train=False))
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
    tutorial = tmp_path / "tutorial"  # annotations.csv beside the sub-folder of its images
    (tutorial / "photos").mkdir(parents=True)
    (tutorial / "empty").mkdir()
    (tutorial / "photos" / "x.png").write_bytes(b"")
    (tutorial / "annotations.csv").write_text("file,label\nx.png,1\n")
    assert guess_source(tutorial / "annotations.csv").root == str(tutorial / "photos")
    (tmp_path / "note.bin").write_bytes(b"x")
    with pytest.raises(DataError):
        guess_source(tmp_path / "note.bin")


def test_a_stuck_name_lookup_cannot_hang_the_download(tmp_path, monkeypatch):
    import socket

    import engine.datasets.fashion_files as sources

    def stuck(*_args, **_kwargs):
        time.sleep(30)

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    monkeypatch.setattr(sources, "DOWNLOAD_TIMEOUT_S", 0.5)
    with pytest.raises(DataError) as info:  # the stuck lookup would sleep 30 s
        load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert "took more than" in info.value.torch_error  # the app's own timeout stopped it


def test_download_with_the_files_present_needs_no_network(tmp_path, monkeypatch):
    import socket

    def no_network(*_args, **_kwargs):
        raise OSError("no network in this test")

    write_sample(tmp_path)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    loaded = load(SourceSpec(FASHION, str(tmp_path), download=True))
    assert loaded.length == SAMPLE_COUNT
    assert "download=True" in loaded.step.code


def test_a_failed_download_into_a_new_root_leaves_no_folders(tmp_path, monkeypatch):
    import socket

    def no_network(*_args, **_kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(tmp_path / "new" / "data"), download=True))
    assert list(tmp_path.iterdir()) == []  # created for the download, removed when it failed
    assert "Folder not found" not in info.value.message
    assert "no network in this test" in info.value.torch_error
    with pytest.raises(DataError, match="Folder not found"):  # without download: refused
        load(SourceSpec(FASHION, str(tmp_path / "nope")))
    assert not (tmp_path / "nope").exists()


def gz_only_root(tmp_path):
    """The excerpt as the four .gz files, the way Fashion-MNIST is distributed."""
    raw = tmp_path / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    for name in FILE_NAMES.values():
        with (excerpt_root() / "FashionMNIST" / "raw" / name).open("rb") as source, \
                gzip.open(raw / f"{name}.gz", "wb") as target:
            shutil.copyfileobj(source, target)
    return tmp_path, raw


def test_gz_files_alone_load_offline_after_their_md5_is_checked(tmp_path, monkeypatch):
    import socket

    from torchvision import datasets

    def no_network(*_args, **_kwargs):
        raise AssertionError("the network was used")

    root, raw = gz_only_root(tmp_path)
    md5s = [(f"{name}.gz", hashlib.md5((raw / f"{name}.gz").read_bytes()).hexdigest())
            for name in FILE_NAMES.values()]  # what the official checksums are for real files
    monkeypatch.setattr(datasets.FashionMNIST, "resources", md5s)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    spec = guess_source(raw / "train-images-idx3-ubyte.gz")  # a dropped .gz
    assert spec.kind == FASHION and spec.root == str(root) and spec.download
    loaded = load(spec)
    assert loaded.length == TRAIN_COUNT and "download=True" in loaded.step.code
    assert (raw / "t10k-labels-idx1-ubyte").is_file()


def test_gz_files_need_download_on_and_a_wrong_md5_is_named(tmp_path, monkeypatch):
    import socket

    def no_network(*_args, **_kwargs):
        raise OSError("no network in this test")

    root, _raw = gz_only_root(tmp_path)
    with pytest.raises(DataError) as info:
        load(SourceSpec(FASHION, str(root)))
    assert ".gz" in info.value.message and "download=True" in info.value.message
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(DataError) as info:  # an excerpt's .gz is not the official file
        load(SourceSpec(FASHION, str(root), download=True))
    assert "MD5 is not the official one" in info.value.message



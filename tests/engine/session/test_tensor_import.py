"""Tensors read from dropped files: .pt and .npy, safely and within the memory guard."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import torch

from engine.core.errors import DataError, SizeLimitError
from engine.session import tensor_import
from engine.session.tensor_import import import_tensors, name_for


def _run(job):
    try:
        while True:
            next(job)
    except StopIteration as done:
        return done.value


def test_npy_file_becomes_one_tensor_named_after_the_file(tmp_path):
    path = tmp_path / "my weights.npy"
    np.save(path, np.arange(6, dtype=np.float32).reshape(2, 3), allow_pickle=False)
    result = _run(import_tensors(path))
    assert list(result.tensors) == ["my_weights"]
    assert torch.equal(result.tensors["my_weights"], torch.arange(6.0).reshape(2, 3))
    assert "allow_pickle=False" in result.load_code


def test_pt_tensor_and_state_dict(tmp_path):
    single = tmp_path / "x.pt"
    torch.save(torch.ones(3, dtype=torch.int64), single)
    assert torch.equal(_run(import_tensors(single)).tensors["x"], torch.ones(3, dtype=torch.int64))
    state = tmp_path / "model.pt"
    torch.save({"layer.weight": torch.zeros(2, 2), "layer.bias": torch.ones(2), "n": 3}, state)
    tensors = _run(import_tensors(state)).tensors
    assert sorted(tensors) == ["layer_bias", "layer_weight"]


def test_pickled_object_is_refused_not_run(tmp_path):
    path = tmp_path / "evil.pt"
    with path.open("wb") as handle:
        pickle.dump({"x": object()}, handle)
    with pytest.raises(DataError, match="weights_only"):
        _run(import_tensors(path))
    array = tmp_path / "objects.npy"
    np.save(array, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(DataError, match="no pickled objects"):
        _run(import_tensors(array))


def test_other_files_and_huge_files_are_refused_by_name(tmp_path, monkeypatch):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(DataError, match=r"notes\.txt.*\.torchscope.*\.pt.*\.npy"):
        _run(import_tensors(other))
    big = tmp_path / "big.npy"
    np.save(big, np.zeros(1000, dtype=np.float64))
    monkeypatch.setattr(tensor_import, "memory_guard_bytes", lambda: 100)
    with pytest.raises(SizeLimitError, match="big.npy"):
        _run(import_tensors(big))


def test_names_are_valid_identifiers():
    assert name_for("3 layers") == "t_3_layers"
    assert name_for("torch") == "t"
    assert name_for("__") == "t"

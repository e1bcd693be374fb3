"""Exporting the current tensor to .pt, .npy and .csv, read back with the usual tools."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.errors import DataError
from engine.session.tensor_export import export_tensor, format_for
from engine.session.workspace_file import run_to_end


def export(tensor, path, fmt=None):
    return run_to_end(export_tensor(tensor, path, fmt))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16,
                                   torch.int64, torch.uint8, torch.bool, torch.complex64])
def test_pt_loads_back_with_weights_only(tmp_path, dtype):
    tensor = (torch.arange(12).reshape(3, 4) % 3).to(dtype)
    result = export(tensor, tmp_path / "t.pt")
    loaded = torch.load(tmp_path / "t.pt", weights_only=True)
    assert loaded.dtype == dtype and torch.equal(loaded, tensor)
    assert result.format == "pt" and result.shape == (3, 4)
    assert "weights_only=True" in result.note and "weights_only=True" in result.load_code


def test_pt_keeps_requires_grad_and_saves_only_the_view(tmp_path):
    leaf = torch.ones(3, requires_grad=True)
    export(leaf, tmp_path / "leaf.pt")
    assert torch.load(tmp_path / "leaf.pt", weights_only=True).requires_grad
    big = torch.zeros(1000, 1000)
    export(big[0, :3], tmp_path / "view.pt")
    assert (tmp_path / "view.pt").stat().st_size < 10_000  # not the 4 MB base storage


def test_npy_round_trip_and_bfloat16_is_widened_and_said(tmp_path):
    tensor = torch.linspace(-2, 2, 9).reshape(3, 3)
    assert export(tensor, tmp_path / "a.npy").note == ""
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy", allow_pickle=False),
                                  tensor.numpy())
    result = export(tensor.to(torch.bfloat16), tmp_path / "b.npy")
    assert "float32" in result.note
    loaded = np.load(tmp_path / "b.npy", allow_pickle=False)
    assert loaded.dtype == np.float32
    np.testing.assert_array_equal(loaded, tensor.to(torch.bfloat16).float().numpy())


def test_csv_of_a_2d_tensor_is_rows_and_columns(tmp_path):
    tensor = torch.tensor([[0.1, 1 / 3, -2.5], [1e-8, 7.0, float("inf")]])
    result = export(tensor, tmp_path / "m.csv")
    text = (tmp_path / "m.csv").read_text()
    assert text.splitlines()[0] == "0.1,0.33333334,-2.5"  # shortest float32 text
    assert "2 rows × 3 columns" in result.note
    loaded = np.loadtxt(tmp_path / "m.csv", delimiter=",", dtype=np.float32, ndmin=2)
    np.testing.assert_array_equal(loaded, tensor.numpy())


@pytest.mark.parametrize("shape", [(2, 3, 4), (5,), ()])
def test_csv_of_other_shapes_is_flattened_and_says_so(tmp_path, shape):
    tensor = torch.arange(max(1, int(np.prod(shape))), dtype=torch.int32).reshape(shape)
    result = export(tensor, tmp_path / "f.csv")
    first = (tmp_path / "f.csv").read_text().splitlines()[0]
    assert first.startswith("# ") and "flattened" in first and str(shape) in first
    assert "flattened" in result.note and str(shape) in result.note
    loaded = np.loadtxt(tmp_path / "f.csv", delimiter=",", dtype=np.int64)
    np.testing.assert_array_equal(loaded.reshape(shape), tensor.numpy())


def test_csv_writes_booleans_as_ones_and_zeros(tmp_path):
    export(torch.tensor([[True, False]]), tmp_path / "b.csv")
    assert (tmp_path / "b.csv").read_text() == "1,0\n"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(width=32, allow_nan=False), min_size=1, max_size=12))
def test_csv_float32_values_read_back_exactly(tmp_path_factory, values):
    path = tmp_path_factory.mktemp("csv") / "v.csv"
    tensor = torch.tensor([values], dtype=torch.float32)
    export(tensor, path)
    loaded = np.loadtxt(path, delimiter=",", dtype=np.float32, ndmin=2)
    np.testing.assert_array_equal(loaded, tensor.numpy())


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"\.pt, \.npy or \.csv"):
        format_for(tmp_path / "x.txt")
    assert format_for(tmp_path / "x.data", "NPY") == "npy"


def test_a_failed_export_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "t.npy"
    export(torch.ones(2), path)
    before = path.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "save", broken)
    with pytest.raises(DataError, match="No space left"):
        export(torch.zeros(2), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.npy"]


def test_the_advised_weights_only_load_refuses_a_malicious_pt(tmp_path):
    """The note tells users to load .pt files with weights_only=True: that must be safe."""
    import os
    import pickle

    marker = tmp_path / "pwned"

    class RunsACommand:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    torch.save({"t": torch.ones(2), "evil": RunsACommand()}, tmp_path / "evil.pt")
    with pytest.raises(pickle.UnpicklingError):
        torch.load(tmp_path / "evil.pt", weights_only=True)
    assert not marker.exists()
    torch.load(tmp_path / "evil.pt", weights_only=False)  # proves the file is dangerous
    assert marker.exists()

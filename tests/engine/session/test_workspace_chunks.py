"""Workspace values are written and read in chunks: values that span many chunks (and end
inside one) come back exactly, and opening reports progress chunk by chunk."""

from __future__ import annotations

import torch

from engine.session import workspace_file, workspace_read
from engine.session.workspace_file import open_workspace, run_to_end, save_workspace

CHUNK = 1000  # bytes: a 10,000-byte tensor takes ten chunks, 4,004 bytes end mid-chunk


def _small_chunks(monkeypatch) -> None:
    monkeypatch.setattr(workspace_file, "CHUNK_BYTES", CHUNK)
    monkeypatch.setattr(workspace_read, "CHUNK_BYTES", CHUNK)


def test_values_spanning_many_chunks_come_back_exactly(tmp_path, monkeypatch):
    _small_chunks(monkeypatch)
    torch.manual_seed(0)
    tensors = {"floats": torch.randn(50, 50), "odd": torch.arange(1001, dtype=torch.int32),
               "mask": torch.rand(3001) > 0.5, "empty": torch.zeros(0, 4)}
    path = tmp_path / "w.torchscope"
    run_to_end(save_workspace(path, tensors))
    loaded = run_to_end(open_workspace(path)).tensors
    for name, tensor in tensors.items():
        assert loaded[name].dtype == tensor.dtype, name
        assert torch.equal(loaded[name], tensor), name


def test_opening_reports_progress_for_every_chunk(tmp_path, monkeypatch):
    _small_chunks(monkeypatch)
    path = tmp_path / "w.torchscope"
    run_to_end(save_workspace(path, {"a": torch.zeros(2500)}))  # 10,000 bytes
    job, records = open_workspace(path), []
    while True:
        try:
            records.append(next(job))
        except StopIteration:
            break
    done = [r.done for r in records if r.total]
    assert done == [CHUNK * i for i in range(1, 11)]
    assert records[-1].total == 10_000

"""Workspace files: round trips, atomic saves, and refusing every file that is not ours."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import torch

from engine.core.codegen import CodeStep
from engine.core.errors import DataError
from engine.session.workspace_file import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    open_workspace,
    run_to_end,
    save_workspace,
)

STEPS = [("tensors", CodeStep("Create a", "a = torch.ones(2)", "Ones.")),
         ("autograd", CodeStep("Leaf", "x = torch.tensor(1.0, requires_grad=True)", ""))]
SETTINGS = {"tensors": {"shape": "2, 3", "dtype": "float32"}, "autograd": {"preset": 2}}


def sample_tensors() -> dict:
    torch.manual_seed(0)
    leaf = torch.randn(3, 4, requires_grad=True)
    (leaf * leaf).sum().backward()
    return {
        "ints": torch.arange(-6, 6, dtype=torch.int64).reshape(3, 4),
        "leaf": leaf,
        "mask": torch.tensor([[True, False], [False, True]]),
        "half": torch.linspace(-1, 1, 5, dtype=torch.float16),
        "brain": torch.linspace(-1, 1, 5, dtype=torch.bfloat16),
        "scalar": torch.tensor(3.25, dtype=torch.float64),
        "empty": torch.empty(0, 3),
        "bytes": torch.arange(256, dtype=torch.int32).to(torch.uint8),
        "cplx": torch.tensor([1 + 2j, -3j], dtype=torch.complex64),
        "view": torch.arange(20.0).reshape(4, 5)[:, 1::2],  # non-contiguous view
    }


def save(path, tensors, steps=STEPS, settings=SETTINGS):
    return run_to_end(save_workspace(path, tensors, steps, settings))


def load(path):
    return run_to_end(open_workspace(path))


def test_round_trip_keeps_names_values_dtypes_shapes_grad_steps_and_settings(tmp_path):
    path = tmp_path / "w.torchscope"
    original = sample_tensors()
    save(path, original)
    data = load(path)
    assert list(data.tensors) == list(original)
    for name, tensor in original.items():
        loaded = data.tensors[name]
        assert loaded.dtype == tensor.dtype, name
        assert loaded.shape == tensor.shape, name
        assert loaded.requires_grad == tensor.requires_grad, name
        assert torch.equal(loaded.detach(), tensor.detach()), name
    assert torch.equal(data.tensors["leaf"].grad, original["leaf"].grad)
    assert data.tensors["leaf"].is_leaf
    assert data.steps == STEPS
    assert data.settings == SETTINGS
    assert data.version == FORMAT_VERSION


def test_loaded_tensors_are_independent_and_writable(tmp_path):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.zeros(3)})
    a = load(path).tensors["a"]
    a += 1  # no read-only or shared-buffer surprises
    assert load(path).tensors["a"].tolist() == [0.0, 0.0, 0.0]


def test_save_reports_progress_and_returns_the_path(tmp_path):
    path = tmp_path / "w.torchscope"
    job = save_workspace(path, {"a": torch.zeros(10)})
    records = []
    while True:
        try:
            records.append(next(job))
        except StopIteration as stop:
            assert stop.value == path
            break
    assert records and records[-1].done == records[-1].total == 40


def test_unsupported_tensors_and_settings_are_refused_before_writing(tmp_path):
    path = tmp_path / "w.torchscope"
    with pytest.raises(DataError, match="dense"):
        save(path, {"s": torch.eye(3).to_sparse()})
    with pytest.raises(DataError, match="settings"):
        save(path, {"a": torch.zeros(1)}, settings={"tensors": {"bad": object()}})
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


# --- atomic saving ----------------------------------------------------------------------------
def test_a_save_that_fails_midway_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "w.torchscope"
    save(path, {"old": torch.arange(5.0)})
    before = path.read_bytes()
    import engine.session.workspace_file as wf

    real = wf._write_member

    def failing(archive, member, plain, progress):
        yield from real(archive, member, plain, progress)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wf, "_write_member", failing)
    with pytest.raises(DataError, match="No space left"):
        save(path, {"new": torch.arange(100_000.0)})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["w.torchscope"]  # no temp file left
    assert load(path).tensors["old"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_a_cancelled_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    import engine.session.workspace_file as wf

    monkeypatch.setattr(wf, "CHUNK_BYTES", 1024)
    path = tmp_path / "w.torchscope"
    save(path, {"old": torch.ones(2)})
    before = path.read_bytes()
    job = save_workspace(path, {"new": torch.zeros(10_000)})
    for _ in range(5):
        next(job)
    job.close()  # what the GUI's cancel does at a yield
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["w.torchscope"]


def test_killing_the_process_mid_save_loses_nothing(tmp_path):
    path = tmp_path / "w.torchscope"
    save(path, {"old": torch.arange(4.0)}, steps=[], settings={})
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import sys, time, torch
        import engine.session.workspace_file as wf
        wf.CHUNK_BYTES = 4096
        job = wf.save_workspace({str(path)!r}, {{"new": torch.zeros(1_000_000)}})
        for index, _ in enumerate(job):
            if index == 10:
                print("mid-save", flush=True)
                time.sleep(120)
    """)
    root = str(Path(__file__).resolve().parents[3])
    child = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "mid-save"
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        assert partial and partial[0].stat().st_size > 0  # the new archive was being written
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert load(path).tensors["old"].tolist() == [0.0, 1.0, 2.0, 3.0]


def test_saving_over_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.ones(1)})
    os.chmod(path, 0o640)
    save(path, {"a": torch.zeros(1)})
    assert path.stat().st_mode & 0o777 == 0o640


# --- refusing files -------------------------------------------------------------------------
class RunsACommand:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def marker(tmp_path):
    return tmp_path / "pwned"


def test_the_malicious_pickle_really_runs_a_command_when_unpickled(tmp_path, marker):
    """Proves the payload used below is dangerous, so refusing it means something."""
    payload = tmp_path / "evil.bin"
    payload.write_bytes(pickle.dumps(RunsACommand(marker)))
    subprocess.run([sys.executable, "-c", f"import pickle; pickle.load(open({str(payload)!r}, "
                    "'rb'))"], check=True, timeout=60)
    assert marker.exists()


def test_a_malicious_pickle_is_refused_and_never_runs(tmp_path, marker):
    path = tmp_path / "evil.torchscope"
    path.write_bytes(pickle.dumps(RunsACommand(marker)))
    with pytest.raises(DataError, match="pickle") as info:
        load(path)
    assert "not a TorchScope workspace" in info.value.message
    assert "unchanged" in info.value.message
    assert not marker.exists()


def test_a_malicious_torch_save_file_is_refused_and_never_runs(tmp_path, marker):
    path = tmp_path / "evil.torchscope"
    torch.save({"t": torch.ones(2), "x": RunsACommand(marker)}, path)
    with pytest.raises(DataError, match="torch.save"):
        load(path)
    assert not marker.exists()


def test_a_pickle_hidden_inside_a_workspace_is_never_unpickled(tmp_path, marker):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.zeros(2)})
    rewrite(path, members={"tensors/0.bin": pickle.dumps(RunsACommand(marker))})
    with pytest.raises(DataError, match="damaged"):
        load(path)
    assert not marker.exists()


def rewrite(path, manifest_change=None, members=None):
    """Rebuild the archive with an edited manifest and/or replaced members."""
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(contents[MANIFEST_NAME])
    if manifest_change:
        manifest_change(manifest)
    contents[MANIFEST_NAME] = json.dumps(manifest).encode()
    contents.update(members or {})
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def test_a_newer_format_version_is_refused_politely(tmp_path):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.zeros(2)})
    rewrite(path, lambda m: m.update(version=FORMAT_VERSION + 1))
    with pytest.raises(DataError) as info:
        load(path)
    text = info.value.message
    assert "newer TorchScope" in text and f"format {FORMAT_VERSION + 1}" in text
    assert "update TorchScope" in text


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_file_is_refused(tmp_path, cut):
    path = tmp_path / "w.torchscope"
    save(path, sample_tensors())
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(DataError, match="damaged or incomplete|not a TorchScope"):
        load(path)


def test_a_flipped_byte_in_the_values_is_detected(tmp_path):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.arange(1000.0)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("tensors/0.bin")
    data[info.header_offset + 30 + len(info.filename) + 100] ^= 0xFF  # inside the values
    path.write_bytes(bytes(data))
    with pytest.raises(DataError, match="damaged"):
        load(path)


@pytest.mark.parametrize("content, expected", [
    (b"", "not a zip"),
    (b"hello, this is a text file\n", "not a zip"),
    (b"\x93NUMPY\x01\x00v\x00{'descr': '<f4'}", "NumPy"),
])
def test_foreign_files_are_refused(tmp_path, content, expected):
    path = tmp_path / "w.torchscope"
    path.write_bytes(content)
    with pytest.raises(DataError, match=expected):
        load(path)


def test_a_zip_without_manifest_or_with_another_format_is_refused(tmp_path):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DataError, match="without a workspace manifest"):
        load(path)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST_NAME, json.dumps({"format": "something-else", "version": 1}))
    with pytest.raises(DataError, match="another kind"):
        load(path)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="Could not read"):
        load(tmp_path / "nope.torchscope")


BAD_MANIFESTS = {
    "bad json": None,
    "no version": lambda m: m.pop("version"),
    "version text": lambda m: m.update(version="1"),
    "bad name": lambda m: m["tensors"][0].update(name="import os"),
    "duplicate": lambda m: m["tensors"].append(dict(m["tensors"][0])),
    "dtype": lambda m: m["tensors"][0].update(dtype="object"),
    "shape": lambda m: m["tensors"][0].update(shape=[-1, 2]),
    "wrong size": lambda m: m["tensors"][0].update(shape=[3, 3]),
    "huge": lambda m: m["tensors"][0].update(shape=[10**6, 10**6]),
    "member": lambda m: m["tensors"][0].update(data="../../etc/passwd"),
    "grad flag": lambda m: m["tensors"][0].update(requires_grad="yes"),
    "steps": lambda m: m.update(steps={"tab": 1}),
    "step field": lambda m: m["steps"].append({"tab": "x", "code": 5}),
    "settings": lambda m: m.update(settings=[1, 2]),
    "int grad": lambda m: m["tensors"].append(
        {"name": "i", "dtype": "int64", "shape": [], "requires_grad": True,
         "data": "tensors/0.bin"}),
}


@pytest.mark.parametrize("case", sorted(BAD_MANIFESTS))
def test_inconsistent_manifests_are_refused(tmp_path, case):
    path = tmp_path / "w.torchscope"
    save(path, {"a": torch.arange(2.0)})
    change = BAD_MANIFESTS[case]
    if change is None:
        rewrite(path, members={MANIFEST_NAME: b"{not json"})
    else:
        rewrite(path, change)
    with pytest.raises(DataError):
        load(path)

"""Crafted workspace files that attack memory or the parser: each ends in the engine's named
DataError, and nothing of a tensor's values is read (let alone decompressed) before the
whole manifest has been checked."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest
import torch

from engine.core.errors import DataError
from engine.session import workspace_format, workspace_read
from engine.session.workspace_file import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    open_workspace,
    run_to_end,
    save_workspace,
)

GIB = 1024**3


def manifest(tensors: list, **extra) -> dict:
    return {"format": "torchscope-workspace", "version": FORMAT_VERSION, "tensors": tensors,
            "steps": [], "settings": {}, **extra}


def record(name: str, shape: list, member: str = "tensors/0.bin", dtype: object = "float32"):
    return {"name": name, "dtype": dtype, "shape": shape, "data": member}


def craft(path: Path, content: dict | bytes, members: dict[str, bytes] | None = None) -> Path:
    raw = content if isinstance(content, bytes) else json.dumps(content).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, raw)
        for member, data in (members or {}).items():
            archive.writestr(member, data, compress_type=zipfile.ZIP_STORED)
    return path


@pytest.fixture
def opened_members(monkeypatch) -> list[str]:
    """The names of every archive member opened while the test runs; opening a tensor's
    values fails the test at once (so a regression never decompresses a bomb)."""
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, mode="r", *args, **kwargs):
        if mode == "r":
            opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
            if opened[-1] != MANIFEST_NAME:
                raise AssertionError(f"{opened[-1]} was opened before the file was refused")
        return real_open(self, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return opened


def refusal(path: Path) -> str:
    with pytest.raises(DataError) as info:
        run_to_end(open_workspace(path))
    return info.value.message


@pytest.fixture(scope="module")
def one_gib_bomb(tmp_path_factory) -> Path:
    """A 1 MB file whose manifest points five records at one deflated 1 GiB member."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.torchscope"
    records = [record(f"t{i}", [GIB // 4]) for i in range(5)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest(records)))
        with archive.open("tensors/0.bin", "w", force_zip64=True) as out:
            chunk = bytes(16 * 1024**2)
            for _ in range(GIB // len(chunk)):
                out.write(chunk)
    assert path.stat().st_size < 2 * 1024**2
    return path


# --- one budget for all records, each member used once -------------------------------------
def test_records_sharing_one_deflated_gib_member_are_refused_before_reading(
        one_gib_bomb, opened_members):
    message = refusal(one_gib_bomb)
    assert "tensors/0.bin" in message and "more than one" in message
    assert opened_members == [MANIFEST_NAME]


def test_a_member_used_twice_is_refused_even_when_small(tmp_path, opened_members):
    data = bytes(8)
    path = craft(tmp_path / "w.torchscope", manifest([
        record("a", [2]), {**record("b", [1], "tensors/1.bin"), "grad": "tensors/1.bin"}]),
        {"tensors/0.bin": data, "tensors/1.bin": data[:4]})
    assert "tensors/1.bin" in refusal(path)
    assert opened_members == [MANIFEST_NAME]


def test_the_total_of_all_records_is_checked_against_one_budget_first(
        tmp_path, monkeypatch, opened_members):
    path = tmp_path / "w.torchscope"
    run_to_end(save_workspace(path, {f"t{i}": torch.zeros(256, 256) for i in range(3)}))
    monkeypatch.setattr(workspace_format, "workspace_budget_bytes", lambda: 600 * 1024)
    message = refusal(path)
    assert "768.0 KiB" in message and "600.0 KiB" in message
    assert opened_members == [MANIFEST_NAME]


def test_saving_more_than_the_budget_is_refused_before_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(workspace_format, "workspace_budget_bytes", lambda: 600 * 1024)
    path = tmp_path / "w.torchscope"
    with pytest.raises(DataError) as info:
        run_to_end(save_workspace(path, {f"t{i}": torch.zeros(256, 256) for i in range(3)}))
    assert "768.0 KiB" in info.value.message and not path.exists()


# --- the manifest is bounded by structure, not only by bytes --------------------------------
def test_megabytes_of_empty_lists_are_refused_without_parsing(tmp_path, monkeypatch):
    def no_parse(*_args, **_kwargs):
        raise AssertionError("json.loads ran on a manifest that is too big by structure")

    path = craft(tmp_path / "w.torchscope", b'{"format": "torchscope-workspace", "x": ['
                 + b"[]," * 3_000_000 + b"[]]}")
    monkeypatch.setattr(workspace_read.json, "loads", no_parse)
    assert "entries" in refusal(path)


@pytest.mark.parametrize("depth", [200, 100_000])
def test_deeply_nested_manifests_are_refused(tmp_path, depth):
    path = craft(tmp_path / "w.torchscope", b'{"format": "torchscope-workspace", "x": '
                 + b"[" * depth + b"]" * depth + b"}")
    assert "nested" in refusal(path)


def test_brackets_inside_strings_do_not_count(tmp_path):
    steps = [{"tab": "tensors", "title": "[" * 500, "code": "x = 1", "explanation": "{" * 500}]
    path = craft(tmp_path / "w.torchscope", manifest([], steps=steps))
    assert run_to_end(open_workspace(path)).steps[0][1].title == "[" * 500


# --- every raw exception becomes a named DataError ------------------------------------------
@pytest.mark.parametrize(("shape", "dtype"), [
    ([10**30, 0], "float32"), ([2**63, 0], "float32"), ([2**62, 2**62, 0], "float32"),
    ([2], ["float32"]), ([2], {"name": "float32"}),
])
def test_impossible_shapes_and_unhashable_dtypes_are_named_errors(tmp_path, shape, dtype):
    path = craft(tmp_path / "w.torchscope", manifest([record("t", shape, dtype=dtype)]),
                 {"tensors/0.bin": b""})
    message = refusal(path)
    assert "'t'" in message and ("shape" in message or "dtype" in message)


def _patch_member(path: Path, member: str, offset_local: int, offset_central: int,
                  value: bytes) -> None:
    """Overwrite a field of ``member``'s local header and central directory entry."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    headers = ((b"PK\x03\x04", offset_local, 30, 26), (b"PK\x01\x02", offset_central, 46, 28))
    for signature, offset, size, name_length_at in headers:
        start = data.find(signature)
        while start >= 0:
            length = struct.unpack_from("<H", data, start + name_length_at)[0]
            if data[start + size:start + size + length] == name:
                data[start + offset:start + offset + len(value)] = value
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("field", "local", "central", "value", "expected"), [
    ("encrypted", 6, 8, b"\x01\x00", "encrypted"),
    ("method", 8, 10, b"\x63\x00", "compression"),
])
def test_encrypted_or_unknown_compression_members_are_named_errors(
        tmp_path, field, local, central, value, expected):
    path = craft(tmp_path / "w.torchscope", manifest([record("t", [2])]),
                 {"tensors/0.bin": bytes(8)})
    _patch_member(path, "tensors/0.bin", local, central, value)
    with zipfile.ZipFile(path) as archive:  # the crafted file really is what it claims
        info = archive.getinfo("tensors/0.bin")
        assert (info.flag_bits & 1) if field == "encrypted" else info.compress_type == 99
    message = refusal(path)
    assert expected in message and "tensors/0.bin" in message

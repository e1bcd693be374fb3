"""``--run-code FILE.py [--json]``: output, names with hashes, and exit codes."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from engine.language.run_code import run_code_file
from tests.engine.language.note_cells import CELLS, RUNNABLE

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


@pytest.fixture()
def deterministic() -> Iterator[None]:
    previous = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(previous)


def _run(tmp_path: Path, source: str, as_json: bool) -> tuple[int, str]:
    path = tmp_path / "code.py"
    path.write_text(source, encoding="utf-8")
    out = io.StringIO()
    return run_code_file(str(path), as_json, out), out.getvalue()


def _sha(tensor: torch.Tensor) -> str:
    data = tensor.detach().cpu().contiguous().reshape(-1).view(torch.uint8)
    return hashlib.sha256(bytes(data.numpy())).hexdigest()


@pytest.mark.usefixtures("deterministic")
def test_the_whole_note_through_run_code_matches_plain_python(tmp_path: Path) -> None:
    source = "\n".join(CELLS[index] for index in RUNNABLE)
    torch.manual_seed(0)
    code, text = _run(tmp_path, source, as_json=True)
    torch.manual_seed(0)
    plain: dict[str, object] = {}
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(source, "<note>", "exec"), plain)  # the oracle: constant test text
    assert code == 0
    records = [json.loads(line) for line in text.splitlines()]
    printed = "".join(r["print"] for r in records if "print" in r)
    assert _ADDRESS.sub("0x", printed) == _ADDRESS.sub("0x", buffer.getvalue())
    tensors = {r["name"]: r for r in records if r.get("type") == "torch.Tensor"}
    assert len(tensors) > 30
    for name, record in tensors.items():
        value = plain[name]
        assert isinstance(value, torch.Tensor)
        assert record["shape"] == list(value.shape) and record["dtype"] == str(value.dtype)
        assert record["requires_grad"] == value.requires_grad
        assert record["sha256"] == _sha(value), name


def test_json_lines_for_prints_and_names(tmp_path: Path) -> None:
    code, text = _run(tmp_path, "x = 3\nprint('a', x, end='')\nt = torch.zeros(2)", True)
    records = [json.loads(line) for line in text.splitlines()]
    assert code == 0
    assert records[0] == {"print": "a 3"}
    assert records[1] == {"name": "x", "type": "int"}
    assert records[2]["name"] == "t" and records[2]["shape"] == [2]
    assert records[2]["sha256"] == hashlib.sha256(bytes(8)).hexdigest()


def test_plain_output(tmp_path: Path) -> None:
    assert _run(tmp_path, "print(1)\nprint(torch.ones(2))", False) == (0, "1\ntensor([1., 1.])\n")


def test_refused_code_exits_2_with_line_and_column(tmp_path: Path) -> None:
    code, text = _run(tmp_path, "print('before')\nx = getattr(torch, 'load')", True)
    records = [json.loads(line) for line in text.splitlines()]
    assert code == 2 and records[0] == {"print": "before\n"}
    assert records[1]["error"] == "refused" and (records[1]["line"], records[1]["column"]) == (2, 5)
    assert "getattr" in records[1]["message"]


def test_pytorch_error_exits_3_with_its_text(tmp_path: Path) -> None:
    code, text = _run(tmp_path, "a = torch.ones(2, 3)\nb = a @ a", False)
    assert code == 3 and "mat1 and mat2 shapes cannot be multiplied" in text
    assert text.startswith("Line 2, column 5:")


def test_size_refusal_exits_2(tmp_path: Path) -> None:
    code, text = _run(tmp_path, "a = torch.ones(10**6, 10**6)", False)
    assert code == 2 and "TiB" in text

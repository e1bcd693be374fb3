"""The command line: --help, --self-test and --screenshot run as a user would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_help_lists_the_options():
    done = _run("--help")
    assert done.returncode == 0
    for option in ("--screenshot", "--tab", "--size", "--lang", "--self-test"):
        assert option in done.stdout


def test_self_test_exits_zero_with_one_line():
    done = _run("--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("TorchScope self-test passed")


def test_bad_size_is_refused_with_a_message():
    done = _run("--screenshot", "x.png", "--size", "big")
    assert done.returncode == 2
    assert "1280x800" in done.stderr


def _image_stats(path: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    return image.width(), image.height(), len(colours)


@pytest.mark.parametrize("tab, lang", [("broadcasting", "en"), ("tensors", "es")])
def test_screenshot_writes_a_png_of_the_requested_size(tmp_path, qapp, tab, lang):
    out = tmp_path / f"{tab}.png"
    done = _run("--screenshot", str(out), "--tab", tab, "--size", "1024x700", "--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    width, height, colours = _image_stats(out)
    assert (width, height) == (1024, 700)
    assert colours > 20, "the screenshot looks blank"


def test_run_code_runs_a_file_without_a_window(tmp_path):
    script = tmp_path / "cell.py"
    script.write_text("import torch\nx = torch.arange(3.0)\nprint(x.sum())\n", encoding="utf-8")
    done = _run("--run-code", str(script), "--json")
    assert done.returncode == 0, done.stderr
    lines = [__import__("json").loads(line) for line in done.stdout.splitlines()]
    assert lines[0] == {"print": "tensor(3.)\n"}
    assert lines[1]["name"] == "x" and lines[1]["shape"] == [3] and len(lines[1]["sha256"]) == 64
    refused = tmp_path / "bad.py"
    refused.write_text("y = getattr(torch, 'load')\n", encoding="utf-8")
    assert _run("--run-code", str(refused)).returncode == 2


def test_open_workspace_check_lists_tensors_or_names_the_error(tmp_path):
    import torch

    from engine.session.workspace_file import run_to_end, save_workspace

    good = tmp_path / "w.torchscope"
    run_to_end(save_workspace(good, {"a": torch.ones(2, 3)}))
    done = _run("--open-workspace", str(good), "--check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == ["a [2, 3] float32"]
    bad = tmp_path / "bad.torchscope"
    bad.write_bytes(b"not a zip")
    done = _run("--open-workspace", str(bad), "--check")
    assert done.returncode == 2
    assert "DataError" in done.stdout and "not a zip archive" in done.stdout

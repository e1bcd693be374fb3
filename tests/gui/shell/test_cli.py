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

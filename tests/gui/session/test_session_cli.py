"""torchscope --install-desktop, --check-extensions and the --open-workspace check."""

from __future__ import annotations

import configparser
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import torch

from gui.session import cli as session_cli
from gui.shell.app import build_parser


def test_install_desktop_writes_entry_and_icon(tmp_path, monkeypatch):
    launcher = tmp_path / "bin" / "torchscope"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(launcher), "--install-desktop"])
    entry, icon = session_cli.install_desktop(tmp_path / "share")
    assert entry == tmp_path / "share" / "applications" / "torchscope.desktop"
    assert icon.read_bytes() == (session_cli.RESOURCES / "torchscope.svg").read_bytes()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Exec"] == str(launcher)
    assert desktop["Icon"] == str(icon)
    assert desktop["Name"] == "TorchScope" and desktop["Type"] == "Application"


def test_exec_arguments_with_spaces_are_quoted(tmp_path, monkeypatch):
    launcher = tmp_path / "my apps" / "torchscope"
    launcher.parent.mkdir()
    launcher.write_text("")
    monkeypatch.setattr(sys, "argv", [str(launcher)])
    assert session_cli.launcher_command() == f'"{launcher}"'


def test_install_desktop_follows_xdg_data_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert session_cli.run_install_desktop() == 0
    assert (tmp_path / "applications" / "torchscope.desktop").exists()
    assert "Desktop entry written to" in capsys.readouterr().out


def test_options_are_on_the_command_line():
    args = build_parser().parse_args(["--install-desktop"])
    assert args.install_desktop and not args.check_extensions


def test_check_extensions_passes_here(capsys):
    assert session_cli.run_check_extensions() == 0
    out = capsys.readouterr().out
    assert "extensions check passed" in out and "nms and JPEG decoding work" in out


def test_open_workspace_check_lists_each_tensor(tmp_path):
    from engine.session.workspace_file import run_to_end, save_workspace

    path = tmp_path / "w.torchscope"
    run_to_end(save_workspace(path, {"a": torch.zeros(2, 3), "n": torch.tensor(7)}))
    out = io.StringIO()
    assert session_cli.run_open_workspace_check(str(path), out) == 0
    assert out.getvalue().splitlines() == ["a [2, 3] float32", "n [] int64"]


def _hostile(path: Path, shape: list) -> Path:
    manifest = {"format": "torchscope-workspace", "version": 1, "steps": [], "settings": {},
                "tensors": [{"name": "t", "dtype": "float32", "shape": shape,
                             "data": "tensors/0.bin"}]}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("torchscope-workspace.json", json.dumps(manifest))
        archive.writestr("tensors/0.bin", b"")
    return path


@pytest.mark.parametrize("shape", [[10**30, 0], [2**62, 2**62, 0]])
def test_open_workspace_check_prints_the_named_error(tmp_path, shape):
    out = io.StringIO()
    assert session_cli.run_open_workspace_check(str(_hostile(tmp_path / "h.torchscope", shape)),
                                                out) == 2
    assert out.getvalue().startswith("DataError: h.torchscope is damaged")
    assert "'t' has an invalid shape" in out.getvalue()


def test_open_workspace_check_needs_no_qt(tmp_path):
    path = _hostile(tmp_path / "h.torchscope", [2**63, 0])
    code = ("import sys, builtins\n"
            "real = builtins.__import__\n"
            "def guard(name, *a, **k):\n"
            "    if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'superqt'):\n"
            "        raise ImportError(name)\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = guard\n"
            "from gui.session.cli import run_open_workspace_check\n"
            f"sys.exit(run_open_workspace_check({str(path)!r}, sys.stdout))\n")
    root = Path(session_cli.__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stdout.startswith("DataError:")

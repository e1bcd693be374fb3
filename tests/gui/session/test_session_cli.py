"""torchscope --install-desktop and --check-extensions."""

from __future__ import annotations

import configparser
import sys

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

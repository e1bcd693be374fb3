"""The start-up check of the platform plugin's system libraries (before Qt can abort)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.shell import platform_check
from gui.shell.platform_check import (
    EXIT_MISSING_LIBRARIES,
    check_before_window,
    check_platforms,
    not_found,
    report,
)

ROOT = Path(__file__).resolve().parents[3]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux check")

LDD_MISSING_XCB = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f85)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f84)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""
LDD_ALL_FOUND = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f84)\n"


@pytest.fixture
def plugins(tmp_path) -> Path:
    """A platforms folder holding (empty) xcb and wayland plugins."""
    for name in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        (tmp_path / name).write_bytes(b"")
    return tmp_path


def fake_ldd(outputs: dict[str, str | None]):
    calls: list[str] = []

    def ldd(path: Path) -> str | None:
        calls.append(path.name)
        return outputs[path.name]

    ldd.calls = calls  # type: ignore[attr-defined]
    return ldd


def test_not_found_lists_each_missing_library_once_in_order():
    assert not_found(LDD_MISSING_XCB) == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert not_found(LDD_ALL_FOUND) == ()


@linux_only
def test_missing_xcb_libraries_are_named_with_the_install_commands(plugins, capsys):
    ldd = fake_ldd({"libqxcb.so": LDD_MISSING_XCB})
    env = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins), "DISPLAY": ":0"}

    assert check_before_window(env, ldd) == EXIT_MISSING_LIBRARIES == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "libxcb-keysyms.so.1" in err
    assert "libxcb-cursor.so.0" not in err  # found: not blamed, unlike Qt's own message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in err.replace("    #", "\n")
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in err
    assert ldd.calls == ["libqxcb.so"]


@linux_only
@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"},
                                 {"QT_QPA_PLATFORM": "minimal"},
                                 {"TORCHSCOPE_SKIP_PLATFORM_CHECK": "1"}])
def test_no_check_without_a_window_or_when_skipped(plugins, env):
    ldd = fake_ldd({"libqxcb.so": LDD_MISSING_XCB})
    assert check_before_window({"QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins), **env}, ldd) is None
    assert ldd.calls == []


@linux_only
def test_without_ldd_nothing_is_checked(plugins, capsys):
    ldd = fake_ldd({"libqxcb.so": None})  # run_ldd returns None when ldd is absent
    assert check_before_window({"QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins)}, ldd) is None
    assert capsys.readouterr().err == ""


def test_run_ldd_is_silent_when_ldd_is_absent(monkeypatch, plugins):
    monkeypatch.setattr(platform_check.shutil, "which", lambda name: None)
    assert platform_check.run_ldd(plugins / "libqxcb.so") is None


def test_wayland_session_falls_back_to_xcb_like_qt(plugins):
    missing_wayland = "\tlibwayland-cursor.so.0 => not found\n"
    ldd = fake_ldd({"libqwayland.so": missing_wayland, "libqxcb.so": LDD_ALL_FOUND})
    platforms = platform_check.candidate_platforms({"WAYLAND_DISPLAY": "wayland-0"})
    assert platforms == ["wayland", "xcb"]
    assert check_platforms(platforms, plugins, ldd) == []  # xcb can load: Qt uses it

    ldd = fake_ldd({"libqwayland.so": missing_wayland, "libqxcb.so": LDD_MISSING_XCB})
    text = report(check_platforms(platforms, plugins, ldd))
    assert "libwayland-cursor0 libxcb-icccm4 libxcb-keysyms1" in text
    assert "libwayland-cursor xcb-util-wm xcb-util-keysyms" in text


def test_the_requested_platform_is_the_one_checked(plugins):
    assert platform_check.candidate_platforms({"QT_QPA_PLATFORM": "xcb:dpi=96"}) == ["xcb"]
    assert platform_check.candidate_platforms(
        {"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "w"}) == ["wayland", "xcb"]
    ldd = fake_ldd({"libqwayland.so": "\tlibwayland-cursor.so.0 => not found\n"})
    problems = check_platforms(["wayland-egl"], plugins, ldd)
    assert [p.libraries for p in problems] == [("libwayland-cursor.so.0",)]


def test_an_unknown_library_is_named_without_a_made_up_package(plugins):
    ldd = fake_ldd({"libqxcb.so": "\tlibsomething-new.so.7 => not found\n"})
    text = report(check_platforms(["xcb"], plugins, ldd))
    assert "libsomething-new.so.7" in text
    assert "apt-get install" not in text
    assert "No package known for: libsomething-new.so.7" in text


def test_plugins_are_found_where_qt_looks(plugins, tmp_path):
    assert platform_check.qt_plugins_dir({"QT_QPA_PLATFORM_PLUGIN_PATH": "/x"}) == Path("/x")
    bundle = tmp_path / "bundle"  # a PyInstaller bundle sets QT_PLUGIN_PATH
    (bundle / "platforms").mkdir(parents=True)
    (bundle / "platforms" / "libqxcb.so").write_bytes(b"")
    env = {"QT_PLUGIN_PATH": os.pathsep.join([str(tmp_path / "empty"), str(bundle)])}
    assert platform_check.qt_plugins_dir(env) == bundle / "platforms"
    assert (platform_check.qt_plugins_dir({}) / "libqoffscreen.so").is_file()  # Qt's own


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_the_real_xcb_plugin_is_read_by_ldd():
    plugins = platform_check.qt_plugins_dir({})
    output = platform_check.run_ldd(plugins / "libqxcb.so")
    assert output is not None and "libxcb" in output


def _start(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT,
                          env={**clean, **env}, capture_output=True, text=True, timeout=120)


@linux_only
def test_the_app_exits_2_with_the_install_command_before_qt_starts(tmp_path):
    """End to end: an ``ldd`` that reports two libraries missing, as on a fresh desktop."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n"
                   "\\tlibxcb-keysyms.so.1 => not found\\n'\n")
    ldd.chmod(0o755)
    path = f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}"

    done = _start([], {"PATH": path, "DISPLAY": ":0"})
    assert done.returncode == 2, done.stderr
    assert "libxcb-icccm.so.4" in done.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in done.stderr
    assert "Aborted" not in done.stderr and "could not load" not in done.stderr.lower()

    done = _start(["--self-test"], {"PATH": path, "DISPLAY": ":0"})  # no window: no check
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("TorchScope self-test passed")
    assert "libxcb" not in done.stderr


@linux_only
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt: xvfb)")
def test_under_xvfb_the_window_opens_or_the_missing_libraries_are_named():
    """Never Qt's abort (134): either the window paints or the check explains (2)."""
    done = subprocess.run(["xvfb-run", "-a", sys.executable, "main.py", "--exit-after-paint"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items()
                               if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")})
    missing = check_platforms(["xcb"], platform_check.qt_plugins_dir({}),
                              platform_check.run_ldd)
    if missing:
        assert done.returncode == 2, done.stderr
        assert "sudo apt-get install" in done.stderr
    else:
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "painted"
        assert done.stderr == ""

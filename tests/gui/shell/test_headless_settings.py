"""Headless runs leave the user's settings alone, and print no Qt noise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.shell.qt_setup import is_noise

ROOT = Path(__file__).resolve().parents[3]
USER_SETTINGS = "[window]\ntab=autograd\nlanguage=es\n"
NOISE = ("propagateSizeHints", "Detected locale")


def _python(args: list[str], config: Path, **extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config), **extra)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def _user_settings(tmp_path: Path) -> Path:
    """The settings file a normal start reads: $XDG_CONFIG_HOME/TorchScope/TorchScope.conf."""
    path = tmp_path / "config" / "TorchScope" / "TorchScope.conf"
    path.parent.mkdir(parents=True)
    path.write_text(USER_SETTINGS)
    return path


@pytest.fixture(scope="module")
def screenshot_runs(tmp_path_factory):
    """Two --screenshot runs under a non-UTF-8 locale, with the user's settings file."""
    tmp_path = tmp_path_factory.mktemp("headless")
    settings = _user_settings(tmp_path)
    before = settings.read_bytes(), settings.stat().st_mtime_ns
    runs = [_python(["main.py", "--screenshot", str(tmp_path / f"{n}.png"), "--tab", "tensors"],
                    tmp_path / "config", LC_ALL="C", LANG="C") for n in (1, 2)]
    return settings, before, runs


def test_screenshot_runs_leave_the_settings_file_untouched(screenshot_runs):
    settings, (data, mtime), runs = screenshot_runs
    for done in runs:
        assert done.returncode == 0, done.stdout + done.stderr
    assert settings.read_bytes() == data
    assert settings.stat().st_mtime_ns == mtime
    assert [p.name for p in settings.parent.iterdir()] == ["TorchScope.conf"]  # nor beside it


def test_screenshot_prints_no_qt_noise(screenshot_runs):
    _settings, _before, runs = screenshot_runs
    for done in runs:
        assert done.stdout.startswith("Screenshot written to")
        noisy = [line for line in done.stderr.splitlines() if any(n in line for n in NOISE)]
        assert noisy == []


SETTINGS_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
if sys.argv[1] == "headless":
    from gui.shell.qt_setup import use_temporary_settings
    use_temporary_settings()
app = QCoreApplication([])
app.setOrganizationName("TorchScope")
app.setApplicationName("TorchScope")
settings = QSettings()
print(settings.value("window/tab"))
settings.setValue("window/tab", "datasets")
settings.sync()
print(settings.fileName())
"""


@pytest.mark.parametrize("mode", ["normal", "headless"])
def test_headless_settings_neither_read_nor_write_the_users_file(tmp_path, mode):
    settings = _user_settings(tmp_path)
    done = _python(["-c", SETTINGS_PROBE, mode], tmp_path / "config")
    assert done.returncode == 0, done.stderr
    seen, file_name = done.stdout.split()
    if mode == "normal":  # the probe does read and write the user's file...
        assert (seen, Path(file_name)) == ("autograd", settings)
        assert "tab=datasets" in settings.read_text()
    else:  # ...and a headless run does neither
        assert seen == "None"
        assert not Path(file_name).is_relative_to(tmp_path)
        assert settings.read_text() == USER_SETTINGS
        assert not Path(file_name).exists(), "the temporary settings outlive the run"


def test_only_the_two_harmless_messages_are_dropped():
    assert is_noise("This plugin does not support propagateSizeHints()")
    assert is_noise('Detected locale "C" with character encoding "ANSI_X3.4-1968", which is '
                    'not UTF-8.\nQt depends on a UTF-8 locale, and has switched to "C.UTF-8" '
                    'instead.\nIf this causes problems, reconfigure your locale.')
    assert not is_noise('Detected locale "C" with character encoding "ANSI_X3.4-1968", which '
                        'is not UTF-8.\nQt depends on a UTF-8 locale, but has failed to '
                        'switch to one.')
    assert not is_noise("QPainter::begin: Paint device returned engine == 0")


FILTER_PROBE = """
from PySide6.QtCore import qWarning
from gui.shell.qt_setup import install_message_filter
install_message_filter()
qWarning("This plugin does not support propagateSizeHints()")
qWarning("a real problem")
"""


def test_other_qt_messages_still_reach_the_console(tmp_path):
    done = _python(["-c", FILTER_PROBE], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["a real problem"]

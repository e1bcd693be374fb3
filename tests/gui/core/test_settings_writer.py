"""Settings written off the GUI thread land in the file, in the order asked."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings

from gui.core import settings_writer
from gui.core.settings_writer import flush, write_setting


def _ini(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_a_written_setting_reaches_the_file_and_the_flushed_object(qapp, tmp_path):
    settings = _ini(tmp_path)
    write_setting(settings, "window/language", "es")
    flush(settings)
    assert settings.value("window/language") == "es"
    assert _ini(tmp_path).value("window/language") == "es"  # a fresh reader of the file


def test_the_last_of_many_writes_wins(qapp, tmp_path):
    settings = _ini(tmp_path)
    for index in range(50):
        write_setting(settings, "window/tab", f"tab{index}")
    flush(settings)
    assert _ini(tmp_path).value("window/tab") == "tab49"


def test_the_file_is_written_by_another_thread(qapp, tmp_path, monkeypatch):
    threads = []
    original = settings_writer._SettingWrite.run

    def run(self):
        threads.append(threading.current_thread())
        original(self)

    monkeypatch.setattr(settings_writer._SettingWrite, "run", run)
    settings = _ini(tmp_path)
    write_setting(settings, "view/x", 1)
    flush(settings)
    assert threads and threads[0] is not threading.main_thread()


def test_a_language_switch_is_remembered(qtbot, tmp_path):
    from gui.shell.main_window import MainWindow

    settings = _ini(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_language("es")
    qtbot.waitUntil(lambda: _ini(tmp_path).value("window/language") == "es", timeout=10000)
    window.set_language("en")
    window.close()
    assert _ini(tmp_path).value("window/language") == "en"

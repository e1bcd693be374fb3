"""The main window as the shell tests use it: private settings, closed after the test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import shown


@pytest.fixture
def window(qtbot, tmp_path):
    from gui.shell.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    yield win
    win.close()


@pytest.fixture
def code_panel(qtbot):
    """A code panel on screen (600×200), as the panel tests need it."""
    from gui.widgets.code_panel import CodePanel

    return shown(qtbot, CodePanel(), 600, 200)

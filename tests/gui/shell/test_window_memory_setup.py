"""A main window, however it is made (app, test, benchmark), sets the process up for a long
session: no source text kept of the modules imported after it (PySide's own import scan
would keep each one's lines in ``linecache``: pandas' sources, ~17 MiB for good), and Qt's
cache of drawn pixmaps bounded below its 10 MiB default."""

from __future__ import annotations

import inspect
import linecache
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmapCache

from gui.shell import qt_setup
from gui.shell.main_window import MainWindow


def _window(qtbot, tmp_path) -> MainWindow:
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def _pyside_scan(module) -> bool:
    """What PySide's ``_mod_uses_pyside`` does: the whole source through ``linecache``."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_a_window_keeps_no_source_of_modules_imported_after_it(qtbot, tmp_path, monkeypatch):
    feature = sys.modules.get(qt_setup._FEATURE_MODULE)
    if feature is None:
        pytest.skip("this PySide has no __feature__ import scan")
    monkeypatch.setattr(feature, "_mod_uses_pyside", _pyside_scan)  # as PySide ships it
    _window(qtbot, tmp_path)
    source = tmp_path / "imported_after_the_window.py"
    source.write_text("".join(f"VALUE_{i} = {i}\n" for i in range(100)))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, source.stem, raising=False)
    module = __import__(source.stem)  # through PySide's import hook, as ``import`` goes
    assert module.VALUE_99 == 99
    assert str(source) not in linecache.cache


def test_a_window_bounds_the_pixmaps_qt_keeps_for_reuse(qtbot, tmp_path):
    previous = QPixmapCache.cacheLimit()
    QPixmapCache.setCacheLimit(10 * 1024)  # Qt's default
    try:
        _window(qtbot, tmp_path)
        assert QPixmapCache.cacheLimit() == qt_setup.PIXMAP_CACHE_KIB
    finally:
        QPixmapCache.setCacheLimit(previous)

"""The user's language switch (staged over event-loop turns) ends with the whole window in
the new language: every shown text as a switch done all at once would leave it."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from gui.core.retranslate import switch_in_progress
from gui.shell.main_window import MainWindow
from gui.shell.tabs import TAB_KEYS
from tests.conftest import wait_idle


def _shown_texts(window) -> Counter[str]:
    """Every text a user can see in ``window`` now, each with its widget's class."""
    texts: Counter[str] = Counter(f"menu: {a.text()}" for a in window.menuBar().actions())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts[f"{kind}: {widget.text()}"] += 1
        elif isinstance(widget, QTabBar):
            texts[f"{kind}: " + "|".join(widget.tabText(i) for i in range(widget.count()))] += 1
        elif isinstance(widget, QComboBox):
            texts[f"{kind}: " + "|".join(widget.itemText(i) for i in range(widget.count()))] += 1
        elif isinstance(widget, QGroupBox):
            texts[f"{kind}: {widget.title()}"] += 1
        if widget.toolTip():
            texts[f"{kind} tip: {widget.toolTip()}"] += 1
    return texts


def _switch(qtbot, window, language: str) -> None:
    window.set_language(language)
    qtbot.waitUntil(lambda: not switch_in_progress(), timeout=10000)


def _unpainted_pixels(window) -> int:
    """Sampled pixels where what the window last painted differs from a fresh rendering
    (a part left frozen, or not repainted after its texts changed)."""
    painted = window.screen().grabWindow(window.winId()).toImage()
    fresh = window.grab().toImage()
    assert painted.size() == fresh.size()
    return sum(painted.pixel(x, y) != fresh.pixel(x, y)
               for y in range(0, fresh.height(), 4) for x in range(0, fresh.width(), 4))


def _as_if_switched_at_once(window) -> Counter[str]:
    """The shown texts after every shown widget got the language change in one go."""
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    return _shown_texts(window)


@pytest.fixture
def full_window(qtbot, tmp_path):
    """The shown main window with every tab built (qtbot closes it)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.engine_ready, timeout=180000):
        window.start_engine()
    wait_idle(qtbot, window.runner, timeout_ms=180000)
    yield window
    _switch(qtbot, window, "en")


def test_a_staged_switch_leaves_every_tab_fully_translated(qtbot, full_window):
    window = full_window
    english = {key: _shown_texts(window) for key in _each_tab(qtbot, window)}
    _switch(qtbot, window, "es")
    assert window.menuBar().actions()[0].text() == "&Archivo"
    assert _unpainted_pixels(window) == 0  # repainted in Spanish, nothing left frozen
    for key in _each_tab(qtbot, window):  # the current tab first, the others when shown
        staged = _shown_texts(window)
        assert staged == _as_if_switched_at_once(window), f"{key}: stale texts"
        changed = list(staged - english[key])
        assert len(changed) >= 5, f"{key}: hardly anything changed language: {changed}"
    _switch(qtbot, window, "en")
    for key in _each_tab(qtbot, window):
        assert _shown_texts(window) == english[key], f"{key}: not back in English"


def _each_tab(qtbot, window):
    current = window.current_tab_key()
    for key in [current, *(k for k in TAB_KEYS if k != current)]:
        window.show_tab(key)
        qtbot.waitUntil(lambda key=key: window.tabs[key].isVisible())
        wait_idle(qtbot, window.runner)  # a tab may start a job when shown
        yield key
    window.show_tab(current)

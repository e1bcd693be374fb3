"""The user's language switch (staged over event-loop turns) ends with the whole window in
the new language: every shown text as a switch done all at once would leave it."""

from __future__ import annotations

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


def _shown_texts(window) -> dict[str, str]:
    """Every text a user can see in ``window`` now, by a path that names its widget."""
    texts = {f"menu {i}": action.text() for i, action in enumerate(window.menuBar().actions())}
    for index, widget in enumerate(window.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        key = f"{index} {type(widget).__name__}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts[key] = widget.text()
        elif isinstance(widget, QTabBar):
            texts[key] = "|".join(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            texts[key] = "|".join(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            texts[key] = widget.title()
        if widget.toolTip():
            texts[f"{key} tip"] = widget.toolTip()
    return texts


def _switch(qtbot, window, language: str) -> None:
    window.set_language(language)
    qtbot.waitUntil(lambda: not switch_in_progress(), timeout=10000)


def _as_if_switched_at_once(window) -> dict[str, str]:
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
    for key in _each_tab(qtbot, window):  # the current tab first, the others when shown
        staged = _shown_texts(window)
        assert staged == _as_if_switched_at_once(window), f"{key}: stale texts"
        changed = [text for path, text in staged.items() if english[key].get(path) != text]
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

"""Every tab fits 1024×700, 1280×800 and 1920×1080, in English and Spanish.

The real MainWindow is built and its engine loaded; at each size and for each tab: the
window asks for no more than the size, the tabs need no scrolling inside the window, and
no visible label or button inside the tab is cut (narrower than it needs, or reaching out
of its parent). Areas have finer fit tests of their own; this one covers the shell's view
of all of them at once.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QPushButton, QWidget

from gui.core.layouts import settle_layouts
from gui.shell.main_window import MainWindow
from gui.shell.tabs import TAB_KEYS
from tests.conftest import wait_idle

SIZES = ((1024, 700), (1280, 800), (1920, 1080))


def _scrolled_content(widget: QWidget) -> bool:
    """True inside a scroll area's viewport: clipping there is scrolling, not cutting."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) or isinstance(
                parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _cut(widget: QWidget) -> str:
    parent = widget.parentWidget()
    needed = widget.minimumSizeHint().width()
    if isinstance(widget, QLabel) and widget.wordWrap():
        if widget.text() and widget.height() < widget.heightForWidth(widget.width()) - 2:
            return f"wrapped text needs {widget.heightForWidth(widget.width())} px height"
    elif needed > 0 and widget.width() < needed - 1:
        return f"{widget.width()} px wide, needs {needed}"
    if parent is not None and not _scrolled_content(widget):
        inside = parent.rect().adjusted(-1, -1, 1, 1)
        if not inside.contains(widget.geometry()):
            return f"geometry {widget.geometry().getRect()} outside its parent {parent.size()}"
    return ""


def _problems(window: MainWindow, key: str, size: tuple[int, int]) -> list[str]:
    found = []
    width, height = size
    hint = window.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        found.append(f"window needs {hint.width()}×{hint.height()}")
    viewport = window.centralWidget().viewport()
    need = window.tab_widget.minimumSizeHint()
    if need.width() > viewport.width() or need.height() > viewport.height():
        found.append(f"tabs need {need.width()}×{need.height()}, "
                     f"window gives {viewport.width()}×{viewport.height()}")
    tab = window.tabs[key]
    checked = [w for w in tab.findChildren(QWidget)
               if isinstance(w, (QLabel, QPushButton)) and w.isVisible()]
    if len(checked) < 5:
        found.append(f"only {len(checked)} visible labels and buttons: is the tab built?")
    for widget in checked:
        reason = _cut(widget)
        if reason:
            text = widget.text().replace("\n", " ")[:40]
            found.append(f"{type(widget).__name__} {text!r}: {reason}")
    return found


def _focus_chain(window: MainWindow) -> list[QWidget]:
    start = window.tab_widget.tabBar()
    chain, widget = [start], start.nextInFocusChain()
    while widget is not start and len(chain) < 5000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _focus_order_problems(window: MainWindow) -> list[str]:
    """Tab: tab bar, then the current tab's buttons, then the status bar's Cancel."""
    chain = _focus_chain(window)
    tab = window.tabs[window.current_tab_key()]
    inside = [i for i, w in enumerate(chain) if isinstance(w, QPushButton)
              and tab.isAncestorOf(w) and w.isVisible() and w.isEnabled()]
    cancel = chain.index(window.status_area.cancel_button)
    if not inside:
        return ["no button of the current tab is reachable by Tab"]
    if not all(i < cancel for i in inside):
        return ["the status bar's Cancel comes before the tab's buttons"]
    return []


def _show(qtbot, window: MainWindow, key: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.show_tab(key)
    qtbot.waitUntil(lambda: window.size() == QSize(*size) and window.tabs[key].isVisible())
    wait_idle(qtbot, window.runner)  # a tab may start a job when shown
    QApplication.processEvents()
    settle_layouts()  # every level of the pending layouts, however few turns ran


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_tab_fits_every_size(qtbot, tmp_path, language):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, language)
    qtbot.addWidget(window)
    window.set_language(language)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.engine_ready, timeout=180000):
        window.start_engine()
    wait_idle(qtbot, window.runner, timeout_ms=180000)
    report = {}
    try:
        for size in SIZES:
            for key in TAB_KEYS:
                _show(qtbot, window, key, size)
                problems = _problems(window, key, size)
                if problems:
                    report[f"{key} {size[0]}×{size[1]}"] = problems
        report["focus order"] = _focus_order_problems(window)
        report = {where: found for where, found in report.items() if found}
    finally:
        window.set_language("en")
        window.close()
    assert not report, "\n".join(f"{where}: {'; '.join(p)}" for where, p in report.items())


def test_the_check_sees_a_cut_button_and_label(qtbot):
    from PySide6.QtWidgets import QHBoxLayout

    parent = QWidget()
    qtbot.addWidget(parent)
    QHBoxLayout(parent)
    button = QPushButton("A button with a long text", parent)
    label = QLabel("A label that cannot be read whole", parent)
    parent.resize(400, 100)
    button.setGeometry(0, 0, 40, 30)
    label.setGeometry(300, 40, 250, 20)
    assert "px wide, needs" in _cut(button)
    assert "outside its parent" in _cut(label)
    label.setGeometry(0, 40, 350, 20)
    assert _cut(label) == ""

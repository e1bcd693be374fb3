"""A language switch retranslates what is shown at once and hidden pages when shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable, pending_count, retranslate_pending
from gui.shell.language import install_language


class Page(Retranslatable, QWidget):
    """Shows the shell's "Tensors" title in the current language; counts its retranslations."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.inner = InnerLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.calls = 0
        self._retranslate()

    def _retranslate(self) -> None:
        self.calls += 1
        self.label.setText(QCoreApplication.translate("MainWindow", "Tensors"))


class InnerLabel(Retranslatable, QLabel):
    def _retranslate(self) -> None:
        self.setText(QCoreApplication.translate("MainWindow", "Autograd"))


@pytest.fixture
def tabs(qtbot):
    widget = QTabWidget()
    pages = [Page(), Page()]
    for page in pages:
        widget.addTab(page, "page")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget, pages
    install_language("en")
    retranslate_pending()


def test_the_shown_page_follows_at_once_a_hidden_one_when_shown(qtbot, tabs):
    widget, (shown, hidden) = tabs
    before = hidden.calls
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    assert shown.inner.text() == "Autograd"  # same word in Spanish: it was set again
    assert hidden.calls == before and hidden.label.text() == "Tensors"  # not shown: waits
    assert pending_count() == 2  # the hidden page and the label inside it
    widget.setCurrentIndex(1)
    assert hidden.label.text() == "Tensores" and hidden.calls == before + 1
    assert pending_count() == 0


def test_a_hidden_page_retranslates_once_for_several_switches(qtbot, tabs):
    widget, (shown, hidden) = tabs
    before = hidden.calls
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    install_language("en")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensors")
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    widget.setCurrentIndex(1)
    assert hidden.calls == before + 1 and hidden.label.text() == "Tensores"


def test_pending_widgets_can_be_brought_up_to_date_without_showing_them(qtbot, tabs):
    _widget, (shown, hidden) = tabs
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    retranslate_pending()
    assert hidden.label.text() == "Tensores" and pending_count() == 0


def test_a_widget_whose_window_is_not_shown_follows_at_once(qtbot):
    page = Page()  # a widget under test, a dialog not opened yet
    qtbot.addWidget(page)
    try:
        install_language("es")
        qtbot.waitUntil(lambda: page.label.text() == "Tensores")
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: page.label.text() == "Tensors")
    assert pending_count() == 0

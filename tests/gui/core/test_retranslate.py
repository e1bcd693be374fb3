"""A language switch retranslates what is shown at once and hidden pages when shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable, pending_count, retranslate_pending
from gui.shell.language import install_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class Page(Retranslatable, QWidget):
    """Shows the shell's "Tensors" title in the current language; counts its retranslations."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.inner = InnerLabel(self)
        self.plain = QWidget(self)  # a widget of Qt's own: counts the events it gets
        self.events = LanguageEvents(self.plain)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.inner, self.plain):
            layout.addWidget(widget)
        self.calls = 0
        self._retranslate()

    def _retranslate(self) -> None:
        self.calls += 1
        self.label.setText(_tr("Tensors"))


class InnerLabel(Retranslatable, QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(_tr("&File"))


class LanguageEvents(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        self.count += event.type() == QEvent.Type.LanguageChange
        return False


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
    assert shown.inner.text() == "&Archivo" and shown.events.count == 1
    assert hidden.calls == before and hidden.label.text() == "Tensors"  # not shown: waits
    assert hidden.inner.text() == "&File" and hidden.events.count == 0  # nothing inside
    assert pending_count() == 1  # the hidden page, with everything in it
    widget.setCurrentIndex(1)
    assert hidden.label.text() == "Tensores" and hidden.calls == before + 1
    assert hidden.inner.text() == "&Archivo" and hidden.events.count == 1
    assert pending_count() == 0


def test_a_hidden_page_retranslates_once_for_several_switches(qtbot, tabs):
    widget, (shown, hidden) = tabs
    before = hidden.calls
    for language, title in [("es", "Tensores"), ("en", "Tensors"), ("es", "Tensores")]:
        install_language(language)
        qtbot.waitUntil(lambda title=title: shown.label.text() == title)
    widget.setCurrentIndex(1)
    assert hidden.calls == before + 1 and hidden.label.text() == "Tensores"
    assert hidden.events.count == 1


def test_a_hidden_widget_in_a_shown_page_follows_when_shown(qtbot, tabs):
    _widget, (shown, _hidden) = tabs
    shown.inner.hide()  # an error line, a section folded away
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    assert shown.inner.text() == "&File" and pending_count() == 2  # it and the other page
    shown.inner.show()
    assert shown.inner.text() == "&Archivo"


def test_waiting_widgets_can_be_brought_up_to_date_without_showing_them(qtbot, tabs):
    _widget, (shown, hidden) = tabs
    install_language("es")
    qtbot.waitUntil(lambda: shown.label.text() == "Tensores")
    retranslate_pending()
    assert hidden.label.text() == "Tensores" and hidden.inner.text() == "&Archivo"
    assert pending_count() == 0 and not hidden.isVisible()


def test_a_widget_whose_window_is_not_shown_follows_at_once(qtbot):
    page = Page()  # a widget under test, a dialog not opened yet
    qtbot.addWidget(page)
    try:
        install_language("es")
        qtbot.waitUntil(lambda: page.label.text() == "Tensores")
        assert page.inner.text() == "&Archivo"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: page.label.text() == "Tensors")
    assert pending_count() == 0


def test_a_staged_switch_reaches_hidden_windows_and_reuses_the_translators(qtbot, tabs):
    from gui.core.retranslate import switch_in_progress
    from gui.shell import language

    _widget, (shown, _hidden) = tabs
    popup = Page()  # a window not shown: a menu, a popup (nothing posts it the change)
    qtbot.addWidget(popup)
    loaded = {}
    for code, title in [("es", "Tensores"), ("en", "Tensors"), ("es", "Tensores")]:
        install_language(code, staged=True)
        qtbot.waitUntil(lambda: not switch_in_progress())
        assert shown.label.text() == title and popup.label.text() == title
        assert popup.inner.text() == _tr("&File") and popup.events.count == len(loaded) + 1
        translators = [id(translator) for translator in language._installed]
        assert loaded.setdefault(code, translators) == translators  # the same ones again

"""One way for a widget to follow a language switch.

``Retranslatable`` is a mixin (put it before the Qt base class) that calls the widget's
``_retranslate()`` on every ``LanguageChange`` event, instead of a copy of the same
``changeEvent`` in every widget. Engine texts (``engine.i18n.messages.Text``) are shown
through ``render`` so that ``_retranslate`` can render them again in the new language.

A switch must not freeze the window: re-rendering every hidden tab's code panels, pictures
and charts at once took a few hundred milliseconds. So a widget the user can see (or one
whose window is not shown at all: a dialog, a menu, a widget under test) retranslates at
once, and a widget hidden inside a shown window (a tab or page not current, a closed dock)
is marked stale and retranslates when it is shown, before it is painted. Qt sends the
``Show`` event to children before their parent, so a parent's ``_retranslate`` still runs
after its children's. ``defer_hidden_pages()``, called before the translators change, goes
further for the pages not shown of tab and stacked widgets and for closed docks: the
``LanguageChange`` event stops at them (Qt would walk and update every widget inside, a
few thousand) and is sent again when they are shown. ``stage_shown_windows()`` (the user's
switch) instead spreads what is shown over several event-loop turns (see
``gui.core.retranslate_staged``); ``switch_in_progress()`` says whether it is still going.
``retranslate_pending()`` brings every waiting widget up to date now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QStackedWidget, QWidget
from shiboken6 import isValid

from engine.i18n.messages import render
from gui.core.retranslate_staged import StagedDelivery

__all__ = ["Retranslatable", "defer_hidden_pages", "pending_count", "render",
           "retranslate_pending", "stage_shown_windows", "switch_in_progress"]


class Retranslatable:
    """Calls ``self._retranslate()`` when the application's language changes (when shown,
    for a widget hidden inside a shown window)."""

    def _retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            _follow_language(self)
        base: Any = super()
        base.changeEvent(event)


def _follow_language(widget: Any) -> None:
    if _is_hidden_in_shown_window(widget) and not _forcing:
        _stale_widgets().defer(widget)
    else:
        widget._retranslate()


def _is_hidden_in_shown_window(widget: Any) -> bool:
    if not isinstance(widget, QWidget) or widget.isVisible():
        return False
    return widget.window().isVisible()


_forcing = False  # retranslate_pending(): hidden widgets follow at once too


def defer_hidden_pages() -> None:
    """Before a language switch: the pages not shown of the shown windows' tab and
    stacked widgets, and their closed docks, get the switch when they are shown."""
    stale = _stale_widgets()
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for stack in window.findChildren(QStackedWidget):
            if stack.isVisible():
                current = stack.currentWidget()
                for index in range(stack.count()):
                    page = stack.widget(index)
                    if page is not current and not page.isVisible():
                        stale.defer_subtree(page)
        for dock in window.findChildren(QDockWidget):
            parent = dock.parentWidget()
            if not dock.isVisible() and parent is not None and parent.isVisible():
                stale.defer_subtree(dock)


class _StaleWidgets(QObject):
    """Widgets that missed a language switch while hidden, through an event filter
    installed only while they wait: a stale widget runs its ``_retranslate`` on its next
    ``Show``; a deferred subtree swallows ``LanguageChange`` until its ``Show``, then
    receives it again, so that Qt and every widget inside follow."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        # strong references: the wrapper of a widget Qt made (a viewport, a scroll bar)
        # would die at once, and the widget would no longer be known as waiting
        self._stale: set[Any] = set()
        self._subtrees: set[Any] = set()

    def defer(self, widget: Any) -> None:
        if widget not in self._stale:
            self._forget_destroyed()
            self._stale.add(widget)
            widget.installEventFilter(self)

    def defer_subtree(self, widget: QWidget) -> None:
        if widget not in self._subtrees:
            self._forget_destroyed()
            self._subtrees.add(widget)
            widget.installEventFilter(self)

    def _forget_destroyed(self) -> None:
        self._stale = {widget for widget in self._stale if isValid(widget)}
        self._subtrees = {widget for widget in self._subtrees if isValid(widget)}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange and watched in self._subtrees:
            return True  # it stops here; sent again when shown
        if kind == QEvent.Type.Show:
            if watched in self._subtrees:
                self._send_again(watched)
            if watched in self._stale:
                self._bring_up_to_date(watched)
        return False

    def _send_again(self, widget: Any) -> None:
        self._subtrees.discard(widget)
        if widget not in self._stale:
            widget.removeEventFilter(self)
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    def _bring_up_to_date(self, widget: Any) -> None:
        self._stale.discard(widget)
        widget.removeEventFilter(self)
        widget._retranslate()

    def flush(self) -> None:
        global _forcing
        _forcing = True
        try:
            for widget in list(self._subtrees):
                if isValid(widget):
                    self._send_again(widget)
            for widget in list(self._stale):
                if isValid(widget):
                    self._bring_up_to_date(widget)
        finally:
            _forcing = False
        self._subtrees.clear()
        self._stale.clear()

    def count(self) -> int:
        waiting = [*self._stale, *self._subtrees]
        return sum(1 for widget in waiting if isValid(widget))


_instance: _StaleWidgets | None = None
_staged: StagedDelivery | None = None


def _stale_widgets() -> _StaleWidgets:
    global _instance
    if _instance is None or not isValid(_instance):
        _instance = _StaleWidgets(QCoreApplication.instance())
    return _instance


def _staged_delivery() -> StagedDelivery:
    global _staged
    if _staged is None or not isValid(_staged):
        _staged = StagedDelivery(QCoreApplication.instance(), Retranslatable,
                                 _stale_widgets().defer_subtree)
    return _staged


def stage_shown_windows() -> None:
    """Before a language switch: the shown windows follow over the next event-loop turns
    instead of at once; hidden parts follow when shown."""
    _staged_delivery().hold_windows()


def switch_in_progress() -> bool:
    """True while a staged switch still has widgets to bring up to date."""
    return _staged is not None and isValid(_staged) and _staged.in_progress()


def retranslate_pending() -> None:
    """Retranslate now every widget still waiting to be shown after a language switch."""
    if _staged is not None and isValid(_staged):
        _staged.flush()
    if _instance is not None and isValid(_instance):
        _instance.flush()


def pending_count() -> int:
    """How many widgets wait to be shown to follow the last language switch."""
    return _instance.count() if _instance is not None and isValid(_instance) else 0

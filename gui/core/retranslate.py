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
after its children's. ``retranslate_pending()`` brings every stale widget up to date now.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from engine.i18n.messages import render

__all__ = ["Retranslatable", "pending_count", "render", "retranslate_pending"]


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
    if _is_hidden_in_shown_window(widget):
        _stale_widgets().defer(widget)
    else:
        widget._retranslate()


def _is_hidden_in_shown_window(widget: Any) -> bool:
    if not isinstance(widget, QWidget) or widget.isVisible():
        return False
    return widget.window().isVisible()


class _StaleWidgets(QObject):
    """Widgets that missed a language switch while hidden; each runs its ``_retranslate``
    on its next ``Show`` event (an event filter, installed only while it is stale)."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._stale: weakref.WeakSet[Any] = weakref.WeakSet()

    def defer(self, widget: Any) -> None:
        if widget not in self._stale:
            self._stale.add(widget)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and watched in self._stale:
            self._bring_up_to_date(watched)
        return False

    def _bring_up_to_date(self, widget: Any) -> None:
        self._stale.discard(widget)
        widget.removeEventFilter(self)
        widget._retranslate()

    def flush(self) -> None:
        for widget in list(self._stale):
            if isValid(widget):
                self._bring_up_to_date(widget)
        self._stale.clear()

    def count(self) -> int:
        return sum(1 for widget in self._stale if isValid(widget))


_instance: _StaleWidgets | None = None


def _stale_widgets() -> _StaleWidgets:
    global _instance
    if _instance is None or not isValid(_instance):
        _instance = _StaleWidgets(QCoreApplication.instance())
    return _instance


def retranslate_pending() -> None:
    """Retranslate now every widget still waiting to be shown after a language switch."""
    if _instance is not None and isValid(_instance):
        _instance.flush()


def pending_count() -> int:
    """How many widgets wait to be shown to follow the last language switch."""
    return _instance.count() if _instance is not None and isValid(_instance) else 0

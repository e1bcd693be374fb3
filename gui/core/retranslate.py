"""One way for a widget to follow a language switch.

``Retranslatable`` is a mixin (put it before the Qt base class) that calls the widget's
``_retranslate()`` on every ``LanguageChange`` event, instead of a copy of the same
``changeEvent`` in every widget. Engine texts (``engine.i18n.messages.Text``) are shown
through ``render`` so that ``_retranslate`` can render them again in the new language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent

from engine.i18n.messages import render

__all__ = ["Retranslatable", "render"]


class Retranslatable:
    """Calls ``self._retranslate()`` when the application's language changes."""

    def _retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        base: Any = super()
        base.changeEvent(event)

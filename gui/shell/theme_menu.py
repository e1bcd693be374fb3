"""View → Theme: System / Light / Dark, checked to match the ThemeManager's choice."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gui.core.retranslate import Retranslatable
from gui.shell.theme import CHOICES, ThemeManager


class ThemeMenu(Retranslatable, QMenu):
    """The three choices as exclusive actions; choosing one applies and remembers it."""

    def __init__(self, theme: ThemeManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._group = QActionGroup(self)
        self.choice_actions: dict[str, QAction] = {}
        for choice in CHOICES:
            action = QAction(self, checkable=True)
            action.setData(choice)
            action.setChecked(choice == theme.choice())
            self._group.addAction(action)
            self.addAction(action)
            self.choice_actions[choice] = action
        self._group.triggered.connect(self._on_chosen)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Theme"))
        texts = {"system": self.tr("&System"), "light": self.tr("&Light"),
                 "dark": self.tr("&Dark")}
        for choice, action in self.choice_actions.items():
            action.setText(texts[choice])

    def _on_chosen(self, action: QAction) -> None:
        self._theme.set_choice(str(action.data()))

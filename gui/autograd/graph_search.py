"""Search the graph on screen by module name or node class; Enter steps to the next match.

``GraphSearch`` owns the search field and its "2 of 7" status. Typing (debounced) asks
``engine.autograd.search.search_items`` for the matching items of the view on screen,
highlights them and centres on the first; Enter centres on the next one (and wraps).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit
from superqt.utils import qdebounced

from engine.autograd.search import search_items

DEBOUNCE_MS = 200


class GraphSearch(QObject):
    """See the module docstring; ``view`` is the ``GraphView`` it searches."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self._view = view
        self.matches: list[int] = []
        self.position = -1
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(90)
        self.status = QLabel()
        self._stale = False  # typed text not searched yet
        self._debounced = qdebounced(self.refresh, DEBOUNCE_MS)
        self.field.textChanged.connect(self._on_typed)
        self.field.returnPressed.connect(self._on_enter)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search: module or node class"))
        self.field.setToolTip(self.tr("Type a module name (layer3.1) or a node class "
                                      "(ConvolutionBackward0); Enter goes to the next match"))
        self._update_status()

    def set_text(self, text: str) -> None:
        """Type ``text`` and search at once (no debounce)."""
        self.field.setText(text)
        self._debounced.cancel()
        self.refresh()

    def _on_typed(self) -> None:
        self._stale = True
        self._debounced()

    def refresh(self) -> None:
        """Search the view on screen again (new text or a group opened or closed)."""
        self._stale = False
        view = self._view.view()
        text = self.field.text()
        self.matches = search_items(view, text) if view is not None and text.strip() else []
        self.position = -1
        self._view.picture.show_found(self.matches)
        self._update_status()
        if self.matches:
            self.next_match()

    def next_match(self) -> int | None:
        """Centre on the next match (after the last, the first again)."""
        if not self.matches:
            return None
        self.position = (self.position + 1) % len(self.matches)
        item = self.matches[self.position]
        self._view.center_on_item(item)
        self._update_status()
        return item

    def _on_enter(self) -> None:
        if self._stale:
            self._debounced.cancel()
            self.refresh()
            return
        self.next_match()

    def _update_status(self) -> None:
        if not self.field.text().strip():
            self.status.setText("")
        elif not self.matches:
            self.status.setText(self.tr("no match"))
        else:
            self.status.setText(self.tr("{n} of {total}").format(
                n=self.position + 1, total=len(self.matches)))

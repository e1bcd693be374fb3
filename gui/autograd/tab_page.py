"""A tab page that holds one widget without a layout, and lays it out before its first paint.

A layout passes every change of size inside it (a new text under the graph, a graph's
legend, the model's table) up to the window's tab widget, and a QTabWidget repaints all it
shows on each such request (the code panel, the details, the side pages: ~5 ms a time, on
every turn of a drawing). ``TabPage`` places its content itself, filling the page, so
nothing above it needs to know. When shown, it lays out at once what its showing asked to
lay out: done later, after the first paint, the tab would be painted a second time.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize
from PySide6.QtWidgets import QWidget

from gui.core.layouts import settle_layouts


class TabPage(QWidget):
    """See the module docstring; ``hold(content, margins)`` sets what fills the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: QWidget | None = None
        self._margins = QMargins()

    def hold(self, content: QWidget, margins: QMargins) -> None:
        self._content, self._margins = content, margins
        content.setParent(self)
        content.setGeometry(self.rect().marginsRemoved(margins))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._content is not None:
            self._content.setGeometry(self.rect().marginsRemoved(self._margins))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        if self._content is None:
            return super().sizeHint()
        return self._content.sizeHint().grownBy(self._margins)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        if self._content is None:
            return super().minimumSizeHint()
        return self._content.minimumSizeHint().grownBy(self._margins)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        settle_layouts()

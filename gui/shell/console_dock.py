"""The PyTorch console as a dock every tab shares (View → PyTorch console, Ctrl+`).

The dock exists from the start (so the menu entry does). Its panel is built once the
engine is loaded (the console's interpreter imports torch) and the dock is first shown, or
``panel`` is first asked for: most sessions never open it, and building it (a tensor viewer,
a code panel) is start-up time the tabs would wait for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable


class ConsoleDock(Retranslatable, QDockWidget):
    """A bottom dock holding the console panel; hidden until the user opens it."""

    panel_installed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_dock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self._placeholder = QLabel()
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._placeholder)
        self._panel: QWidget | None = None
        self._context: AppContext | None = None
        self.visibilityChanged.connect(self._on_visibility_changed)
        self.toggleViewAction().setShortcut(QKeySequence("Ctrl+`"))
        self._retranslate()
        self.hide()

    def open_tall(self, window: QMainWindow) -> None:
        """Show the dock with room for a transcript: about 45 % of the window's height."""
        self.show()
        # After the pending layout pass: before it, the main window has no height to share.
        QTimer.singleShot(0, self, lambda: window.resizeDocks(
            [self], [int(window.height() * 0.45)], Qt.Orientation.Vertical))

    def install_panel(self, ctx: AppContext) -> None:
        """The engine is loaded: the panel can be built; it is at once if the dock shows."""
        self._context = ctx
        if self.isVisible():
            self._build_panel()

    @property
    def panel(self) -> QWidget | None:
        """The console panel, built on first use; None until the engine is loaded."""
        if self._panel is None and self._context is not None:
            self._build_panel()
        return self._panel

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._panel is None and self._context is not None:
            self._build_panel()

    def _build_panel(self) -> None:
        from gui.console.panel import ConsolePanel

        self._panel = ConsolePanel(self._context)
        self.setWidget(self._panel)
        self._placeholder.deleteLater()
        self.panel_installed.emit()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("PyTorch console"))
        # After the title, which resets the action's text: the menu entry gets its mnemonic.
        self.toggleViewAction().setText(self.tr("PyTorch &console"))
        if self._panel is None:
            self._placeholder.setText(self.tr("Loading PyTorch…"))

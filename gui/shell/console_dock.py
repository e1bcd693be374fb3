"""The PyTorch console as a dock every tab shares (View → PyTorch console, Ctrl+`).

The dock exists from the start (so the menu entry does), and its panel is built once the
engine is loaded: the console's interpreter imports torch.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable


class ConsoleDock(Retranslatable, QDockWidget):
    """A bottom dock holding the console panel; hidden until the user opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console_dock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self._placeholder = QLabel()
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._placeholder)
        self.panel: QWidget | None = None
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
        """Build the console once the engine is loaded."""
        from gui.console.panel import ConsolePanel

        self.panel = ConsolePanel(ctx)
        self.setWidget(self.panel)
        self._placeholder.deleteLater()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("PyTorch console"))
        # After the title, which resets the action's text: the menu entry gets its mnemonic.
        self.toggleViewAction().setText(self.tr("PyTorch &console"))
        if self.panel is None:
            self._placeholder.setText(self.tr("Loading PyTorch…"))

"""What a tab shows until the engine is ready (or if the tab failed to load)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable


class LoadingPage(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._failure: str | None = None
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(240)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._retranslate()

    def show_failure(self, message: str) -> None:
        self._failure = message
        self.busy.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        if self._failure is None:
            self.label.setText(self.tr("Loading PyTorch…"))
        else:
            self.label.setText(self.tr("This tab could not be loaded:") + "\n" + self._failure)


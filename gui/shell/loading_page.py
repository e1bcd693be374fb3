"""What a tab shows until the engine is ready (or if the tab failed to load).

The bar pulses in steps twice a second rather than with the style's busy animation: that
animation repaints at the screen's rate, and each repaint of a Python widget takes the GIL
from the worker importing torch; measured, the process used ~0.5 s more CPU before the
tabs were usable. Two steps a second still show that start-up is alive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable

PULSE_STEPS = 10
PULSE_INTERVAL_MS = 500


class LoadingPage(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._failure: str | None = None
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, PULSE_STEPS)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(240)
        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_INTERVAL_MS)
        self._pulse.timeout.connect(self._step)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._retranslate()

    def is_pulsing(self) -> bool:
        return self._pulse.isActive()

    def _step(self) -> None:
        self.busy.setValue((self.busy.value() + 1) % (PULSE_STEPS + 1))

    def showEvent(self, event) -> None:  # pulse only while seen
        if self._failure is None:
            self._pulse.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._pulse.stop()
        super().hideEvent(event)

    def show_failure(self, message: str) -> None:
        self._failure = message
        self._pulse.stop()
        self.busy.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        if self._failure is None:
            self.label.setText(self.tr("Loading PyTorch…"))
        else:
            self.label.setText(self.tr("This tab could not be loaded:") + "\n" + self._failure)

"""The status bar's right side: a busy/progress indicator and a Cancel button.

Jobs report progress hundreds of times each; the bar shows at most one report per frame
(the latest), so a fast job does not spend the GUI thread on re-painting the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QSizePolicy, QWidget

from gui.core.retranslate import Retranslatable
from gui.core.workers import JobRunner

FRAME_MS = 16  # one screen frame: progress shown more often than this is never seen
_NO_REPORT = object()


class StatusArea(Retranslatable, QWidget):
    """Shows that jobs are running, their progress when known, and lets the user cancel."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._pending = _NO_REPORT  # the latest progress record not shown yet
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(FRAME_MS)
        self._frame_timer.timeout.connect(self._show_pending)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        runner.busy_changed.connect(self._on_busy_changed)
        runner.job_progress.connect(self._on_progress)
        self.cancel_button.clicked.connect(runner.cancel_all)
        self._on_busy_changed(runner.is_busy())
        self._retranslate()
        # As tall with or without Cancel: a job starting never re-lays out the whole window.
        self.setMinimumHeight(max(self.progress.sizeHint().height(),
                                  self.cancel_button.sizeHint().height()))

    def _retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Cancel the running jobs"))

    def _on_busy_changed(self, busy: bool) -> None:
        self._frame_timer.stop()
        self._pending = _NO_REPORT  # a report from before this change is stale
        self.progress.setRange(0, 0)  # indeterminate until a job reports its total
        self.progress.setVisible(busy)
        self._update_cancel()

    def _update_cancel(self) -> None:
        """Cancel is offered only while a job that can stop is running."""
        self.cancel_button.setVisible(any(job.cancellable and not job.cancelled
                                          for job in self._runner.active_jobs()))

    def _on_progress(self, _title: str, record: object) -> None:
        """Keep the latest report; the bar shows it at the next frame."""
        self._pending = record
        if not self._frame_timer.isActive():
            self._frame_timer.start()

    def _show_pending(self) -> None:
        record, self._pending = self._pending, _NO_REPORT
        if record is not _NO_REPORT:
            self._show_progress(record)

    def _show_progress(self, record: object) -> None:
        fraction = getattr(record, "fraction", None)
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
        self._update_cancel()

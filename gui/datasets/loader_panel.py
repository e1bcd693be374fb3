"""The DataLoader box: settings, Next batch, a cancellable epoch, shapes, the batch grid."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.datasets.loader import MAX_BATCH_SIZE, MAX_WORKERS, LoaderSettings
from gui.core.retranslate import Retranslatable
from gui.datasets.grid_panel import titles_for
from gui.datasets.image_grid import ImageGrid
from gui.datasets.legend import LegendLabel
from gui.datasets.look import ErrorLabel

MAX_ORDER_LINES = 2000


class SteadyLabel(QWidget):
    """A word-wrapped text that re-lays out the window only when it needs another height.

    ``QLabel.setText`` always asks every layout up to the window to run again (~10 ms in
    this window, and a repaint of the batch grid), at each progress report of an epoch.
    The label inside has a fixed size, set from this box, so its own requests stop there;
    the box changes its height only when the new text needs more or fewer lines.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name)
        self.label.setText(text)
        self._fit_height()

    def text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        return QSize(self.label.sizeHint().width(), self._needed_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.label.minimumSizeHint().width(), self._needed_height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setFixedSize(self.size())
        self._fit_height()

    def _needed_height(self) -> int:
        if not self.label.text():
            return self.label.fontMetrics().height()
        return max(self.label.heightForWidth(max(self.width(), 1)), 1)

    def _fit_height(self) -> None:
        needed = self._needed_height()
        if needed != self.minimumHeight() or needed != self.maximumHeight():
            self.setFixedHeight(needed)


class EpochOrderView(Retranslatable, QPlainTextEdit):
    """Which dataset indices went into which batch, one line per batch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr(
            "Run one epoch: each line lists the dataset indices that went into one batch."))

    def show_order(self, epoch) -> None:
        lines = [self.tr("batch {number}: {indices}").format(
            number=number + 1, indices=", ".join(map(str, indices)))
            for number, indices in enumerate(epoch.order[:MAX_ORDER_LINES])]
        if len(epoch.order) > MAX_ORDER_LINES:
            lines.append(self.tr("… {more} more batches").format(
                more=len(epoch.order) - MAX_ORDER_LINES))
        self.setPlainText("\n".join(lines))


class LoaderPanel(Retranslatable, QWidget):
    """Emits ``next_requested``, ``epoch_requested``, ``cancel_requested`` and
    ``settings_changed``; the tab runs the jobs and calls the ``show_*`` methods."""

    next_requested = Signal()
    fix_requested = Signal(int)  # the Resize size offered for images of different sizes
    epoch_requested = Signal()
    cancel_requested = Signal()
    settings_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = None
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, MAX_BATCH_SIZE)
        self.batch_size.setValue(64)
        self.shuffle = QCheckBox("shuffle")
        self.shuffle.setChecked(True)
        self.num_workers = QSpinBox()
        self.num_workers.setRange(0, MAX_WORKERS)
        self.drop_last = QCheckBox("drop_last")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.next_button = QPushButton()
        self.epoch_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(40)
        self.rate_label = SteadyLabel()  # rewritten at each progress report
        self._rate_hint = ""  # what it says before any epoch, in the current language
        self.shapes_label = QLabel()
        self.shapes_label.setWordWrap(True)
        self.shapes_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.shapes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = ErrorLabel()
        self.fix_button = QPushButton()
        self.fix_button.hide()
        self._fix_size = 0
        self.legend_label = LegendLabel()
        self.grid = ImageGrid(min_side=16, title_point_size=7.5)
        self._build_layout()
        self._connect()
        self._retranslate()

    def _build_layout(self) -> None:
        settings = QGridLayout()
        self.batch_label, self.workers_label, self.seed_label = QLabel(), QLabel(), QLabel()
        settings.addWidget(self.batch_label, 0, 0)
        settings.addWidget(self.batch_size, 0, 1)
        settings.addWidget(self.shuffle, 0, 2)
        settings.addWidget(self.drop_last, 0, 3)
        settings.addWidget(self.workers_label, 1, 0)
        settings.addWidget(self.num_workers, 1, 1)
        settings.addWidget(self.seed_label, 1, 2)
        settings.addWidget(self.seed, 1, 3)
        settings.setColumnStretch(4, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.epoch_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(settings)
        layout.addLayout(buttons)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.shapes_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend_label)

    def _connect(self) -> None:
        self.next_button.clicked.connect(self.next_requested)
        self.epoch_button.clicked.connect(self.epoch_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit(self._fix_size))
        for spin in (self.batch_size, self.num_workers, self.seed):
            spin.valueChanged.connect(self.settings_changed)
        for check in (self.shuffle, self.drop_last):
            check.toggled.connect(self.settings_changed)

    def _retranslate(self) -> None:
        self.batch_label.setText("batch_size")
        self.workers_label.setText("num_workers")
        self.seed_label.setText(self.tr("seed"))
        self.num_workers.setToolTip(self.tr(
            "Worker processes load batches in parallel. The first start takes a few "
            "seconds (each worker imports PyTorch); they are started safely from this "
            "threaded app with a fork server."))
        self.seed.setToolTip(self.tr("Seeds the sampler's torch.Generator: the same seed "
                                     "gives the same shuffled order"))
        self.next_button.setText(self.tr("Next batch"))
        self.epoch_button.setText(self.tr("Run one epoch"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.fix_button.setText(self.tr("Add Resize({size}, {size}) and retry").format(
            size=self._fix_size))
        self.fix_button.setToolTip(self.tr("Resize every image to one size, so that a batch "
                                           "can stack them into one tensor"))
        if self.result is not None:
            self._show_shapes()
        if self.rate_label.text() in ("", self._rate_hint):
            self.reset_rate()  # the hint follows the language; a measured rate stays

    def reset_rate(self) -> None:
        self._rate_hint = self.tr("Run one epoch to measure batches/s and samples/s.")
        self.rate_label.setText(self._rate_hint)

    def settings(self) -> LoaderSettings:
        return LoaderSettings(self.batch_size.value(), self.shuffle.isChecked(),
                              self.num_workers.value(), self.drop_last.isChecked(),
                              self.seed.value())

    def set_running(self, running: bool, cancellable: bool = False) -> None:
        self.next_button.setEnabled(not running)
        self.epoch_button.setEnabled(not running)
        self.cancel_button.setEnabled(running and cancellable)

    def show_error(self, message: str, fix_size: int = 0) -> None:
        """An error (and, for images of different sizes, the one-click Resize fix)."""
        self.error_label.show_message(message)
        self._fix_size = fix_size
        self._retranslate()
        self.fix_button.setVisible(bool(fix_size))

    def clear(self) -> None:
        """No batch: after a new dataset, or when the batch failed (never a stale one)."""
        self.result = None
        self.grid.clear()
        self.shapes_label.setText("")
        self.legend_label.set_entries("", [])

    def show_batch(self, result, names) -> None:
        self.show_error("")
        self.result = result
        self.grid.set_items(list(result.images), titles_for(result.labels, names), 0)
        self.set_names(names)
        self._show_shapes()

    def _show_shapes(self) -> None:
        result = self.result
        low, high = result.value_range
        text = self.tr(
            "Batch {number} of {total}\nFeature batch shape: {features}\n"
            "Labels batch shape: {labels}\n{dtype}, values {low:.3g} … {high:.3g}").format(
                number=result.batch_number, total=result.batches_per_epoch,
                features=result.features_shape, labels=result.labels_shape,
                dtype=result.dtype, low=low, high=high)
        if result.drawn_smaller():  # a large batch: its pictures are a shrunk copy
            height, width = result.images.shape[1:3]
            text += "\n" + self.tr("Pictures drawn at {width}×{height} px to fit").format(
                width=width, height=height)
        self.shapes_label.setText(text)

    def set_names(self, names) -> None:
        if self.result is not None:
            self.grid.set_titles(titles_for(self.result.labels, names))
        self.legend_label.set_entries(self.tr("Labels:"), [
            f"{i}\u00a0{name}".replace(" ", "\u00a0") for i, name in enumerate(names)])

    def show_progress(self, progress) -> None:
        self.progress.setMaximum(progress.total or 0)
        self.progress.setValue(progress.done)
        if progress.message:
            self.rate_label.setText(progress.message)

    def show_epoch(self, result) -> None:
        self.show_error("")
        self.progress.setMaximum(max(result.batches, 1))
        self.progress.setValue(result.batches)
        self.rate_label.setText(self.tr(
            "Epoch: {batches} batches, {samples} samples in {seconds:.2f} s: "
            "{bps:.1f} batches/s, {sps:.0f} samples/s").format(
                batches=result.batches, samples=result.samples, seconds=result.seconds,
                bps=result.batches_per_s, sps=result.samples_per_s))

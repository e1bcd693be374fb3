"""The Datasets tab's DataLoader jobs: next batch, one epoch (cancellable, with rates), and
the batch shown drawn again when the transforms change.

They run ``engine.datasets.state.DatasetState``'s loader methods on ``ctx.runner``; a
batch's or epoch's result (with the code that reproduces it) is shown in the loader panel
and the epoch's order page. Starting worker processes takes seconds, so it is announced.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.datasets.loader import BatchResult, EpochResult, LoaderSettings, MixedSizesError
from engine.datasets.transforms import TransformSpec
from gui.core.workers import Job


class LoaderJobs(QObject):
    """See the module docstring; ``tab`` is the ``DatasetsTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.epoch_job: Job | None = None
        self._workers_announced = False

    def _loader_args(self) -> tuple[TransformSpec, LoaderSettings] | None:
        spec = self.tab.transform_panel.safe_spec()
        if self.tab.state.loaded is None or spec is None:
            return None
        return spec, self.tab.loader_panel.settings()

    def next_batch(self) -> None:
        args = self._loader_args()
        if args is None:
            return
        panel = self.tab.loader_panel
        panel.set_running(True)
        self._announce_workers(args[1])
        self.tab.ctx.runner.run(self.tab.state.next_batch, *args, title=self.tr("Next batch"),
                                on_result=self._on_batch, on_error=self._on_loader_error,
                                on_done=lambda: panel.set_running(False))

    def redraw_batch(self) -> None:
        """Draw the batch shown again through a changed transform chain."""
        args = self._loader_args()
        panel = self.tab.loader_panel
        shown = panel.result
        if args is None or shown is None or self.epoch_job is not None:
            return
        transforms, settings = args
        state = self.tab.state
        if state.loader_uses(transforms):
            return  # only the preview's item or seed changed
        panel.set_running(True)
        self._announce_workers(settings, fresh=True)
        self.tab.ctx.runner.run(state.redraw_batch, transforms, settings, shown.batch_number,
                                title=self.tr("Redrawing the batch"), on_result=self._on_batch,
                                on_error=self._on_loader_error,
                                on_done=lambda: panel.set_running(False))

    def _announce_workers(self, settings: LoaderSettings, fresh: bool = False) -> None:
        self._workers_announced = bool(settings.num_workers) and (
            fresh or self.tab.state.starts_workers(settings))
        if self._workers_announced:
            self.tab.loader_panel.rate_label.setText(self.tr(
                "Starting {count} worker processes: each one imports PyTorch, this takes a "
                "few seconds…").format(count=settings.num_workers))

    def _on_batch(self, batch: BatchResult) -> None:
        panel = self.tab.loader_panel
        if self._workers_announced:
            panel.reset_rate()
        panel.show_batch(batch, self.tab.class_names())
        self.tab.add_step(batch.step)

    def _on_loader_error(self, message: str, exc: BaseException) -> None:
        """The batch failed: no batch is shown (never the previous one), and images of
        different sizes are offered a Resize in one click."""
        panel = self.tab.loader_panel
        panel.clear()
        panel.reset_rate()  # no rate or "starting workers" of an older step
        fix = exc.suggested_resize if isinstance(exc, MixedSizesError) else 0
        panel.show_error(message, fix)

    def fix_resize(self, size: int) -> None:
        self.tab.loader_panel.show_error("")
        self.tab.transform_panel.resize.setValue(size)
        self.next_batch()

    def run_epoch(self) -> None:
        args = self._loader_args()
        if args is None:
            return
        panel = self.tab.loader_panel
        panel.set_running(True, cancellable=True)
        self._announce_workers(args[1])
        self.epoch_job = self.tab.ctx.runner.run(
            self.tab.state.epoch, *args, title=self.tr("One epoch"),
            on_result=self._on_epoch_done, on_progress=panel.show_progress,
            on_error=self._on_loader_error, on_done=self._on_epoch_finished)

    def cancel_epoch(self) -> None:
        if self.epoch_job is not None:
            self.epoch_job.cancel()

    def _on_epoch_finished(self) -> None:
        if self.epoch_job is not None and self.epoch_job.cancelled:
            self.tab.state.discard_loader()  # its generator is mid-way: the next step starts afresh
            self.tab.loader_panel.rate_label.setText(self.tr("Epoch cancelled."))
        self.epoch_job = None
        self.tab.loader_panel.set_running(False)

    def _on_epoch_done(self, epoch: EpochResult) -> None:
        self.tab.loader_panel.show_epoch(epoch)
        self.tab.add_step(epoch.step)
        self.tab.order_view.show_order(epoch)

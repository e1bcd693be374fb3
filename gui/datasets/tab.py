"""The Datasets tab: open a dataset, look at it, and watch a DataLoader batch it.

Left: the source (the built-in Fashion-MNIST excerpt by default, Fashion-MNIST, CSV + image folder,
ImageFolder; a folder or CSV can be dropped on the tab). Centre pages: samples and batches,
transforms, every item, classes, the epoch's order. Bottom: the code of every step.
The tab is a view of an ``engine.datasets.state.DatasetState``, which owns the dataset, the
transform chain and the DataLoader; its job methods run on ``ctx.runner`` and their results
(which carry the code that reproduces them) come back to the ``_on_*`` handlers here (loading,
samples, classes, transform preview), in ``LoaderJobs`` (batches and epochs) and in
``ItemJobs`` (one item, thumbnails).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from engine.core.codegen import CodeStep
from engine.core.errors import TorchScopeError
from engine.datasets.browse import ClassCounts, GridResult, TransformPreview
from engine.datasets.csv_table import LabelColumnNeeded
from engine.datasets.sources import CSV, FOLDER, LoadedDataset, SourceSpec, guess_source
from engine.datasets.state import DatasetState
from engine.i18n.messages import grouped
from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable, render
from gui.datasets.browse_panel import BrowsePanel
from gui.datasets.charts import ClassChart
from gui.datasets.grid_panel import SampleGridPanel
from gui.datasets.item_jobs import ItemJobs
from gui.datasets.loader_jobs import LoaderJobs
from gui.datasets.loader_panel import EpochOrderView, LoaderPanel
from gui.datasets.source_panel import SourcePanel
from gui.datasets.transform_panel import TransformPanel
from gui.widgets.code_panel import CodePanel

TAB_KEY = "datasets"


class DatasetsTab(Retranslatable, QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = DatasetState()
        self._default_names: tuple[str, ...] = ()
        self.source_panel = SourcePanel()
        self.grid_panel = SampleGridPanel()
        self.grid = self.grid_panel.grid
        self.loader_panel = LoaderPanel()
        self.transform_panel = TransformPanel()
        self.browse_panel = BrowsePanel()
        self.class_chart = ClassChart()
        self.order_view = EpochOrderView()
        self.code_panel = CodePanel()
        self.pages = QTabWidget()
        self.loader_jobs = LoaderJobs(self)
        self.item_jobs = ItemJobs(self)
        self._build_layout()
        self._connect()
        self.setAcceptDrops(True)
        self._retranslate()
        self._load(self.source_panel.spec())

    # --- construction -------------------------------------------------------------------
    def _build_layout(self) -> None:
        overview = QSplitter(Qt.Orientation.Horizontal)
        overview.setChildrenCollapsible(False)
        overview.addWidget(self.grid_panel)
        overview.addWidget(self.loader_panel)
        overview.setSizes([320, 680])
        self.pages.addTab(overview, "")
        self.pages.addTab(self.transform_panel, "")
        self.pages.addTab(self.browse_panel, "")
        self.pages.addTab(self.class_chart, "")
        self.pages.addTab(self.order_view, "")
        main = QSplitter(Qt.Orientation.Horizontal)
        main.setChildrenCollapsible(False)
        self.source_panel.setMaximumWidth(360)
        main.addWidget(self.source_panel)
        main.addWidget(self.pages)
        main.setStretchFactor(1, 1)
        main.setSizes([270, 1010])
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(main)
        vertical.addWidget(self.code_panel)
        vertical.setStretchFactor(0, 1)
        vertical.setSizes([560, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(vertical)

    def _connect(self) -> None:
        self.source_panel.load_requested.connect(self._load)
        self.source_panel.names_changed.connect(self._update_names)
        self.grid_panel.seed_changed.connect(lambda _seed: self._run_grid())
        loader, items = self.loader_jobs, self.item_jobs
        self.loader_panel.fix_requested.connect(loader.fix_resize)
        self.grid.item_clicked.connect(items.on_grid_clicked)
        self.loader_panel.next_requested.connect(loader.next_batch)
        self.loader_panel.epoch_requested.connect(loader.run_epoch)
        self.loader_panel.cancel_requested.connect(loader.cancel_epoch)
        self.loader_panel.grid.item_clicked.connect(items.on_batch_clicked)
        self.transform_panel.changed.connect(self._on_transforms_changed)
        self.transform_panel.preview.item_clicked.connect(
            lambda _position: items.open_item(self.transform_panel.index.value()))
        model = self.browse_panel.thumbnails.thumbnail_model
        model.block_needed.connect(items.on_block_needed)
        self.browse_panel.thumbnails.item_clicked.connect(items.open_item)

    def default_class_names(self) -> tuple[str, ...]:
        return (self.tr("T-shirt/top"), self.tr("Trouser"), self.tr("Pullover"),
                self.tr("Dress"), self.tr("Coat"), self.tr("Sandal"), self.tr("Shirt"),
                self.tr("Sneaker"), self.tr("Bag"), self.tr("Ankle boot"))

    def _retranslate(self) -> None:
        for index, text in enumerate((self.tr("Samples and batches"), self.tr("Transforms"),
                                      self.tr("All items"), self.tr("Classes"),
                                      self.tr("Epoch order"))):
            self.pages.setTabText(index, text)
        self._update_default_names()
        self._update_info()

    def _update_default_names(self) -> None:
        """Fashion-MNIST's names in the UI language, unless the user edited the map."""
        names = self.default_class_names()
        if self._uses_default_names() and self.source_panel.class_names() in (
                (), self._default_names):
            self.source_panel.set_class_names(names)
            self._update_titles()
        self._default_names = names

    def _uses_default_names(self) -> bool:
        """Fashion-MNIST (built in or a folder) with its own label map, not a custom one."""
        loaded = self.state.loaded
        return loaded is None or (loaded.spec.kind not in (CSV, FOLDER)
                                  and not self.state.label_maps.get(loaded.spec.key()))

    # --- helpers ------------------------------------------------------------------------
    def class_names(self) -> tuple[str, ...]:
        names = self.source_panel.class_names()
        loaded = self.state.loaded
        return names or (loaded.class_names if loaded else ())

    def class_name(self, label: int) -> str:
        names = self.class_names()
        return names[label] if 0 <= label < len(names) else str(label)

    def add_step(self, step: CodeStep) -> None:
        self.code_panel.add_step(step)
        self.ctx.session.add(TAB_KEY, step)

    def open_item(self, index: int) -> None:
        """Show item ``index`` in the "All items" page (see ``ItemJobs``)."""
        self.item_jobs.open_item(index)

    def _update_names(self) -> None:
        """The user edited the label map: it is kept with the source, every title follows at
        once, and the grid's code is drawn again with the new ``labels_map``."""
        names = self.source_panel.class_names()
        if self.state.loaded is not None and self.state.loaded.spec.kind not in (CSV, FOLDER) \
                and names == self.default_class_names():
            self.state.forget_names()
        else:
            self.state.rename_classes(names)
        self._update_titles()
        self._run_grid()

    def _update_titles(self) -> None:
        names = self.class_names()
        self.grid_panel.set_names(names)
        self.loader_panel.set_names(names)
        self.browse_panel.thumbnails.thumbnail_model.set_names(names)
        if self.state.counts is not None:
            self.class_chart.set_counts(self.state.counts.counts, names)

    # --- loading ------------------------------------------------------------------------
    def _load(self, spec: SourceSpec) -> None:
        self.source_panel.load_button.setEnabled(False)
        self.source_panel.show_error("")
        self.ctx.runner.run(self.state.load, spec, title=self.tr("Loading dataset"),
                            on_result=self._on_loaded, on_error=self._on_load_error,
                            on_done=lambda: self.source_panel.load_button.setEnabled(True))

    def _on_load_error(self, message: str, exc: BaseException) -> None:
        """The load failed: the message replaces the panel's old ones; the dataset shown
        stays loaded (and says so). A CSV whose label column is unclear lists its columns."""
        if isinstance(exc, LabelColumnNeeded):
            self.source_panel.ask_label_column(exc.columns, exc.filename_column)
        self.source_panel.show_error(message)
        self.source_panel.show_still_loaded(self.state.loaded is not None)

    def _update_info(self) -> None:
        loaded = self.state.loaded
        if loaded is None:
            return
        info = self.tr("{count} items, {classes} classes.").format(
            count=grouped(loaded.length), classes=len(loaded.class_names))
        if loaded.skipped:
            info += " " + self.tr("{skipped} skipped: the rest loaded (list below).").format(
                skipped=grouped(len(loaded.skipped)))
        report = [f"{render(s.where)}: {render(s.reason)}" for s in loaded.skipped]
        self.source_panel.show_loaded(info, report, loaded.description)

    def _on_loaded(self, loaded: LoadedDataset) -> None:
        self.source_panel.set_class_names(self.default_class_names()
                                          if self._uses_default_names() else loaded.class_names)
        self.source_panel.set_columns(loaded.columns)
        self._update_info()
        self.grid_panel.set_builtin(loaded.builtin)
        self._clear_results()
        self.add_step(loaded.step)
        self.browse_panel.reset(loaded.labels, self.class_names())
        self.transform_panel.set_length(loaded.length)
        self.order_view.clear()
        self.loader_panel.progress.reset()
        self.loader_panel.reset_rate()
        self._run_grid()
        self._run_counts()
        self._run_preview()
        self.loader_jobs.next_batch()

    def _clear_results(self) -> None:
        """A new dataset: every result of the old one goes until the new one is drawn."""
        self.grid_panel.clear()
        self.loader_panel.clear()
        self.loader_panel.show_error("")
        self.transform_panel.clear_preview()
        self.class_chart.clear()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_path(Path(urls[0].toLocalFile()))

    def open_path(self, path: Path) -> None:
        """Open a dropped folder or CSV."""
        try:
            spec = guess_source(path)
        except TorchScopeError as exc:
            self.source_panel.show_error(exc.describe())
            return
        self.source_panel.set_spec(spec)
        self._load(self.source_panel.spec())

    # --- grid, classes, preview ---------------------------------------------------------
    def _run_grid(self) -> None:
        if self.state.loaded is not None:
            self.ctx.runner.run(self.state.sample_grid, self.grid_panel.seed.value(),
                                self.class_names(), title=self.tr("Drawing samples"),
                                on_result=self._on_grid,
                                on_error=lambda _m, _e: self.grid_panel.clear())

    def _on_grid(self, result: GridResult) -> None:
        self.grid_panel.show_grid(result, self.class_names())
        self.add_step(result.step)

    def _run_counts(self) -> None:
        self.ctx.runner.run(self.state.class_counts, title=self.tr("Counting classes"),
                            on_result=self._on_counts,
                            on_error=lambda _m, _e: self.class_chart.clear())

    def _on_counts(self, result: ClassCounts) -> None:
        self.class_chart.set_counts(result.counts, self.class_names())

    def _run_preview(self) -> None:
        spec = self.transform_panel.safe_spec()
        if self.state.loaded is None or spec is None:
            return
        self.ctx.runner.run(self.state.preview, self.transform_panel.index.value(), spec,
                            self.transform_panel.preview_seed.value(),
                            title=self.tr("Previewing transforms"),
                            on_result=self._on_preview,
                            on_error=self._on_preview_error)

    def _on_preview_error(self, message: str, _exc: BaseException) -> None:
        self.transform_panel.clear_preview()
        self.transform_panel.show_error(message)

    def _on_transforms_changed(self) -> None:
        """The chain (or the previewed item) changed: preview again and, when a batch is
        shown, draw that batch again through the new chain."""
        self._run_preview()
        self.loader_jobs.redraw_batch()

    def _on_preview(self, result: TransformPreview) -> None:
        self.transform_panel.show_preview(result)
        self.add_step(result.step)

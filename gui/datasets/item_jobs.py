"""The Datasets tab's items: one item opened in the "All items" page (clicked in a grid,
a batch or the transform preview), and the page's thumbnails read in blocks as they scroll
into view."""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.datasets.browse import ItemView
from engine.datasets.state import ThumbnailBlock

THUMBNAIL_BLOCK = 256  # items read per job


class ItemJobs(QObject):
    """See the module docstring; ``tab`` is the ``DatasetsTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab

    def open_item(self, index: int) -> None:
        tab = self.tab
        if tab.state.loaded is None:
            return
        tab.pages.setCurrentWidget(tab.browse_panel)
        tab.ctx.runner.run(tab.state.item, index, title=self.tr("Opening item"),
                           on_result=self._on_item)

    def _on_item(self, item: ItemView) -> None:
        self.tab.browse_panel.show_item(item, self.tab.class_name(item.label))
        self.tab.add_step(item.step)

    def on_grid_clicked(self, position: int) -> None:
        result = self.tab.grid_panel.result
        if result is not None:
            self.open_item(result.indices[position])

    def on_batch_clicked(self, position: int) -> None:
        result = self.tab.loader_panel.result
        if result is not None:
            self.open_item(result.indices[position])

    def on_block_needed(self, start: int) -> None:
        tab = self.tab
        model = tab.browse_panel.thumbnails.thumbnail_model
        tab.ctx.runner.run(tab.state.thumbnails, start, start + THUMBNAIL_BLOCK,
                           title=self.tr("Reading thumbnails"), on_result=self._on_block,
                           on_error=lambda _m, _e: model.block_failed(start))

    def _on_block(self, block: ThumbnailBlock) -> None:
        if block.source is self.tab.state.loaded:
            self.tab.browse_panel.thumbnails.thumbnail_model.add_block(block.start, block.images)

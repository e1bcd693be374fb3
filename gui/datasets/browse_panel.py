"""The "All items" page: every thumbnail, and the clicked item as a tensor with a histogram.

The page is hidden at start-up, and its item view (a tensor viewer and a histogram, ~50 ms
of plots) shows nothing until an item is opened, so it is built when first needed: when the
page is shown, or when ``viewer``/``histogram`` is first used. The thumbnails, which the
tab fills when a dataset loads, are built at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable
from gui.datasets.charts import PixelHistogram
from gui.datasets.thumbnails import ThumbnailView
from gui.widgets.tensor_viewer import TensorViewer


class BrowsePanel(Retranslatable, QWidget):
    """``thumbnails`` emits item_clicked(row); the tab calls ``show_item(ItemView, name)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = ThumbnailView()
        self._viewer: TensorViewer | None = None
        self._histogram: PixelHistogram | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.orientation_label = QLabel()
        self.orientation_label.setWordWrap(True)
        self.orientation_label.hide()
        self._orientation = 1
        top = QWidget()
        self._top_layout = QVBoxLayout(top)
        self._top_layout.setContentsMargins(0, 0, 0, 0)
        self._top_layout.addWidget(self.orientation_label)
        self._right = QSplitter(Qt.Orientation.Vertical)
        self._right.addWidget(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.thumbnails, 1)
        splitter.addWidget(left)
        splitter.addWidget(self._right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 830])  # two thumbnail columns; the rest to the tensor
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._count = 0
        self._retranslate()

    # --- the item view, built when first needed --------------------------------------------
    @property
    def viewer(self) -> TensorViewer:
        self._build_item_view()
        assert self._viewer is not None
        return self._viewer

    @property
    def histogram(self) -> PixelHistogram:
        self._build_item_view()
        assert self._histogram is not None
        return self._histogram

    def has_item_view(self) -> bool:
        return self._viewer is not None

    def _build_item_view(self) -> None:
        if self._viewer is not None:
            return
        self._viewer = TensorViewer(show_facts=True)
        self._histogram = PixelHistogram()
        self._top_layout.addWidget(self._viewer, 1)
        self._right.addWidget(self._histogram)
        self._right.setStretchFactor(0, 3)
        self._right.setStretchFactor(1, 2)
        self._right.setSizes([300, 200])
        if self.isVisible():  # added to a shown page: Qt would show them a turn later
            self._viewer.show()
            self._histogram.show()

    def showEvent(self, event) -> None:
        self._build_item_view()  # before the page's first paint
        super().showEvent(event)

    # --- content ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.hint.setText(self.tr("{count} items. Only the visible thumbnails are read; click "
                                  "one to see its tensor.").format(count=self._count))
        self.orientation_label.setText(self.tr(
            "Rotated by EXIF orientation {value}: the file stores the pixels turned, and the "
            "app shows them upright, as PIL's ImageOps.exif_transpose does.").format(
                value=self._orientation))

    def reset(self, labels, names) -> None:
        self._count = len(labels)
        self.thumbnails.thumbnail_model.reset(labels, names)
        if self._viewer is not None:  # an item view never built shows nothing yet
            self._viewer.clear()
        self._orientation = 1
        self.orientation_label.hide()
        self._retranslate()

    def show_item(self, item, name: str) -> None:
        self.viewer.set_title(self.tr("Item {index}: label {label} ({name})").format(
            index=item.index, label=item.label, name=name))
        self.viewer.set_snapshot(item.snapshot)
        self.histogram.set_histogram(item.histogram, item.bin_edges)
        self._orientation = item.orientation
        self.orientation_label.setVisible(item.orientation != 1)
        self._retranslate()

"""The "All items" page: every thumbnail, and the clicked item as a tensor with a histogram."""

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
        self.viewer = TensorViewer(show_facts=True)
        self.histogram = PixelHistogram()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.orientation_label = QLabel()
        self.orientation_label.setWordWrap(True)
        self.orientation_label.hide()
        self._orientation = 1
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.orientation_label)
        top_layout.addWidget(self.viewer, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(self.histogram)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([300, 200])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.thumbnails, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 830])  # two thumbnail columns; the rest to the tensor
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._count = 0
        self._retranslate()

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
        self.viewer.clear()
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

"""Thumbnails of a whole dataset (60,000 items scroll smoothly): only visible items load.

``ThumbnailModel`` knows how many items there are but holds pixels only for the blocks
that were asked for. When the view asks for an item that is not there yet, the model emits
``block_needed(start)`` once; the owner loads that block on a worker and hands it back with
``add_block(start, images)``. The least recently drawn blocks are dropped once the blocks
held could pass ``MAX_HELD_BYTES`` (their images and the pixmaps they may draw; always
keeping the ``MIN_BLOCKS`` most recent, about what a tall window shows). A block keeps
its images as they came; an item becomes a pixmap when the view first draws it, so a block
arriving costs the GUI thread almost nothing (256 conversions at once took ~8 ms).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from gui.core.retranslate import Retranslatable
from gui.datasets.image_grid import to_qimage

BLOCK_SIZE = 256
ICON_SIDE = 56
PIXMAP_BYTES = ICON_SIDE * ICON_SIDE * 4  # an icon drawn: 32-bit pixels
MAX_HELD_BYTES = 24 * 2**20
MIN_BLOCKS = 3


class _Block:
    """The images of one block; each becomes a pixmap the first time it is drawn."""

    def __init__(self, images: list) -> None:
        self._images = images
        self._pixmaps: list[QPixmap | None] = [None] * len(images)

    def __len__(self) -> int:
        return len(self._images)

    def most_bytes(self) -> int:
        """Its images' bytes and those of every pixmap it may draw."""
        return sum(image.nbytes for image in self._images) + len(self._images) * PIXMAP_BYTES

    def pixmap(self, offset: int) -> QPixmap | None:
        if not 0 <= offset < len(self._images):
            return None
        pixmap = self._pixmaps[offset]
        if pixmap is None:
            pixmap = QPixmap.fromImage(to_qimage(self._images[offset])).scaled(
                ICON_SIDE, ICON_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation)
            self._pixmaps[offset] = pixmap
        return pixmap


class ThumbnailModel(QAbstractListModel):
    block_needed = Signal(int)  # first item of the block

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._count = 0
        self._labels: list[int] = []
        self._names: list[str] = []
        self._blocks: OrderedDict[int, _Block] = OrderedDict()
        self._pending: set[int] = set()
        self._placeholder = QPixmap(ICON_SIDE, ICON_SIDE)
        self._placeholder.fill(QColor(128, 128, 128, 70))  # grey on light and dark

    def reset(self, labels, names) -> None:
        self.beginResetModel()
        self._count = len(labels)
        self._labels = [int(v) for v in labels]
        self._names = list(names)
        self._blocks.clear()
        self._pending.clear()
        self.endResetModel()

    def set_names(self, names) -> None:
        self._names = list(names)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else self._count

    def loaded_blocks(self) -> list[int]:
        return list(self._blocks)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or not 0 <= row < self._count:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._labels[row]
            name = self._names[label] if 0 <= label < len(self._names) else str(label)
            return f"[{row}] {label}: {name}"
        return None

    def _pixmap(self, row: int) -> QPixmap:
        start = row - row % BLOCK_SIZE
        block = self._blocks.get(start)
        if block is not None:
            self._blocks.move_to_end(start)
            return block.pixmap(row - start) or self._placeholder
        if start not in self._pending:
            self._pending.add(start)
            self.block_needed.emit(start)
        return self._placeholder

    def add_block(self, start: int, images) -> None:
        self._pending.discard(start)
        if start >= self._count:
            return
        block = _Block(list(images))
        self._blocks[start] = block
        self._drop_oldest_blocks()
        last = min(start + len(block), self._count) - 1
        self.dataChanged.emit(self.index(start), self.index(last),
                              [Qt.ItemDataRole.DecorationRole])

    def _drop_oldest_blocks(self) -> None:
        held = self.held_bytes()
        while held > MAX_HELD_BYTES and len(self._blocks) > MIN_BLOCKS:
            _start, dropped = self._blocks.popitem(last=False)
            held -= dropped.most_bytes()

    def held_bytes(self) -> int:
        """The most the blocks held can take (see the module docstring)."""
        return sum(block.most_bytes() for block in self._blocks.values())

    def block_failed(self, start: int) -> None:
        self._pending.discard(start)


class ThumbnailView(Retranslatable, QListView):
    """Icon grid over a ThumbnailModel; ``item_clicked(row)``."""

    item_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnail_model = ThumbnailModel(self)
        self.setModel(self.thumbnail_model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(ICON_SIDE, ICON_SIDE))
        self.setGridSize(QSize(ICON_SIDE + 6, ICON_SIDE + 6))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(2000)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clicked.connect(lambda index: self.item_clicked.emit(index.row()))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Every item of the dataset; click one to open its tensor"))

"""A grid of small images, each with a title: the note's 3×3 figure and a batch, fast.

The images are numpy uint8 arrays ((H, W) grayscale or (H, W, 3) colour). They are turned
into QImages once in ``set_items``; painting only scales them (nearest neighbour, so each
pixel stays a crisp square). Clicking a tile emits ``item_clicked(position)``. Tiles too
small for a title under it (a batch of hundreds) go without titles, closer together: the
tooltip and the legend still give each label.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.core.retranslate import Retranslatable
from gui.datasets.look import SELECTED
from gui.widgets.tensor_colors import tone

TITLE_GAP = 2
TILE_GAP = 6
SMALL_TILE_GAP = 2  # between untitled tiles


def to_qimage(pixels: np.ndarray) -> QImage:
    """A QImage over ``pixels`` (uint8, (H, W) or (H, W, 3)), not a copy: it keeps them alive."""
    data = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = data.shape[:2]
    if data.ndim == 2:
        image = QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        image = QImage(data.data, width, height, width * 3, QImage.Format.Format_RGB888)
    return image


def grid_shape(count: int, columns: int = 0) -> tuple[int, int]:
    """(rows, columns): a square-ish grid unless ``columns`` is given."""
    if count <= 0:
        return 0, max(columns, 1)
    columns = columns or int(np.ceil(np.sqrt(count)))
    return int(np.ceil(count / columns)), columns


def _tile_side(rect: QRect, rows: int, cols: int, title_h: int, gap: int = TILE_GAP) -> int:
    cell_w = (rect.width() - gap * (cols - 1)) / cols
    cell_h = (rect.height() - gap * (rows - 1)) / rows
    return int(max(4, min(cell_w, cell_h - title_h)))


def best_columns(count: int, rect: QRect, title_h: int, gap: int = TILE_GAP) -> int:
    """The number of columns that gives the largest tiles in ``rect``."""
    best, best_side = 1, -1
    for cols in range(1, count + 1):
        side = _tile_side(rect, -(-count // cols), cols, title_h, gap)
        if side > best_side:
            best, best_side = cols, side
    return best


def fit_title(text: str, metrics, width: int) -> str:
    """``text`` as it fits ``width``: whole, else its part before "/" ("T-shirt"), else
    elided ("Sneak…") when that keeps four letters, else as many first letters as fit
    ("T-sh"; the tooltip and the legend give the whole name)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    head = text.split("/")[0].strip() or text
    if metrics.horizontalAdvance(head) <= width:
        return head
    elided = metrics.elidedText(head, Qt.TextElideMode.ElideRight, width)
    if len(elided.rstrip("…")) >= 4:
        return elided
    letters = head
    while len(letters) > 1 and metrics.horizontalAdvance(letters) > width:
        letters = letters[:-1]
    return letters


@dataclass(frozen=True)
class GridLayout:
    tiles: tuple[QRect, ...]  # image rectangle of each item
    title_height: int
    titles: tuple[str, ...]  # the titles as they fit their tiles (see fit_title)


def grid_layout(rect: QRect, count: int, titles: list[str], columns: int,
                metrics) -> GridLayout:
    """Where each tile goes in ``rect``, and each title as it fits its tile.

    ``columns == 0`` picks the layout with the largest tiles. A title too wide for its
    tile is shortened (``fit_title``): class names stay names at every size.
    """
    if not count:
        return GridLayout((), 0, ())
    title_h = metrics.height() + TITLE_GAP if any(titles) else 0
    gap = TILE_GAP
    side = _tile_side(rect, *_rows_columns(rect, count, columns, title_h, gap), title_h, gap)
    if side < title_h:  # titles taller than the pictures: they would crowd them out
        title_h, gap, titles = 0, SMALL_TILE_GAP, ["" for _ in titles]
    rows, cols = _rows_columns(rect, count, columns, title_h, gap)
    side = _tile_side(rect, rows, cols, title_h, gap)
    titles = [fit_title(t, metrics, side + gap) for t in titles]
    width = cols * side + (cols - 1) * gap
    height = rows * (side + title_h) + (rows - 1) * gap
    left = rect.left() + (rect.width() - width) // 2
    top = rect.top() + (rect.height() - height) // 2
    tiles = []
    for position in range(count):
        row, col = divmod(position, cols)
        x = left + col * (side + gap)
        y = top + row * (side + title_h + gap)
        tiles.append(QRect(x, y + title_h, side, side))
    return GridLayout(tuple(tiles), title_h, tuple(titles))


def _rows_columns(rect: QRect, count: int, columns: int, title_h: int,
                  gap: int) -> tuple[int, int]:
    return grid_shape(count, columns or best_columns(count, rect, title_h, gap))


def true_scale_rect(tile: QRect, image: QImage, largest: int) -> QRect:
    """``image`` drawn at the scale that makes the largest image fill its tile (centred)."""
    factor = tile.width() / max(largest, 1)
    width, height = round(image.width() * factor), round(image.height() * factor)
    return QRect(tile.left() + (tile.width() - width) // 2,
                 tile.top() + (tile.height() - height) // 2, width, height)


def paint_grid(painter: QPainter, layout: GridLayout, images: list[QImage],
               title_color: QColor, selected: int = -1, true_scale: bool = False,
               selected_color: QColor | None = None) -> None:
    """Draw the titled tiles of ``layout`` (nearest-neighbour scaling: crisp pixels).

    With ``true_scale`` every image keeps the same pixel size, so a resized image looks
    bigger or smaller than the others instead of filling its tile.
    """
    largest = max((max(i.width(), i.height()) for i in images), default=1)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.setPen(title_color)
    for position, (image, target) in enumerate(zip(images, layout.tiles, strict=True)):
        if layout.title_height:
            width = target.width() + TILE_GAP
            text = layout.titles[position]
            painter.drawText(QRect(target.left() - TILE_GAP // 2,
                                   target.top() - layout.title_height, width,
                                   layout.title_height), Qt.AlignmentFlag.AlignCenter, text)
        painter.drawImage(true_scale_rect(target, image, largest) if true_scale else target,
                          image)
    if 0 <= selected < len(layout.tiles):
        painter.setPen(selected_color or QColor(SELECTED[0]))
        painter.drawRect(layout.tiles[selected].adjusted(-1, -1, 0, 0))


def render_grid(pixels: list[np.ndarray], titles: list[str], columns: int,
                size: QSize) -> QImage:
    """The grid as an offscreen image (used by the benchmark and for export)."""
    canvas = QImage(size, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    layout = grid_layout(QRect(0, 0, size.width(), size.height()), len(pixels), titles,
                         columns, painter.fontMetrics())
    paint_grid(painter, layout, [to_qimage(p) for p in pixels], QColor("black"))
    painter.end()
    return canvas


class ImageGrid(Retranslatable, QWidget):
    """Titled image tiles; ``set_items(pixels, titles, columns)``; ``item_clicked(int)``."""

    item_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, min_side: int = 24,
                 title_point_size: float = 0.0) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._titles: list[str] = []
        self._true_scale = False
        self._columns = 0
        self._selected = -1
        self._min_side = min_side
        # (size, font height) -> layout: painting, tooltips and clicks share one layout
        # (a grid of 4,096 took ~10 ms to lay out, at every paint and hover)
        self._layout: tuple[tuple[int, int, int], GridLayout] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if title_point_size:
            font = QFont(self.font())
            font.setPointSizeF(title_point_size)
            self.setFont(font)
        self.setMouseTracking(False)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Click an image to open its tensor"))

    def set_items(self, pixels: list[np.ndarray], titles: list[str], columns: int = 0,
                  true_scale: bool = False) -> None:
        self._images = [to_qimage(p) for p in pixels]
        self._titles = list(titles)
        self._true_scale = true_scale
        self._columns = columns
        self._selected = -1
        self._layout = None
        self.update()

    def set_titles(self, titles: list[str]) -> None:
        self._titles = list(titles)
        self._layout = None
        self.update()

    def titles(self) -> list[str]:
        return list(self._titles)

    def count(self) -> int:
        return len(self._images)

    def layout_now(self) -> GridLayout:
        """The current tile positions (computed from the size, also before any paint)."""
        metrics = self.fontMetrics()
        key = (self.width(), self.height(), metrics.height())
        if self._layout is None or self._layout[0] != key:
            layout = grid_layout(self.rect().adjusted(2, 2, -2, -2), len(self._images),
                                 self._titles, self._columns, metrics)
            self._layout = (key, layout)
        return self._layout[1]

    def tile_rect(self, position: int) -> QRect:
        return self.layout_now().tiles[position]

    def shown_titles(self) -> list[str]:
        """The titles as drawn (shortened where the full ones do not fit)."""
        return list(self.layout_now().titles)

    def clear(self) -> None:
        self.set_items([], [])

    def minimumSizeHint(self) -> QSize:
        rows, cols = grid_shape(max(len(self._images), 1), self._columns)
        side = self._min_side + self.fontMetrics().height()
        return QSize(cols * self._min_side, rows * side)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        color = palette.color(QPalette.ColorRole.WindowText)
        paint_grid(painter, self.layout_now(), self._images, color, self._selected,
                   self._true_scale, tone(palette, SELECTED))
        painter.end()

    def title_at(self, point) -> str:
        """The full title of the tile under ``point`` ("" between tiles)."""
        for position, rect in enumerate(self.layout_now().tiles):
            if rect.contains(point) and position < len(self._titles):
                return self._titles[position]
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            title = self.title_at(event.pos())
            hint = self.tr("Click an image to open its tensor")
            QToolTip.showText(event.globalPos(), f"{title}\n{hint}" if title else hint, self)
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        point = event.position().toPoint()
        for position, rect in enumerate(self.layout_now().tiles):
            if rect.contains(point):
                self._selected = position
                self.update()
                self.item_clicked.emit(position)
                return
        super().mousePressEvent(event)

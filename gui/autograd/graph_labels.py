"""Text on the graph, from pools of ``TextItem``s made once and reused.

``LabelPool`` hands out text items, hiding the ones not needed, so a new view or a pan
only calls ``setText``/``setPos``; ``show_steps`` does it a few labels per event-loop turn
(a text item costs about a millisecond to make and half of one to fill). While the user
drags or zooms, the view pauses its pools (``pause``): text items are costly to repaint
on every frame, so they are hidden until the view stops moving (``resume`` shows what was
shown, edge shapes recomputed for the new view). ``EdgeLabels`` writes each edge's tensor
shape at its midpoint when the edges on screen are few and the layers far enough apart
to read them (else none: zoom in to see them); a label that would overlap a node's name,
a module box or an edge label placed before it goes just right of them, beside its edge
(a model's chain of boxes leaves no room between them), or is left out.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from gui.autograd.graph_slices import Slices

MAX_EDGE_LABELS = 48
MIN_LAYER_PIXELS = 38  # edge labels need this much room between two layers
LABEL_GAP_PIXELS = 6  # at least this much between two edge labels
SIDE_REACH_PIXELS = 200  # how far right of its midpoint an edge label may go to fit
GROW_PER_TURN = 2  # text items made ahead per timer tick (about a millisecond each)
GROW_EVERY_MS = 15
LABELS_PER_TURN = 6  # shown per event-loop turn by show_steps (~4-10 ms)


class LabelPool:
    """Text items added to ``plot`` once; ``show(texts, positions)`` reuses them."""

    def __init__(self, plot: pg.PlotWidget, color=(20, 20, 20), size: int | None = None,
                 z: float = 5.0) -> None:
        self._plot = plot
        self._color = color
        self._size = size
        self._z = z
        self.items: list[pg.TextItem] = []
        self._count = 0  # items in use (shown unless paused)
        self.paused = False
        self._target = 0  # grow_later's goal
        self._grower = QTimer(plot)
        self._grower.setInterval(GROW_EVERY_MS)
        self._grower.timeout.connect(self._grow_some)

    def _grow(self, count: int) -> None:
        while len(self.items) < count:
            item = pg.TextItem("", color=self._color, anchor=(0.5, 0.5))
            if self._size is not None:
                font = QFont(item.textItem.font())
                font.setPointSize(self._size)
                item.setFont(font)
            item.setZValue(self._z)
            # a pan only moves the text: Qt reuses its pixmap instead of laying it out again
            item.textItem.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setVisible(False)  # until show() uses it
            self._plot.addItem(item)
            self.items.append(item)

    def grow_later(self, count: int) -> None:
        """Make text items up to ``count``, a few per timer tick, hidden: a later view then
        finds them ready instead of making many in one event-loop turn."""
        self._target = max(self._target, count)
        if len(self.items) < self._target and not self._grower.isActive():
            self._grower.start()

    def _grow_some(self) -> None:
        self._grow(min(self._target, len(self.items) + GROW_PER_TURN))
        if len(self.items) >= self._target:
            self._grower.stop()

    def show(self, texts: list[str], positions: np.ndarray,
             anchors: list[tuple[float, float]] | None = None) -> None:
        for _ in self.show_steps(texts, positions, anchors):
            pass

    def show_steps(self, texts: list[str], positions: np.ndarray,
                   anchors: list[tuple[float, float]] | None = None,
                   per_turn: int = LABELS_PER_TURN):
        """``show`` as a generator: it yields ``(start, stop)`` after each part of up to
        ``per_turn`` labels is shown (for ``graph_slices.Slices``). The previous labels
        beyond the first part are hidden at once: they belong to what was shown before."""
        first = min(per_turn, len(texts))
        for item in self.items[first:self._count]:
            item.setVisible(False)
        self._count = min(self._count, first)
        for start in range(0, len(texts), per_turn):
            stop = min(start + per_turn, len(texts))
            self._grow(stop)
            for index in range(start, stop):
                self._put(self.items[index], texts[index], positions[index],
                          anchors[index] if anchors is not None else None)
            self._count = stop
            yield start, stop

    def _put(self, item: pg.TextItem, text: str, position, anchor) -> None:
        if item.toPlainText() != text:
            item.setText(text)
        if anchor is not None and (item.anchor[0], item.anchor[1]) != tuple(anchor):
            item.setAnchor(anchor)  # lays the text out again: only when it changes
        item.setPos(float(position[0]), float(position[1]))
        item.setVisible(not self.paused)

    def set_color(self, color) -> None:
        """The text colour of every label, now and later (a theme switch)."""
        self._color = color
        for item in self.items:
            item.setColor(color)

    def hide(self) -> None:
        self._count = 0
        for item in self.items:
            item.setVisible(False)

    def pause(self) -> None:
        """Hide every label until ``resume`` (the view is moving)."""
        if not self.paused:
            self.paused = True
            for item in self.items[:self._count]:
                item.setVisible(False)

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            for item in self.items[:self._count]:
                item.setVisible(True)

    def visible_texts(self) -> list[str]:
        return [item.toPlainText() for item in self.items if item.isVisible()]

    def shown_boxes(self) -> list[tuple[float, float, float, float, float, float]]:
        """``(x, y, anchor_x, anchor_y, width, height)`` of each label on screen: its
        position in view coordinates, its anchor and the size in pixels of what it draws
        (a filled box, or the bare text without the text item's margins)."""
        boxes = []
        for item in self.items[:self._count]:
            if item.isVisible():
                size = item.textItem.boundingRect()
                margin = 0.0 if item.fill.color().alpha() else \
                    item.textItem.document().documentMargin()
                pos = item.pos()
                boxes.append((pos.x(), pos.y(), item.anchor[0], item.anchor[1],
                              size.width() - 2 * margin, size.height() - 2 * margin))
        return boxes

    def text_metrics(self) -> QFontMetricsF:
        """The metrics of the labels' font (to tell whether two labels overlap)."""
        self._grow(1)
        return QFontMetricsF(self.items[0].textItem.font())


def place_greedily(centres: np.ndarray, sizes: np.ndarray,
                   taken: tuple[np.ndarray, np.ndarray] | None = None) -> list[int]:
    """Indices of the labels kept, in order: each one whose box (``sizes[i]``, width and
    height in pixels, around ``centres[i]``) overlaps neither the boxes kept before it nor
    the ``taken`` ones (``(centres, sizes)`` of what is already on screen)."""
    return place_labels(centres, sizes, taken)[0]


def place_labels(centres: np.ndarray, sizes: np.ndarray,
                 taken: tuple[np.ndarray, np.ndarray] | None = None,
                 reach: float = 0.0) -> tuple[list[int], np.ndarray]:
    """``place_greedily``, where a label whose place is taken by ``taken`` boxes only may
    instead go just right of them, up to ``reach`` pixels away (beside its edge, clear of
    the module boxes it runs between); also returns where the kept labels go (centres)."""
    placed_centres = list(taken[0]) if taken is not None else []
    placed_sizes = list(taken[1]) if taken is not None else []
    obstacles = len(placed_centres)
    kept: list[int] = []
    where: list[np.ndarray] = []
    for index, (centre, size) in enumerate(zip(centres, sizes, strict=True)):
        spot = _free_spot(np.asarray(centre, dtype=float), size, placed_centres,
                          placed_sizes, reach, obstacles)
        if spot is not None:
            kept.append(index)
            where.append(spot)
            placed_centres.append(spot)
            placed_sizes.append(size)
    return kept, np.array(where, dtype=float).reshape(-1, 2)


def _overlapped(centre, size, centres: list, sizes: list) -> np.ndarray:
    """Which of the boxes (``centres``, ``sizes``) the box ``centre``, ``size`` overlaps."""
    if not centres:
        return np.zeros(0, dtype=bool)
    apart = np.abs(np.asarray(centres) - centre) >= (np.asarray(sizes) + size) / 2
    return ~(apart[:, 0] | apart[:, 1])


def _free_spot(centre: np.ndarray, size, centres: list, sizes: list, reach: float,
               obstacles: int) -> np.ndarray | None:
    """Where the label goes, or None. Only the first ``obstacles`` boxes (names, module
    boxes) move it aside: beside another edge's label it would read as that edge's."""
    hit = _overlapped(centre, size, centres, sizes)
    if not hit.any():
        return centre
    if reach <= 0 or hit[obstacles:].any():
        return None
    right = max(c[0] + s[0] / 2 for c, s, h in zip(centres, sizes, hit, strict=True) if h)
    moved = np.array([right + size[0] / 2 + 0.5, centre[1]])  # touching, not overlapping
    if moved[0] - centre[0] > reach or _overlapped(moved, size, centres, sizes).any():
        return None
    return moved


class EdgeLabels:
    """Shapes at the midpoints of the edges on screen, when they fit."""

    def __init__(self, plot: pg.PlotWidget, obstacles: tuple[LabelPool, ...] = ()) -> None:
        """``obstacles``: pools whose labels (node names, module boxes) edge labels avoid."""
        self._plot = plot
        self._obstacles = obstacles
        self.pool = LabelPool(plot, color=(90, 90, 140), size=7, z=4.0)
        self._midpoints = np.zeros((0, 2))
        self._texts: tuple[str, ...] = ()
        self._metrics: QFontMetricsF | None = None
        self._showing = Slices(plot)  # many labels show over a few turns
        self._widths: dict[str, float] = {}  # pixels of each text, gap included
        # A resize keeps the range but changes the pixels per layer: the window's layout
        # often settles after the graph is drawn (a small plot first shows no shapes).
        plot.getViewBox().sigResized.connect(lambda *_: self.update())

    def set_edges(self, starts: np.ndarray, ends: np.ndarray, texts: tuple[str, ...]) -> None:
        self._midpoints = (starts + ends) / 2 if len(texts) else np.zeros((0, 2))
        self._texts = texts
        self.update()

    def update(self) -> None:
        """Show the labels of the edges on screen that are readable and do not overlap."""
        if self.pool.paused:
            return  # done again on resume, for the view where the motion stopped
        box = self._plot.getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        rect = box.sceneBoundingRect()
        if not len(self._texts) or rect.height() <= 0:
            self._hide()
            return
        layer_pixels = rect.height() / max(y1 - y0, 1e-9)
        mid = self._midpoints
        shown = np.flatnonzero((mid[:, 0] >= x0) & (mid[:, 0] <= x1) & (mid[:, 1] >= y0)
                               & (mid[:, 1] <= y1))
        shown = shown[[bool(self._texts[i]) for i in shown]] if len(shown) else shown
        if len(shown) > MAX_EDGE_LABELS or layer_pixels < MIN_LAYER_PIXELS:
            self._hide()
            return
        # Pixels on screen (y downwards) per view unit.
        scale = np.array([rect.width() / max(x1 - x0, 1e-9),
                          layer_pixels if box.yInverted() else -layer_pixels])
        kept, where = self._fitting(mid[shown] * scale, shown, scale)
        self._showing.run(self.pool.show_steps([self._texts[i] for i in shown[kept]],
                                               where / scale))

    def _hide(self) -> None:
        self._showing.cancel()
        self.pool.hide()

    def _fitting(self, centres: np.ndarray, edges: np.ndarray,
                 scale: np.ndarray) -> tuple[list[int], np.ndarray]:
        """Positions (in ``edges``) of the labels that overlap no label placed before, and
        their centres in pixels (at the midpoint, or beside the edge: ``place_labels``)."""
        if self._metrics is None:
            self._metrics = self.pool.text_metrics()
        height = self._metrics.height()  # the gap is kept along a line, where text runs on
        sizes = np.array([(self._width(self._texts[i]), height) for i in edges]).reshape(-1, 2)
        return place_labels(centres, sizes, self._taken(scale), SIDE_REACH_PIXELS)

    def _taken(self, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Centres and sizes, in pixels, of the obstacles' labels on screen."""
        boxes = np.array([box for pool in self._obstacles for box in pool.shown_boxes()],
                         dtype=float).reshape(-1, 6)
        sizes = boxes[:, 4:6]
        # The anchor point sits at the item's position: the centre is that far from it.
        centres = boxes[:, 0:2] * scale + (0.5 - boxes[:, 2:4]) * sizes
        return centres, sizes

    def _width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._metrics.horizontalAdvance(text) + LABEL_GAP_PIXELS
            self._widths[text] = width
        return width

    def pause(self) -> None:
        self._showing.cancel()  # shown again, for where the view stops, on resume
        self.pool.pause()

    def resume(self) -> None:
        self.pool.resume()
        self.update()

    def visible_texts(self) -> list[str]:
        return self.pool.visible_texts()

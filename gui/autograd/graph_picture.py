"""The pyqtgraph items of the graph, created once and updated with ``setData``.

One ``ScatterPlotItem`` holds every item on screen (square nodes, wide boxes for closed
module groups), one ``LineLayer`` every edge and the frames of open groups (drawn from a
cached pixmap, so panning a large graph copies pixels instead of drawing lines), and
scatters the selection, the backward step and the search matches. Text comes from label
pools (``graph_labels``): node labels for small views, titles for boxes and frames, and the
edges' shapes when zoomed in far enough to read them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPainterPath, QPalette

from gui.autograd.colors import ACTIVE, EDGE_TEXT, FRAME_TEXT, SELECTED, text_color, tone
from gui.autograd.graph_labels import EdgeLabels, LabelPool
from gui.autograd.line_layer import LineLayer
from gui.widgets.tensor_colors import ink_on

MAX_LABELED_NODES = 60
MAX_GROUP_TITLES = 80
PREPARED_LABELS = 24  # text items per pool made ahead of need
X_SPACING = 3.0
NODE_SIZE = 14
MIN_NODE_SIZE = 5
GROUP_SCALE = 4.0
KIND_COLORS = {"op": (120, 170, 230), "root": (240, 160, 60), "leaf": (110, 190, 110),
               "group": (250, 228, 190)}
DONE_COLOR = (170, 140, 210)
FRAME_PAD = (0.45 * X_SPACING, 0.45)


def _box_symbol() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(-0.5, -0.22, 1.0, 0.44, 0.08, 0.08)
    return path


BOX = _box_symbol()


class GraphPicture:
    """The drawn items of one plot; ``draw(view, texts)`` shows a ``VisibleGraph``."""

    def __init__(self, plot: pg.PlotWidget, tip) -> None:
        self.plot = plot
        self.lines = LineLayer()
        self.lines.set_lines("frames", np.zeros((0, 4)), pg.mkPen((225, 190, 140), width=1))
        self.lines.set_lines("edges", np.zeros((0, 4)), pg.mkPen((150, 150, 150), width=1))
        self.active_edges = pg.PlotCurveItem(pen=pg.mkPen((230, 120, 20), width=3))
        self.found = pg.ScatterPlotItem(size=30, symbol="o", pen=None,
                                        brush=pg.mkBrush(255, 220, 0, 150))
        self.nodes = pg.ScatterPlotItem(size=NODE_SIZE, symbol="s", hoverable=True, tip=tip,
                                        pen=pg.mkPen((60, 60, 60)))
        self.marks = pg.ScatterPlotItem(size=24, symbol="o", brush=None)
        for item in (self.lines, self.active_edges, self.found, self.nodes,
                     self.marks):
            plot.addItem(item)
        self.labels = LabelPool(plot)
        self.frame_titles = LabelPool(plot, color=(150, 100, 40), size=8)
        self.edge_labels = EdgeLabels(plot, obstacles=(self.labels, self.frame_titles))
        self.positions = np.zeros((0, 2))
        self.kinds: list[str] = []
        self.node_size = NODE_SIZE
        self.boxes_as_text = False  # group boxes drawn by their (filled, framed) titles
        self._brushes = {key: pg.mkBrush(*color) for key, color in
                         {**KIND_COLORS, "done": DONE_COLOR}.items()}
        self._clear = pg.mkBrush(0, 0, 0, 0)
        self._pen, self._no_pen = pg.mkPen((60, 60, 60)), pg.mkPen(None)
        self._label_of: dict[int, int] = {}
        self._text = QColor(20, 20, 20)
        self._selected_pen = pg.mkPen((220, 30, 30), width=3)
        self._active_pen = pg.mkPen((230, 120, 20), width=4)
        # One brush object for the marks: pyqtgraph keys the pictures it keeps of symbols
        # by the brush's identity, and a spot's brush None made a new one each time (one
        # more picture kept per click or replay step, ~8 KB, up to 1,000 of them).
        self._mark_brush = pg.mkBrush(None)

    def set_palette(self, palette: QPalette) -> None:
        """Text and marks that read on ``palette`` (node fills keep their colours)."""
        self._text = text_color(palette)
        self.labels.set_color(self._text)
        self.frame_titles.set_color(tone(palette, FRAME_TEXT))
        self.edge_labels.pool.set_color(tone(palette, EDGE_TEXT))
        self._selected_pen = pg.mkPen(tone(palette, SELECTED), width=3)
        self._active_pen = pg.mkPen(tone(palette, ACTIVE), width=4)
        self.active_edges.setPen(pg.mkPen(tone(palette, ACTIVE), width=3))

    # --- the view ------------------------------------------------------------------------
    def draw(self, view, item_texts: list[str]) -> None:
        """All of ``view`` but the items' colours (the caller knows the backward steps and
        calls ``color_items``). The steps below are what a sliced drawing spreads out."""
        self.place(view)
        self.draw_lines(view)
        self.draw_labels(view, item_texts)

    def place(self, view) -> None:
        """Where the items go (cheap): later calls (marks, search, centring) use it."""
        self.positions = view.positions * np.array([X_SPACING, 1.0]) if view.item_count \
            else np.zeros((0, 2))
        self.kinds = [item.kind for item in view.items]
        self._label_of = {}  # the labels still show the previous view until draw_labels
        self.boxes_as_text = False
        # the previous view's edge shapes go now: a range change before draw_lines (the
        # view fits the new items) would otherwise place them again for nothing
        self.edge_labels.set_edges(np.zeros((0, 2)), np.zeros((0, 2)), ())

    def draw_lines(self, view) -> None:
        for _ in self.line_steps(view):
            pass

    def line_steps(self, view):
        """The edges, then the group frames and their titles, a few per event-loop turn."""
        self._draw_edges(view)
        yield
        yield from self._frame_steps(view)

    def draw_labels(self, view, item_texts: list[str]) -> None:
        for _ in self.label_steps(view, item_texts):
            pass

    def _draw_edges(self, view) -> None:
        if not len(view.edges):
            self.lines.set_lines("edges", np.zeros((0, 4)))
            self.edge_labels.set_edges(np.zeros((0, 2)), np.zeros((0, 2)), ())
            return
        points = self.positions[view.edges.reshape(-1)]
        self.lines.set_lines("edges", points.reshape(-1, 4))
        self.edge_labels.set_edges(points[0::2], points[1::2], view.edge_labels)

    def _frame_steps(self, view):
        rects = np.array([frame.rect for frame in view.frames], dtype=float).reshape(-1, 4)
        x0 = rects[:, 0] * X_SPACING - FRAME_PAD[0]
        x1 = rects[:, 2] * X_SPACING + FRAME_PAD[0]
        y0, y1 = rects[:, 1] - FRAME_PAD[1], rects[:, 3] + FRAME_PAD[1]
        sides = np.stack([np.column_stack([x0, y0, x1, y0]), np.column_stack([x1, y0, x1, y1]),
                          np.column_stack([x1, y1, x0, y1]), np.column_stack([x0, y1, x0, y0])],
                         axis=1)  # (frames, 4 sides, 4)
        self.lines.set_lines("frames", sides.reshape(-1, 4))
        titles = [frame.title for frame in view.frames]
        corners = np.column_stack([x0, y1])
        if len(titles) <= MAX_GROUP_TITLES and titles:
            for _ in self.frame_titles.show_steps(titles, corners, [(0.0, 1.0)] * len(titles)):
                yield
        else:
            self.frame_titles.hide()

    def label_steps(self, view, texts: list[str]):
        """Node names (small views) and module boxes' titles, a few per event-loop turn."""
        groups = [i for i, kind in enumerate(self.kinds) if kind == "group"]
        if view.item_count <= MAX_LABELED_NODES:
            shown = list(range(view.item_count))
        else:
            shown = groups if len(groups) <= MAX_GROUP_TITLES else []
        below = self._alternate_rows() if len(shown) else np.zeros(0, dtype=bool)
        anchors = [(0.5, 0.5) if self.kinds[i] == "group" else
                   ((0.5, -0.3) if below[i] else (0.5, 1.25)) for i in shown]
        self.boxes_as_text = bool(groups) and set(groups) <= set(shown)
        self._label_of = {item: k for k, item in enumerate(shown)}
        box_style = (pg.mkBrush(*KIND_COLORS["group"]), pg.mkPen((150, 110, 50)),
                     ink_on(QColor(*KIND_COLORS["group"])))
        text_style = (pg.mkBrush(0, 0, 0, 0), pg.mkPen(None), self._text)
        for start, stop in self.labels.show_steps(
                [texts[i] for i in shown],
                self.positions[shown] if shown else np.zeros((0, 2)), anchors):
            for k in range(start, stop):
                label = self.labels.items[k]
                label.fill, label.border, color = \
                    box_style if self.kinds[shown[k]] == "group" else text_style
                label.setColor(color)
                label.update()
            yield

    def frame_label(self, item: int | None, pen) -> None:
        """Outline the title box of group item ``item`` (the selection of a box)."""
        for key, k in self._label_of.items():
            if self.kinds[key] == "group":
                label = self.labels.items[k]
                label.border = pen if key == item else pg.mkPen((150, 110, 50))
                label.update()

    def _alternate_rows(self) -> np.ndarray:
        """True for every other node of a layer, so neighbours' labels do not overlap."""
        x, y = self.positions[:, 0], self.positions[:, 1]
        order = np.lexsort((x, y))  # by layer, then from left to right
        index = np.arange(len(order))
        first = np.r_[True, y[order][1:] != y[order][:-1]] if len(order) else index > 0
        rank = index - np.maximum.accumulate(np.where(first, index, 0))  # within the layer
        below = np.zeros(len(order), dtype=bool)
        below[order] = rank % 2 == 1
        return below

    # --- colours, sizes, marks -------------------------------------------------------------
    def color_items(self, done: set[int]) -> None:
        if not len(self.positions):
            self.nodes.setData([], [])
            return
        brushes = [self._clear if kind == "group" and self.boxes_as_text else
                   self._brushes["done" if i in done else kind]
                   for i, kind in enumerate(self.kinds)]
        if "group" in self.kinds:
            pens = [self._no_pen if kind == "group" and self.boxes_as_text else self._pen
                    for kind in self.kinds]
            symbols = ["s" if kind != "group" else BOX for kind in self.kinds]
        else:  # one pen and one symbol for all: pyqtgraph styles the spots much faster
            pens, symbols = self._pen, "s"
        self.nodes.setData(pos=self.positions, brush=brushes, symbol=symbols, pen=pens,
                           size=self.sizes(), data=np.arange(len(self.kinds)))

    def sizes(self) -> np.ndarray | int:
        """The size of every item (one number when they are all nodes)."""
        if "group" not in self.kinds:
            return max(self.node_size, MIN_NODE_SIZE)
        scale = np.array([GROUP_SCALE if kind == "group" else 1.0 for kind in self.kinds])
        return np.maximum(self.node_size * scale, MIN_NODE_SIZE)

    def fit_sizes(self) -> None:
        """Shrink the squares when layers are packed closer than the full size."""
        box = self.plot.getViewBox()
        (_, _), (y0, y1) = box.viewRange()
        per_layer = box.sceneBoundingRect().height() / max(y1 - y0, 1e-9)
        size = int(min(NODE_SIZE, max(MIN_NODE_SIZE, 0.6 * per_layer)))
        if size != self.node_size:
            self.node_size = size
            if len(self.positions) and len(self.nodes.data) == len(self.kinds):
                self.nodes.setSize(self.sizes())  # else color_items will set the sizes
        self.edge_labels.update()

    def mark(self, selected: int | None, active: int | None, active_edges: np.ndarray) -> None:
        spots = []
        boxed = selected is not None and self.kinds[selected] == "group" and self.boxes_as_text
        self.frame_label(selected if boxed else None, self._selected_pen)
        if selected is not None and not boxed:
            spots.append({"pos": self.positions[selected], "pen": self._selected_pen,
                          "brush": self._mark_brush,
                          "size": 24 if self.kinds[selected] != "group" else 48})
        if active is not None:
            spots.append({"pos": self.positions[active], "size": 30,
                          "pen": self._active_pen, "brush": self._mark_brush})
        self.marks.setData(spots)
        if len(active_edges):
            points = self.positions[active_edges.reshape(-1)]
            self.active_edges.setData(points[:, 0], points[:, 1], connect="pairs")
        else:
            self.active_edges.setData([], [])

    def prepare_labels(self) -> None:
        """Make text items ahead, in idle time (a model's boxes and edge shapes need some)."""
        for pool in (self.labels, self.frame_titles, self.edge_labels.pool):
            pool.grow_later(PREPARED_LABELS)

    def pause_labels(self) -> None:
        """Hide the text while the view moves (see ``graph_labels``); zoom steps stretch
        the lines drawn last (see ``line_layer``)."""
        self.lines.set_moving(True)
        for pool in (self.labels, self.frame_titles, self.edge_labels):
            pool.pause()

    def resume_labels(self) -> None:
        """The view rests: text again, lines drawn sharp at the new zoom."""
        self.lines.set_moving(False)
        for pool in (self.labels, self.frame_titles, self.edge_labels):
            pool.resume()

    def labels_paused(self) -> bool:
        return self.labels.paused

    def show_found(self, items: list[int]) -> None:
        if items:
            self.found.setData(pos=self.positions[items])
        else:
            self.found.setData([], [])

"""Drawing a laid-out grad_fn graph with pyqtgraph: pan, zoom, fit, click a node.

All nodes are one ``ScatterPlotItem`` and all edges one ``PlotCurveItem`` (``connect=
"pairs"``), so graphs of thousands of nodes stay smooth. Small graphs also get a text
label per node. ``node_clicked(index)`` is emitted when a node is clicked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable

MAX_LABELED_NODES = 60
X_SPACING = 3.0
MIN_HALF_WIDTH = 4.0
NODE_SIZE = 14
MIN_NODE_SIZE = 5
KIND_COLORS = {"op": (120, 170, 230), "root": (240, 160, 60), "leaf": (110, 190, 110)}
DONE_COLOR = (170, 140, 210)


class GraphView(Retranslatable, QWidget):
    """See the module docstring; ``set_graph(graph, layout)`` shows a new graph."""

    node_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._graph = None
        self._positions = np.zeros((0, 2))
        self._selected: int | None = None
        self._active: int | None = None
        self._done: set[int] = set()
        self._labels: list[pg.TextItem] = []
        self._counts_text = ""
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.edges = pg.PlotCurveItem(pen=pg.mkPen((150, 150, 150), width=1))
        self.active_edges = pg.PlotCurveItem(pen=pg.mkPen((230, 120, 20), width=3))
        self.nodes = pg.ScatterPlotItem(size=NODE_SIZE, symbol="s", pen=pg.mkPen((60, 60, 60)),
                                        hoverable=True, tip=self._tip)
        self._node_size = NODE_SIZE
        self.marks = pg.ScatterPlotItem(size=24, symbol="o", brush=None)
        for item in (self.edges, self.active_edges, self.marks, self.nodes):
            self.plot.addItem(item)
        self.nodes.sigClicked.connect(self._on_points_clicked)
        self.plot.getViewBox().sigRangeChanged.connect(self._update_node_size)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.fit)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)  # wraps in a narrow window (Spanish is longer)
        self._build_layout()
        self._retranslate()

    def _build_layout(self) -> None:
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.fit_button)
        self.toolbar.addWidget(self.counts_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.plot, 1)

    def _retranslate(self) -> None:
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph (drag to pan, wheel to zoom)"))
        self._update_counts()

    # --- content ------------------------------------------------------------------------
    def set_graph(self, graph, layout, seconds: float | None = None) -> None:
        self._graph = graph
        self._selected, self._active, self._done = None, None, set()
        self._positions = layout.positions * np.array([X_SPACING, 1.0]) if graph.node_count \
            else np.zeros((0, 2))
        self._seconds = layout.seconds if seconds is None else seconds
        self._update_edges()
        self._update_nodes()
        self._update_labels()
        self._update_marks()
        self._update_counts()
        self.fit()

    def graph(self):
        return self._graph

    def node_positions(self) -> np.ndarray:
        return self._positions

    def _update_edges(self) -> None:
        edges = self._graph.edges if self._graph is not None else np.zeros((0, 2), int)
        if len(edges) == 0:
            self.edges.setData([], [])
            self.active_edges.setData([], [])
            return
        points = self._positions[edges.reshape(-1)]
        self.edges.setData(points[:, 0], points[:, 1], connect="pairs")

    def _update_nodes(self) -> None:
        if self._graph is None or not self._graph.node_count:
            self.nodes.setData([], [])
            return
        brushes = [pg.mkBrush(*(DONE_COLOR if n.index in self._done else KIND_COLORS[n.kind]))
                   for n in self._graph.nodes]
        self.nodes.setData(pos=self._positions, brush=brushes,
                           data=np.arange(self._graph.node_count))

    def _update_labels(self) -> None:
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        if self._graph is None or self._graph.node_count > MAX_LABELED_NODES:
            return
        below = self._alternate_rows()
        for node in self._graph.nodes:
            anchor = (0.5, -0.3) if below[node.index] else (0.5, 1.25)
            label = pg.TextItem(node.label, color=(20, 20, 20), anchor=anchor)
            label.setPos(*self._positions[node.index])
            self.plot.addItem(label)
            self._labels.append(label)

    def _tip(self, x: float, y: float, data) -> str:
        if self._graph is None or data is None or not 0 <= int(data) < self._graph.node_count:
            return ""
        return self._graph.nodes[int(data)].label

    def _update_node_size(self, *_args) -> None:
        """Shrink the squares when layers are packed closer than the full size."""
        box = self.plot.getViewBox()
        (_, _), (y0, y1) = box.viewRange()
        height = box.sceneBoundingRect().height()
        per_layer = height / max(y1 - y0, 1e-9)
        size = int(min(NODE_SIZE, max(MIN_NODE_SIZE, 0.6 * per_layer)))
        if size != self._node_size:
            self._node_size = size
            self.nodes.setSize(size)

    def _alternate_rows(self) -> np.ndarray:
        """True for every other node of a layer, so neighbours' labels do not overlap."""
        below = np.zeros(len(self._positions), dtype=bool)
        for y in np.unique(self._positions[:, 1]):
            members = np.flatnonzero(self._positions[:, 1] == y)
            ordered = members[np.argsort(self._positions[members, 0])]
            below[ordered[1::2]] = True
        return below

    def _update_marks(self) -> None:
        spots = []
        if self._selected is not None:
            spots.append({"pos": self._positions[self._selected],
                          "pen": pg.mkPen((220, 30, 30), width=3), "brush": None})
        if self._active is not None:
            spots.append({"pos": self._positions[self._active], "size": 30,
                          "pen": pg.mkPen((230, 120, 20), width=4), "brush": None})
        self.marks.setData(spots)
        self._update_active_edges()

    def _update_active_edges(self) -> None:
        if self._active is None or self._graph is None:
            self.active_edges.setData([], [])
            return
        edges = self._graph.edges[self._graph.edges[:, 0] == self._active]
        if len(edges) == 0:
            self.active_edges.setData([], [])
            return
        points = self._positions[edges.reshape(-1)]
        self.active_edges.setData(points[:, 0], points[:, 1], connect="pairs")

    def _update_counts(self) -> None:
        if self._graph is None:
            self.counts_label.setText("")
            return
        self.counts_label.setText(
            self.tr("{nodes} nodes · {edges} edges · {leaves} leaves · layout {ms} ms").format(
                nodes=self._graph.node_count, edges=self._graph.edge_count,
                leaves=self._graph.leaf_count(), ms=round(self._seconds * 1000)))

    # --- selection and backward steps --------------------------------------------------
    def select_node(self, index: int | None) -> None:
        self._selected = index
        self._update_marks()

    def selected_node(self) -> int | None:
        return self._selected

    def set_backward_state(self, active: int | None, done: set[int]) -> None:
        """Highlight the node running now and tint the nodes already done."""
        self._active = active
        self._done = set(done)
        self._update_nodes()
        self._update_marks()

    def active_node(self) -> int | None:
        return self._active

    def fit(self) -> None:
        """Show the whole graph; small graphs keep room for their labels."""
        if not len(self._positions):
            return
        (x0, y0), (x1, y1) = self._positions.min(axis=0), self._positions.max(axis=0)
        if self._labels:
            middle, half = (x0 + x1) / 2, max((x1 - x0) / 2 + X_SPACING, MIN_HALF_WIDTH)
            x0, x1 = middle - half, middle + half
            y0, y1 = y0 - 0.4, y1 + 0.6  # labels sit above (or below) their nodes
        self.plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.08)

    def center_on(self, index: int) -> None:
        view = self.plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        x, y = self._positions[index]
        view.setRange(xRange=(x - (x1 - x0) / 2, x + (x1 - x0) / 2),
                      yRange=(y - (y1 - y0) / 2, y + (y1 - y0) / 2), padding=0)

    def _on_points_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            index = int(points[0].index())
            self.select_node(index)
            self.node_clicked.emit(index)

    def click_node(self, index: int) -> None:
        """Select ``index`` as a click would (used by tests and keyboard navigation)."""
        self.select_node(index)
        self.node_clicked.emit(index)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 360))
        return hint



"""Drawing a grad_fn graph with pyqtgraph: pan, zoom, fit, click, open and close groups.

``set_view(view)`` shows an ``engine.autograd.grouped.VisibleGraph`` (``set_graph`` a plain
graph). Nodes keep their index in the full graph: ``node_clicked(index)``; a closed module
group is a box: ``group_clicked(call)``, and a double-click asks to open it
(``group_toggled(call, True)``); a double-click on a node closes the innermost open group
around it. Search, the minimap, zoom and clicks live in ``graph_search``, ``minimap``,
``graph_zoom`` and ``graph_clicks``; a large view is drawn in slices (``graph_slices``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engine.autograd.grouped import plain_view
from gui.autograd.graph_clicks import GraphClicks
from gui.autograd.graph_legend import GraphLegend
from gui.autograd.graph_picture import MAX_LABELED_NODES, GraphPicture
from gui.autograd.graph_search import GraphSearch
from gui.autograd.graph_slices import Slices
from gui.autograd.graph_zoom import GraphZoom
from gui.autograd.minimap import Minimap
from gui.core.retranslate import Retranslatable

MINIMAP_MARGIN = 6


class GraphView(GraphClicks, GraphZoom, Retranslatable, QWidget):
    """See the module docstring."""

    node_clicked = Signal(int)
    group_clicked = Signal(int)  # a module call
    group_toggled = Signal(int, bool)  # a module call, open (True) or close (False)
    open_all_requested = Signal(bool)  # True: open all, False: close all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = None
        self._selected: int | None = None  # node of the full graph
        self._selected_group: int | None = None
        self._active: int | None = None
        self._done: set[int] = set()
        self._seconds = 0.0
        self.plot = pg.PlotWidget(enableMenu=False)  # no menu built at all
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.picture = GraphPicture(self.plot, self._tip)
        self._slices = Slices(self)
        self.legend = GraphLegend()
        self._update_colors()
        self.minimap = Minimap(self.plot)
        self.search = GraphSearch(self)
        self.picture.nodes.sigClicked.connect(self._on_points_clicked)
        self._connect_zoom()
        self.minimap.clicked.connect(self.center_at)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.fit)
        self.open_all_button = QPushButton()
        self.open_all_button.clicked.connect(lambda: self.open_all_requested.emit(True))
        self.close_all_button = QPushButton()
        self.close_all_button.clicked.connect(lambda: self.open_all_requested.emit(False))
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)  # wraps in a narrow window (Spanish is longer)
        self._build_layout()
        self._retranslate()

    def _build_layout(self) -> None:
        self.toolbar = QHBoxLayout()
        for button in (self.fit_button, self.open_all_button, self.close_all_button):
            self.toolbar.addWidget(button)
        self.toolbar.addWidget(self.search.field, 1)
        self.toolbar.addWidget(self.search.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

    def _retranslate(self) -> None:
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph (drag to pan, wheel to zoom)"))
        self.open_all_button.setText(self.tr("Open all"))
        self.open_all_button.setToolTip(self.tr("Open every module group"))
        self.close_all_button.setText(self.tr("Close all"))
        self.close_all_button.setToolTip(
            self.tr("Close every group: one box per top-level module. Double-click a box to "
                    "open it, a node to close its group."))
        self.search.retranslate()
        self._update_counts()
        if self._view is not None:
            self.picture.draw(self._view, self._item_texts())
            self.picture.color_items(self._done_items())
            self._update_marks()

    # --- content ------------------------------------------------------------------------
    def set_graph(self, graph, layout, seconds: float | None = None) -> None:
        self.set_view(plain_view(graph, layout), seconds)

    def set_view(self, view, seconds: float | None = None, *, keep: bool = False,
                 sliced: bool | None = None) -> None:
        """Show ``view``; ``keep`` keeps the selection, the step and the zoom (a group opened).

        The view is drawn over a few event-loop turns (``drawing()`` is True until it is
        done) unless ``sliced`` is False; where the items go is known at once (positions,
        centring, marks)."""
        self._view = view
        self._seconds = view.seconds if seconds is None else seconds
        if not keep:
            self._selected, self._selected_group, self._active, self._done = None, None, None, set()
        if sliced is None:  # a few turns nobody sees; even a small view's labels are text
            sliced = True   # items, ~1 ms each to make (a first program's graph: ~20 ms)
        self._slices.run(self._draw_steps(view, keep), sliced=sliced)

    def _draw_steps(self, view, keep: bool):
        grouped = view.groups is not None
        for button in (self.open_all_button, self.close_all_button):
            button.setVisible(grouped)
        self.legend.set_groups(grouped)
        self.picture.place(view)
        self._update_counts()
        self.minimap.setVisible(view.item_count > MAX_LABELED_NODES // 4)
        if not keep:
            self.fit()
        yield
        yield from self.picture.line_steps(view)
        yield from self.picture.label_steps(view, self._item_texts())
        self.picture.color_items(self._done_items())
        self._update_marks()
        yield
        self.minimap.set_graph(self.picture.positions, view.edges)
        self.search.refresh()
        if not keep:
            self.fit()
        self._on_range_changed()
        self.picture.prepare_labels()

    def drawing(self) -> bool:
        """True while a large view is still being drawn (see ``set_view``)."""
        return self._slices.pending()

    def finish_drawing(self) -> None:
        self._slices.finish()

    def view(self):
        return self._view

    def graph(self):
        return self._view.graph if self._view is not None else None

    def node_positions(self) -> np.ndarray:
        """Where each node of the full graph is drawn (its box when inside a closed group)."""
        if self._view is None:
            return np.zeros((0, 2))
        return self.picture.positions[self._view.item_of_node]

    def item_positions(self) -> np.ndarray:
        return self.picture.positions

    def _item_texts(self) -> list[str]:
        view = self._view
        if view is None:
            return []
        return [item.label if item.kind != "group" else "{title}\n{cls} · {count}".format(
            title=item.label, cls=item.class_name,
            count=self.tr("%n node(s)", "", item.count)) for item in view.items]

    def _tip(self, x: float, y: float, data) -> str:
        view = self._view
        if view is None or data is None or not 0 <= int(data) < view.item_count:
            return ""
        item = view.items[int(data)]
        if item.kind == "group":
            return self.tr("{title} ({cls}): %n node(s). Double-click to open.", "",
                           item.count).format(title=item.label, cls=item.class_name)
        return item.label

    def _update_counts(self) -> None:
        view = self._view
        if view is None:
            self.counts_label.setText("")
            return
        graph = view.graph
        text = " · ".join((self.tr("%n node(s)", "", graph.node_count),
                           self.tr("%n edge(s)", "", graph.edge_count),
                           self.tr("%n leaf tensor(s)", "", graph.leaf_count()),
                           self.tr("layout {ms} ms").format(ms=round(self._seconds * 1000))))
        if view.groups is not None:
            text += " · " + self.tr("%n item(s) shown", "", view.item_count)
        self.counts_label.setText(text)

    # --- selection, backward steps, search ----------------------------------------------
    def item_of(self, node: int | None) -> int | None:
        if node is None or self._view is None or not 0 <= node < len(self._view.item_of_node):
            return None
        return int(self._view.item_of_node[node])

    def select_node(self, index: int | None) -> None:
        self._selected, self._selected_group = index, None
        self._update_marks()

    def select_group(self, call: int | None) -> None:
        self._selected, self._selected_group = None, call
        self._update_marks()

    def selected_node(self) -> int | None:
        return self._selected

    def selected_group(self) -> int | None:
        return self._selected_group

    def selected_item(self) -> int | None:
        if self._selected_group is not None and self._view is not None:
            return self._view.group_item(self._selected_group)
        return self.item_of(self._selected)

    def set_backward_state(self, active: int | None, done: set[int]) -> None:
        """Highlight the node running now (or its box) and tint the nodes already done."""
        if active == self._active and set(done) == self._done:
            return  # as drawn (a new graph resets a reset replay: ~3 ms of recolouring)
        self._active = active
        self._done = set(done)
        self.picture.color_items(self._done_items())
        self._update_marks()

    def _done_items(self) -> set[int]:
        if self._view is None or not self._done:
            return set()
        done_nodes = np.zeros(len(self._view.item_of_node), dtype=bool)
        done_nodes[list(self._done)] = True
        # an item is done when every node it stands for is done
        all_done = np.bincount(self._view.item_of_node, weights=~done_nodes,
                               minlength=self._view.item_count) == 0
        return set(np.flatnonzero(all_done).tolist())

    def active_node(self) -> int | None:
        return self._active

    def active_item(self) -> int | None:
        return self.item_of(self._active)

    def _update_marks(self) -> None:
        if self._view is None:
            return
        active = self.active_item()
        edges = self._view.edges[self._view.edges[:, 0] == active] if active is not None \
            else np.zeros((0, 2), dtype=np.int64)
        self.picture.mark(self.selected_item(), active, edges)

    def _update_colors(self) -> None:
        """The plot's background, labels and marks from the palette (light or dark)."""
        self.plot.setBackground(self.palette().color(QPalette.ColorRole.Base))
        self.picture.set_palette(self.palette())
        if self._view is not None:
            self.picture.draw(self._view, self._item_texts())
            self.picture.color_items(self._done_items())
            self._update_marks()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colors()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.minimap.move(self.plot.width() - self.minimap.width() - MINIMAP_MARGIN,
                          self.plot.height() - self.minimap.height() - MINIMAP_MARGIN)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 360))
        return hint

"""Zoom and pan of the graph view: fit, centre, and what follows a change of range.

``GraphZoom`` is mixed into ``GraphView`` (it uses its ``plot``, ``picture`` and
``minimap``). A drag or wheel step by the user pauses the labels until the view has rested
for ``LABELS_BACK_MS`` (text items are costly to repaint on every frame).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from gui.autograd.graph_picture import MAX_LABELED_NODES, X_SPACING

MIN_HALF_WIDTH = 4.0
LABELS_BACK_MS = 150  # labels come back this long after the last drag or wheel step


class GraphZoom:
    """See the module docstring."""

    def _connect_zoom(self) -> None:
        box = self.plot.getViewBox()
        box.sigRangeChanged.connect(self._on_range_changed)
        box.sigRangeChangedManually.connect(self._on_moved_by_user)
        self._labels_back = QTimer(self)
        self._labels_back.setSingleShot(True)
        self._labels_back.setInterval(LABELS_BACK_MS)
        self._labels_back.timeout.connect(self.picture.resume_labels)

    def fit(self) -> None:
        """Show the whole graph; small graphs keep room for their labels."""
        positions = self.picture.positions
        if not len(positions):
            return
        (x0, y0), (x1, y1) = positions.min(axis=0), positions.max(axis=0)
        if len(positions) <= MAX_LABELED_NODES:
            middle, half = (x0 + x1) / 2, max((x1 - x0) / 2 + X_SPACING, MIN_HALF_WIDTH)
            x0, x1 = middle - half, middle + half
            y0, y1 = y0 - 0.4, y1 + 0.6  # labels sit above (or below) their nodes
        self.plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.08)

    def center_at(self, x: float, y: float) -> None:
        view = self.plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        view.setRange(xRange=(x - (x1 - x0) / 2, x + (x1 - x0) / 2),
                      yRange=(y - (y1 - y0) / 2, y + (y1 - y0) / 2), padding=0)

    def center_on(self, index: int) -> None:
        """Centre on node ``index`` of the full graph (on its box if it is inside one)."""
        item = self.item_of(index)
        if item is not None:
            self.center_on_item(item)

    def center_on_item(self, item: int) -> None:
        x, y = self.picture.positions[item]
        self.center_at(float(x), float(y))

    def _on_range_changed(self, *_args) -> None:
        self.picture.fit_sizes()
        box = self.plot.getViewBox()
        self.minimap.set_visible_area(*box.viewRange())

    def _on_moved_by_user(self, *_args) -> None:
        """A drag or wheel step: labels pause until the view rests (cheap frames)."""
        self.picture.pause_labels()
        self._labels_back.start()

"""Two small bar charts: items per class, and a histogram of one image's pixel values.

Both create their pyqtgraph items once and update them with ``setOpts``. Like the graph
view, they zoom with the wheel and pan by dragging, within limits that keep the data in
reach (no zooming out into emptiness, no panning below zero); a double-click or the
"Reset view" button shows everything again. Colours follow the palette (light or dark).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable
from gui.datasets.look import BAR
from gui.widgets.tensor_colors import PaletteAware, tone


class ZoomableChart(PaletteAware, Retranslatable, QWidget):
    """A plot with wheel zoom, drag pan, limits, and a reset (button or double-click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(enableMenu=False)  # never built: ~5 ms less per chart
        self.plot.setMouseEnabled(x=True, y=True)
        self.plot.hideButtons()
        self.bars = pg.BarGraphItem(x0=[0], y=[0], width=[0], height=[0])
        self.plot.addItem(self.bars)
        self.home = QRectF(0, 0, 1, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.reset_button = QPushButton()
        controls = QHBoxLayout()
        controls.addWidget(self.hint, 1)
        controls.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(controls)
        self.reset_button.clicked.connect(self.reset_view)
        self.plot.scene().sigMouseClicked.connect(self._on_clicked)
        self._update_colors()

    def _retranslate(self) -> None:
        self.hint.setText(self.tr("Wheel: zoom · drag: pan · double-click: whole chart"))
        self.reset_button.setText(self.tr("Reset view"))

    def _on_clicked(self, event) -> None:
        if event.double():
            self.reset_view()

    def set_home(self, home: QRectF, min_x: float, min_y: float) -> None:
        """The whole chart: the limits of zoom and pan, and what a reset shows."""
        self.home = home
        self.plot.getViewBox().setLimits(
            xMin=home.left(), xMax=home.right(), yMin=home.top(), yMax=home.bottom(),
            minXRange=min(min_x, home.width()), minYRange=min(min_y, home.height()))
        self.reset_view()

    def reset_view(self) -> None:
        self.plot.setXRange(self.home.left(), self.home.right(), padding=0)
        self.plot.setYRange(self.home.top(), self.home.bottom(), padding=0)

    def view_range(self) -> QRectF:
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def _update_colors(self) -> None:
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(ink)
            axis.setTextPen(ink)
        self.plot.getPlotItem().titleLabel.setText(
            self.plot.getPlotItem().titleLabel.text, color=ink)
        self.bars.setOpts(brush=tone(palette, BAR), pen=tone(palette, BAR))


class ClassChart(ZoomableChart):
    """Horizontal bars: one per class, its name on the left axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.invertY(True)
        self._counts = np.zeros(0)
        self._retranslate()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.plot.setLabel("bottom", self.tr("items"))
        self.plot.setTitle(self.tr("Items per class"))
        self._update_colors()

    def clear(self) -> None:
        self.set_counts(np.zeros(0), ())

    def set_counts(self, counts, names) -> None:
        self._counts = np.asarray(counts, dtype=float)
        ys = np.arange(len(self._counts))
        self.bars.setOpts(x0=np.zeros(len(ys)), y=ys, width=self._counts, height=0.7)
        labels = [names[i] if i < len(names) else str(i) for i in ys]
        ticks = [(int(i), f"{i} {labels[i]}  ({int(self._counts[i])})") for i in ys]
        self.plot.getAxis("left").setTicks([ticks])
        right = max(float(self._counts.max(initial=0)), 1.0) * 1.05
        self.set_home(QRectF(0, -0.6, right, max(len(ys), 1) + 0.2), right / 50, 1.5)


class PixelHistogram(ZoomableChart):
    """Bars over the value range: how many pixels have each brightness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retranslate()

    def _retranslate(self) -> None:
        super()._retranslate()
        self.plot.setLabel("bottom", self.tr("pixel value"))
        self.plot.setLabel("left", self.tr("pixels"))
        self._update_colors()

    def set_histogram(self, counts, edges) -> None:
        edges = np.asarray(edges, dtype=float)
        self.bars.setOpts(x0=edges[:-1], width=np.diff(edges),
                          height=np.asarray(counts, dtype=float), y0=0)
        top = max(float(np.max(counts, initial=0)), 1.0) * 1.05
        span = float(edges[-1] - edges[0]) or 1.0
        self.set_home(QRectF(float(edges[0]), 0, span, top), span / 16, top / 100)

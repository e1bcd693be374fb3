"""Two small bar charts: items per class, and a histogram of one image's pixel values.

Both create their pyqtgraph items once and update them with ``setOpts``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable

BAR_COLOR = "#4c6ef5"



class ClassChart(Retranslatable, QWidget):
    """Horizontal bars: one per class, its name on the left axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.invertY(True)
        self.bars = pg.BarGraphItem(x0=[0], y=[0], height=0.7, width=[0], brush=BAR_COLOR)
        self.plot.addItem(self.bars)
        self._counts = np.zeros(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._retranslate()

    def _retranslate(self) -> None:
        self.plot.setLabel("bottom", self.tr("items"))
        self.plot.setTitle(self.tr("Items per class"))

    def clear(self) -> None:
        self.set_counts(np.zeros(0), ())

    def set_counts(self, counts, names) -> None:
        self._counts = np.asarray(counts, dtype=float)
        ys = np.arange(len(self._counts))
        self.bars.setOpts(x0=np.zeros(len(ys)), y=ys, width=self._counts, height=0.7)
        labels = [names[i] if i < len(names) else str(i) for i in ys]
        ticks = [(int(i), f"{i} {labels[i]}  ({int(self._counts[i])})") for i in ys]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setXRange(0, max(float(self._counts.max(initial=0)), 1.0) * 1.05)
        self.plot.setYRange(-0.6, len(ys) - 0.4, padding=0)


class PixelHistogram(Retranslatable, QWidget):
    """Bars over the value range: how many pixels have each brightness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x0=[0], width=[0], height=[0], y0=0, brush=BAR_COLOR)
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._retranslate()

    def _retranslate(self) -> None:
        self.plot.setLabel("bottom", self.tr("pixel value"))
        self.plot.setLabel("left", self.tr("pixels"))

    def set_histogram(self, counts, edges) -> None:
        edges = np.asarray(edges, dtype=float)
        self.bars.setOpts(x0=edges[:-1], width=np.diff(edges),
                          height=np.asarray(counts, dtype=float), y0=0)
        self.plot.setXRange(float(edges[0]), float(edges[-1]))
        self.plot.setYRange(0, max(float(np.max(counts, initial=0)), 1.0) * 1.05)

"""The two curves of the note: ``b`` against ``a`` and, after backward, ``a.grad``.

The gradient plot overlays the finite-difference estimate and the closed form (e.g.
``2 * cos(a)``) so the learner sees that all three agree. Items are created once and
updated with ``setData``.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from superqt.utils import signals_blocked

from gui.autograd.colors import CURVES, tone
from gui.core.retranslate import Retranslatable

AXIS_WIDTH = 52  # room for a tick label such as "-0.0125" or "1e+06"
SYMBOL_OUTLINE = (200, 200, 200)  # pyqtgraph's default symbol pen


def _plot() -> pg.PlotWidget:
    plot = pg.PlotWidget(enableMenu=False)  # no menu built at all (~4 ms at start-up)
    plot.showGrid(x=True, y=True, alpha=0.3)
    # A fixed axis width: the first paint, which measures the tick labels, never re-lays
    # out the plot (a second paint of it and of the splitter around it, a turn later).
    plot.getAxis("left").setWidth(AXIS_WIDTH)
    return plot


class AutogradCurves(Retranslatable, QWidget):
    """Forward curve (choose which step to plot) and gradient curves."""

    forward_choice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._x_name = ""
        self._x = None
        self._order = None
        self._curves: dict = {}
        self._formula = None
        self.forward_title = QLabel()
        self.forward_title.setWordWrap(True)  # long titles wrap instead of widening the tab
        self.forward_choice = QComboBox()
        self.forward_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.forward_choice.setMinimumContentsLength(4)
        self.gradient_title = QLabel()
        self.gradient_title.setWordWrap(True)
        self.forward_plot = _plot()
        self.gradient_plot = _plot()
        self.forward_curve = self.forward_plot.plot(symbol="o", symbolSize=5)
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        self.legend_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.grad_curve = self.gradient_plot.plot(symbol="o", symbolSize=5)
        self.fd_curve = self.gradient_plot.plot()
        self.closed_curve = self.gradient_plot.plot(pen=None, symbol="x", symbolSize=9)
        # pyqtgraph keeps a picture of each symbol style, keyed by the pen object: its
        # default symbol pen, a tuple, became a new pen (and one more picture kept, up to
        # 1,000) at every setData. One pen object, the default's colour.
        for curve in (self.forward_curve, self.grad_curve):
            curve.setSymbolPen(pg.mkPen(SYMBOL_OUTLINE))
        self._update_colors()
        self.forward_choice.currentTextChanged.connect(self._on_choice)
        self._build_layout()
        self._retranslate()

    def _build_layout(self) -> None:
        forward_header = QHBoxLayout()
        forward_header.addWidget(self.forward_title, 1)
        forward_header.addWidget(self.forward_choice, 0, Qt.AlignmentFlag.AlignTop)
        forward = QVBoxLayout()
        forward.addLayout(forward_header)
        forward.addWidget(self.forward_plot, 1)
        gradient = QVBoxLayout()
        gradient.addWidget(self.gradient_title)
        gradient.addWidget(self.gradient_plot, 1)
        plots = QHBoxLayout()
        plots.addLayout(forward, 1)
        plots.addLayout(gradient, 1)
        layout = QVBoxLayout(self)  # the legend spans both plots: one line at 1024 px
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(plots, 1)
        layout.addWidget(self.legend_label)

    def _retranslate(self) -> None:
        y = self.forward_choice.currentText() or "b"
        x = self._x_name or "a"
        self.forward_title.setText(self.tr("Forward: {y} against {x}").format(y=y, x=x))
        self.gradient_title.setText(self.tr("After backward: {x}.grad against {x}").format(x=x))
        self.forward_choice.setToolTip(self.tr("Which step to plot against {x}").format(x=x))
        self._update_legend()

    def _update_colors(self) -> None:
        """Curves, plots and legend in colours that read on the palette (light or dark)."""
        palette = self.palette()
        for plot in (self.forward_plot, self.gradient_plot):
            plot.setBackground(palette.color(QPalette.ColorRole.Base))
        self.forward_curve.setPen(pg.mkPen(tone(palette, CURVES["forward"]), width=2))
        self.forward_curve.setSymbolBrush(tone(palette, CURVES["forward"]))
        self.grad_curve.setPen(pg.mkPen(tone(palette, CURVES["grad"]), width=2))
        self.grad_curve.setSymbolBrush(tone(palette, CURVES["grad"]))
        self.fd_curve.setPen(pg.mkPen(tone(palette, CURVES["fd"]), width=2,
                                      style=Qt.PenStyle.DashLine))
        self.closed_curve.setSymbolPen(pg.mkPen(tone(palette, CURVES["closed"]), width=2))
        self.closed_curve.setSymbolBrush(tone(palette, CURVES["closed"]))
        self._update_legend()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colors()

    def legend_parts(self) -> list[tuple[str, str, str]]:
        """(colour, mark, short text) of each curve drawn on the gradient plot."""
        grad_x = self.grad_curve.getData()[0]
        if grad_x is None or not len(grad_x):
            return []
        palette = self.palette()
        parts = [(tone(palette, CURVES["grad"]).name(), "●—", self.tr("autograd"))]
        if self.fd_curve.getData()[0] is not None and len(self.fd_curve.getData()[0]):
            parts.append((tone(palette, CURVES["fd"]).name(), "- -", self.tr("finite diff.")))
        if self._formula:
            parts.append((tone(palette, CURVES["closed"]).name(), "×", self._formula))
        return parts

    def _update_legend(self) -> None:
        parts = self.legend_parts()
        if not parts:
            self.legend_label.setText(self.tr("Run backward() to plot the gradient."))
            self.legend_label.setToolTip("")
            return
        # Short entries that never break inside: the line wraps only between them.
        self.legend_label.setText("&nbsp; ".join(
            f'<span style="color:{color}"><b>{mark.replace(" ", "&nbsp;")}</b>&nbsp;'
            + html.escape(text).replace(" ", "&nbsp;") + "</span>"
            for color, mark, text in parts))
        self.legend_label.setToolTip(self.tr(
            "{x}.grad from autograd, the finite-difference estimate (f(x+h) − f(x−h)) / 2h, "
            "and the closed form where one is known: all three agree.").format(
                x=self._x_name or "a"))

    # --- content ------------------------------------------------------------------------
    def set_forward(self, x_name: str | None, x, curves: dict) -> None:
        # Curves are drawn in increasing x so that lines join neighbours (rand leaves...).
        self._order = np.argsort(x, kind="stable") if x is not None else None
        self._x_name, self._curves = x_name or "", dict(curves)
        self._x = None if x is None else np.asarray(x, dtype=float)[self._order]
        previous = self.forward_choice.currentText()
        with signals_blocked(self.forward_choice):
            self.forward_choice.clear()
            self.forward_choice.addItems(list(curves))
            if previous in curves:
                self.forward_choice.setCurrentText(previous)
        self._update_forward()
        self.clear_gradient()
        self._retranslate()

    def _update_forward(self) -> None:
        name = self.forward_choice.currentText()
        if self._x is None or name not in self._curves:
            self.forward_curve.setData([], [])
            return
        self.forward_curve.setData(self._x, self._sorted(self._curves[name]))
        self.forward_plot.getViewBox().autoRange()

    def set_gradient(self, grad, finite_difference=None, closed=None, formula=None) -> None:
        x = self._x
        if x is None or grad is None:
            self.clear_gradient()
            return
        self._formula = formula
        self.grad_curve.setData(x, self._sorted(grad))
        self.fd_curve.setData(*((x, self._sorted(finite_difference))
                                if finite_difference is not None else ([], [])))
        self.closed_curve.setData(*((x, self._sorted(closed)) if closed is not None
                                    else ([], [])))
        self.gradient_plot.getViewBox().autoRange()
        self._update_legend()

    def _sorted(self, values) -> np.ndarray:
        return np.asarray(values, dtype=float).reshape(-1)[self._order]

    def clear_gradient(self) -> None:
        self._formula = None
        for curve in (self.grad_curve, self.fd_curve, self.closed_curve):
            curve.setData([], [])
        self._update_legend()

    def gradient_data(self) -> dict:
        return {"grad": self.grad_curve.getData(), "fd": self.fd_curve.getData(),
                "closed": self.closed_curve.getData()}

    def forward_data(self):
        return self.forward_curve.getData()

    def _on_choice(self, name: str) -> None:
        self._update_forward()
        self._retranslate()
        self.forward_choice_changed.emit(name)

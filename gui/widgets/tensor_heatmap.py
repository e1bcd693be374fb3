"""The heatmap of the displayed 2-D slice: one pyqtgraph image with a colour bar and a legend.

The image, the non-finite overlay and the colour bar are created once and updated with
``setImage``/``setLevels`` (only what changed: each update costs the GUI thread a repaint).
Row 0 is at the top and each cell is centred on its index, as in the values table and in
``print(t)``. The legend under the plot says what the colours mean: the map for integers
and booleans, percentile colour limits with the true min/max, and the NaN/±inf marks.

A big plane comes with a preview made on the worker; the heatmap draws every k-th of its
rows and columns, as many as the screen shows at the current zoom (``display_step``), and
draws more of them when the user zooms in. The legend says so; hovering and the values
table always give the exact values.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine.core.levels import display_range, has_integer_shades
from gui.core.retranslate import Retranslatable
from gui.widgets.tensor_colors import PaletteAware
from gui.widgets.tensor_heatmap_axes import IndexAxis, color_map, integer_ticks
from gui.widgets.tensor_slicing import (
    Levels,
    display_array,
    display_step,
    format_value,
    nonfinite_overlay,
)

_LEGEND_CHARS = 10
_REFIT_MS = 120  # after a zoom, pan or resize settles, the preview is redrawn to fit


class TensorHeatmap(Retranslatable, PaletteAware, QWidget):
    """``set_plane(plane, kind, levels)`` shows a 2-D array; ``hovered(row, col)`` follows
    the mouse (-1, -1 when it leaves the image)."""

    hovered = Signal(int, int)
    clicked = Signal(int, int, bool)  # row, col, double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[int, int] = (0, 0)
        self._kind = "float"
        self._levels: Levels | None = None
        self._preview: np.ndarray | None = None  # the worker's preview of a big plane
        self._preview_step = 0  # every how many preview rows/cols are drawn (0: none)
        self._rect = QRectF()
        self._bar_state: tuple | None = None  # (kind, levels, ticks) the colour bar shows
        self._refit_timer = QTimer(self, singleShot=True, interval=_REFIT_MS)
        self._refit_timer.timeout.connect(self._refit_preview)
        self.graphics = pg.GraphicsLayoutWidget()
        self.plot = self.graphics.addPlot(enableMenu=False, axisItems={  # no menu built
            "left": IndexAxis("left"), "bottom": IndexAxis("bottom")})
        self.plot.invertY(True)
        self.plot.hideButtons()
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.overlay = pg.ImageItem(axisOrder="row-major")
        self.overlay.setZValue(1)
        self.plot.addItem(self.image)
        self.plot.addItem(self.overlay)
        self.color_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=color_map("float"),
                                         interactive=False, width=16)
        # The bar is not linked to the image: a preview's levels are its 0–255 indices.
        self.color_bar.setImageItem([], insert_in=self.plot)
        self.image.setColorMap(color_map("float"))
        for axis in (self.plot.getAxis("left"), self.plot.getAxis("bottom"), self.color_bar.axis):
            axis.enableAutoSIPrefix(False)  # no units: a prefix never shows, its upkeep costs
            axis.setStyle(maxTickLevel=1)  # labelled ticks and one finer level: redrawing
            # a third level (after each resize or zoom) costs the GUI thread more than it shows
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setContentsMargins(4, 0, 4, 2)
        # Two lines, shown only when there is something to say (see release_legend_band).
        self.legend.setMinimumHeight(2 * self.legend.fontMetrics().lineSpacing() + 2)
        self.legend.hide()
        self._legend_band_kept = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.legend)
        self._update_colors()
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        box = self.plot.getViewBox()
        box.sigRangeChanged.connect(lambda *_: self._refit_timer.start())
        box.sigResized.connect(lambda *_: self._refit_timer.start())

    def set_plane(self, plane: np.ndarray, kind: str, levels: Levels,
                  preview: np.ndarray | None = None) -> None:
        """Show ``plane`` coloured by ``levels``; a big plane comes with ``preview``, its
        uint8 colour indices (``engine.core.levels.preview_image``, made on the worker),
        which is drawn stretched over the plane's cells instead of the values."""
        rows, cols = plane.shape
        self._levels = levels if plane.size else None
        self._preview = preview if plane.size else None
        if plane.size == 0:
            self.image.clear()
            self.overlay.hide()
            self._shape = (rows, cols)
            self._update_legend()
            return
        self._update_color_bar(kind, levels)
        rect = QRectF(-0.5, -0.5, cols, rows)
        self._rect = rect
        if (rows, cols) != self._shape:
            self._shape = (rows, cols)
            self._set_axis_counts(rows, cols)
            self.plot.setRange(rect, padding=0.0)
        if preview is not None:
            self._preview_step = 0
            self._refit_preview()
        else:
            low, high = display_range(levels, kind)
            self.image.setImage(display_array(plane, kind), autoLevels=False, levels=(low, high))
            self.image.setRect(rect)
        self._update_overlay(plane, kind, levels, rect)
        self._update_legend()

    def _set_axis_counts(self, rows: int | None, cols: int | None) -> None:
        self.plot.getAxis("left").set_count(rows)
        self.plot.getAxis("bottom").set_count(cols)

    def _update_color_bar(self, kind: str, levels: Levels) -> None:
        """Colour map, ticks and range of the bar, each only when it changed."""
        low, high = display_range(levels, kind)
        ticks = integer_ticks(levels.low, levels.high) if has_integer_shades(levels, kind) \
            else None
        if kind != self._kind:
            self._kind = kind
            self.color_bar.setColorMap(color_map(kind))
            self.image.setColorMap(color_map(kind))
        state = (kind, low, high, tuple(ticks or ()))
        if state == self._bar_state:
            return
        self._bar_state = state
        self.color_bar.axis.setTicks([[(0, "False"), (1, "True")]] if kind == "bool"
                                     else [ticks] if ticks else None)
        self.color_bar.setLevels((low, high))

    def _view_pixels(self) -> tuple[float, float] | None:
        """(rows, cols) of screen pixels the plot's view box covers; None while hidden."""
        box = self.plot.getViewBox()
        if not self.isVisible() or box.width() < 1 or box.height() < 1:
            return None
        ratio = self.devicePixelRatioF()
        return box.height() * ratio, box.width() * ratio

    def _visible_cells(self) -> tuple[float, float]:
        """(rows, cols) of the plane inside the view."""
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        rows, cols = self._shape
        return (max(0.0, min(y1, rows - 0.5) - max(y0, -0.5)),
                max(0.0, min(x1, cols - 0.5) - max(x0, -0.5)))

    def _refit_preview(self) -> None:
        """Draw every k-th row and column of the preview: as many as the screen shows."""
        preview = self._preview
        if preview is None:
            return
        pixels = self._view_pixels()
        step = 1 if pixels is None else display_step(
            preview.shape, self._shape, self._visible_cells(), pixels)
        if step == self._preview_step:
            return
        self._preview_step = step
        shown = preview if step == 1 else np.ascontiguousarray(preview[::step, ::step])
        self.image.setImage(shown, autoLevels=False, levels=(0, 255))
        self.image.setRect(self._rect)

    def preview_step(self) -> int:
        """Every how many rows and columns of the worker's preview are drawn (0: no
        preview, the values are drawn as they are)."""
        return self._preview_step if self._preview is not None else 0

    def _retranslate(self) -> None:
        self._update_legend()

    def _update_legend(self) -> None:
        """What the colours mean, in one or two short sentences under the plot."""
        levels, kind = self._levels, self._kind
        parts = [] if levels is None else [self._map_text(levels, kind), self._clip_text(levels)]
        if levels is not None and kind == "float" and levels.nonfinite_count:
            parts.append(self.tr("Marked: NaN magenta, +inf red, −inf cyan."))
        if levels is not None and self._preview is not None:
            parts.append(self.tr("Big tensor: the picture skips rows and columns to fit the "
                                 "screen (zoom in for more); hovering a cell and the Values "
                                 "tab give every exact value."))
        text = " ".join(part for part in parts if part)
        self.legend.setText(text)
        self._legend_band_kept = self._legend_band_kept or bool(text)
        self.legend.setVisible(self._legend_band_kept)

    def release_legend_band(self) -> None:
        """Let the legend's band go at the next update if there is nothing to say.

        Once a legend line has appeared, its band stays (blank if need be) until the owner
        calls this, i.e. until another tensor is shown: a band that came and went while the
        user slides through the planes of one tensor would resize the plot at each step,
        and every resize repaints it whole (axes and image) on the GUI thread."""
        self._legend_band_kept = False

    def _clip_text(self, levels: Levels) -> str:
        if levels.clip is None or self._kind == "bool":
            return ""
        p_low, p_high, q = levels.clip
        return self.tr("Colour limits at the {q}–{r} percentiles ({a} … {b}), so that a few "
                       "huge values do not paint everything one colour; true min … max: "
                       "{low} … {high}.").format(
                           q=q, r=100 - q, a=self._number(p_low), b=self._number(p_high),
                           low=self._number(levels.low), high=self._number(levels.high))

    def _map_text(self, levels: Levels, kind: str) -> str:
        if kind == "bool":
            return self.tr("False: light grey, True: orange.")
        if kind != "int":
            return ""
        low, high = self._number(levels.low), self._number(levels.high)
        if levels.clip is None and integer_ticks(levels.low, levels.high) is not None:
            return self.tr("Whole numbers {low} … {high}: one shade each, from dark blue "
                           "(lowest) to yellow (highest); the bar's ticks name them.").format(
                               low=low, high=high)
        return self.tr("Whole numbers, cividis map: dark blue = low, yellow = high.")

    def _number(self, value: float) -> str:
        return format_value(value, "int" if self._kind == "int" else "float", _LEGEND_CHARS)

    def _update_colors(self) -> None:
        """Plot background and axes from the palette, so a dark theme gets a dark plot."""
        palette = self.palette()
        self.graphics.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for axis in (*(self.plot.getAxis(n) for n in ("left", "bottom")), self.color_bar.axis):
            axis.setPen(text)
            axis.setTextPen(text)

    def legend_text(self) -> str:
        return self.legend.text()

    def _update_overlay(self, plane: np.ndarray, kind: str, levels: Levels, rect: QRectF) -> None:
        if kind != "float" or levels.nonfinite_count == 0:
            self.overlay.hide()
            return
        self.overlay.setImage(nonfinite_overlay(plane), autoLevels=False, levels=(0, 255))
        self.overlay.setRect(rect)
        self.overlay.show()

    def clear(self) -> None:
        self.image.clear()
        self.overlay.hide()
        self._shape = (0, 0)
        self._set_axis_counts(None, None)
        self._levels = None
        self._preview = None
        self.release_legend_band()
        self._update_legend()

    def cell_at(self, position: QPointF) -> tuple[int, int] | None:
        """The (row, col) under a scene position, or None outside the image."""
        rows, cols = self._shape
        if not self.plot.sceneBoundingRect().contains(position) or not rows or not cols:
            return None
        point = self.plot.getViewBox().mapSceneToView(position)
        row, col = int(np.floor(point.y() + 0.5)), int(np.floor(point.x() + 0.5))
        return (row, col) if 0 <= row < rows and 0 <= col < cols else None

    def _on_mouse_moved(self, position: QPointF) -> None:
        self.hovered.emit(*(self.cell_at(position) or (-1, -1)))

    def _on_mouse_clicked(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.clicked.emit(*cell, bool(event.double()))

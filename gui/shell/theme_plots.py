"""pyqtgraph follows the application palette: defaults, and the plot views already built.

Views (``PlotWidget``, ``GraphicsLayoutWidget``, any ``GraphicsView``) get the palette's
``Base`` colour as background when theirs is the default or a neutral grey (white, black,
near-white overlays keep their transparency); a coloured background, or a view whose
``keepBackground`` property is true, is left alone. Axes and labels that use the default
foreground are redrawn with the new one. What an area draws itself (curves, images, text
items) is the area's to recolour on its ``PaletteChange`` event.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_previous_foreground: QColor | None = None


def plot_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, foreground) of plots for ``palette``."""
    return (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text))


def _is_neutral(color: QColor) -> bool:
    return color.hslSaturation() < 20 and color.alpha() > 0


def _restyle_view(view: pg.GraphicsView, background: QColor) -> None:
    if view.property("keepBackground"):
        return
    if getattr(view, "_background", None) == "default":
        view.setBackground("default")
        return
    current = view.backgroundBrush().color()
    if _is_neutral(current):
        color = QColor(background)
        color.setAlpha(current.alpha())
        view.setBackground(color)


def _restyle_items(view: pg.GraphicsView, old: QColor | None, new: QColor) -> None:
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            if old is None or item.textPen().color() == old:
                item.setTextPen()  # the default foreground
            item.picture = None
            item.update()
        elif isinstance(item, pg.LabelItem) and item.opts.get("color") is None:
            item.setText(item.text)


def restyle_plots(palette: QPalette) -> None:
    """Set pyqtgraph's defaults from ``palette`` and restyle every existing view."""
    global _previous_foreground
    background, foreground = plot_colors(palette)
    pg.setConfigOptions(background=background, foreground=foreground)
    old = _previous_foreground
    _previous_foreground = QColor(foreground)
    for widget in QApplication.allWidgets():
        if isinstance(widget, pg.GraphicsView):
            _restyle_view(widget, background)
            _restyle_items(widget, old, foreground)

"""pyqtgraph follows the application palette: defaults, and the plot views already built.

Views (``PlotWidget``, ``GraphicsLayoutWidget``, any ``GraphicsView``) whose background is
pyqtgraph's ``"default"`` (the configured one: the palette's ``Base`` colour) are repainted;
a view given an explicit colour (``setBackground("w")``) keeps it, because what the area
draws on it may be readable on that colour only. Axes that use the default foreground
are redrawn with the new one, or with black or white on an explicit background; labels with
the default colour are redrawn. What an area draws itself (curves, images, text
items) is the area's to recolour on its ``PaletteChange`` event.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_previous_colors: tuple[QColor, QColor] | None = None  # (background, foreground)


def plot_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, foreground) of plots for ``palette``."""
    return (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text))


def _restyle_view(view: pg.GraphicsView) -> None:
    if getattr(view, "_background", None) == "default":
        view.setBackground("default")  # re-reads the configured colour


def _foreground_for(view: pg.GraphicsView, default: QColor) -> QColor:
    """The configured foreground on a default background; black or white on an explicit one."""
    if getattr(view, "_background", None) == "default":
        return default
    light = view.backgroundBrush().color().lightness() >= 128
    return QColor("#202020") if light else QColor("#e6e6e6")


def _restyle_axis(axis: pg.AxisItem, old: QColor | None, new: QColor,
                  foreground: QColor) -> None:
    if old is None or axis.textPen().color() in (old, new):
        if axis.textPen().color() == foreground and axis.pen().color() == foreground:
            return  # already drawn in it (the tabs' plots once built): no new picture
        axis.setTextPen(foreground)
        axis.setPen(foreground)
    elif old == new:
        return  # its own colours, and the palette's unchanged: nothing to draw again
    axis.picture = None
    axis.update()


def _restyle_items(view: pg.GraphicsView, old: QColor | None, new: QColor) -> None:
    scene = view.scene()
    if scene is None:
        return
    foreground = _foreground_for(view, new)
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            _restyle_axis(item, old, new, foreground)
        elif isinstance(item, pg.LabelItem) and item.opts.get("color") is None and old != new:
            item.setText(item.text)  # drawn with the configured colour when made


def restyle_plots(palette: QPalette) -> None:
    """Set pyqtgraph's defaults from ``palette`` and restyle every existing view.

    Called again with an unchanged palette (once the tabs are built, for the views with
    their own backgrounds), it redraws only what would look different."""
    global _previous_colors
    background, foreground = plot_colors(palette)
    pg.setConfigOptions(background=background, foreground=foreground)
    old = _previous_colors[1] if _previous_colors else None
    unchanged = _previous_colors == (background, foreground)
    _previous_colors = (QColor(background), QColor(foreground))
    for widget in QApplication.allWidgets():
        if isinstance(widget, pg.GraphicsView):
            if not unchanged:
                _restyle_view(widget)
            _restyle_items(widget, old, foreground)

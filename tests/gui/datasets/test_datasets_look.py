"""Issue 14 for the Datasets charts and messages: zoom and pan with limits and a reset,
colours readable on light and dark palettes (and following a palette change)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.datasets.charts import ClassChart, PixelHistogram
from gui.datasets.look import ErrorLabel
from gui.widgets.tensor_colors import contrast


def _bar(chart):
    import pyqtgraph as pg

    return pg.mkBrush(chart.bars.opts["brush"]).color()


def _close(a: QRectF, b: QRectF) -> bool:
    return all(abs(x - y) < 1e-6 * max(1.0, abs(y)) for x, y in zip(
        (a.left(), a.top(), a.width(), a.height()), (b.left(), b.top(), b.width(), b.height()),
        strict=True))


def test_class_chart_zooms_and_pans_within_limits_and_resets(qtbot):
    chart = ClassChart()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.set_counts(np.array([107, 104, 86]), ("a", "b", "c"))
    view = chart.plot.getViewBox()
    assert view.state["mouseEnabled"] == [True, True]
    home = chart.view_range()
    view.scaleBy((0.5, 0.5))  # the wheel zooms in
    assert chart.view_range().width() < home.width()
    view.translateBy(x=-1000, y=-1000)  # a drag far past the data stops at the limits
    moved = chart.view_range()
    assert moved.left() >= -1e-9 and moved.top() >= home.top() - 1e-9
    view.scaleBy((100, 100))  # no zooming out into emptiness
    assert chart.view_range().width() <= home.width() + 1e-6
    chart.reset_button.click()
    assert _close(chart.view_range(), home)
    view.scaleBy((0.5, 0.5))
    chart._on_clicked(type("Click", (), {"double": lambda self: True})())
    assert _close(chart.view_range(), home)


def test_histogram_cannot_pan_below_zero(qtbot):
    chart = PixelHistogram()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.set_histogram(np.arange(32), np.linspace(0, 1, 33))
    chart.plot.getViewBox().scaleBy((0.5, 0.5))
    chart.plot.getViewBox().translateBy(x=-5, y=-500)
    shown = chart.view_range()
    assert shown.left() >= -1e-9 and shown.top() >= -1e-9


def test_colours_follow_a_dark_palette(qtbot):
    from gui.shell.theme import dark_palette

    chart, error = ClassChart(), ErrorLabel()
    for widget in (chart, error):
        qtbot.addWidget(widget)
    chart.set_counts(np.array([3, 4]), ("x", "y"))
    error.show_message("Folder not found")
    app = QApplication.instance()
    old = app.palette()
    light_bar = _bar(chart)
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: _bar(chart) != light_bar)
        for widget, ink in ((chart, _bar(chart)),
                            (error, error.palette().color(QPalette.ColorRole.WindowText))):
            base = widget.palette().color(QPalette.ColorRole.Base)
            window = widget.palette().color(QPalette.ColorRole.Window)
            assert contrast(ink, base) >= 4.5 and contrast(ink, window) >= 3.0
        assert chart.plot.backgroundBrush().color() == chart.palette().color(
            QPalette.ColorRole.Base)
        axis = chart.plot.getAxis("left").textPen().color()
        assert contrast(axis, chart.plot.backgroundBrush().color()) >= 4.5
    finally:
        app.setPalette(old)
    qtbot.waitUntil(lambda: _bar(chart) == light_bar)
    assert contrast(light_bar, chart.plot.backgroundBrush().color()) >= 4.5

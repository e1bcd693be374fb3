"""Issue 14, Broadcasting: readable in light and dark palettes, and fits 1024-1920 px windows."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QGraphicsTextItem, QLabel

from gui.broadcasting.cells import Cell
from gui.broadcasting.colors import contrast
from gui.broadcasting.tab import BroadcastingTab
from tests.conftest import wait_idle
from tests.gui.broadcasting.test_broadcasting_tab import _compute

TEXT_CONTRAST = 4.5   # WCAG AA for text
FADED_CONTRAST = 3.0  # faded copies and the padded "(1)" are meant to recede, not vanish

DARK = {"Window": "#2b2b2b", "WindowText": "#e8e8e8", "Base": "#1e1e1e", "Text": "#e8e8e8",
        "AlternateBase": "#262626", "Button": "#353535", "ButtonText": "#e8e8e8",
        "Highlight": "#3d7bd9", "HighlightedText": "#ffffff", "PlaceholderText": "#8a8a8a"}
LIGHT = {"Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000",
         "AlternateBase": "#f7f7f7", "Button": "#efefef", "ButtonText": "#000000",
         "Highlight": "#308cc6", "HighlightedText": "#ffffff", "PlaceholderText": "#7f7f7f"}


def _palette(colors: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    return palette


@pytest.fixture(params=["light", "dark"])
def themed_tab(request, qtbot, ctx):
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(_palette(DARK if request.param == "dark" else LIGHT))
    widget = BroadcastingTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    yield widget
    app.setPalette(old)


def _check_table(tab) -> None:
    base = tab.table.palette().color(QPalette.ColorRole.Base)
    for r in range(tab.table.rowCount()):
        for c in range(tab.table.columnCount()):
            item = tab.table.item(r, c)
            painted = item.background().style() != Qt.BrushStyle.NoBrush
            back = item.background().color() if painted else base
            wanted = FADED_CONTRAST if item.text() == "(1)" else TEXT_CONTRAST
            assert contrast(item.foreground().color(), back) >= wanted, (r, c, item.text())


def _check_picture(view) -> None:
    background = view.palette().color(QPalette.ColorRole.Base)
    for item in view.scene().items():
        if isinstance(item, Cell) and item.text:
            wanted = FADED_CONTRAST if item.faded else TEXT_CONTRAST
            assert contrast(item.label.brush().color(), item.brush().color()) >= wanted, \
                item.text
        elif isinstance(item, QGraphicsSimpleTextItem) and item.parentItem() is None:
            assert contrast(item.brush().color(), background) >= TEXT_CONTRAST, item.text()
        elif isinstance(item, QGraphicsTextItem):
            assert contrast(item.defaultTextColor(), background) >= TEXT_CONTRAST


def _check_labels(tab) -> None:
    window = tab.palette().color(QPalette.ColorRole.Window)
    for label in tab.findChildren(QLabel):
        found = re.search(r"color: (#[0-9a-fA-F]{6})", label.styleSheet())
        if found and label.isVisibleTo(tab):
            assert contrast(QColor(found.group(1)), window) >= TEXT_CONTRAST, label.text()


@pytest.mark.parametrize("case", [None, ("2, 3", "3, 2"), ("2, 1, 3, 2", "3, 1"),
                                  ("3, 1", "3, 4", "inplace"), ("2, -1", "3")])
def test_every_text_is_readable_on_light_and_dark_palettes(themed_tab, qtbot, case):
    tab = themed_tab
    if case is not None and len(case) == 3:
        tab.load_preset(case[2])
        wait_idle(qtbot, tab.ctx.runner)
    elif case is not None:
        _compute(qtbot, tab, *case)
    tab.picture.highlight_result_cell(0)  # the memory fill and its text too
    _check_table(tab)
    _check_picture(tab.picture)
    _check_labels(tab)


def test_colours_follow_a_palette_switch_without_recomputing(qtbot, ctx):
    tab = BroadcastingTab(ctx)
    qtbot.addWidget(tab)
    wait_idle(qtbot, ctx.runner)
    app = QApplication.instance()
    old, steps = app.palette(), len(tab.code_panel.steps())
    light_fill = tab.picture.cells("a")[0].brush().color()
    try:
        app.setPalette(_palette(DARK))
        qtbot.waitUntil(lambda: tab.picture.cells("a")[0].brush().color() != light_fill)
        _check_table(tab)
        _check_picture(tab.picture)
        _check_labels(tab)
        assert len(tab.code_panel.steps()) == steps and not ctx.runner.is_busy()
    finally:
        app.setPalette(old)


SIZES = [(1024, 700), (1280, 800), (1920, 1080)]
WINDOW_CHROME = (24, 80)  # the main window's frame, menu bar, tab bar and status bar


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_tab_fits_each_window_size_in_both_languages(qtbot, ctx, language, size):
    from gui.shell.language import install_language

    width, height = size[0] - WINDOW_CHROME[0], size[1] - WINDOW_CHROME[1]
    install_language(language)
    try:
        tab = BroadcastingTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        qtbot.waitExposed(tab)
        for preset in ("mismatch", "note_3_1"):  # the tallest explanation, then the default
            tab.load_preset(preset)
            wait_idle(qtbot, ctx.runner)
            qtbot.wait(50)  # the layout settles (posted LayoutRequest events)
            _check_fits(tab, width, height)
    finally:
        install_language("en")


def _check_fits(tab, width: int, height: int) -> None:
    hint = tab.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, (hint, width, height)
    assert tab.size().width() == width and tab.size().height() == height
    for label in tab.findChildren(QLabel):  # no wrapped text clipped at the bottom
        if label.isVisibleTo(tab) and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
    header = tab.table.horizontalHeader()
    assert header.length() <= tab.table.viewport().width() + 1  # every column in view
    assert not tab.table.verticalScrollBar().isVisible()        # every row in view
    for button in tab.preset_buttons.values():  # every example button in view, in full
        box = button.geometry().translated(button.parentWidget().mapTo(tab, QPoint(0, 0)))
        assert tab.rect().contains(box) and button.width() >= button.sizeHint().width(), \
            button.text()
    view = tab.picture
    assert view.transform().m11() >= 0.6, view.transform().m11()  # numbers stay readable
    assert tab.code_panel.height() >= 100

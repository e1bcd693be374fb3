"""Every Tensors section fits 1024×700, 1280×800 and 1920×1080 in English and Spanish.

At each size the tab never asks for more room than the window gives it, and no visible
label, button or field is cut (narrower than its text, or shorter than its wrapped text,
or reaching out of its scroll area sideways) or lies over a neighbour."""

from __future__ import annotations

import itertools

import pytest

from gui.core.layouts import settle_layouts
from tests.conftest import wait_idle

SIZES = ((1024, 700), (1280, 800), (1920, 1080))
CHROME = (24, 80)  # window frame, menu bar, tab bar and status bar around the tab


def _leaf_widgets(root):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
    )

    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    from PySide6.QtWidgets import QWidget

    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
            and w.window() is root.window() and _in_view(w)]


def _in_view(widget) -> bool:
    """Inside the visible part of every scroll area above it (scrolled-away rows are fine)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            viewport = parent
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            if not QRect(QPoint(0, 0), viewport.size()).intersects(
                    QRect(top_left, widget.size())):
                return False
        parent = parent.parentWidget()
    return True


def _cut(widget) -> str:
    """Why ``widget`` is cut, or ""."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel

    if isinstance(widget, QLabel) and widget.wordWrap():
        if widget.text() and widget.height() < widget.heightForWidth(widget.width()) - 2:
            return f"wrapped text needs {widget.heightForWidth(widget.width())} px of height"
    elif widget.width() < widget.minimumSizeHint().width() - 1:
        return f"{widget.width()} px wide, needs {widget.minimumSizeHint().width()}"
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            right = widget.mapTo(parent, QPoint(widget.width(), 0)).x()
            if right > parent.width() + 1:
                return f"reaches {right - parent.width()} px past its scroll area"
        parent = parent.parentWidget()
    return ""


def _overlaps(widgets) -> list[str]:
    found = []
    for a, b in itertools.combinations(widgets, 2):
        if a.parentWidget() is not b.parentWidget() or a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        shared = a.geometry().intersected(b.geometry())
        if shared.width() > 2 and shared.height() > 2:
            found.append(f"{_name(a)} over {_name(b)}")
    return found


def _name(widget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}({text[:30]!r})"


def _check(tab, where: str) -> list[str]:
    problems = [f"{where}: {_name(w)} {_cut(w)}" for w in _leaf_widgets(tab) if _cut(w)]
    return problems + [f"{where}: {text}" for text in _overlaps(_leaf_widgets(tab))]


def _fill_sections(qtbot, tab) -> None:
    """Give every section content: a result, a storage strip, the bridge, an alias."""
    memory = tab.plugins["memory"]
    memory.shape_section.set_current_name("x")
    memory.shape_section.apply()
    memory.alias_section.make()
    memory.numpy_section.build()
    tab.seed_panel.demo_button.click()
    wait_idle(qtbot, tab.ctx.runner)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_section_fits_without_cuts_or_overlaps(qtbot, ctx, language, size):
    from gui.shell.language import install_language
    from gui.tensors.tab import TensorsTab

    width, height = size[0] - CHROME[0], size[1] - CHROME[1]
    try:
        install_language(language)
        tab = TensorsTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        wait_idle(qtbot, ctx.runner)
        _fill_sections(qtbot, tab)
        memory, problems = tab.plugins["memory"], []
        for index, key in enumerate(tab.section_keys):
            tab.sections.setCurrentIndex(index)
            for demo in ("shape", "alias", "numpy") if key == "memory" else ("",):
                if demo:
                    memory.show_demo(demo)
                qtbot.waitUntil(lambda: tab.sections.currentWidget().isVisible())
                qtbot.wait(20)  # one paint
                settle_layouts()  # every level, however few turns the wait had
                hint = tab.minimumSizeHint()
                assert hint.width() <= width and hint.height() <= height, (key, demo, hint)
                problems += _check(tab, f"{language} {size} {key} {demo}".strip())
        assert not problems, "\n".join(problems)
        tab.hide()
    finally:
        install_language("en")

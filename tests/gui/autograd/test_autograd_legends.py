"""Legends, plural forms, the backward() button when nothing is tracked, light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from tests.gui.autograd.conftest import wait_shown


@pytest.fixture
def tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    widget = AutogradTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1256, 720)
    wait_shown(qtbot, widget)
    return widget


def test_counts_use_plural_forms_in_both_languages(qtbot, tab, ctx):
    from gui.shell.language import install_language

    install_language("en")  # English plural forms come from autograd_en.qm
    qtbot.waitUntil(lambda: "1 leaf tensor ·" in tab.graph_view.counts_label.text(), timeout=5000)
    assert tab.graph_view.counts_label.text().startswith("5 nodes · 4 edges · 1 leaf tensor ·")
    try:
        install_language("es")
        qtbot.waitUntil(lambda: "1 tensor hoja" in tab.graph_view.counts_label.text(),
                        timeout=5000)
        assert "4 aristas" in tab.graph_view.counts_label.text()
    finally:
        install_language("en")


def test_backward_is_disabled_with_the_reason_when_autograd_is_off(qtbot, tab, ctx):
    assert not tab.backward_button.isEnabled()  # ran already: a second call would accumulate
    assert "already ran" in tab.backward_button.toolTip()
    for mode in ("no_grad", "inference_mode"):
        tab.mode_choice.setCurrentIndex(tab.mode_choice.findData(mode))
        wait_shown(qtbot, tab)
        assert not tab.backward_button.isEnabled()
        assert "Autograd is off" in tab.backward_button.toolTip()
    tab.mode_choice.setCurrentIndex(tab.mode_choice.findData("on"))
    tab.steps_editor.set_source("a = torch.ones(3, requires_grad=True)\nout = (a * 2).sum()\n")
    tab.run_button.click()
    wait_shown(qtbot, tab)
    assert tab.backward_button.isEnabled()
    tab.steps_editor.set_source("a = torch.ones(3)\nout = (a * 2).sum()\n")
    tab.run_button.click()
    wait_shown(qtbot, tab)
    assert not tab.backward_button.isEnabled()
    assert "Nothing is tracked" in tab.backward_button.toolTip()


def test_the_graphs_colours_are_explained(tab):
    entries = tab.graph_view.legend.entries()
    assert entries[:4] == ["root: backward() starts here", "operation (grad_fn)",
                           "leaf (AccumulateGrad)", "done by backward()"]
    assert "module group" not in entries  # no groups in the note's graph
    assert "backward() starts here" in tab.graph_view.legend.text().replace("&nbsp;", " ")


def _contrast(a: QColor, b: QColor) -> float:
    from gui.widgets.tensor_colors import contrast

    return contrast(a, b)


def test_a_dark_palette_recolours_what_the_tab_draws(qtbot, tab, ctx):
    from gui.shell.theme import dark_palette

    tab.steps_editor.show_error("Line 1: refused", 1)
    tab.set_backward_text("failed", True)
    tab.setPalette(dark_palette())
    base = dark_palette().color(QPalette.ColorRole.Base)
    window = dark_palette().color(QPalette.ColorRole.Window)
    assert tab.graph_view.plot.backgroundBrush().color() == base
    assert tab.curves.gradient_plot.backgroundBrush().color() == base
    for label in tab.graph_view.picture.labels.items[:5]:
        assert _contrast(label.color, base) >= 4.5
    for label in (tab.steps_editor.error_label, tab.backward_label):
        assert _contrast(label.palette().color(QPalette.ColorRole.WindowText), window) >= 4.5
    for color, _mark, _text in tab.curves.legend_parts():
        assert _contrast(QColor(color), window) >= 4.5
    selection = tab.steps_editor.editor.extraSelections()[0]
    marked = selection.format.background().color()
    assert _contrast(tab.steps_editor.editor.palette().color(QPalette.ColorRole.Text),
                     marked) >= 4.5
    tab.setPalette(QPalette())
    assert tab.graph_view.plot.backgroundBrush().color().lightness() > 200

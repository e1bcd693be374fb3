"""Colours of the Tensors tab stay readable on a dark palette as on a light one."""

from __future__ import annotations

import pytest
import torch

from tests.conftest import wait_idle


def _palette(dark: bool):
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    window, text = (QColor("#2b2b2b"), QColor("#eeeeee")) if dark else \
        (QColor("#f0f0f0"), QColor("#111111"))
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, window)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(role, text)
    return palette


def _style_color(label):
    from PySide6.QtGui import QPalette

    return label.palette().color(QPalette.ColorRole.WindowText)


@pytest.mark.parametrize("dark", [True, False])
def test_accent_labels_plot_and_fills_read_on_the_palette(qtbot, ctx, dark):
    from PySide6.QtGui import QPalette

    from gui.tensors.storage_grid import CHANGED
    from gui.tensors.storage_strip import UNUSED, storage_color
    from gui.tensors.tab import TensorsTab
    from gui.widgets.tensor_colors import contrast, ink_on
    from gui.widgets.tensor_table_model import _NONFINITE_BRUSH

    tab = TensorsTab(ctx)
    qtbot.addWidget(tab)
    tab.setPalette(_palette(dark))
    wait_idle(qtbot, ctx.runner)
    window = tab.palette().color(QPalette.ColorRole.Window)
    heatmap = tab.viewer.heatmap
    assert heatmap.graphics.backgroundBrush().color() == tab.palette().color(
        QPalette.ColorRole.Base)
    memory = tab.plugins["memory"]
    numpy_section, alias = memory.numpy_section, memory.alias_section
    numpy_section.build()
    alias.make()
    shape = memory.shape_section
    shape.set_current_name("x")
    shape.apply()
    wait_idle(qtbot, ctx.runner)
    create = tab.create_panel
    create.set_kind("zeros")
    create.fields["shape"].setText("2, ,")
    create.create_button.click()
    wait_idle(qtbot, ctx.runner)
    labels = [create.boxes["shape"].error, shape.verdict_label, alias.storage_label,
              *numpy_section.states.values()]
    for label in labels:
        assert contrast(_style_color(label), window) >= 4.5, (label.text(), dark)
    fills = [UNUSED, CHANGED, _NONFINITE_BRUSH.color(), *(storage_color(i) for i in range(40))]
    assert all(contrast(ink_on(fill), fill) >= 4.5 for fill in fills)


def test_a_theme_switch_recolours_the_shown_labels(qtbot, ctx):
    from PySide6.QtGui import QPalette

    from gui.tensors.form import ErrorLabel
    from gui.widgets.tensor_colors import contrast

    label = ErrorLabel()
    qtbot.addWidget(label)
    label.show_message("wrong")
    for dark in (False, True, False):
        label.setPalette(_palette(dark))
        window = label.palette().color(QPalette.ColorRole.Window)
        assert contrast(_style_color(label), window) >= 4.5
    label.hide()
    ctx.workspace.keep("t", torch.zeros(2))

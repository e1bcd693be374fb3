"""A new step replaces the old messages of its panel; nothing is said twice; .to(dtype)
keeps its source."""

from __future__ import annotations

import pytest

from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    wait_idle(qtbot, ctx.runner)
    yield widget
    widget.hide()


def visible_texts(tab) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in tab.findChildren(QLabel)
            if label.isVisibleTo(tab) and label.text()]


def click(qtbot, tab, button) -> None:
    button.click()
    wait_idle(qtbot, tab.ctx.runner)


def test_the_seed_summary_is_shown_once(qtbot, tab):
    tab.sections.setCurrentIndex(tab.section_keys.index("seeds"))
    click(qtbot, tab, tab.seed_panel.demo_button)
    hits = [text for text in visible_texts(tab) if "random1 / random3: equal" in text]
    assert len(hits) == 1, hits


def test_a_reshape_error_replaces_the_previous_success_line(qtbot, tab):
    tab.sections.setCurrentIndex(tab.section_keys.index("memory"))
    memory = tab.plugins["memory"]
    memory.show_demo("shape")
    section = memory.shape_section
    section.set_current_name("x")
    section.set_op("transpose", "0, 1")
    click(qtbot, tab, section.apply_button)
    assert "is a view of the same storage" in section.verdict_label.text()
    section.set_current_name("x")
    section.set_op("reshape", "4, 4")
    click(qtbot, tab, section.apply_button)
    assert "shape '[4, 4]' is invalid" in section.error_text("args")
    shown = " ".join(visible_texts(section))
    assert "view of the same storage" not in shown and "A view:" not in shown
    assert section.source_strip.isHidden() and section.result_strip.isHidden()
    section.set_op("reshape", "3, 2")
    click(qtbot, tab, section.apply_button)  # and the next success clears the error
    assert section.error_text("args") == "" and section.verdict_label.text()


def test_an_operation_error_leaves_no_old_result_line_in_the_panel(qtbot, tab):
    tab.sections.setCurrentIndex(tab.section_keys.index("operate"))
    ops = tab.plugins["operate"]
    ops.set_group("expression")
    ops.fields["expression"].setText("x * 2")
    ops.fields["result"].setText("y")
    click(qtbot, tab, ops.run_button)
    ops.fields["expression"].setText("x @ x")
    click(qtbot, tab, ops.run_button)
    assert ops.error_text("expression")
    assert not any("y: shape" in text for text in visible_texts(ops))


def test_to_dtype_labels_its_source_and_keeps_it_after_create(qtbot, tab):
    panel = tab.create_panel
    panel.set_kind("to")
    assert panel.labels["source"].text() == "Source"
    panel.fields["source"].setCurrentText("x")
    panel.fields["name"].setText("x64")
    panel.fields["dtype"].setCurrentIndex(panel.fields["dtype"].findData("float64"))
    click(qtbot, tab, panel.create_button)
    assert tab.current_name() == "x64"  # the result is shown and selected...
    assert panel.fields["source"].currentText() == "x"  # ...but the source stays
    panel.fields["name"].setText("x16")
    panel.fields["dtype"].setCurrentIndex(panel.fields["dtype"].findData("float16"))
    click(qtbot, tab, panel.create_button)
    assert tab.code_panel.steps()[-1].code.startswith("x16 = x.to(")
    tab.workspace_panel.select("z")  # a manual pick is still followed
    assert panel.fields["source"].currentText() == "z"
    panel.set_kind("zeros_like")
    assert panel.labels["source"].text() == "Like"


def test_the_new_texts_speak_spanish_with_plural_forms(qtbot, ctx):
    import torch

    from engine.core.snapshot import snapshot
    from gui.shell.language import install_language
    from gui.tensors.create_panel import CreatePanel
    from gui.tensors.memory_shape import ShapeSection
    from gui.widgets.tensor_viewer import TensorViewer

    try:
        install_language("es")
        panel = CreatePanel(ctx, lambda result: None)
        viewer = TensorViewer()
        section = ShapeSection(ctx, lambda result: None)
        for widget in (panel, viewer, section):
            qtbot.addWidget(widget)
        panel.set_kind("to")
        assert panel.labels["source"].text() == "Origen"
        viewer.set_snapshot(snapshot(torch.tensor([[0, 1], [2, 3]]), "r"))
        assert viewer.heatmap.legend_text().startswith("Enteros 0 … 3")
        assert viewer.wrap_check.text() == "Ajustar líneas"
        one = section.tr("storage[{cell}] is read by %n element(s) of {name}", "", 1)
        four = section.tr("storage[{cell}] is read by %n element(s) of {name}", "", 4)
        assert "lo lee 1 elemento " in one and "lo leen 4 elementos " in four
    finally:
        install_language("en")

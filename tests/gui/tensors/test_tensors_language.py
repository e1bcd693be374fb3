"""A language switch re-renders every engine text the Tensors tab already shows."""

from __future__ import annotations

import pytest

from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    wait_idle(qtbot, ctx.runner)
    return widget


def _switch(qtbot, tab, language: str, show: str) -> None:
    from gui.shell.language import install_language

    install_language(language)
    qtbot.waitUntil(lambda: tab.extras_label.text() == show)


def test_explanation_and_code_comments_follow_the_language(qtbot, tab):
    assert "makes the random numbers reproducible" in tab.note_label.text()  # the demo's x
    steps = len(tab.code_panel.steps())
    try:
        _switch(qtbot, tab, "es", "Mostrar:")
        assert "hace reproducibles los números aleatorios" in tab.note_label.text()
        assert "# Crear x con torch.rand" in tab.code_panel.code()
        assert "# Create x with" not in tab.code_panel.code()
        assert len(tab.code_panel.steps()) == steps and not tab.ctx.runner.is_busy()
    finally:
        _switch(qtbot, tab, "en", "Show:")
    assert "makes the random numbers reproducible" in tab.note_label.text()
    assert "# Create x with torch.rand" in tab.code_panel.code()


def test_operation_summary_follows_the_language(qtbot, tab):
    panel = tab.plugins["operate"]
    panel.fields["expression"].setText("x * 2")
    panel.fields["result"].setText("y")
    panel.run()
    wait_idle(qtbot, tab.ctx.runner)
    assert "y: shape (2, 3), dtype float32" in tab.note_label.text()
    try:
        _switch(qtbot, tab, "es", "Mostrar:")
        assert "y: forma (2, 3), dtype float32" in tab.note_label.text()
        assert "shape" not in tab.note_label.text()
    finally:
        _switch(qtbot, tab, "en", "Show:")
    assert tab.note_label.text().startswith("y: shape (2, 3)")

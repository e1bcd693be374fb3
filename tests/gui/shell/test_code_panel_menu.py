"""The code panel: readable colours in light and dark, wrapped lines marked, its menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QPalette

from engine.core.codegen import CodeStep
from gui.shell.theme import dark_palette, light_palette
from gui.widgets.code_panel import CodePanel
from gui.widgets.code_view import COLOURS

LONG = ("a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)  "
        "# a comment long enough to run out of a narrow panel")


def _contrast(a, b) -> float:
    def luminance(color) -> float:
        parts = []
        for value in (color.redF(), color.greenF(), color.blueF()):
            parts.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _panel(qtbot, steps=()):
    panel = CodePanel()
    qtbot.addWidget(panel)
    panel.set_steps(list(steps))
    return panel


def test_syntax_colours_readable_on_both_palettes(qtbot):
    panel = _panel(qtbot)
    for palette, dark in ((light_palette(), False), (dark_palette(), True)):
        panel.editor().setPalette(palette)
        base = palette.color(QPalette.ColorRole.Base)
        assert panel.editor().highlighter.dark is dark
        for kind in COLOURS:
            colour = panel.editor().highlighter.format_of(kind).foreground().color()
            assert _contrast(colour, base) >= 4.5, (kind, dark, colour.name())


def test_long_lines_wrap_with_a_mark_or_scroll(qtbot):
    panel = _panel(qtbot, [CodeStep("Make a", LONG)])
    panel.resize(320, 300)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.editor().wrapped_line_count() >= 1  # wrapped, marked with ↪ in the margin
    assert panel.editor().horizontalScrollBar().maximum() == 0
    panel.wrap_action.setChecked(False)
    qtbot.waitUntil(lambda: panel.editor().horizontalScrollBar().maximum() > 0)


def test_copy_this_step_copies_the_step_under_the_cursor(qtbot):
    first, second = CodeStep("First", "x = torch.zeros(2)"), CodeStep("Second", "y = x + 1")
    panel = _panel(qtbot, [first, second])
    lines = panel.code().splitlines()
    assert panel.step_at_line(lines.index("y = x + 1")) is second
    assert panel.step_at_line(lines.index("x = torch.zeros(2)")) is first
    assert panel.step_at_line(0) is None  # the preamble
    panel.resize(400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    editor = panel.editor()
    block = editor.document().findBlockByNumber(lines.index("y = x + 1"))
    rect = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    menu = panel.context_menu(QPoint(10, int(rect.center().y())))
    texts = [a.text() for a in menu.actions()]
    assert "Copy this &step" in texts and "Copy &all" in texts
    assert "Open as Jupyter &notebook…" not in texts  # nobody answers it yet
    panel.copy_step_action.trigger()
    assert QGuiApplication.clipboard().text() == "# Second\ny = x + 1\n"
    menu.deleteLater()


def test_export_entry_emits_when_connected(qtbot):
    panel = _panel(qtbot, [CodeStep("First", "x = torch.zeros(2)")])
    asked: list[str] = []
    panel.export_requested.connect(asked.append)
    menu = panel.context_menu(QPoint(0, 0))
    assert "Open as Jupyter &notebook…" in [a.text() for a in menu.actions()]
    panel.export_action.trigger()
    assert asked == ["notebook"]
    menu.deleteLater()

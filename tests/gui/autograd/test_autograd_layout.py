"""The Autograd tab fits 1024×700, 1280×800 and 1920×1080 windows in English and Spanish."""

from __future__ import annotations

import pytest

from tests.gui.autograd.conftest import wait_shown

MAX_MIN_WIDTH = 1000  # the window is 1024 wide at --size 1024x700; leave room for margins


@pytest.mark.parametrize("language", ["en", "es"])
def test_tab_minimum_width_fits_a_1024_window(qtbot, ctx, language):
    from gui.autograd.tab import AutogradTab
    from gui.shell.language import install_language

    try:
        install_language(language)
        tab = AutogradTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(1000, 650)
        wait_shown(qtbot, tab)
        if language == "es":
            assert tab.run_button.text() == "Ejecutar"  # the Spanish texts are really in place
        assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
        for page in (1, 2):  # the Presets and Tiny model pages must not widen it either
            tab.modes.setCurrentIndex(page)
            assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
        tab.presets.set_current_key("inplace_saved")
        tab.presets.run_button.click()
        wait_shown(qtbot, tab)
        assert tab.presets.table_texts()  # long preset tables and error texts as well
        assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
    finally:
        install_language("en")


SIZES = [(1024, 700), (1280, 800), (1920, 1080)]
CHROME = (24, 80)  # window margins; menu, tab bar and status bar


def _fits(table, column: int) -> bool:
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    texts = [table.item(r, column).text() for r in range(table.rowCount())]
    widest = max(table.fontMetrics().horizontalAdvance(t) for t in texts)
    return right <= table.viewport().width() and widest + 8 <= header.sectionSize(column)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
def test_tab_fits_each_window_size_with_nothing_cut(qtbot, ctx, language, size):
    from gui.autograd.steps import GRAD_FN
    from gui.autograd.tab import AutogradTab
    from gui.shell.language import install_language

    width, height = size[0] - CHROME[0], size[1] - CHROME[1]
    try:
        install_language(language)
        tab = AutogradTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        wait_shown(qtbot, tab)
        hint = tab.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height
        table = tab.steps_editor.table
        qtbot.waitUntil(lambda: _fits(table, GRAD_FN), timeout=5000)  # grad_fn in full
        legend = tab.curves.legend_label  # the gradient legend: one line
        assert legend.heightForWidth(legend.width()) < 2 * legend.fontMetrics().lineSpacing()
        assert tab.details.hint.isVisible() and tab.details.hint_text()  # the hover hint
        assert not tab.details.viewer.info_label.isVisible()
        assert tab.graph_view.legend.isVisible()
        code = tab.code_panel.editor()
        assert code.viewport().width() >= 30 * code.fontMetrics().horizontalAdvance("x")
        tab.hide()
    finally:
        install_language("en")


def test_the_lines_stay_readable_in_a_narrow_tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    tab = AutogradTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 650)
    tab.show()
    wait_shown(qtbot, tab)
    editor = tab.steps_editor.editor
    readable = editor.fontMetrics().horizontalAdvance("out = d.sum()  # a short line")
    qtbot.waitUntil(lambda: editor.viewport().width() >= readable, timeout=5000)
    assert editor.viewport().height() >= 4 * editor.fontMetrics().lineSpacing()
    tab.hide()


def test_spanish_screenshot_at_1024_keeps_the_window_size(tmp_path, qapp):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtGui import QImage

    root = Path(__file__).resolve().parents[3]
    out = tmp_path / "autograd.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--tab",
                           "autograd", "--size", "1024x700", "--lang", "es"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)

"""The Autograd tab fits a 1024-pixel-wide window in English and Spanish."""

from __future__ import annotations

import pytest

from tests.conftest import wait_idle

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
        wait_idle(qtbot, ctx.runner)
        if language == "es":
            assert tab.run_button.text() == "Ejecutar"  # the Spanish texts are really in place
        assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
        for page in (1, 2):  # the Presets and Tiny model pages must not widen it either
            tab.modes.setCurrentIndex(page)
            assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
        tab.presets.set_current_key("inplace_saved")
        tab.presets.run_button.click()
        wait_idle(qtbot, ctx.runner)
        assert tab.presets.table_texts()  # long preset tables and error texts as well
        assert tab.minimumSizeHint().width() < MAX_MIN_WIDTH
    finally:
        install_language("en")


def test_the_lines_stay_readable_in_a_narrow_tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    tab = AutogradTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(900, 650)
    tab.show()
    wait_idle(qtbot, ctx.runner)
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

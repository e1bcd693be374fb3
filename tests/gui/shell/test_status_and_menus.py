"""Status bar messages after failures and successes; mnemonics in every menu entry."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu


def _fail():
    raise ValueError("shape mismatch")


def _run(qtbot, window, fn, signal):
    with qtbot.waitSignal(signal, timeout=30000):
        window.runner.run(fn, title="Step")


def test_a_later_success_clears_the_old_failure(qtbot, window):
    _run(qtbot, window, _fail, window.runner.job_failed)
    assert "Step failed: " in window.statusBar().currentMessage()
    _run(qtbot, window, lambda: 1, window.runner.job_succeeded)
    assert window.statusBar().currentMessage() == ""


def test_a_success_keeps_a_newer_message(qtbot, window):
    _run(qtbot, window, _fail, window.runner.job_failed)
    window.show_status("Created a")
    _run(qtbot, window, lambda: 1, window.runner.job_succeeded)
    assert window.statusBar().currentMessage() == "Created a"


def _entries(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield menu.title(), action
        if action.menu() is not None:
            yield from _entries(action.menu())


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_menu_entry_has_a_mnemonic(qtbot, window, language):
    window.set_language(language)
    try:
        missing = []
        for top in window.menuBar().actions():
            if "&" not in top.text():
                missing.append(top.text())
            for title, action in _entries(top.menu()):
                if action.isVisible() and action.isEnabled() and "&" not in action.text():
                    missing.append(f"{title} → {action.text()}")
        assert not missing
    finally:
        window.set_language("en")

"""A long session: 2,000 seeded random actions across all four tabs.

Valid and invalid input, cancellations, tab and language switches. Any exception raised in
a Qt slot fails the test (pytest-qt's capture); a job stuck past the settle time fails it.
Prints the resident-memory growth from the first to the last hundred actions, split into
what the user asked to keep (workspace, session log) and everything else.
"""

from __future__ import annotations

import random
import statistics

import psutil
import pytest
from PySide6.QtCore import QSettings

from gui.shell.loading_page import LoadingPage
from gui.shell.main_window import MainWindow
from tools.monkey import (
    MonkeyReport,
    kept_memory,
    one_action,
    scratch_working_directory,
    silence_dialogs,
)

ACTIONS = 2000
SEED = 20261127
SETTLE_EVERY = 40


def settle(qtbot, window, patience_ms: int = 15000) -> None:
    """Let jobs finish; cancel what takes too long; fail if a job never ends."""
    try:  # waitUntil keeps the event loop running without starving the worker's GIL
        qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=patience_ms)
    except qtbot.TimeoutError:
        window.runner.cancel_all()
        qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=120000)


@pytest.fixture
def scratch_folder():
    """Typed paths (dataset roots...) are relative to a scratch folder, not the checkout."""
    with scratch_working_directory() as folder:
        yield folder


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, scratch_folder):
    silence_dialogs(lambda obj, name, value: monkeypatch.setattr(obj, name, value))
    settings = QSettings(str(tmp_path / "monkey.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(win.engine_ready, timeout=180000):
        win.start_engine()
    settle(qtbot, win, patience_ms=120000)
    yield win
    win.set_language("en")
    win.close()


def test_two_thousand_random_actions_leave_the_app_working(qtbot, window, capsys):
    assert not any(isinstance(page, LoadingPage) for page in window.tabs.values())
    rng = random.Random(SEED)
    report = MonkeyReport()
    process = psutil.Process()
    first, last = [], []
    kept = []
    for index in range(ACTIONS):
        one_action(window, rng, report)
        qtbot.wait(2)
        if index % SETTLE_EVERY == SETTLE_EVERY - 1:
            settle(qtbot, window)
        if index < 100:
            first.append(process.memory_info().rss)
        elif index >= ACTIONS - 100:
            last.append(process.memory_info().rss)
        if index in (50, ACTIONS - 50):
            kept.append(kept_memory(window).total)
    settle(qtbot, window)
    growth_mib = (statistics.median(last) - statistics.median(first)) / 2**20
    kept_mib = (kept[-1] - kept[0]) / 2**20
    with capsys.disabled():  # shown in every run, not only when the test fails
        print(f"\nmonkey: {report.actions} actions {report.by_kind}; "
              f"resident memory growth first→last hundred: {growth_mib:+.1f} MiB, of which "
              f"workspace and session log {kept_mib:+.1f} MiB, everything else "
              f"{growth_mib - kept_mib:+.1f} MiB")
    assert report.actions == ACTIONS
    assert report.by_kind.get("click", 0) > 100
    assert window.isVisible() and window.tab_widget.count() == 4

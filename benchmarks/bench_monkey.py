"""Resident-memory growth over a 10,000-action monkey session (see tools/monkey.py)."""

from __future__ import annotations

import random
import statistics
import time

from benchmarks.core import Figure

ACTIONS = 10_000
SEED = 20261127


def _settle(app, window, patience_s: float = 15.0) -> None:
    deadline = time.monotonic() + patience_s
    while window.runner.is_busy() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if window.runner.is_busy():
        window.runner.cancel_all()
        while window.runner.is_busy():
            app.processEvents()
            time.sleep(0.01)


def run() -> list[Figure]:
    import psutil
    from PySide6.QtCore import QSettings, QTemporaryDir
    from PySide6.QtWidgets import QApplication

    from gui.shell.main_window import MainWindow
    from tools.monkey import MonkeyReport, one_action, silence_dialogs

    app = QApplication.instance() or QApplication([])
    silence_dialogs(setattr)
    folder = QTemporaryDir()
    window = MainWindow(QSettings(folder.filePath("bench.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.start_engine()
    while not window.is_engine_ready():
        app.processEvents()
        time.sleep(0.01)
    _settle(app, window, 120)
    rng, report, process = random.Random(SEED), MonkeyReport(), psutil.Process()
    first, last = [], []
    started = time.perf_counter()
    for index in range(ACTIONS):
        one_action(window, rng, report)
        app.processEvents()
        if index % 40 == 39:
            _settle(app, window)
        if index < 100:
            first.append(process.memory_info().rss)
        elif index >= ACTIONS - 100:
            last.append(process.memory_info().rss)
    elapsed = time.perf_counter() - started
    window.close()
    growth = (statistics.median(last) - statistics.median(first)) / 2**20
    return [
        Figure("monkey.actions", report.actions, "actions"),
        Figure("monkey.rss_growth_first_to_last_100", growth, "MiB", {"max": 200}),
        Figure("monkey.seconds_per_1000_actions", elapsed / ACTIONS * 1000, "s"),
    ]

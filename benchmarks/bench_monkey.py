"""Resident-memory growth over a 10,000-action monkey session (see tools/monkey.py).

Growth is measured from the median of the first hundred actions to the median of the last
hundred; that total is printed, then split three ways (see tools/monkey_memory.py):

- what the user asked to keep: tensors in the workspace, steps in the session log;
- what the Autograd tab shows: the tensors behind its graphs (a model preset's parameters
  and saved activations: up to ~440 MiB for ViT-B/16, held while its graph is on screen,
  freed when another replaces it). Whether a run ends with a large preset on screen is up
  to chance, so this is measured, not guessed;
- everything else: the total minus both, the figure with the target (leaks and heap
  growth show up here). Its file-backed part is printed too: pages of libraries and code
  read from disk on first use (pandas for a CSV dataset...), which the system can drop and
  no later action adds again.
"""

from __future__ import annotations

import random
import statistics
import time

from benchmarks.core import Figure

ACTIONS = 10_000
SEED = 20261127
WINDOW = 100  # actions at each end whose resident memory is compared
OTHER_GROWTH_TARGET_MIB = 100


def _settle(app, window, patience_s: float = 15.0) -> None:
    from tools.monkey import run_deferred_deletes

    deadline = time.monotonic() + patience_s
    while window.runner.is_busy() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if window.runner.is_busy():
        window.runner.cancel_all()
        while window.runner.is_busy():
            app.processEvents()
            time.sleep(0.01)
    run_deferred_deletes()


def _file_backed_bytes() -> int:
    """Resident pages mapped from files (libraries, code); 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("RssFile:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run() -> list[Figure]:
    import psutil
    from PySide6.QtCore import QSettings, QTemporaryDir
    from PySide6.QtWidgets import QApplication

    from gui.shell.main_window import MainWindow
    from tools.monkey import MonkeyReport, kept_memory, one_action, silence_dialogs

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
    first, last, files_first, files_last = [], [], [], []
    kept_first = kept_last = None
    started = time.perf_counter()
    for index in range(ACTIONS):
        one_action(window, rng, report)
        app.processEvents()
        if index % 40 == 39:
            _settle(app, window)
        if index < WINDOW:
            first.append(process.memory_info().rss)
            files_first.append(_file_backed_bytes())
        elif index >= ACTIONS - WINDOW:
            last.append(process.memory_info().rss)
            files_last.append(_file_backed_bytes())
        if index == WINDOW // 2:
            kept_first = kept_memory(window)
        elif index == ACTIONS - WINDOW // 2:
            kept_last = kept_memory(window)
    elapsed = time.perf_counter() - started
    _settle(app, window)
    window.close()
    assert kept_first is not None and kept_last is not None
    growth = (statistics.median(last) - statistics.median(first)) / 2**20
    kept_growth = (kept_last.total - kept_first.total) / 2**20
    kept_note = (f"workspace {kept_last.workspace / 2**20:.1f} MiB, session log "
                 f"{kept_last.session_log / 2**20:.1f} MiB "
                 f"({len(window.session.entries())} steps) at the end")
    shown_growth = (kept_last.shown_graphs - kept_first.shown_graphs) / 2**20
    files_growth = (statistics.median(files_last) - statistics.median(files_first)) / 2**20
    return [
        Figure("monkey.actions", report.actions, "actions"),
        Figure("monkey.rss_growth_first_to_last_100", growth, "MiB"),
        Figure("monkey.kept_growth_workspace_and_session_log", kept_growth, "MiB",
               note=kept_note),
        Figure("monkey.shown_growth_autograd_graphs", shown_growth, "MiB",
               note=f"tensors behind the Autograd graphs on screen: "
                    f"{kept_last.shown_graphs / 2**20:.1f} MiB at the end"),
        Figure("monkey.other_growth", growth - kept_growth - shown_growth, "MiB",
               {"max": OTHER_GROWTH_TARGET_MIB},
               note="resident growth minus what the user keeps and the graphs on screen"),
        Figure("monkey.other_growth_file_backed", files_growth, "MiB",
               note="part of it mapped from files: libraries and code read on first use"),
        Figure("monkey.seconds_per_1000_actions", elapsed / ACTIONS * 1000, "s"),
    ]

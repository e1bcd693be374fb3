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
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.core import Figure
from tools.monkey import MonkeyReport
from tools.monkey_memory import KeptMemory

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


def _open_window(app, folder: Path):
    from PySide6.QtCore import QSettings

    from gui.shell.main_window import MainWindow

    window = MainWindow(QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.start_engine()
    while not window.is_engine_ready():
        app.processEvents()
        time.sleep(0.01)
    _settle(app, window, 120)
    return window


@dataclass
class _Samples:
    """Resident and file-backed bytes after each of the first and last hundred actions,
    and what the window held on purpose in the middle of each hundred."""

    first: list[int] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    files_first: list[int] = field(default_factory=list)
    files_last: list[int] = field(default_factory=list)
    kept_first: KeptMemory | None = None
    kept_last: KeptMemory | None = None


def _session(app, window, samples: _Samples) -> MonkeyReport:
    import psutil

    from tools.monkey import kept_memory, one_action

    rng, report, process = random.Random(SEED), MonkeyReport(), psutil.Process()
    for index in range(ACTIONS):
        one_action(window, rng, report)
        app.processEvents()
        if index % 40 == 39:
            _settle(app, window)
        if index < WINDOW:
            samples.first.append(process.memory_info().rss)
            samples.files_first.append(_file_backed_bytes())
        elif index >= ACTIONS - WINDOW:
            samples.last.append(process.memory_info().rss)
            samples.files_last.append(_file_backed_bytes())
        if index == WINDOW // 2:
            samples.kept_first = kept_memory(window)
        elif index == ACTIONS - WINDOW // 2:
            samples.kept_last = kept_memory(window)
    return report


def _growth_mib(first: list[int], last: list[int]) -> float:
    return (statistics.median(last) - statistics.median(first)) / 2**20


def run() -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from tools.monkey import scratch_working_directory, silence_dialogs

    app = QApplication.instance() or QApplication([])
    silence_dialogs(setattr)
    samples = _Samples()
    # Typed text reaches path fields: whatever the session creates lands in a scratch folder.
    with scratch_working_directory() as folder:
        window = _open_window(app, folder)
        started = time.perf_counter()
        report = _session(app, window, samples)
        elapsed = time.perf_counter() - started
        _settle(app, window)
        steps = len(window.session.entries())
        window.close()
    kept_first, kept_last = samples.kept_first, samples.kept_last
    assert kept_first is not None and kept_last is not None
    growth = _growth_mib(samples.first, samples.last)
    kept_growth = (kept_last.total - kept_first.total) / 2**20
    kept_note = (f"workspace {kept_last.workspace / 2**20:.1f} MiB, session log "
                 f"{kept_last.session_log / 2**20:.1f} MiB ({steps} steps) at the end")
    shown_growth = (kept_last.shown_graphs - kept_first.shown_graphs) / 2**20
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
        Figure("monkey.other_growth_file_backed",
               _growth_mib(samples.files_first, samples.files_last), "MiB",
               note="part of it mapped from files: libraries and code read on first use"),
        Figure("monkey.seconds_per_1000_actions", elapsed / ACTIONS * 1000, "s"),
    ]

"""Resident-memory growth over a 10,000-action monkey session (see tools/monkey.py).

Growth is measured from the median of the first hundred actions to the median of the last
hundred; that total is printed, then split three ways (see tools/monkey_memory.py), with
one part of everything else printed on its own:

- what the user asked to keep: tensors in the workspace, steps in the session log;
- what the Autograd tab shows: the tensors behind its graphs (a model preset's parameters
  and saved activations: up to ~440 MiB for ViT-B/16, held while its graph is on screen,
  freed when another replaces it): the model the learner chose to open, as a tensor kept
  in the workspace is. Whether a run ends with a large preset on screen is up to chance,
  so this is measured, not guessed;
- what the Datasets tab shows: the batch and sample grid on screen, the engine's pixels
  and the images its grids draw from. Printed on its own, but counted in everything else:
  a batch is drawn from a copy of at most 4 Mpx (``engine.datasets.display``), so what a
  batch on screen holds is bounded by design (12 MiB in colour) whatever its size;
- everything else: the total minus what the user keeps and the Autograd graphs, the
  figure with the target (leaks and heap growth show up here). Its file-backed part is
  printed too: pages of libraries and code read from disk on first use (pandas for a CSV
  dataset...), which the system can drop and no later action adds again.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.core import Figure
from tools.monkey import MonkeyReport
from tools.monkey_memory import KeptMemory

ACTIONS = 10_000  # the benchmark's figure; TORCHSCOPE_MONKEY_ACTIONS sets fewer to explore
ACTIONS_ENV = "TORCHSCOPE_MONKEY_ACTIONS"
SEED = 20261127
WINDOW = 100  # actions at each end whose resident memory is compared
OTHER_GROWTH_TARGET_MIB = 100
CANCEL_AT_ONCE_SHARE = 0.03  # of actions: their jobs are cancelled right after they start
QUIET_TURNS = 3  # event-loop turns in a row that start no job: the action has settled
SETTLE_PATIENCE_S = 120.0  # a job still running after this is cancelled (none seen so far)


def _language_switch_in_progress(app) -> bool:
    """A language switch reaches the widgets over several event-loop turns, a few ms' work
    at a time: how far it got when the next action comes would depend on timing."""
    from gui.core.retranslate_staged import StagedDelivery

    delivery = app.findChild(StagedDelivery)
    return delivery is not None and delivery.in_progress()


def _settle(app, window, patience_s: float = 15.0) -> None:
    """Run the event loop until no job runs, no language switch is under way and a few
    turns in a row start nothing new (a finished job's result may post work that starts
    another job or changes what is shown); a job still running after ``patience_s`` is
    cancelled."""
    from tools.monkey import run_deferred_deletes

    deadline = time.monotonic() + patience_s
    quiet_turns = 0
    while quiet_turns < QUIET_TURNS:
        app.processEvents()
        if window.runner.is_busy():
            quiet_turns = 0
            if time.monotonic() > deadline:
                window.runner.cancel_all()
            time.sleep(0.01)  # the worker gets the GIL
        elif _language_switch_in_progress(app):
            quiet_turns = 0
            time.sleep(0.002)  # its turns run on a 1 ms timer
        else:
            quiet_turns += 1
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
class _Window:
    """Resident and file-backed bytes after each of a hundred actions from ``start``, and
    what the window held on purpose after the middle one."""

    start: int
    rss: list[int] = field(default_factory=list)
    files: list[int] = field(default_factory=list)
    held: KeptMemory | None = None

    def covers(self, index: int) -> bool:
        return self.start <= index < self.start + WINDOW


def _action_count() -> int:
    """``ACTIONS``, or fewer (at least three windows' worth) for a shorter exploratory run."""
    return max(int(os.environ.get(ACTIONS_ENV, ACTIONS)), 3 * WINDOW)


def _sampling_windows(actions: int) -> list[_Window]:
    """The first, middle and last hundred actions: growth from the middle on tells a leak
    (it keeps growing) from warm-up (libraries and caches filled once, early on)."""
    return [_Window(0), _Window(actions // 2 - WINDOW // 2), _Window(actions - WINDOW)]


def _sample(window, index: int, windows: list[_Window], process) -> None:
    from gui.core.memory import release_free_heap
    from tools.monkey import kept_memory

    for sampled in windows:
        if sampled.covers(index):
            release_free_heap()
            sampled.rss.append(process.memory_info().rss)
            sampled.files.append(_file_backed_bytes())
            if index == sampled.start + WINDOW // 2:
                sampled.held = kept_memory(window)


def _session(app, window, windows: list[_Window], actions: int) -> MonkeyReport:
    """Each action's jobs run to their end before the next action (a seeded share is
    cancelled at once instead), so the same seed gives the same actions on any machine:
    with actions landing mid-job, which buttons were enabled depended on timing, and so did
    the whole path (seven runs: 91-169 MiB). Memory is sampled at rest: after the heap trim
    the runner makes once idle for 100 ms (made at once here)."""
    import psutil

    from tools.monkey import one_action

    rng, report, process = random.Random(SEED), MonkeyReport(), psutil.Process()
    for index in range(actions):
        one_action(window, rng, report)
        if rng.random() < CANCEL_AT_ONCE_SHARE:
            window.runner.cancel_all()  # generator jobs stop at their first yield
        _settle(app, window, SETTLE_PATIENCE_S)
        _sample(window, index, windows, process)
    return report


def _growth_mib(first: list[int], last: list[int]) -> float:
    return (statistics.median(last) - statistics.median(first)) / 2**20


def _held_growth_mib(first: _Window, last: _Window, part: str) -> float:
    assert first.held is not None and last.held is not None
    return (getattr(last.held, part) - getattr(first.held, part)) / 2**20


def _other_growth_mib(first: _Window, last: _Window) -> float:
    """Resident growth minus what the user keeps and the Autograd graphs on screen."""
    return _growth_mib(first.rss, last.rss) - sum(
        _held_growth_mib(first, last, part) for part in ("total", "shown_graphs"))


def run() -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from tools.monkey import scratch_working_directory, silence_dialogs

    app = QApplication.instance() or QApplication([])
    silence_dialogs(setattr)
    actions = _action_count()
    windows = _sampling_windows(actions)
    # Typed text reaches path fields: whatever the session creates lands in a scratch folder.
    with scratch_working_directory() as folder:
        window = _open_window(app, folder)
        started = time.perf_counter()
        report = _session(app, window, windows, actions)
        elapsed = time.perf_counter() - started
        _settle(app, window)
        steps = len(window.session.entries())
        window.close()
    first, middle, last = windows
    held = last.held
    assert held is not None
    kept_note = (f"workspace {held.workspace / 2**20:.1f} MiB, session log "
                 f"{held.session_log / 2**20:.1f} MiB ({steps} steps) at the end")
    return [
        Figure("monkey.actions", report.actions, "actions"),
        Figure("monkey.rss_growth_first_to_last_100", _growth_mib(first.rss, last.rss), "MiB"),
        Figure("monkey.kept_growth_workspace_and_session_log",
               _held_growth_mib(first, last, "total"), "MiB", note=kept_note),
        Figure("monkey.shown_growth_autograd_graphs",
               _held_growth_mib(first, last, "shown_graphs"), "MiB",
               note=f"tensors behind the Autograd graphs on screen: "
                    f"{held.shown_graphs / 2**20:.1f} MiB at the end"),
        Figure("monkey.shown_growth_dataset_images",
               _held_growth_mib(first, last, "shown_images"), "MiB",
               note=f"the Datasets tab's batch and sample grid on screen: "
                    f"{held.shown_images / 2**20:.1f} MiB at the end (counted in "
                    f"everything else)"),
        Figure("monkey.other_growth", _other_growth_mib(first, last), "MiB",
               {"max": OTHER_GROWTH_TARGET_MIB},
               note="resident growth minus what the user keeps and the Autograd graphs "
                    "on screen"),
        Figure("monkey.other_growth_file_backed", _growth_mib(first.files, last.files), "MiB",
               note="part of it mapped from files: libraries and code read on first use"),
        Figure("monkey.other_growth_second_half", _other_growth_mib(middle, last), "MiB",
               note="from the middle hundred actions to the last: what keeps growing"),
        Figure("monkey.seconds_per_1000_actions", elapsed / actions * 1000, "s"),
    ]

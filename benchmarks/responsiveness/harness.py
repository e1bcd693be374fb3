"""Measuring: the 10 ms lateness timer, the watchdog sampling the GUI thread's stack, and
what a job script yields to the driver and gets from it (``Bench``)."""

from __future__ import annotations

import collections
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

TICK_MS = 10
# sample the GUI thread's stack while a tick is later than this (lower it to diagnose)
STALL_MS = int(os.environ.get("TORCHSCOPE_BENCH_STALL_MS", "40"))
WATCH_MS = 5
TAIL_MS = 500
P99_TARGET_MS = 16.0
MAX_TARGET_MS = 50.0
# a late tick during whose wait this process used less CPU than this share of the wait
# was late because other processes had the CPUs (a shared machine), not because of the app
STARVED_CPU_SHARE = 0.25
_HERE = os.path.dirname(os.path.abspath(__file__))
# the benchmark's own files: their frames are never named as where the time went
OWN_FILES = frozenset(
    [os.path.join(os.path.dirname(_HERE), "bench_responsiveness.py")]
    + [os.path.join(_HERE, name) for name in os.listdir(_HERE) if name.endswith(".py")])
ROOT = Path(__file__).resolve().parent.parent.parent


class Skip(Exception):
    """The job cannot be triggered or did not produce its result; the message says why."""


# --- what a job yields to the driver ----------------------------------------------------
class Start:
    """The measured window starts here (what came before was setting up)."""


START = Start()


@dataclass
class Sleep:
    ms: int


@dataclass
class Idle:
    """No job runs on the runner, and none started within ``settle_ms``."""

    timeout_s: float = 60.0
    settle_ms: int = 150
    what: str = "the job to finish"


@dataclass
class Until:
    test: Callable[[], bool]
    what: str
    timeout_s: float = 60.0


Step = Start | Sleep | Idle | Until
JobScript = Generator[Step, None, None]


@dataclass
class JobSpec:
    key: str
    label: str
    script: Callable[[Bench], JobScript]


@dataclass
class JobRecord:
    spec: JobSpec
    label: str
    started: float = 0.0
    window_start: float | None = None
    ended: float = 0.0
    skipped: str = ""
    failures: list[str] = field(default_factory=list)


# --- measuring ----------------------------------------------------------------------------
class Probe:
    """The 10 ms precise timer on the GUI thread; ``ticks`` holds (time, lateness ms)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[tuple[float, float]] = []
        self.cpu: list[float] = []  # the process's CPU time (all threads) at each tick
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append((now, max(0.0, (now - self.last) * 1000 - TICK_MS)))
        self.cpu.append(time.process_time())
        self.last = now

    def lateness(self, start: float, end: float) -> list[float]:
        return [late for t, late in self.ticks if start <= t <= end]

    def starved(self, start: float, end: float, over_ms: float) -> tuple[int, int]:
        """(ticks later than ``over_ms`` in the window, how many of them waited while this
        process got under STARVED_CPU_SHARE of a CPU: neither the GUI thread nor a worker
        holding the GIL ran, the machine's other processes did)."""
        late = starved = 0
        for index in range(1, len(self.ticks)):
            t, lateness = self.ticks[index]
            if start <= t <= end and lateness > over_ms:
                late += 1
                gap_s = t - self.ticks[index - 1][0]
                used_s = self.cpu[index] - self.cpu[index - 1]
                starved += used_s < STARVED_CPU_SHARE * gap_s
        return late, starved


def _short(path: str) -> str:
    path = os.path.abspath(path)
    marker = "site-packages" + os.sep
    if marker in path:
        return path.split(marker, 1)[1]
    if path.startswith(str(ROOT) + os.sep):
        return os.path.relpath(path, ROOT)
    return os.path.basename(path)


def _is_ours(path: str) -> bool:
    return _short(path).split(os.sep, 1)[0] in ("gui", "engine")


def _where(frame, depth: int = 2) -> str:
    """The innermost ``depth`` frames, then the innermost frame of gui/ or engine/, up to
    the frame that runs the event loop (empty when the thread is in C++ code)."""
    parts, ours = [], ""
    while frame is not None and frame.f_code.co_name != "_run_jobs":
        path = frame.f_code.co_filename
        if os.path.abspath(path) not in OWN_FILES:
            text = f"{_short(path)}:{frame.f_code.co_name}"
            if len(parts) < depth:
                parts.append(text)
                ours = ours or (text if _is_ours(path) else "")
            elif _is_ours(path):
                ours = ours or text
                break
        frame = frame.f_back
    if ours and ours not in parts:
        parts.append(f"… {ours}")
    return " ← ".join(parts)


class Watchdog(threading.Thread):
    """Samples the GUI thread's stack while the probe's next tick is over STALL_MS late."""

    def __init__(self, probe: Probe) -> None:
        super().__init__(name="responsiveness-watchdog", daemon=True)
        self.probe = probe
        self.gui_ident = threading.main_thread().ident
        self.samples: list[tuple[float, str]] = []
        self.active = threading.Event()
        self._stop = threading.Event()

    def run(self) -> None:
        limit = (TICK_MS + STALL_MS) / 1000
        while not self._stop.wait(WATCH_MS / 1000):
            if not self.active.is_set():
                continue
            now = time.perf_counter()
            if now - self.probe.last > limit:
                self.samples.append((now, self._sample()))

    def _sample(self) -> str:
        frames = sys._current_frames()
        gui = _where(frames.get(self.gui_ident))
        if gui:
            return gui
        others = [_where(f, 2) for ident, f in frames.items()
                  if ident not in (self.gui_ident, self.ident)]
        others = [o for o in others if o]
        worker = f"; worker at {others[0]}" if others else ""
        return f"in Qt (painting, layout or waiting for the GIL){worker}"

    def stop(self) -> None:
        self._stop.set()

    def where_time_went(self, start: float, end: float, top: int = 3) -> str:
        counts = collections.Counter(s for t, s in self.samples if start <= t <= end)
        return "; ".join(f"~{n * WATCH_MS} ms {where}" for where, n in counts.most_common(top))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]



# --- driving the jobs inside app.exec() -------------------------------------------------
class Bench:
    """What job scripts get: the window, a scratch folder, and helpers to find tabs."""

    def __init__(self, window, folder: Path) -> None:
        self.window = window
        self.folder = folder
        self.record: JobRecord | None = None
        self.shown_preset = ""

    def tab(self, key: str):
        from gui.shell.loading_page import LoadingPage

        tab = self.window.tabs.get(key)
        if tab is None or isinstance(tab, LoadingPage):
            raise Skip(f"the {key} tab did not load")
        self.window.show_tab(key)
        return tab

    def rename(self, label: str) -> None:
        """The job's name once its size is known (dataset items, workspace MiB...)."""
        if self.record is not None:
            self.record.label = label

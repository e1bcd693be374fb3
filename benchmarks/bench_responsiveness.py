"""Responsiveness: how late the GUI thread's event loop runs while each heavy job runs.

The real ``MainWindow`` runs under a real ``app.exec()`` (offscreen). A 10 ms
``Qt.PreciseTimer`` on the GUI thread records how late each tick fires (the time between two
ticks minus 10 ms). Every job is driven through the tabs' public widgets as a user would
(set the fields, click the button); the driver then waits for the job's completion on the
runner's ``busy_changed`` signal and on timers, inside the running loop (never a nested
``qWait``/``processEvents``, which would starve the worker's callbacks). Each job's window
runs from the click until the result is drawn, plus TAIL_MS.

Per job: p50, p99 and max lateness in ms; targets p99 ≤ 16 ms and max ≤ 50 ms. A job that
cannot be triggered (a widget renamed by a refactor, a job that failed or timed out) is
printed as skipped with the reason. While a tick is more than STALL_MS late, a watchdog
thread samples the GUI thread's Python stack every WATCH_MS; the notes name where the time
went (``file:function`` innermost first; "in Qt" when the GUI thread was in C++: painting,
layout, or waiting for the GIL, with the worker's stack at that moment).

Datasets: the full Fashion-MNIST (60,000 training items) when its raw IDX files are found
(``TORCHSCOPE_FASHION_MNIST_ROOT``, or ``~/data``, ``~/.cache/torchscope``, ``./data``);
otherwise the largest dataset the app ships, the built-in Fashion-MNIST excerpt (the job's
name says which, with its item count).

``TORCHSCOPE_BENCH_JOBS=densenet,resnet50,panzoom`` runs only those jobs (keys in JOBS).
``TORCHSCOPE_BENCH_STALL_MS=12`` samples the GUI thread's stack from 12 ms late, not 40 (diagnosis).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.core import Figure, skipped
from benchmarks.responsiveness.driver import Driver
from benchmarks.responsiveness.harness import (
    MAX_TARGET_MS,
    P99_TARGET_MS,
    STALL_MS,
    STARVED_CPU_SHARE,
    Bench,
    JobRecord,
    JobSpec,
    Probe,
    Watchdog,
    percentile,
)
from benchmarks.responsiveness.jobs_app import (
    console,
    export,
    idle,
    language,
    open_workspace,
    save_workspace,
)
from benchmarks.responsiveness.jobs_autograd import pan_zoom, preset, tiny_build, tiny_train
from benchmarks.responsiveness.jobs_datasets import epoch, thumbnails
from benchmarks.responsiveness.jobs_tensors import expression, heatmap, swap_and_scroll
from gui.shell.stale_folders import owned_temporary_directory

JOBS = [
    JobSpec("idle", "idle, 2 s (noise floor)", idle),
    JobSpec("densenet", "DenseNet-121 preset", preset("densenet121")),
    JobSpec("resnet50", "ResNet-50 preset shown", preset("resnet50")),
    JobSpec("panzoom", "ResNet-50 graph: 30 zoom + 30 pan steps", pan_zoom),
    JobSpec("tiny_build", "tiny model: build + one step", tiny_build),
    JobSpec("tiny_train", "tiny model: train 200 steps", tiny_train),
    JobSpec("heatmap", "torch.rand(4096, 4096) shown", heatmap),
    JobSpec("transpose", "4096² via Operate: big.T shown", expression("big.T", "bigT",
                                                                        (4096, 4096))),
    JobSpec("slice", "4096² via Operate: big[512:3584, ::2]",
            expression("big[512:3584, ::2]", "part", (3072, 2048))),
    JobSpec("swap", "viewer rows↔cols swap + values scroll", swap_and_scroll),
    JobSpec("thumbnails", "thumbnails scroll", thumbnails),
    JobSpec("epoch", "one epoch", epoch),
    JobSpec("console", "console: pasted 200-line cell", console),
    JobSpec("export", "export session as notebook", export),
    JobSpec("save", "save workspace", save_workspace),
    JobSpec("open", "open workspace", open_workspace),
    JobSpec("lang_es", "language en → es, every tab full", language("es")),
    JobSpec("lang_en", "language es → en", language("en")),
]

BENCH_PREFIX = "torchscope-bench-"


# --- running ------------------------------------------------------------------------------
def _silence_dialogs() -> Callable[[], None]:
    """Modal dialogs return at once (they would block the loop); returns the undo."""
    from tools.monkey import silence_dialogs

    saved: list[tuple[object, str, object]] = []

    def patch(owner, name, value):
        saved.append((owner, name, owner.__dict__.get(name)))
        setattr(owner, name, value)

    silence_dialogs(patch)

    def undo() -> None:
        for owner, name, value in reversed(saved):
            if value is None:
                delattr(owner, name)
            else:
                setattr(owner, name, value)

    return undo


def _run_jobs(jobs: list[JobSpec]) -> tuple[list[JobRecord], Probe, Watchdog, float]:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    undo = _silence_dialogs()
    with owned_temporary_directory(BENCH_PREFIX) as folder:  # also removes those of killed runs
        settings = QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1280, 800)
        probe = Probe()
        watchdog = Watchdog(probe)
        driver = Driver(app, Bench(window, Path(folder)), probe, watchdog, jobs)
        ready = {"at": None}
        started = time.perf_counter()

        def on_ready() -> None:
            ready["at"] = time.perf_counter() - started
            driver.start()

        window.engine_ready.connect(on_ready)
        window.show()
        probe.start()
        watchdog.start()
        QTimer.singleShot(0, window.start_engine)
        QTimer.singleShot(600_000, app.quit)  # never hang the whole run
        try:
            app.exec()
        finally:
            probe.stop()
            watchdog.stop()
            window.runner.shutdown(timeout_ms=30000)
            window.close()
            window.deleteLater()
            app.processEvents()
            undo()
    return driver.records, probe, watchdog, ready["at"] or float("nan")


def _figures(record: JobRecord, probe: Probe, watchdog: Watchdog) -> list[Figure]:
    label = record.label
    names = (f"{label}: p50 lateness", f"{label}: p99 lateness", f"{label}: max lateness")
    failed = "; ".join(record.failures[:2])
    if record.skipped or record.window_start is None:
        reason = record.skipped or "the job never started its window"
        note = f"the app reported: {failed}" if failed else ""
        return [skipped(name, "ms", reason, note if i == 0 else "")
                for i, name in enumerate(names)]
    values = probe.lateness(record.window_start, record.ended)
    if not values:
        return [skipped(name, "ms", "no timer tick in the window") for name in names]
    window_s = record.ended - record.window_start
    notes = [f"{len(values)} ticks over {window_s:.1f} s", "", ""]
    late, starved = probe.starved(record.window_start, record.ended, P99_TARGET_MS)
    if starved:
        notes[1] = (f"{starved} of the {late} ticks > {P99_TARGET_MS:g} ms late waited while "
                    f"this process got < {STARVED_CPU_SHARE:.0%} of a CPU (the machine was busy)")
    stalls = watchdog.where_time_went(record.window_start, record.ended)
    if stalls:
        notes[2] = f"GUI thread during ticks > {STALL_MS} ms late: {stalls}"
    if failed:
        notes[0] += f"; the app reported: {failed}"
    return [
        Figure(names[0], percentile(values, 0.50), "ms", note=notes[0]),
        Figure(names[1], percentile(values, 0.99), "ms", {"max": P99_TARGET_MS}, notes[1]),
        Figure(names[2], max(values), "ms", {"max": MAX_TARGET_MS}, notes[2]),
    ]


def run() -> list[Figure]:
    chosen = os.environ.get("TORCHSCOPE_BENCH_JOBS", "")  # e.g. "idle,densenet" while iterating
    jobs = [j for j in JOBS if j.key in chosen.split(",")] if chosen else JOBS
    load_before = os.getloadavg()[0]
    records, probe, watchdog, ready_s = _run_jobs(jobs)
    load_after = os.getloadavg()[0]
    figures = [Figure("machine load average (1 min), before / after", load_before, "",
                      note=f"after: {load_after:.2f}; {os.cpu_count()} CPUs"),
               Figure("engine ready (tabs usable) in this run", ready_s, "s")]
    for record in records:
        figures += _figures(record, probe, watchdog)
    done = {r.spec.key for r in records}
    for spec in jobs:
        if spec.key not in done:
            figures += [skipped(f"{spec.label}: {p} lateness", "ms", "the run ended first")
                        for p in ("p50", "p99", "max")]
    return figures

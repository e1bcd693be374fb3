"""Start-up: whole-process time to the first paint and to every tab usable.

Each run starts fresh processes, interleaved so that machine noise hits all alike:

(a) TorchScope through its real entry point (``gui.shell.app.main``, private settings),
    timed to the first paint of any of its widgets, to the event-loop turn after
    ``MainWindow.engine_ready`` (every tab built, what their construction posted processed:
    the window answers input), then to the first moment no job runs (the demo content drawn);
(b) a bare QMainWindow holding one pyqtgraph PlotWidget, to its first paint;
(c) a bare QMainWindow alone (for reference);
(d) ``python -c "import torch"`` and (e) ``python -c "import torchvision"``.

Medians of RUNS runs. Targets: tabs usable / import torch ≤ 1.1; first paint / (b) ≤ 1.2.
The same ratio is also given as the median of each run's own ratio (the app and ``import
torch`` ran next to each other: less sensitive to load that drifts between runs), and in
CPU time (user + system, read from /proc when "usable" is printed), which other processes
on the machine disturb far less than wall time.

Bytecode: the children get a private ``PYTHONPYCACHEPREFIX`` (and never
``PYTHONDONTWRITEBYTECODE``), so after the warm-up run every process reads compiled
bytecode, as an installed app and an installed torch do; otherwise the app would compile
its ~250 modules at every start in an environment that disables ``.pyc`` writing.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import Figure, ratio, skipped

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
TIMEOUT_S = 180

# The real app; prints "painted" at the window's first paint, "usable" at the event-loop turn
# after engine_ready is emitted and "settled" when no job runs any more, then leaves at once
# (os._exit: jobs may still hold worker threads).
APP_UNTIL_USABLE = """
import os, shutil, sys
from gui.shell.qt_setup import use_temporary_settings
SETTINGS = use_temporary_settings()  # never the user's settings
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from gui.shell import main_window

class Watcher(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.painted = False
        self.window = window
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print("painted", flush=True)
            # Every event would go through Python (and take the GIL from the worker).
            QApplication.instance().removeEventFilter(self)
        return False
    def on_ready(self):
        # At the next event-loop turn: what the tabs' construction posted (layouts, the
        # repaint of the tab on show) is done by then, and the window answers input.
        QTimer.singleShot(0, self.on_usable)
    def on_usable(self):
        print("usable", flush=True)
        self.window.runner.busy_changed.connect(self.on_busy)
        QTimer.singleShot(0, lambda: self.on_busy(self.window.runner.is_busy()))
    def on_busy(self, busy):
        if not busy:
            print("settled", flush=True)
            shutil.rmtree(SETTINGS, ignore_errors=True)  # os._exit skips atexit's removal
            os._exit(0)

_init = main_window.MainWindow.__init__
def _watched_init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self._bench_watcher = Watcher(self)
    QApplication.instance().installEventFilter(self._bench_watcher)  # any widget's paint
    self.engine_ready.connect(self._bench_watcher.on_ready)
main_window.MainWindow.__init__ = _watched_init

from gui.shell.app import main
sys.exit(main(["--lang", "en"]))
"""

BARE_WINDOW = """
import os
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
WITH_PLOT = {with_plot}

class Watcher(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            os._exit(0)  # as the app's child does; pyqtgraph's exit clean-up may hang
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
if WITH_PLOT:
    import pyqtgraph as pg
    plot = pg.PlotWidget()
    plot.plot([0, 1, 2], [0, 1, 0])
    window.setCentralWidget(plot)
watcher = Watcher()
app.installEventFilter(watcher)  # the first paint of any widget, as for the app
window.show()
app.exec()
"""


_env: dict[str, str] = {}


def _child_env(cache: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a running process has used so far (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _time_lines(command: list[str], wanted: tuple[str, ...]) -> dict[str, float]:
    """Seconds from the process start until each wanted line is printed; "cpu <line>" is
    the CPU time the process had used by then (when /proc tells it)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=_env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    seen: dict[str, float] = {}
    try:
        for line in process.stdout:
            if line.strip() in wanted:
                seen[line.strip()] = time.perf_counter() - started
                cpu = _cpu_seconds(process.pid)
                if cpu is not None:
                    seen["cpu " + line.strip()] = cpu
                if all(w in seen for w in wanted):
                    break
        process.wait(timeout=TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    missing = [w for w in wanted if w not in seen]
    if missing:
        raise RuntimeError(f"{command[:3]} never printed {missing}")
    return seen


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time_process(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a process run to its end."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=_env, check=True, capture_output=True,
                   timeout=TIMEOUT_S)
    return time.perf_counter() - started, _children_cpu() - cpu


def run() -> list[Figure]:
    cache = tempfile.mkdtemp(prefix="torchscope-bench-pycache-")
    _env.clear()
    _env.update(_child_env(cache))
    try:
        return _measure()
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _measure() -> list[Figure]:
    app = [sys.executable, "-c", APP_UNTIL_USABLE]
    plotted = [sys.executable, "-c", BARE_WINDOW.format(with_plot=True)]
    bare = [sys.executable, "-c", BARE_WINDOW.format(with_plot=False)]
    torch_import = [sys.executable, "-c", "import torch"]
    vision_import = [sys.executable, "-c", "import torchvision"]
    keys = ("paint", "usable", "settled", "plotted", "bare", "torch", "torchvision",
            "paired", "cpu_usable", "cpu_torch")
    samples: dict[str, list[float]] = {k: [] for k in keys}
    _time_lines(app, ("painted", "usable", "settled"))  # warm the file and bytecode caches
    _time_process(vision_import)
    for _ in range(RUNS):
        times = _time_lines(app, ("painted", "usable", "settled"))
        samples["paint"].append(times["painted"])
        samples["usable"].append(times["usable"])
        samples["settled"].append(times["settled"])
        samples["plotted"].append(_time_lines(plotted, ("painted",))["painted"])
        samples["bare"].append(_time_lines(bare, ("painted",))["painted"])
        torch_wall, torch_cpu = _time_process(torch_import)
        samples["torch"].append(torch_wall)
        samples["paired"].append(times["usable"] / torch_wall)
        if "cpu usable" in times:
            samples["cpu_usable"].append(times["cpu usable"])
            samples["cpu_torch"].append(torch_cpu)
        samples["torchvision"].append(_time_process(vision_import)[0])
    return _figures(samples)


def _figures(samples: dict[str, list[float]]) -> list[Figure]:
    med = {k: statistics.median(v) for k, v in samples.items() if v}
    spread = {k: f"{min(v):.3g}–{max(v):.3g}" for k, v in samples.items() if v}
    return [
        Figure("startup.first_paint.torchscope", med["paint"], "s",
               note=f"median of {RUNS} runs, range {spread['paint']}"),
        Figure("startup.tabs_usable.torchscope", med["usable"], "s",
               note=f"event-loop turn after engine_ready; range {spread['usable']}"),
        Figure("startup.demos_drawn.torchscope", med["settled"], "s",
               note=f"first moment no job runs after engine_ready; range {spread['settled']}"),
        Figure("startup.first_paint.bare_qmainwindow_pyqtgraph", med["plotted"], "s",
               note=f"range {spread['plotted']}"),
        Figure("startup.first_paint.bare_qmainwindow", med["bare"], "s",
               note=f"range {spread['bare']}"),
        Figure("startup.import_torch", med["torch"], "s", note=f"range {spread['torch']}"),
        Figure("startup.import_torchvision", med["torchvision"], "s",
               note=f"range {spread['torchvision']}"),
        Figure("startup.ratio.tabs_usable_vs_import_torch", ratio(med["usable"], med["torch"]),
               "x", {"max": 1.1}),
        Figure("startup.ratio.tabs_usable_vs_import_torch.paired", med["paired"], "x",
               note=f"median of each run's ratio; range {spread['paired']}"),
        *_cpu_figures(med, spread),
        Figure("startup.ratio.first_paint_vs_bare_pyqtgraph",
               ratio(med["paint"], med["plotted"]), "x", {"max": 1.2}),
        Figure("startup.ratio.first_paint_vs_bare_qmainwindow", ratio(med["paint"], med["bare"]),
               "x"),
    ]


def _cpu_figures(med: dict[str, float], spread: dict[str, str]) -> list[Figure]:
    if "cpu_usable" not in med:
        reason = "no /proc: CPU time of a running process unknown"
        return [skipped("startup.cpu.tabs_usable", "s", reason)]
    return [
        Figure("startup.cpu.tabs_usable", med["cpu_usable"], "s",
               note=f"user + system CPU time until usable; range {spread['cpu_usable']}"),
        Figure("startup.cpu.import_torch", med["cpu_torch"], "s",
               note=f"range {spread['cpu_torch']}"),
        Figure("startup.ratio.cpu_tabs_usable_vs_import_torch",
               ratio(med["cpu_usable"], med["cpu_torch"]), "x"),
    ]

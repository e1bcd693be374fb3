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
"""

from __future__ import annotations

import collections
import math
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.core import Figure, skipped

TICK_MS = 10
STALL_MS = 40  # sample the GUI thread's stack while a tick is later than this
WATCH_MS = 5
TAIL_MS = 500
P99_TARGET_MS = 16.0
MAX_TARGET_MS = 50.0
WORKSPACE_MIB = 256
FULL_TRAIN_IMAGES_BYTES = 16 + 60_000 * 28 * 28
THIS_FILE = os.path.abspath(__file__)
ROOT = Path(__file__).resolve().parent.parent
CONSOLE_CELL = "\n".join(
    ["m = torch.randn(1024, 1024)", "p = m @ m.T", "s = p.sum()", "print(s.shape)"]
    + [f"t{i} = torch.ones({i % 7 + 1}) * {i}" for i in range(196)])


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
        self.last = now

    def lateness(self, start: float, end: float) -> list[float]:
        return [late for t, late in self.ticks if start <= t <= end]


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
        if os.path.abspath(path) != THIS_FILE:
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


def _percentile(values: list[float], fraction: float) -> float:
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


class Driver:
    """Runs the job scripts one after the other in the running event loop."""

    def __init__(self, app, bench: Bench, probe: Probe, watchdog: Watchdog,
                 jobs: list[JobSpec]) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.bench, self.probe, self.watchdog = app, bench, probe, watchdog
        self.runner = bench.window.runner
        self.queue = list(jobs)
        self.records: list[JobRecord] = []
        self.script: JobScript | None = None
        self.token = 0
        self.wait: Step | None = None
        self.poll = QTimer()
        self.poll.setInterval(20)
        self.poll.timeout.connect(self._check_until)
        self.settle = QTimer()
        self.settle.setSingleShot(True)
        self.settle.timeout.connect(self._check_idle)
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._on_deadline)
        self.runner.busy_changed.connect(self._on_busy)
        self.runner.job_failed.connect(self._on_failed)

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next_job)

    # --- jobs ---------------------------------------------------------------------------
    def _next_job(self) -> None:
        if not self.queue:
            self.app.quit()
            return
        spec = self.queue.pop(0)
        record = JobRecord(spec, spec.label, started=time.perf_counter())
        self.records.append(record)
        self.bench.record = record
        try:
            self.script = spec.script(self.bench)
        except Exception as exc:  # noqa: BLE001 (a broken job is reported, never fatal)
            self._finish(f"{type(exc).__name__}: {exc}")
            return
        self._resume()

    def _finish(self, reason: str = "") -> None:
        record = self.bench.record
        record.ended = time.perf_counter()
        record.skipped = reason
        self.watchdog.active.clear()
        self.script, self.wait = None, None
        self._disarm()
        if reason:
            self.runner.cancel_all()  # a stuck job must not eat the next job's window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next_job)

    def _resume(self, error: BaseException | None = None) -> None:
        self._disarm()
        try:
            step = self.script.throw(error) if error is not None else next(self.script)
        except StopIteration:
            self._finish()
            return
        except Skip as exc:
            self._finish(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (a refactored widget: skip, do not crash)
            self._finish(f"{type(exc).__name__}: {exc}")
            return
        self._arm(step)

    # --- waits --------------------------------------------------------------------------
    def _arm(self, step: Step) -> None:
        from PySide6.QtCore import QTimer

        self.token += 1
        token = self.token
        self.wait = step
        if isinstance(step, Start):
            self.bench.record.window_start = time.perf_counter()
            self.watchdog.active.set()
            QTimer.singleShot(0, lambda: self._resume_if(token))
        elif isinstance(step, Sleep):
            QTimer.singleShot(step.ms, lambda: self._resume_if(token))
        elif isinstance(step, Idle):
            self.deadline.start(int(step.timeout_s * 1000))
            self._on_busy(self.runner.is_busy())
        elif isinstance(step, Until):
            self.deadline.start(int(step.timeout_s * 1000))
            self.poll.start()
            self._check_until()
        else:
            self._resume(TypeError(f"unknown step {step!r}"))

    def _disarm(self) -> None:
        self.token += 1
        self.poll.stop()
        self.settle.stop()
        self.deadline.stop()

    def _resume_if(self, token: int) -> None:
        if token == self.token and self.script is not None:
            self._resume()

    def _on_busy(self, busy: bool) -> None:
        if isinstance(self.wait, Idle):
            if busy:
                self.settle.stop()
            else:
                self.settle.start(self.wait.settle_ms)

    def _check_idle(self) -> None:
        if isinstance(self.wait, Idle) and not self.runner.is_busy():
            self._resume()

    def _check_until(self) -> None:
        wait = self.wait
        if not isinstance(wait, Until):
            return
        try:
            done = wait.test()
        except Exception as exc:  # noqa: BLE001
            self._resume(exc)
            return
        if done:
            self._resume()

    def _on_deadline(self) -> None:
        wait = self.wait
        what = getattr(wait, "what", "the job")
        timeout = getattr(wait, "timeout_s", 0)
        self._resume(Skip(f"timed out after {timeout:g} s waiting for {what}"))

    def _on_failed(self, title: str, message: str) -> None:
        if self.bench.record is not None and self.script is not None:
            first = message.splitlines()[0] if message else ""
            self.bench.record.failures.append(f"{title}: {first}")


# --- the jobs -----------------------------------------------------------------------------
def _idle(bench: Bench) -> JobScript:
    yield Idle()
    yield START
    yield Sleep(2000)


def _preset(key: str) -> Callable[[Bench], JobScript]:
    def script(bench: Bench) -> JobScript:
        tab = bench.tab("autograd")
        tab.modes.setCurrentWidget(_page_holding(tab.modes, tab.presets))
        tab.presets.set_current_key(key)
        if tab.presets.current_key() != key:
            raise Skip(f"no {key} preset")
        bench.shown_preset = ""
        yield Idle()
        yield START
        tab.presets.run_button.click()
        yield Idle(timeout_s=180, what=f"the {key} preset")
        if bench.record.failures or not _node_count(tab):
            raise Skip(f"the {key} preset drew no graph")
        first = _node_count(tab)
        open_all = getattr(tab.graph_view, "open_all_button", None)
        if open_all is not None and open_all.isVisible() and open_all.isEnabled():
            open_all.click()  # a model shown by its modules: open every group
            yield Sleep(100)
            yield Idle(timeout_s=120, what="every group to open")
        bench.shown_preset = key
        shown = _node_count(tab)
        opened = f"{first}→{shown} points, Open all" if shown != first else f"{shown} points"
        bench.rename(f"{bench.record.label} ({opened})")
        yield Sleep(TAIL_MS)

    return script


def _page_holding(tabs, widget):
    """The page of a QTabWidget that holds ``widget`` (pages may be scroll areas)."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is widget or page.isAncestorOf(widget):
            return page
    raise Skip(f"no page holds {type(widget).__name__}")


def _node_count(tab) -> int:
    """Points drawn in the graph view (nodes, and module boxes of a collapsed model)."""
    import pyqtgraph as pg

    items = tab.graph_view.plot.getPlotItem().items
    return sum(len(i.data) for i in items if isinstance(i, pg.ScatterPlotItem))


def _pan_zoom(bench: Bench) -> JobScript:
    tab = bench.tab("autograd")
    if bench.shown_preset != "resnet50":
        raise Skip("the ResNet-50 graph is not shown (its preset job was skipped)")
    box = tab.graph_view.plot.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    yield Idle()
    yield START
    for i in range(30):  # wheel steps: in, then out
        factor = 0.9 if i < 15 else 1 / 0.9
        box.scaleBy((factor, factor))
        yield Sleep(16)
    for i in range(30):  # drag steps
        sign = 1 if i % 20 < 10 else -1
        box.translateBy(x=sign * (x1 - x0) / 60, y=(y1 - y0) / 120)
        yield Sleep(16)
    yield Sleep(TAIL_MS)


def _create(bench: Bench, kind: str, shape: str, name: str) -> JobScript:
    """Fill the Create section's fields and press Create; waits until the viewer shows it."""
    tab = bench.tab("tensors")
    tab.sections.setCurrentIndex(tab.section_keys.index("create"))
    panel = tab.create_panel
    panel.set_kind(kind)
    if panel.kind() != kind:
        raise Skip(f"the Create section has no {kind}")
    panel.fields["shape"].setText(shape)
    panel.fields["name"].setText(name)
    yield Idle()
    yield START
    panel.create_button.click()
    wanted = tuple(int(s) for s in shape.split(","))
    yield Until(lambda: _shown_shape(tab) == wanted, f"torch.{kind}({shape}) to be shown")
    yield Idle()


def _shown_shape(tab) -> tuple[int, ...] | None:
    snap = tab.viewer.snapshot()
    return None if snap is None else tuple(snap.facts.shape)


def _heatmap(bench: Bench) -> JobScript:
    yield from _create(bench, "rand", "4096, 4096", "big")
    yield Sleep(TAIL_MS)


def _expression(text: str, result: str, shape: tuple[int, ...]):
    def script(bench: Bench) -> JobScript:
        tab = bench.tab("tensors")
        if "big" not in bench.window.workspace.names():
            raise Skip("the 4096×4096 tensor was not created")
        tab.sections.setCurrentIndex(tab.section_keys.index("operate"))
        panel = tab.plugins["operate"]
        panel.set_group("expression")
        if panel.group() != "expression":
            raise Skip("the Operate section has no expression group")
        panel.fields["expression"].setText(text)
        panel.fields["result"].setText(result)
        yield Idle()
        yield START
        panel.run_button.click()
        yield Until(lambda: _shown_shape(tab) == shape, f"{result} = {text} to be shown")
        yield Idle()
        yield Sleep(TAIL_MS)

    return script


def _swap_and_scroll(bench: Bench) -> JobScript:
    from gui.widgets.tensor_slicing import SliceSpec

    tab = bench.tab("tensors")
    viewer = tab.viewer
    if _shown_shape(tab) is None or len(_shown_shape(tab)) != 2 or \
            viewer.snapshot().values.size < 4_000_000:
        raise Skip("no large 2-D tensor is shown")
    yield Idle()
    yield START
    viewer.set_slice_spec(SliceSpec(1, 0, (0, 0)))  # rows ↔ columns: the transposed view
    yield Sleep(300)
    viewer.set_slice_spec(SliceSpec(0, 1, (0, 0)))
    yield Sleep(300)
    viewer.show_view("values")
    yield Sleep(100)
    bar = viewer.table.verticalScrollBar()
    for i in range(40):
        bar.setValue(int(bar.maximum() * i / 39))
        yield Sleep(16)
    viewer.show_view("heatmap")
    yield Sleep(TAIL_MS)


def _full_fashion_root() -> Path | None:
    candidates = [os.environ.get("TORCHSCOPE_FASHION_MNIST_ROOT", ""),
                  "~/data", "~/.cache/torchscope", str(ROOT / "data")]
    for text in filter(None, candidates):
        root = Path(text).expanduser()
        images = root / "FashionMNIST" / "raw" / "train-images-idx3-ubyte"
        if images.is_file() and images.stat().st_size == FULL_TRAIN_IMAGES_BYTES:
            return root
    return None


def _dataset_label(bench: Bench) -> str:
    loaded = bench.tab("datasets").state.loaded
    full = loaded is not None and loaded.length == 60_000
    return f"{loaded.length:,} items, {'full Fashion-MNIST' if full else 'built-in excerpt'}"


def _open_dataset(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    root = _full_fashion_root()
    if root is not None:
        from engine.datasets.sources import FASHION, SourceSpec

        tab.source_panel.set_spec(SourceSpec(kind=FASHION, root=str(root), train=True))
        yield Idle()
        tab.source_panel.load_button.click()
        yield Until(lambda: tab.state.loaded is not None and tab.state.loaded.length == 60_000,
                    "the full Fashion-MNIST to load", timeout_s=120)
    yield Idle()
    if tab.state.loaded is None:
        raise Skip("no dataset is loaded in the Datasets tab")


def _thumbnails(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    yield from _open_dataset(bench)
    bench.rename(f"thumbnails scroll ({_dataset_label(bench)})".replace("built-in ", ""))
    tab.pages.setCurrentWidget(tab.browse_panel)
    view = tab.browse_panel.thumbnails
    yield Idle()
    yield START
    bar = view.verticalScrollBar()
    for i in range(60):
        bar.setValue(int(bar.maximum() * i / 59))
        yield Sleep(16)
    yield Idle()
    yield Sleep(TAIL_MS)


def _epoch(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    yield from _open_dataset(bench)
    bench.rename(f"one epoch ({_dataset_label(bench)})".replace("built-in ", ""))
    tab.pages.setCurrentIndex(0)
    panel = tab.loader_panel
    yield Idle()
    yield START
    panel.epoch_button.click()
    yield Idle(timeout_s=180, what="the epoch")
    if not panel.epoch_button.isEnabled():
        raise Skip("the epoch did not end")
    yield Sleep(TAIL_MS)


def _tiny_build(bench: Bench) -> JobScript:
    tab = bench.tab("autograd")
    tab.modes.setCurrentWidget(_page_holding(tab.modes, tab.model_panel))
    yield Idle()
    yield START
    tab.model_panel.build_button.click()
    yield Until(lambda: tab.model_panel.train_button.isEnabled(), "the tiny model")
    yield Idle()
    yield Sleep(TAIL_MS)


def _tiny_train(bench: Bench) -> JobScript:
    tab = bench.tab("autograd")
    panel = tab.model_panel
    if not panel.train_button.isEnabled():
        raise Skip("the tiny model was not built")
    tab.modes.setCurrentWidget(_page_holding(tab.modes, panel))
    panel.steps.setValue(200)
    yield Idle()
    yield START
    panel.train_button.click()
    yield Until(lambda: len(panel.losses()) >= 200, "200 training steps", timeout_s=120)
    yield Idle()
    yield Sleep(TAIL_MS)


def _console(bench: Bench) -> JobScript:
    window = bench.window
    dock = window.console_dock
    if not dock.isVisible():
        dock.toggleViewAction().trigger()  # View → PyTorch console
    panel = dock.panel
    if panel is None:
        raise Skip("the console panel was not built")
    yield Idle()
    yield START
    panel.run_source(CONSOLE_CELL)
    yield Until(lambda: not panel.is_running(), "the console cell", timeout_s=120)
    yield Idle()
    if "t195" not in window.workspace.names():
        raise Skip("the console cell did not run to its end")
    yield Sleep(TAIL_MS)
    dock.hide()


def _export(bench: Bench) -> JobScript:
    import gui.session.dialogs as dialogs

    window = bench.window
    target = bench.folder / "session.ipynb"
    steps = len(window.session.entries())
    bench.rename(f"export session as notebook ({steps} steps)")
    original = dialogs.ask_session_export_path
    dialogs.ask_session_export_path = lambda _parent, _kind: target  # the file dialog
    try:
        yield Idle()
        yield START
        window.session_actions.export_notebook_action.trigger()
        yield Idle()
    finally:
        dialogs.ask_session_export_path = original
    if not target.is_file():
        raise Skip("no notebook was written")
    yield Sleep(TAIL_MS)


def _workspace_bytes(window) -> int:
    return sum(t.element_size() * t.nelement() for _name, t in window.workspace.workspace.items())


def _save(bench: Bench) -> JobScript:
    window = bench.window
    missing = WORKSPACE_MIB * 2**20 - _workspace_bytes(window)
    if missing > 2**22:  # make the workspace WORKSPACE_MIB big: a (k, 1024, 1024) float32
        setup = _create(bench, "rand", f"{round(missing / 2**22)}, 1024, 1024", "ballast")
        for step in setup:
            if not isinstance(step, Start):
                yield step
    size = _workspace_bytes(window) / 2**20
    bench.rename(f"save workspace ({size:.0f} MiB)")
    target = bench.folder / "bench.torchscope"
    yield Idle()
    yield START
    if not window.session_actions.save(path=target):
        raise Skip("saving did not start")
    yield Idle(what="the workspace to be saved")
    if not target.is_file():
        raise Skip("no workspace file was written")
    yield Sleep(TAIL_MS)


def _open(bench: Bench) -> JobScript:
    window = bench.window
    target = bench.folder / "bench.torchscope"
    if not target.is_file():
        raise Skip("no workspace was saved")
    bench.rename(f"open workspace ({target.stat().st_size / 2**20:.0f} MiB file)")
    yield Idle()
    yield START
    window.session_actions.open(target)
    yield Idle(what="the workspace to be opened")
    if window.session_actions.path != target:
        raise Skip("the workspace was not opened")
    yield Sleep(TAIL_MS)


def _language(code: str) -> Callable[[Bench], JobScript]:
    def script(bench: Bench) -> JobScript:
        window = bench.window
        action = window.language_actions.get(code)
        if action is None:
            raise Skip(f"no {code} language")
        yield Idle()
        yield START
        action.trigger()  # View → Language
        yield Sleep(200)
        yield Idle()
        yield Sleep(TAIL_MS)

    return script


JOBS = [
    JobSpec("idle", "idle, 2 s (noise floor)", _idle),
    JobSpec("densenet", "DenseNet-121 preset", _preset("densenet121")),
    JobSpec("resnet50", "ResNet-50 preset shown", _preset("resnet50")),
    JobSpec("panzoom", "ResNet-50 graph: 30 zoom + 30 pan steps", _pan_zoom),
    JobSpec("tiny_build", "tiny model: build + one step", _tiny_build),
    JobSpec("tiny_train", "tiny model: train 200 steps", _tiny_train),
    JobSpec("heatmap", "torch.rand(4096, 4096) shown", _heatmap),
    JobSpec("transpose", "4096² via Operate: big.T shown", _expression("big.T", "bigT",
                                                                        (4096, 4096))),
    JobSpec("slice", "4096² via Operate: big[512:3584, ::2]",
            _expression("big[512:3584, ::2]", "part", (3072, 2048))),
    JobSpec("swap", "viewer rows↔cols swap + values scroll", _swap_and_scroll),
    JobSpec("thumbnails", "thumbnails scroll", _thumbnails),
    JobSpec("epoch", "one epoch", _epoch),
    JobSpec("console", "console: pasted 200-line cell", _console),
    JobSpec("export", "export session as notebook", _export),
    JobSpec("save", "save workspace", _save),
    JobSpec("open", "open workspace", _open),
    JobSpec("lang_es", "language en → es, every tab full", _language("es")),
    JobSpec("lang_en", "language es → en", _language("en")),
]


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
    with tempfile.TemporaryDirectory(prefix="torchscope-bench-") as folder:
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
    stalls = watchdog.where_time_went(record.window_start, record.ended)
    if stalls:
        notes[2] = f"GUI thread during ticks > {STALL_MS} ms late: {stalls}"
    if failed:
        notes[0] += f"; the app reported: {failed}"
    return [
        Figure(names[0], _percentile(values, 0.50), "ms", note=notes[0]),
        Figure(names[1], _percentile(values, 0.99), "ms", {"max": P99_TARGET_MS}, notes[1]),
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

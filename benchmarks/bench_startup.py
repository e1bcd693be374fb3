"""Startup: whole-process time to the first paint, against a bare QMainWindow and torch.

(a) TorchScope's window, (b) a bare QMainWindow, both until their first paint event;
(c) ``python -c "import torch"``. Median of RUNS runs each, interleaved so that machine
noise hits all three alike. Targets: a/b at most 1.5, a/c below 0.5.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.core import Figure, ratio

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Watcher(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
watcher = Watcher()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def _time_until_painted(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command} never painted")
    process.wait(timeout=60)
    return elapsed


def _time_process(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def run() -> list[Figure]:
    app = [sys.executable, "main.py", "--exit-after-paint"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    torch_import = [sys.executable, "-c", "import torch"]
    samples: dict[str, list[float]] = {"app": [], "bare": [], "torch": []}
    _time_until_painted(app)  # warm the file cache once
    for _ in range(RUNS):
        samples["app"].append(_time_until_painted(app))
        samples["bare"].append(_time_until_painted(bare))
        samples["torch"].append(_time_process(torch_import))
    a, b, c = (statistics.median(samples[k]) for k in ("app", "bare", "torch"))
    return [
        Figure("startup.first_paint.torchscope", a, "s", note=f"median of {RUNS} runs"),
        Figure("startup.first_paint.bare_qmainwindow", b, "s"),
        Figure("startup.import_torch", c, "s"),
        Figure("startup.ratio.torchscope_vs_bare", ratio(a, b), "x", {"max": 1.5}),
        Figure("startup.ratio.torchscope_vs_import_torch", ratio(a, c), "x", {"max": 0.5}),
    ]

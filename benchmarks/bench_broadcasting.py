"""Broadcasting tab: explainer speed for small and huge shapes, demo job, picture drawing."""

from __future__ import annotations

import psutil

from benchmarks.core import Figure, median_seconds
from engine.broadcasting.demo import run_broadcast_demo
from engine.broadcasting.explain import BroadcastOp, explain_broadcast

HUGE_A = (10**6, 10**6, 10**3, 1)
HUGE_B = (10**6, 1, 10**3, 10**6)


def _rss_growth_mib(action) -> float:
    process = psutil.Process()
    before = process.memory_info().rss
    action()
    return (process.memory_info().rss - before) / 2**20


def _picture_seconds() -> float:
    from PySide6.QtWidgets import QApplication

    from gui.broadcasting.picture import BroadcastPictureView

    app = QApplication.instance() or QApplication([])
    picture = run_broadcast_demo((4, 4, 4), (4, 1), BroadcastOp.MUL).picture
    view = BroadcastPictureView()
    view.resize(760, 620)
    seconds = median_seconds(lambda: (view.set_picture(picture), app.processEvents()), repeats=7)
    view.deleteLater()
    return seconds


def run() -> list[Figure]:
    explain_broadcast((2, 3), (3, 2))  # warm up torch's error path
    small_ok = median_seconds(lambda: explain_broadcast((4, 3, 2), (3, 1)), repeats=200)
    small_fail = median_seconds(lambda: explain_broadcast((2, 3), (3, 2)), repeats=200)
    huge_fail = median_seconds(lambda: explain_broadcast(HUGE_A, HUGE_B + (2,)), repeats=100)
    huge_inplace = median_seconds(
        lambda: explain_broadcast(HUGE_A, HUGE_B, BroadcastOp.ADD_), repeats=100)
    growth = _rss_growth_mib(lambda: [explain_broadcast(HUGE_A, HUGE_B, op) for op in BroadcastOp])
    demo = median_seconds(lambda: run_broadcast_demo((4, 3, 2), (3, 1), BroadcastOp.MUL),
                          repeats=30)
    return [
        Figure("explain (4,3,2)*(3,1), broadcasts", small_ok * 1e6, "us", {"max": 1000}),
        Figure("explain (2,3)+(3,2), fails with torch text", small_fail * 1e6, "us",
               {"max": 1000}),
        Figure("explain huge 5-D shapes (1e21+ elements), fails", huge_fail * 1e6, "us",
               {"max": 5000}),
        Figure("explain huge a.add_(b) (meta tensors)", huge_inplace * 1e6, "us", {"max": 5000}),
        Figure("RSS growth explaining huge shapes, all 14 ops", growth, "MiB", {"max": 20},
               note="nothing of the operands' size is ever allocated"),
        Figure("demo job (4,3,2)*(3,1) with picture data + code", demo * 1e3, "ms",
               {"max": 50}),
        Figure("draw picture (4,4,4)*(4,1): 192 cells", _picture_seconds() * 1e3, "ms",
               {"max": 200}),
    ]

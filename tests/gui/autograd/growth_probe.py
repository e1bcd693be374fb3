"""Autograd growth probe (a script, not a test): per action, what the tab keeps (issue #13).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/gui/autograd/growth_probe.py \
        [--trace] [--steps N] [--clicks K] [--only train,build,presets,lines,clicks,fill]

Drives the tab as tests/gui/autograd do (train N steps K times, build, preset rounds, typed
lines edits, node clicks with replay steps) and prints the growth per action: resident
memory after a heap trim, gc objects by type, QObjects and scene items, pyqtgraph's symbol
pictures, and with --trace the tracemalloc top sites. TORCHSCOPE_PROBE_ROOT runs another
checkout (e.g. an older commit unpacked with git archive) with the same script.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

REPOSITORY = str(Path(__file__).resolve().parents[3])
sys.path.insert(0, os.environ.get("TORCHSCOPE_PROBE_ROOT", REPOSITORY))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app, tab, patience=120.0):
    deadline = time.monotonic() + patience
    quiet = 0
    while quiet < 3:
        app.processEvents()
        busy = (tab.ctx.runner.is_busy() or tab.model_jobs.showing()
                or tab.graph_view.drawing())
        if busy:
            quiet = 0
            time.sleep(0.005)
            if time.monotonic() > deadline:
                raise RuntimeError("not idle")
        else:
            quiet += 1
    for _ in range(20):  # releases over the next turns, deferred deletes
        app.processEvents()
        time.sleep(0.002)
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def type_counts():
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def qt_counts(app, tab):
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QGraphicsView
    views = tab.findChildren(QGraphicsView)
    items = sum(len(v.scene().items()) for v in views if v.scene() is not None)
    import pyqtgraph as pg
    atlases = [i.fragmentAtlas for v in views if v.scene() is not None
               for i in v.scene().items() if isinstance(i, pg.ScatterPlotItem)]
    return (len(tab.findChildren(QObject)), len(app.allWidgets()), items,
            sum(len(a) for a in atlases), sum(a._data.nbytes for a in atlases))


def rss():
    import psutil

    from gui.core.memory import release_free_heap
    gc.collect()
    release_free_heap()
    return psutil.Process().memory_info().rss


class Probe:
    def __init__(self, app, tab, trace):
        self.app, self.tab, self.trace = app, tab, trace

    def take(self):
        gc.collect()
        return dict(types=type_counts(), qt=qt_counts(self.app, self.tab), rss=rss(),
                    snap=tracemalloc.take_snapshot() if self.trace else None,
                    traced=tracemalloc.get_traced_memory()[0] if self.trace else 0)

    def report(self, name, before, after, k):
        print(f"\n=== {name}: per action (k={k}) ===")
        print(f"  RSS {(after['rss'] - before['rss']) / k / 1024:+.1f} KiB")
        if self.trace:
            print(f"  traced {(after['traced'] - before['traced']) / k / 1024:+.1f} KiB")
        q0, q1 = before["qt"], after["qt"]
        print(f"  QObjects {(q1[0]-q0[0])/k:+.1f}  widgets {(q1[1]-q0[1])/k:+.1f}  "
              f"scene items {(q1[2]-q0[2])/k:+.1f}  symbol-atlas entries {(q1[3]-q0[3])/k:+.1f} "
              f"bytes {(q1[4]-q0[4])/k/1024:+.1f} KiB (now {q1[3]}, {q1[4]/1024:.0f} KiB)")
        diff = after["types"].copy()
        diff.subtract(before["types"])
        top = [(t, n) for t, n in diff.most_common(8) if n > 0]
        print("  gc objects:", ", ".join(f"{t} {n / k:+.0f}" for t, n in top))
        total = sum(n for n in diff.values())
        print(f"  gc objects total {total / k:+.0f}")
        if self.trace:
            stats = after["snap"].compare_to(before["snap"], "lineno")
            for stat in stats[:10]:
                if stat.size_diff <= 0:
                    continue
                frame = stat.traceback[0]
                print(f"    {stat.size_diff / k / 1024:+8.1f} KiB {stat.count_diff / k:+7.0f} obj "
                      f"{frame.filename.replace(str(Path.cwd()) + '/', '')}:{frame.lineno}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--clicks", type=int, default=5)
    parser.add_argument("--only", default="train,presets,lines,build,clicks")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from gui.autograd.tab import AutogradTab
    from gui.core.context import AppContext, SessionLog
    from gui.core.workers import JobRunner
    from gui.core.workspace_model import WorkspaceModel

    runner = JobRunner()
    ctx = AppContext(runner, SessionLog(), lambda *a, **k: None, WorkspaceModel())
    tab = AutogradTab(ctx)
    tab.resize(1280, 760)
    tab.show()
    settle(app, tab)
    panel = tab.model_panel

    def build():
        panel.build_button.click()
        settle(app, tab)

    def train():
        panel.steps.setValue(args.steps)
        panel.train_button.click()
        settle(app, tab)

    presets = ["no_grad", "inplace_saved", "accumulation", "decorator", "note", "detach"]

    def run_presets():
        for key in presets:
            tab.presets.set_current_key(key)
            tab.presets.run_button.click()
            settle(app, tab)

    counter = [0]

    def edit_lines():
        counter[0] += 1
        lines = tab.steps_editor.source().splitlines()
        lines[1] = f"b = torch.sin(a) * {counter[0] % 7 + 1}"
        tab.steps_editor.editor.setPlainText("\n".join(lines) + "\n")
        time.sleep(0.01)
        for _ in range(50):  # the debounce
            app.processEvents()
            time.sleep(0.01)
        settle(app, tab)

    def click_nodes():
        graph = tab.graph_view.graph()
        for index in range(min(graph.node_count, 5)):
            tab.graph_view.click_node(index)
            settle(app, tab)
        tab.player.reset()
        for _ in range(3):
            tab.player.step_button.click()
            settle(app, tab)

    build()
    train()  # warm-up
    run_presets()
    edit_lines()
    build()
    train()
    if args.trace:
        tracemalloc.start(1)
    probe = Probe(app, tab, args.trace)
    only = args.only.split(",")
    k = args.clicks
    if "train" in only:
        before = probe.take()
        for _ in range(k):
            train()
        after = probe.take()
        probe.report(f"Train {args.steps} steps", before, after, k)
        print(f"  (losses kept: {len(panel.losses())}; per step "
              f"{(after['rss'] - before['rss']) / (k * args.steps):.1f} B RSS"
              + (f", {(after['traced'] - before['traced']) / (k * args.steps):.1f} B traced"
                 if args.trace else "") + ")")
    if "fill" in only:
        for _ in range(14):
            run_presets()
    def measure(title: str, action, rounds: int) -> None:
        before = probe.take()
        for _ in range(rounds):
            action()
        probe.report(title, before, probe.take(), rounds)

    if "build" in only:
        measure("Build (new model + one step)", build, k)
    if "presets" in only:
        measure(f"Preset run (x{len(presets)} per round; per round)", run_presets, k)
    if "lines" in only:
        measure("Typed-lines edit", edit_lines, k * 4)
    if "clicks" in only:
        measure("Node clicks x5 + replay steps x3 (per round)", click_nodes, k * 4)
    print(f"\nsession steps: {len(ctx.session.steps('autograd'))}")
    tab.close()
    runner.shutdown(timeout_ms=60000)


if __name__ == "__main__":
    main()

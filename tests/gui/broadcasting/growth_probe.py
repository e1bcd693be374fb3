"""What each click on a Broadcasting example keeps, measured (a script, not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.broadcasting.growth_probe [N]

Builds the tab as the tests do, clicks every example in turn (and Broadcast every third
click) to warm up, then three rounds of N more clicks (default 300, whole cycles of both),
and prints per click: resident anonymous memory after a heap trim and QObjects under the
tab (round 1), Python objects by type, all and those not reachable from the session log's
steps, which the user asked to keep (round 2), and what tracemalloc sees kept (round 3).
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tracemalloc
from collections import Counter

WARM_UP = 40


def _settle(app, runner) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    quiet = 0
    while quiet < 3:
        app.processEvents()
        quiet = 0 if runner.is_busy() else quiet + 1
        if runner.is_busy():
            time.sleep(0.005)  # the worker gets the GIL
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _rss_kib() -> int:
    from gui.core.memory import release_free_heap

    gc.collect()
    release_free_heap()
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("RssAnon:"))


def _besides_steps(ctx) -> Counter:
    """Live objects by type, leaving out the session log's steps and what they hold."""
    from tests.gui.broadcasting.test_broadcasting_memory import _reachable  # imported in main

    gc.collect()
    kept = _reachable([ctx.session.entries()])
    return _by_type(o for o in gc.get_objects() if id(o) not in kept)


def _by_type(objects) -> Counter:
    return Counter(type(obj).__name__ for obj in objects)


def _top(counter: Counter, count: int = 12) -> str:
    return ", ".join(f"{name} {n:+d}" for name, n in counter.most_common(count)) or "nothing"


def main(clicks: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui.broadcasting.tab import BroadcastingTab
    from gui.core.context import AppContext, SessionLog
    from gui.core.workers import JobRunner
    from gui.core.workspace_model import WorkspaceModel
    from tests.gui.broadcasting import test_broadcasting_memory  # noqa: F401 (see _reachable)

    runner = JobRunner()
    ctx = AppContext(runner, SessionLog(), lambda *a, **k: None, WorkspaceModel())
    tab = BroadcastingTab(ctx)
    tab.resize(1280, 740)
    tab.show()
    keys = list(tab.preset_buttons)

    def click(index: int) -> None:
        button = tab.compute_button if index % 3 == 2 else tab.preset_buttons[
            keys[index % len(keys)]]
        button.click()
        _settle(app, runner)

    _settle(app, runner)
    for index in range(WARM_UP):
        click(index)
    clicked = WARM_UP

    def click_more() -> None:
        nonlocal clicked
        for index in range(clicked, clicked + clicks):
            click(index)
        clicked += clicks

    # three rounds of N clicks, so that no measurement holds memory during another's
    rss0, qobjects0 = _rss_kib(), len(tab.findChildren(QObject))
    click_more()
    rss1, qobjects1 = _rss_kib(), len(tab.findChildren(QObject))
    print(f"{clicks} clicks per round after {WARM_UP} to warm up")
    print(f"RssAnon after a heap trim: {(rss1 - rss0) / clicks:+.2f} KiB per click")
    print(f"QObjects under the tab: {qobjects0} -> {qobjects1}")
    all0, others0 = _by_type(gc.get_objects()), _besides_steps(ctx)
    click_more()
    all1, others1 = _by_type(gc.get_objects()), _besides_steps(ctx)
    print(f"objects, all: {_top(all1 - all0)}")
    print(f"objects besides the session's steps: {_top(others1 - others0)}")
    del all0, all1, others0, others1
    gc.collect()
    tracemalloc.start()
    click_more()
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"tracemalloc, kept over a round: {traced / clicks / 1024:.2f} KiB per click")
    runner.shutdown(60000)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

"""At start-up the GUI thread's garbage collector is held until every tab is built: what
loads meanwhile lives as long as the process and is frozen once loaded."""

from __future__ import annotations

import gc
import sys

import pytest

from gui.core import gui_thread


@pytest.fixture
def collections(qapp):
    """The generations the collector ran, as it runs them; the collector is left released."""
    ran: list[int] = []

    def record(phase, info):
        if phase == "start":
            ran.append(info["generation"])

    gc.callbacks.append(record)
    yield ran
    gc.callbacks.remove(record)
    gui_thread.hold_collections(False)


def _make_due() -> list:
    """New tracked objects, more than generation 0's threshold: a collection is due."""
    gc.collect()
    return [[] for _ in range(gc.get_threshold()[0] + 10)]


def test_a_held_collector_skips_its_turns_until_released(collections):
    was_enabled = gc.isenabled()  # a collector disables automatic collection
    collector = gui_thread.MainThreadGarbageCollector(interval_ms=60_000)
    try:
        gui_thread.hold_collections(True)
        young = _make_due()
        collections.clear()
        collector.collect_if_due()
        assert collections == []
        gui_thread.hold_collections(False)
        collector.collect_if_due()
        assert collections  # the due collection runs at the next turn
        del young
    finally:
        if was_enabled:
            gc.enable()


def test_young_objects_are_frozen_while_modules_are_imported(collections, monkeypatch):
    was_enabled = gc.isenabled()
    collector = gui_thread.MainThreadGarbageCollector(interval_ms=60_000)
    monkeypatch.setattr(collector, "_thresholds", (0, 0, 0))  # every generation is due
    monkeypatch.setattr(gui_thread, "_modules_at_freeze", len(sys.modules))
    frozen = gc.get_freeze_count()
    try:
        monkeypatch.setattr(collector, "_modules", len(sys.modules) - 1)  # one imported since
        young = _make_due()
        collections.clear()
        collector.collect_if_due()
        assert collections == []
        assert gc.get_freeze_count() >= frozen + len(young)
        collector.collect_if_due()  # no import since the last turn: a collection
        assert collections
    finally:
        if was_enabled:
            gc.enable()

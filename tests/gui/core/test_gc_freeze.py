"""Keeping the GUI thread on time: objects of libraries imported by a job join the permanent
generation once the runner is idle (full collections on the GUI thread scanned them all),
and a worker running Python hands the GIL over within a millisecond."""

from __future__ import annotations

import gc
import sys
import types

import pytest

from gui.core import gui_thread


@pytest.fixture
def started_app():
    """As after start-up: the start-up objects frozen; unfrozen again after the test."""
    gui_thread.freeze_startup_objects()
    yield
    gc.unfreeze()
    gui_thread._modules_at_freeze = 0


def _import_a_library(name: str) -> None:
    module = types.ModuleType(name)
    module.functions = [lambda i=i: i for i in range(1000)]  # tracked objects, kept for good
    sys.modules[name] = module


def _run_and_wait(qtbot, runner, fn, *args) -> None:
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(fn, *args)


def _tracked_ids() -> set[int]:
    """Objects the collector scans (frozen ones are not among them)."""
    return {id(o) for o in gc.get_objects()}


def test_a_job_that_imports_a_library_leaves_its_objects_frozen(qtbot, runner, started_app):
    _run_and_wait(qtbot, runner, _import_a_library, "torchscope_test_library")
    try:
        functions = sys.modules["torchscope_test_library"].functions
        assert all(gc.is_tracked(f) for f in functions)
        assert not {id(f) for f in functions} & _tracked_ids()  # frozen: never scanned
    finally:
        del sys.modules["torchscope_test_library"]


kept: list = []


def test_a_job_that_imports_nothing_freezes_nothing(qtbot, runner, started_app):
    _run_and_wait(qtbot, runner, lambda: None)  # the runner's own first-use imports
    _run_and_wait(qtbot, runner, lambda: kept.append([[i] for i in range(1000)]))
    try:
        assert {id(item) for item in kept[0]} <= _tracked_ids()  # still scanned
    finally:
        kept.clear()


def test_nothing_is_frozen_before_start_up_froze(qtbot, runner, monkeypatch):
    monkeypatch.setattr(gui_thread, "_modules_at_freeze", 0)  # an app of an earlier test froze
    _import_a_library("torchscope_test_library_2")
    try:
        assert not gui_thread.freeze_new_library_objects()
    finally:
        del sys.modules["torchscope_test_library_2"]


def test_the_gui_thread_waits_at_most_a_millisecond_for_the_gil(runner):
    assert sys.getswitchinterval() == pytest.approx(gui_thread.GIL_SWITCH_INTERVAL_S)
    assert gui_thread.GIL_SWITCH_INTERVAL_S <= 0.001

"""Start-up: tabs are built one per event-loop turn while the worker is held by a gate,
the console panel is built when first used, and PySide's import scan is cheap."""

from __future__ import annotations

import json
import sys
import threading
import time

import pytest

from gui.core.workers import JobRunner
from gui.shell import qt_setup
from gui.shell.loading_page import LoadingPage
from gui.shell.tab_builder import JobGate, TabBuilder
from tests.conftest import wait_idle


@pytest.fixture
def runner(qtbot):
    runner = JobRunner()
    yield runner
    runner.shutdown(timeout_ms=5000)


def test_a_gate_holds_later_jobs_until_opened(qtbot, runner):
    gate = JobGate(runner, "gate")
    on_worker = threading.Event()
    runner.run(on_worker.set)
    time.sleep(0.3)  # without the GIL: a free worker would run the job meanwhile
    assert not on_worker.is_set() and runner.is_busy()
    gate.open()
    qtbot.waitUntil(on_worker.is_set, timeout=10000)
    wait_idle(qtbot, runner)


def test_builder_runs_steps_in_order_one_per_turn_then_releases_jobs(qtbot, runner):
    log: list[str] = []

    def step(name: str, *, fails: bool = False):
        def run() -> None:
            log.append(name)
            if name == "first":  # submitted while building: must wait for the end
                runner.run(lambda: "job", on_result=lambda _r: log.append("job ran"))
            if fails:
                raise ValueError("a broken step")
        return run

    builder = TabBuilder(runner, "building", [step("first"), step("broken", fails=True),
                                              step("last")])
    assert log == []  # nothing runs inside the constructor: the event loop turns first
    with qtbot.waitSignal(builder.finished, timeout=10000):
        pass
    assert log[:3] == ["first", "broken", "last"]
    assert builder.is_done()
    qtbot.waitUntil(lambda: "job ran" in log, timeout=10000)


def test_a_stopped_builder_runs_no_more_steps_and_frees_the_worker(qtbot, runner):
    log: list[str] = []
    builder = TabBuilder(runner, "building", [lambda: log.append("never")])
    builder.stop()
    on_worker = threading.Event()
    runner.run(on_worker.set)
    qtbot.waitUntil(on_worker.is_set, timeout=10000)
    wait_idle(qtbot, runner)
    assert log == [] and builder.is_done()


def test_tabs_are_usable_before_their_demo_jobs_start(qtbot, window):
    """No demo job runs while the tabs are built: they queue until engine_ready."""
    window.show_tab("datasets")  # built last: it is the tab on show
    succeeded_before_ready: list[str] = []
    def record(title: str, _number: int) -> None:
        if not window.is_engine_ready():
            succeeded_before_ready.append(title)

    window.runner.job_succeeded.connect(record)
    with qtbot.waitSignal(window.engine_ready, timeout=180000):
        window.start_engine()
    assert not any(isinstance(page, LoadingPage) for page in window.tabs.values())
    assert window.current_tab_key() == "datasets"
    assert set(succeeded_before_ready) <= {window.tr("Loading PyTorch")}
    assert window.runner.is_busy()  # the demos run now
    wait_idle(qtbot, window.runner, timeout_ms=180000)


def test_console_panel_is_built_when_first_used(qtbot, window):
    assert window.console_dock.panel is None  # before the engine: nothing to build
    with qtbot.waitSignal(window.engine_ready, timeout=180000):
        window.start_engine()
    assert window.console_dock._panel is None  # a hidden dock costs nothing at start-up
    window.show()
    window.console_dock.show()
    qtbot.waitUntil(lambda: window.console_dock._panel is not None, timeout=10000)
    panel = window.console_dock._panel
    assert window.console_dock.widget() is panel
    assert window.console_dock.panel is panel
    wait_idle(qtbot, window.runner, timeout_ms=180000)


def test_pyside_scan_reads_the_file_bytes():
    assert qt_setup.mentions_pyside(qt_setup)  # imports PySide6
    assert not qt_setup.mentions_pyside(json)  # a module that never mentions it
    assert not qt_setup.mentions_pyside(sys)  # built in: no source, as PySide decides
    feature = sys.modules.get(qt_setup._FEATURE_MODULE)
    if feature is None:
        pytest.skip("this PySide has no __feature__ import scan")
    original = feature._mod_uses_pyside
    try:
        assert qt_setup.lighten_feature_scan()
        assert feature._mod_uses_pyside is qt_setup.mentions_pyside
        assert feature._mod_uses_pyside(qt_setup) == original(qt_setup)
        assert feature._mod_uses_pyside(json) == original(json)
    finally:
        feature._mod_uses_pyside = original


def test_the_scan_reads_no_module_of_the_numerical_libraries(monkeypatch):
    import numpy

    def no_reading(*_args, **_kwargs):
        raise AssertionError("read a file")

    monkeypatch.setattr("builtins.open", no_reading)
    assert not qt_setup.mentions_pyside(numpy)
    assert not qt_setup.mentions_pyside(numpy.linalg)


def test_loading_page_pulses_only_while_shown_and_loading(qtbot):
    page = LoadingPage()
    qtbot.addWidget(page)
    assert not page.is_pulsing()
    page.show()
    assert page.is_pulsing()
    before = page.busy.value()
    qtbot.waitUntil(lambda: page.busy.value() != before, timeout=5000)
    page.hide()
    assert not page.is_pulsing()
    page.show()
    page.show_failure("broken")
    assert not page.is_pulsing() and page.busy.isHidden()
    assert "broken" in page.label.text()

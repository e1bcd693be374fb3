"""The idle heap trim runs on one long-lived thread (gui.core.memory.HeapTrimmer): asking
for it never starts a thread again (``Thread.start()`` waits for the thread to run: up to
140 ms on the GUI thread under load) and never waits for a trim that is under way."""

from __future__ import annotations

import threading
import time

from gui.core.memory import HeapTrimmer, heap_trimmer


def _wait_for(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_requests_are_served_by_one_thread():
    seen_threads: set[int] = set()
    trimmer = HeapTrimmer(lambda: seen_threads.add(threading.get_ident()))
    for expected in range(1, 4):
        trimmer.request()
        _wait_for(lambda expected=expected: trimmer.trims_done == expected)
    assert len(seen_threads) == 1
    assert threading.get_ident() not in seen_threads


def test_a_request_during_a_trim_returns_at_once_and_adds_one_trim():
    release, started = threading.Event(), threading.Event()

    def slow_trim() -> None:
        started.set()
        release.wait(10)

    trimmer = HeapTrimmer(slow_trim)
    trimmer.request()
    assert started.wait(10)
    for _ in range(5):
        trimmer.request()  # would hang here if it waited for the running trim
    release.set()
    _wait_for(lambda: trimmer.trims_done == 2)
    time.sleep(0.05)
    assert trimmer.trims_done == 2  # the five requests merged into one more trim


def test_job_runners_share_the_process_trimmer(qtbot):
    from gui.core.workers import JobRunner

    runners = [JobRunner(), JobRunner()]
    try:
        done_before = heap_trimmer().trims_done
        for runner in runners:
            runner._release_free_heap()
        _wait_for(lambda: heap_trimmer().trims_done > done_before)
        assert all(runner._heap_trimmer is heap_trimmer() for runner in runners)
    finally:
        for runner in runners:
            runner.shutdown()

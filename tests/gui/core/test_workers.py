"""The job runner: results, progress, one error path, cancellation, clean shutdown."""

from __future__ import annotations

import threading
import time

from engine.core.errors import InputError
from engine.core.progress import Progress


def _double(x):
    return 2 * x


def _ignore(_value):
    return None


def _refuse(_value):
    _raise_input_error()


def _raise_input_error():
    raise InputError("The shape '2,,3' has an empty dimension.", field="shape")


def _raise_runtime_in_generator():
    yield Progress(0, 1)
    raise RuntimeError("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")


def _slow_counter(steps, pause_s=0.02, unused=None):
    for index in range(steps):
        time.sleep(pause_s)
        yield Progress(index + 1, steps, f"step {index + 1}")
    return steps


def test_function_job_returns_its_result(qtbot, runner):
    results = []
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        runner.run(_double, 21, title="double", on_result=results.append)
    assert results == [42]


def test_failing_job_reports_message_and_next_job_runs(qtbot, runner):
    errors, failures, results = [], [], []
    runner.job_failed.connect(lambda title, message: failures.append((title, message)))
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        runner.run(_raise_input_error, title="parse", on_error=lambda m, e: errors.append(e))
    assert failures == [("parse", "The shape '2,,3' has an empty dimension.")]
    assert isinstance(errors[0], InputError) and errors[0].field == "shape"
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        runner.run(_double, 1, on_result=results.append)
    assert results == [2]


def test_runtime_error_inside_generator_is_reported_not_lost(qtbot, runner):
    failures = []
    runner.job_failed.connect(lambda title, message: failures.append(message))
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        runner.run(_raise_runtime_in_generator, title="matmul")
    assert len(failures) == 1
    assert "mat1 and mat2 shapes cannot be multiplied" in failures[0]
    assert not runner.is_busy()


def test_progress_is_reported_in_order(qtbot, runner):
    seen, results = [], []
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        runner.run(_slow_counter, 5, 0.0, on_progress=lambda p: seen.append(p.done),
                   on_result=results.append)
    assert seen == [1, 2, 3, 4, 5]
    assert results == [5]


def test_long_job_can_be_cancelled(qtbot, runner):
    results, cancelled = [], []
    runner.job_cancelled.connect(cancelled.append)
    with qtbot.waitSignal(runner.job_progress, timeout=10000):  # running, not just queued
        job = runner.run(_slow_counter, 10_000, title="long", on_result=results.append)
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        job.cancel()
    assert cancelled == ["long"]
    assert results == []


def _counted_steps(done: list[int], steps: int):
    for index in range(steps):
        time.sleep(0.02)
        done.append(index)
        yield Progress(index + 1, steps)


def test_shutdown_stops_running_jobs_quickly(qtbot, runner):
    done: list[int] = []
    with qtbot.waitSignal(runner.job_progress, timeout=10000):
        runner.run(_counted_steps, done, 10_000, title="long")
    before = len(done)
    assert runner.shutdown(timeout_ms=10000)
    # It stopped at its next yield: the step under way, and one more if the worker had
    # just passed a yield when the stop was asked (counted in steps, not in seconds).
    assert len(done) - before <= 2
    assert runner.run(_double, 1) is None  # nothing new starts while closing


def _sleep_then(value, pause_s):
    time.sleep(pause_s)
    return value


def test_jobs_run_one_at_a_time_in_submission_order(qtbot, runner):
    finished = []
    for value, pause in ((1, 0.15), (2, 0.0), (3, 0.05)):
        runner.run(_sleep_then, value, pause, on_result=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=10000)
    assert finished == [1, 2, 3]


def _wait_then(value, event: threading.Event):
    event.wait(20)
    return value


def test_parallel_jobs_do_not_wait_for_the_serial_lane(qtbot, runner):
    finished = []
    quick_done = threading.Event()

    def on_quick(value):
        finished.append(value)
        quick_done.set()

    # The serial job ends only once the parallel one has: queued behind it, the parallel
    # job would come second (after the serial one gave up waiting), however loaded the CPU.
    runner.run(_wait_then, "slow", quick_done, on_result=finished.append)
    runner.run(_sleep_then, "quick", 0.0, on_result=on_quick, parallel=True)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=60000)
    assert finished == ["quick", "slow"]


def test_finished_jobs_are_freed(qtbot, runner):
    import gc

    from gui.core.workers import Job

    def live_jobs():
        gc.collect()
        return sum(isinstance(o, Job) for o in gc.get_objects())

    before = live_jobs()
    for value in range(30):
        runner.run(_double, value)
    runner.run(_slow_counter, 3, 0.0)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: live_jobs() - before <= 1, timeout=5000)


def test_what_a_finished_job_was_given_is_freed(qtbot, runner):
    """A job's arguments (tensors, requests) must not outlive it, whatever still points at
    its worker: PySide's pool wrapper kept some started runnables (a long session held
    200 MiB of tensors that way). Here the test itself keeps every worker."""
    import gc
    import weakref

    class Payload:
        pass

    alive: list[weakref.ref] = []
    kept_workers = []

    def payload() -> Payload:
        made = Payload()
        alive.append(weakref.ref(made))
        return made

    def run(*args, **kwargs) -> None:
        job = runner.run(*args, **kwargs)
        kept_workers.append(job.worker)

    run(_ignore, payload())
    run(_refuse, payload())
    run(_slow_counter, 3, 0.0, unused=payload())
    run(_ignore, payload(), on_done=lambda: run(_ignore, payload()))
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10000)

    def freed() -> bool:
        gc.collect()
        return not any(ref() is not None for ref in alive)

    assert len(alive) == 5 and len(kept_workers) == 5
    qtbot.waitUntil(freed, timeout=5000)


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, runner):
    import gc

    from gui.core import gui_thread

    assert not gc.isenabled()  # never automatically, so never on a worker thread
    kept = [[] for _ in range(2000)]  # push generation 0 over its threshold
    assert gc.get_count()[0] > gc.get_threshold()[0]
    qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=5000)
    assert gui_thread._collector is not None and len(kept) == 2000

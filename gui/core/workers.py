"""The one place where engine jobs meet threads.

``JobRunner.run(fn, ...)`` runs ``fn`` (a plain function or a generator function yielding
``engine.core.progress.Progress``) on a worker thread through superqt. Results, progress and
errors come back on the GUI thread through callbacks. Jobs run one at a time, in the order
they were submitted, on the runner's own worker thread: steps then reach the code panel in
the order they ran, and an in-place change never races a job reading the same tensor.
``parallel=True`` sends an independent, read-only job (thumbnails...) to Qt's global pool
instead. There is exactly one error path:
the message is logged, ``job_failed`` is emitted (the window shows it in the status bar)
and the caller's ``on_error`` is called if given. A job that raises never takes the app
down. Generator jobs can be cancelled: they stop at their next ``yield``.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from gui.core.gui_thread import (
    GIL_SWITCH_INTERVAL_S,
    ensure_main_thread_gc,
    freeze_new_library_objects,
)
from gui.core.memory import heap_trimmer, tune_for_long_sessions

log = logging.getLogger("torchscope.jobs")

IDLE_TRIM_DELAY_MS = 100  # the heap is trimmed once no job has run for this long,
BUSY_TRIM_INTERVAL_S = 2.0  # and at most this often while jobs keep coming


class JobFailure(Exception):
    """Carries a job's exception to the GUI thread.

    superqt mistakes a RuntimeError raised inside a generator job for a deleted worker and
    drops it without ``errored`` or ``finished``; PyTorch raises RuntimeError for most of
    its errors, so every job runs inside a guard that re-raises as this class.
    """

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


def _guarded_generator(stop: threading.Event, fn: Callable, *args, **kwargs):
    """Runs a generator job; on cancel, closes it here, on the worker thread, so its own
    clean-up (``finally`` blocks, ``with`` exits: temporary files...) runs before the
    job counts as ended, not whenever the garbage collector gets to it."""
    steps = fn(*args, **kwargs)
    try:
        record = next(steps)
        while True:
            yield record
            if stop.is_set():
                steps.close()
                return None
            record = next(steps)
    except StopIteration as done:
        return done.value
    except Exception as exc:
        raise JobFailure(exc) from exc


def _guarded_function(fn: Callable, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception as exc:
        raise JobFailure(exc) from exc


def _is_user_error(exc: BaseException) -> bool:
    from engine.core.errors import TorchScopeError

    return isinstance(exc, TorchScopeError)


def _describe(exc: BaseException) -> str:
    # engine.core.errors imports no torch, so this stays cheap before the engine is loaded.
    from engine.core.errors import describe_exception

    return describe_exception(exc)


@dataclass(eq=False)
class Job:
    """A handle on one submitted job."""

    title: str
    worker: object
    cancellable: bool
    generator: bool = False  # yields progress records
    number: int = 0  # 1, 2, 3... in the order jobs were submitted to the runner
    cancelled: bool = False
    done: bool = False
    callbacks: dict = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Stop at the job's next yield; the guard closes the generator on its thread."""
        if self.cancellable and not self.done and self.worker is not None:
            self.cancelled = True
            self.stop.set()


def _release(job: Job) -> None:
    """Break the job ↔ worker cycle and drop what the worker holds.

    The cycle runs through Qt connections, which Python's garbage collector cannot see.
    And PySide's ``QThreadPool`` wrapper keeps a reference to runnables it started (seen:
    dozens of finished workers per thousand jobs, each holding its job's function and
    arguments: tensors, requests, datasets). So the worker's payload is cleared here: what
    a finished job was given is freed with the job, whoever still points at the worker.
    """
    worker = job.worker
    signals = [worker.returned, worker.errored, worker.finished]
    if job.generator:
        signals.append(worker.yielded)
    for signal in signals:
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            signal.disconnect()
    for name, empty in (("_func", None), ("_args", ()), ("_kwargs", {}), ("_gen", None)):
        if name in vars(worker):
            setattr(worker, name, empty)
    job.worker = None


class JobRunner(QObject):
    """Runs engine jobs off the GUI thread; see the module docstring."""

    busy_changed = Signal(bool)
    job_failed = Signal(str, str)  # job title, message
    job_progress = Signal(str, object)  # job title, Progress
    job_cancelled = Signal(str)
    job_succeeded = Signal(str, int)  # job title, job number (see ``submitted_count``)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        self._submitted = 0
        self._closing = False
        ensure_main_thread_gc()
        tune_for_long_sessions()  # before the first job imports and runs PyTorch
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._serial_pool = QThreadPool(self)
        self._serial_pool.setMaxThreadCount(1)
        # Once idle for a moment, hand the memory finished jobs freed back to the system.
        self._trim_timer = QTimer(self)
        self._trim_timer.setSingleShot(True)
        self._trim_timer.setInterval(IDLE_TRIM_DELAY_MS)
        self._trim_timer.timeout.connect(self._release_free_heap)
        self._last_trim = time.monotonic()
        self._heap_trimmer = heap_trimmer()

    def run(
        self,
        fn: Callable,
        *args,
        title: str = "",
        on_result: Callable | None = None,
        on_progress: Callable | None = None,
        on_error: Callable | None = None,
        on_done: Callable | None = None,
        parallel: bool = False,
        cancellable: bool = True,
        **kwargs,
    ) -> Job | None:
        """Start ``fn(*args, **kwargs)`` on a worker; returns its Job (None while closing).

        Generator jobs can be cancelled unless ``cancellable=False`` (loading the engine:
        stopping half-way would leave nothing to retry with)."""
        if self._closing:
            return None
        # superqt takes ~0.2 s to import: load it with the first job, after the first paint.
        import inspect

        from superqt.utils import create_worker

        is_generator = inspect.isgeneratorfunction(fn)
        stop = threading.Event()
        if is_generator:
            worker = create_worker(_guarded_generator, stop, fn, *args, _start_thread=False,
                                   _ignore_errors=True, **kwargs)
        else:
            worker = create_worker(_guarded_function, fn, *args, _start_thread=False,
                                   _ignore_errors=True, **kwargs)
        job = Job(title or getattr(fn, "__name__", "job"), worker, is_generator and cancellable,
                  generator=is_generator, stop=stop)
        self._submitted += 1
        job.number = self._submitted
        job.callbacks = {"result": on_result, "progress": on_progress, "error": on_error,
                         "done": on_done}
        worker.returned.connect(lambda value, j=job: self._on_returned(j, value))
        worker.errored.connect(lambda exc, j=job: self._on_errored(j, exc))
        worker.finished.connect(lambda j=job: self._on_finished(j))
        if is_generator:
            worker.yielded.connect(lambda record, j=job: self._on_yielded(j, record))
        self._jobs.append(job)
        self._trim_timer.stop()
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        # The Job keeps the worker alive; superqt's start() would always use the global pool.
        # Started as a callable, not as a QRunnable: Qt then holds the callable only until
        # it has run, where PySide's wrapper of the pool would keep the runnable for good.
        pool = QThreadPool.globalInstance() if parallel else self._serial_pool
        pool.start(worker.run)
        return job

    def submitted_count(self) -> int:
        """How many jobs were submitted so far: a job numbered higher started after now."""
        return self._submitted

    def is_busy(self) -> bool:
        return bool(self._jobs)

    def active_jobs(self) -> list[Job]:
        return list(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel every job, drop their callbacks and wait for the threads; True if all ended."""
        self._closing = True
        for job in list(self._jobs):
            job.callbacks = {}
            job.cancel()
        serial_done = self._serial_pool.waitForDone(timeout_ms)
        return QThreadPool.globalInstance().waitForDone(timeout_ms) and serial_done

    def _call(self, job: Job, kind: str, *args) -> None:
        callback = job.callbacks.get(kind)
        if callback is not None and not self._closing:
            callback(*args)

    def _on_yielded(self, job: Job, record: object) -> None:
        if not self._closing:
            self.job_progress.emit(job.title, record)
        self._call(job, "progress", record)

    def _on_returned(self, job: Job, value: object) -> None:
        if job.cancelled:
            return
        if not self._closing:
            self.job_succeeded.emit(job.title, job.number)
        self._call(job, "result", value)

    def _on_errored(self, job: Job, exc: BaseException) -> None:
        if isinstance(exc, JobFailure):
            exc = exc.original
        message = _describe(exc)
        if _is_user_error(exc):  # expected: bad input; the message says it all
            log.info("Job %r refused: %s", job.title, message)
        else:
            log.error("Job %r failed: %s", job.title, message, exc_info=exc)
        if not self._closing:
            self.job_failed.emit(job.title, message)
        self._call(job, "error", message, exc)

    def _on_finished(self, job: Job) -> None:
        job.done = True
        _release(job)
        if job in self._jobs:
            self._jobs.remove(job)
        if job.cancelled and not self._closing:
            self.job_cancelled.emit(job.title)
        self._call(job, "done")
        # Callers may keep the handle (the last job of a kind): it must not keep what the
        # callbacks captured (seen: a replaced model graph, hundreds of MiB, kept for good).
        job.callbacks = {}
        if time.monotonic() - self._last_trim > BUSY_TRIM_INTERVAL_S:
            self._release_free_heap()
        if not self._jobs and not self._closing:
            freeze_new_library_objects()
            self._trim_timer.start()
            self.busy_changed.emit(False)

    def _release_free_heap(self) -> None:
        """What finished jobs freed goes back to the system (see ``gui.core.memory``), on
        the trimmer's own thread: the GUI thread never waits for it."""
        self._last_trim = time.monotonic()
        self._heap_trimmer.request()

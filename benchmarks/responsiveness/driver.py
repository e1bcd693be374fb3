"""Driving the job scripts one after the other inside ``app.exec()``: each wait (a sleep,
the runner going idle, a condition) is a timer or a signal, never a nested event loop."""

from __future__ import annotations

import time

from benchmarks.responsiveness.harness import (
    Bench,
    Idle,
    JobRecord,
    JobScript,
    JobSpec,
    Probe,
    Skip,
    Sleep,
    Start,
    Step,
    Until,
    Watchdog,
)


class Driver:
    """Runs the job scripts one after the other in the running event loop."""

    def __init__(self, app, bench: Bench, probe: Probe, watchdog: Watchdog,
                 jobs: list[JobSpec]) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.bench, self.probe, self.watchdog = app, bench, probe, watchdog
        self.runner = bench.window.runner
        self.queue = list(jobs)
        self.records: list[JobRecord] = []
        self.script: JobScript | None = None
        self.token = 0
        self.wait: Step | None = None
        self.poll = QTimer()
        self.poll.setInterval(20)
        self.poll.timeout.connect(self._check_until)
        self.settle = QTimer()
        self.settle.setSingleShot(True)
        self.settle.timeout.connect(self._check_idle)
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._on_deadline)
        self.runner.busy_changed.connect(self._on_busy)
        self.runner.job_failed.connect(self._on_failed)

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next_job)

    # --- jobs ---------------------------------------------------------------------------
    def _next_job(self) -> None:
        if not self.queue:
            self.app.quit()
            return
        spec = self.queue.pop(0)
        record = JobRecord(spec, spec.label, started=time.perf_counter())
        self.records.append(record)
        self.bench.record = record
        try:
            self.script = spec.script(self.bench)
        except Exception as exc:  # noqa: BLE001 (a broken job is reported, never fatal)
            self._finish(f"{type(exc).__name__}: {exc}")
            return
        self._resume()

    def _finish(self, reason: str = "") -> None:
        record = self.bench.record
        record.ended = time.perf_counter()
        record.skipped = reason
        self.watchdog.active.clear()
        self.script, self.wait = None, None
        self._disarm()
        if reason:
            self.runner.cancel_all()  # a stuck job must not eat the next job's window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next_job)

    def _resume(self, error: BaseException | None = None) -> None:
        self._disarm()
        try:
            step = self.script.throw(error) if error is not None else next(self.script)
        except StopIteration:
            self._finish()
            return
        except Skip as exc:
            self._finish(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (a refactored widget: skip, do not crash)
            self._finish(f"{type(exc).__name__}: {exc}")
            return
        self._arm(step)

    # --- waits --------------------------------------------------------------------------
    def _arm(self, step: Step) -> None:
        from PySide6.QtCore import QTimer

        self.token += 1
        token = self.token
        self.wait = step
        if isinstance(step, Start):
            self.bench.record.window_start = time.perf_counter()
            self.watchdog.active.set()
            QTimer.singleShot(0, lambda: self._resume_if(token))
        elif isinstance(step, Sleep):
            QTimer.singleShot(step.ms, lambda: self._resume_if(token))
        elif isinstance(step, Idle):
            self.deadline.start(int(step.timeout_s * 1000))
            self._on_busy(self.runner.is_busy())
        elif isinstance(step, Until):
            self.deadline.start(int(step.timeout_s * 1000))
            self.poll.start()
            self._check_until()
        else:
            self._resume(TypeError(f"unknown step {step!r}"))

    def _disarm(self) -> None:
        self.token += 1
        self.poll.stop()
        self.settle.stop()
        self.deadline.stop()

    def _resume_if(self, token: int) -> None:
        if token == self.token and self.script is not None:
            self._resume()

    def _on_busy(self, busy: bool) -> None:
        if isinstance(self.wait, Idle):
            if busy:
                self.settle.stop()
            else:
                self.settle.start(self.wait.settle_ms)

    def _check_idle(self) -> None:
        if isinstance(self.wait, Idle) and not self.runner.is_busy():
            self._resume()

    def _check_until(self) -> None:
        wait = self.wait
        if not isinstance(wait, Until):
            return
        try:
            done = wait.test()
        except Exception as exc:  # noqa: BLE001
            self._resume(exc)
            return
        if done:
            self._resume()

    def _on_deadline(self) -> None:
        wait = self.wait
        what = getattr(wait, "what", "the job")
        timeout = getattr(wait, "timeout_s", 0)
        self._resume(Skip(f"timed out after {timeout:g} s waiting for {what}"))

    def _on_failed(self, title: str, message: str) -> None:
        if self.bench.record is not None and self.script is not None:
            first = message.splitlines()[0] if message else ""
            self.bench.record.failures.append(f"{title}: {first}")

"""Memory over a long session: what a finished job was given or promised is freed with it.

A caller may keep the handle of its last job (the Autograd tab keeps its node-details
job); the handle must not keep what the job's callbacks captured (there: a whole model's
graph, hundreds of MiB, long after another graph replaced it on screen).
"""

from __future__ import annotations

import gc
import weakref


class Captured:
    """Stands for a large object a callback closes over (a graph, a dataset...)."""


def _identity(value):
    return value


def test_a_kept_job_handle_does_not_keep_what_its_callbacks_captured(qtbot, runner):
    captured = Captured()
    alive = weakref.ref(captured)
    with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        kept_handle = runner.run(_identity, 1, title="details",
                                 on_result=lambda _value, c=captured: c,
                                 on_error=lambda _message, _exc, c=captured: c,
                                 on_done=lambda c=captured: c)
    del captured
    gc.collect()
    assert kept_handle is not None and kept_handle.done
    assert alive() is None


def test_many_finished_jobs_kept_by_their_callers_hold_nothing(qtbot, runner):
    alive = []
    handles = []
    for _ in range(20):
        payload = Captured()
        alive.append(weakref.ref(payload))
        with qtbot.waitSignal(runner.busy_changed, timeout=10000,
                              check_params_cb=lambda b: not b):
            handles.append(runner.run(_identity, 1, on_result=lambda _v, p=payload: p))
    del payload
    gc.collect()
    assert all(handle.done for handle in handles)
    assert [ref for ref in alive if ref() is not None] == []

"""Deferred viewer steps: one per event-loop turn, in order, the newest of each name."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from gui.widgets.deferred_steps import DeferredSteps


def test_steps_run_one_per_turn_in_order_and_a_requeued_name_keeps_its_place(qtbot):
    steps = DeferredSteps()
    ran: list[tuple[str, bool]] = []
    steps.queue("table", lambda: ran.append(("table 1", steps.is_pending("facts"))))
    steps.queue("facts", lambda: ran.append(("facts", steps.is_pending("table"))))
    steps.queue("table", lambda: ran.append(("table 2", steps.is_pending("facts"))))
    assert ran == []  # nothing in the turn that queued them
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=2000)
    # the newest "table" ran first, then "facts" (still pending meanwhile)
    assert ran == [("table 2", True), ("facts", False)]


def test_run_now_and_cancel(qtbot):
    steps = DeferredSteps()
    ran: list[str] = []
    for name in ("a", "b", "c"):
        steps.queue(name, lambda n=name: ran.append(n))
    steps.run_now("b")
    assert ran == ["b"] and steps.is_pending("a") and not steps.is_pending("b")
    steps.cancel()
    steps.run_now()
    assert ran == ["b"]
    steps.queue("d", lambda: ran.append("d"))
    steps.run_now()
    assert ran == ["b", "d"]


def test_run_now_also_runs_what_the_named_steps_queue(qtbot):
    steps = DeferredSteps()
    ran: list[str] = []

    def show() -> None:
        ran.append("show")
        steps.queue("table", lambda: ran.append("table"))

    steps.queue("facts", lambda: ran.append("facts"))
    steps.queue("show", show)
    steps.run_now("show", "table")  # e.g. the user opens the table before the plane's turn
    assert ran == ["show", "table"] and steps.is_pending("facts")
    steps.run_now()
    assert ran == ["show", "table", "facts"]


def test_a_step_waits_for_a_later_turn_than_the_one_that_queued_it(qtbot):
    steps = DeferredSteps()
    ran: list[str] = []
    seen_by_timer: list[list[str]] = []
    steps.queue("late", lambda: ran.append("step"))
    timer = QTimer(singleShot=True, interval=0)  # started after the step was queued
    timer.timeout.connect(lambda: seen_by_timer.append(list(ran)))
    timer.start()
    qtbot.waitUntil(lambda: ran == ["step"], timeout=2000)
    assert seen_by_timer == [[]]  # the zero timer went first: the step had a turn of its own

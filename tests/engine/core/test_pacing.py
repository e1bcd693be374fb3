"""A paced worker loop: items thinned to those due, the result kept, closing reaches the
inner generator, and it sleeps between bursts."""

from __future__ import annotations

from engine.core.pacing import Pacer, paced


def _counting(n: int, finished: list[str]):
    try:
        yield from range(n)
        return "done"
    finally:
        finished.append("inner")


def _drain(generator):
    items = []
    while True:
        try:
            items.append(next(generator))
        except StopIteration as stop:
            return items, stop.value


def test_only_due_items_pass_and_the_result_is_returned():
    finished: list[str] = []
    items, result = _drain(paced(_counting(1000, finished), Pacer(progress_s=3600)))
    assert items == [0]  # the first item is always due; the rest came within the hour
    assert result == "done" and finished == ["inner"]


def test_every_item_passes_when_each_is_due():
    items, result = _drain(paced(_counting(5, []), Pacer(progress_s=0)))
    assert items == [0, 1, 2, 3, 4] and result == "done"


def test_closing_the_paced_generator_closes_the_inner_one():
    finished: list[str] = []
    outer = paced(_counting(10, finished), Pacer(progress_s=0))
    next(outer)
    outer.close()
    assert finished == ["inner"]


def test_errors_of_the_inner_generator_reach_the_caller():
    def failing():
        yield 1
        raise ValueError("inner")

    outer = paced(failing(), Pacer(progress_s=0))
    assert next(outer) == 1
    try:
        next(outer)
    except ValueError as exc:
        assert str(exc) == "inner"
    else:
        raise AssertionError("the inner error was lost")


def test_a_burst_ends_with_a_pause(monkeypatch):
    import engine.core.pacing as pacing

    sleeps: list[float] = []
    clock = iter([0.0, 0.001, 0.010, 0.010, 0.011, 0.012])
    monkeypatch.setattr(pacing.time, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(pacing.time, "sleep", sleeps.append)
    pacer = Pacer(burst_s=0.004, pause_s=0.003)  # reads the clock once: 0.0
    pacer.pause_if_due()  # 0.001: within the burst
    pacer.pause_if_due()  # 0.010: the burst is over: pause, a new burst starts at 0.010
    pacer.pause_if_due()  # 0.011: within the new burst
    assert sleeps == [0.003]

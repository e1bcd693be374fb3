"""The status bar shows the latest progress report once per frame, not every report."""

from __future__ import annotations

from types import SimpleNamespace


def _area(qtbot, runner):
    from gui.shell.status_area import StatusArea

    area = StatusArea(runner)
    qtbot.addWidget(area)
    shown = []
    original = area._show_progress
    area._show_progress = lambda record: (shown.append(record), original(record))
    return area, shown


def test_a_burst_of_reports_is_shown_once_with_the_last_value(qtbot, runner):
    area, shown = _area(qtbot, runner)
    for step in range(1, 301):
        runner.job_progress.emit("job", SimpleNamespace(fraction=step / 1000))
    assert shown == []  # nothing repainted inside the burst
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert area.progress.maximum() == 1000
    assert area.progress.value() == 300  # the final report, exactly


def test_a_report_without_total_makes_the_bar_indeterminate(qtbot, runner):
    area, shown = _area(qtbot, runner)
    runner.job_progress.emit("job", SimpleNamespace(fraction=0.5))
    runner.job_progress.emit("job", SimpleNamespace(fraction=None))
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert (area.progress.minimum(), area.progress.maximum()) == (0, 0)


def test_a_report_pending_when_the_jobs_end_is_dropped(qtbot, runner):
    area, shown = _area(qtbot, runner)
    runner.job_progress.emit("job", SimpleNamespace(fraction=0.5))
    runner.busy_changed.emit(False)
    assert not area._frame_timer.isActive()
    assert area.progress.isHidden()
    assert shown == []

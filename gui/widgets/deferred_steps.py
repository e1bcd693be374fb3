"""Named GUI steps run one per event-loop turn, so that no single turn does them all.

Showing a big tensor touches the heatmap, the values table, the facts and ``print(t)``;
each costs the GUI thread a few milliseconds, and together they made one late turn. The
viewer draws the heatmap at once and queues the rest here::

    steps = DeferredSteps(parent)
    steps.queue("table", lambda: model.set_plane(plane))   # runs at a later turn
    steps.run_now("table")   # the user opened the table: it must be current now

Queuing a name again replaces its pending step (only the newest plane matters) and keeps
its place in the order. A step waits ``STEP_GAP_MS``: a zero timer started while a result is
handled fired in the same turn as the result or as the repaint it causes (Qt serves posted
events, repaints included, before timers), so the step made that turn later instead of
having one of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

STEP_GAP_MS = 20  # after the repaint of what was just drawn, and a timer tick or input


class DeferredSteps(QObject):
    """See the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: dict[str, Callable[[], None]] = {}
        self._timer = QTimer(self, singleShot=True, interval=STEP_GAP_MS)
        self._timer.timeout.connect(self._run_next)

    def queue(self, name: str, step: Callable[[], None]) -> None:
        self._steps[name] = step
        self._timer.start()

    def is_pending(self, name: str) -> bool:
        return name in self._steps

    def run_now(self, *names: str) -> None:
        """Run the named pending steps (all of them without names) in this turn, in their
        order; a step they queue under one of those names runs too."""
        while True:
            name = next((n for n in self._steps if not names or n in names), None)
            if name is None:
                break
            self._steps.pop(name)()
        if not self._steps:
            self._timer.stop()

    def cancel(self, *names: str) -> None:
        """Drop the named pending steps (all of them without names)."""
        for name in list(self._steps):
            if not names or name in names:
                del self._steps[name]
        if not self._steps:
            self._timer.stop()

    def _run_next(self) -> None:
        if not self._steps:
            return
        name = next(iter(self._steps))
        step = self._steps.pop(name)
        if self._steps:
            self._timer.start()  # the next step gets its own turn, after other events
        step()

"""Drawing a large graph over a few event-loop turns, so no turn blocks the GUI for long.

``Slices.run(steps)`` takes a generator: the part before its first ``yield`` runs at once,
each further part on its own turn of the event loop (a zero timer), with Qt free to paint
and to handle input in between. Starting new steps drops the ones still pending (a newer
view replaces the one being drawn); ``finish()`` runs what is left now.

Several drawings share the turns: the graph, its edges' shapes and the tiny model's panel
each have their ``Slices``, and their zero timers all fire in the same turn. So at most one
part of any of them runs per turn (the others wait for the next one), and none in a turn
that already kept the GUI thread busy for ``TURN_BUDGET_MS`` (repainting what the part
before changed, a layout): a turn then holds one part and a light repaint, never three parts
and their repaints at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QAbstractEventDispatcher, QObject, QTimer, Signal

TURN_BUDGET_MS = 4.0  # GUI-thread CPU a turn may have used before a part runs in it
MAX_WAITS = 4  # busy turns a part waits at most (busy on every turn: go on anyway)


class _Turns:
    """Counts the event loop's turns (the dispatcher wakes once per turn), when each began
    (the GUI thread's CPU time: waiting for events is not work) and which one ran a part.
    It listens only while some drawing has parts pending: a slot on every turn of the
    app would need the GIL each time (waiting for a worker's Python to hand it over)."""

    def __init__(self) -> None:
        self.count = 0
        self.taken_in = -1
        self.began = time.thread_time()
        self._waiting: set[int] = set()  # the Slices with parts pending
        self._dispatcher: QAbstractEventDispatcher | None = None

    def watch(self, key: int) -> None:
        if not self._waiting:
            self._dispatcher = QAbstractEventDispatcher.instance()
            if self._dispatcher is not None:
                self._dispatcher.awake.connect(self._next_turn)
            self.began = time.thread_time()
        self._waiting.add(key)

    def unwatch(self, key: int) -> None:
        if key not in self._waiting:
            return
        self._waiting.discard(key)
        if not self._waiting and self._dispatcher is not None:
            self._dispatcher.awake.disconnect(self._next_turn)
            self._dispatcher = None

    def _next_turn(self) -> None:
        self.count += 1
        self.began = time.thread_time()

    def taken(self) -> bool:
        """A part already ran in this turn."""
        return self.taken_in == self.count

    def busy(self) -> bool:
        """The GUI thread already worked ``TURN_BUDGET_MS`` in this turn."""
        return (time.thread_time() - self.began) * 1000 >= TURN_BUDGET_MS

    def take(self) -> None:
        self.taken_in = self.count


_turns = _Turns()


class Slices(QObject):
    """See the module docstring."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = id(self)
        self.destroyed.connect(lambda *_, key=self._key: _turns.unwatch(key))
        self._steps: Iterator[None] | None = None
        self._waits = 0  # turns the next part has waited for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: Iterator[None], sliced: bool = True) -> None:
        """Run ``steps``: sliced across turns, or all now when ``sliced`` is False."""
        self._timer.stop()
        self._steps = steps
        self._waits = 0
        if not sliced:
            self.finish()
            return
        _turns.take()  # the first part runs now, in this turn
        self._advance()
        if self._steps is not None:
            _turns.watch(self._key)
            self._timer.start()
        else:
            _turns.unwatch(self._key)  # done at once (steps it replaced were pending)

    def pending(self) -> bool:
        return self._steps is not None

    def cancel(self) -> None:
        """Drop the steps still pending (what they would draw is no longer wanted)."""
        self._timer.stop()
        self._steps = None
        _turns.unwatch(self._key)

    def finish(self) -> None:
        """Run every step left, now."""
        self._timer.stop()
        while self._steps is not None:
            self._advance()

    def _next(self) -> None:
        if _turns.taken():
            pass  # another drawing's part ran in this turn: next turn (it comes quickly)
        elif _turns.busy() and self._waits < MAX_WAITS:
            self._waits += 1
        else:
            _turns.take()
            self._waits = 0
            self._advance()
        if self._steps is not None:
            self._timer.start()

    def _advance(self) -> None:
        steps = self._steps
        if steps is None:
            return
        try:
            next(steps)
        except StopIteration:
            if self._steps is steps:
                self._steps = None
                _turns.unwatch(self._key)
                self.finished.emit()

"""Drawing a large graph over a few event-loop turns, so no turn blocks the GUI for long.

``Slices.run(steps)`` takes a generator: the part before its first ``yield`` runs at once,
each further part on its own turn of the event loop (a zero timer), with Qt free to paint
and to handle input in between. Starting new steps drops the ones still pending (a newer
view replaces the one being drawn); ``finish()`` runs what is left now.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal


class Slices(QObject):
    """See the module docstring."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: Iterator[None], sliced: bool = True) -> None:
        """Run ``steps``: sliced across turns, or all now when ``sliced`` is False."""
        self._timer.stop()
        self._steps = steps
        if not sliced:
            self.finish()
            return
        self._next()

    def pending(self) -> bool:
        return self._steps is not None

    def cancel(self) -> None:
        """Drop the steps still pending (what they would draw is no longer wanted)."""
        self._timer.stop()
        self._steps = None

    def finish(self) -> None:
        """Run every step left, now."""
        self._timer.stop()
        while self._steps is not None:
            self._advance()

    def _next(self) -> None:
        self._advance()
        if self._steps is not None:
            self._timer.start()

    def _advance(self) -> None:
        steps = self._steps
        try:
            next(steps)
        except StopIteration:
            if self._steps is steps:
                self._steps = None
                self.finished.emit()

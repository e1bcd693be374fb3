"""Pacing a worker loop of small Python steps beside the GUI thread.

A loop of small steps (torch calls on tiny tensors, statements interpreted in Python)
holds the GIL almost throughout. The GUI thread then gets it back only at each switch
interval, once per call into Python: a paint of twenty Python callbacks waits twenty times
(a late frame). ``Pacer`` lets such a loop sleep ``pause_s`` after each ``burst_s`` of
work (the GUI thread runs undisturbed meanwhile), and says when a progress record is due
(at most once per ``progress_s``, about a frame: progress is drawn, not logged).
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Pacer:
    """See the module docstring; the first ``progress_due()`` is True."""

    def __init__(self, burst_s: float = 0.004, pause_s: float = 0.003,
                 progress_s: float = 0.016) -> None:
        self.burst_s, self.pause_s, self.progress_s = burst_s, pause_s, progress_s
        now = time.perf_counter()
        self._burst_start = now
        self._last_progress = now - progress_s

    def progress_due(self) -> bool:
        now = time.perf_counter()
        if now - self._last_progress < self.progress_s:
            return False
        self._last_progress = now
        return True

    def pause_if_due(self) -> None:
        if time.perf_counter() - self._burst_start >= self.burst_s:
            time.sleep(self.pause_s)
            self._burst_start = time.perf_counter()


def paced(steps: Generator[Item, None, Result], pacer: Pacer | None = None
          ) -> Generator[Item, None, Result]:
    """``steps`` with a pause after each burst between two of its items, and only the
    items due (``Pacer.progress_due``); returns what ``steps`` returns. Closing this
    generator closes ``steps`` (its ``finally`` blocks run at once)."""
    pacer = pacer or Pacer()
    try:
        while True:
            try:
                item = next(steps)
            except StopIteration as stop:
                return stop.value
            if pacer.progress_due():
                yield item
            pacer.pause_if_due()
    finally:
        steps.close()

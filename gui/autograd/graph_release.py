"""Letting go of the graphs no longer shown, a little per event-loop turn.

A graph replaced on screen is freed with everything its autograd nodes saved: for a large
model (ResNet-50) ~12 ms of deallocation in the turn that shows the new graph. ``release``
queues it instead; ``engine.autograd.graph.release_gradually`` frees it node by node, up to
``SLICE_MS`` per turn, on turns the drawings leave free (see ``graph_slices``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject

from engine.autograd.graph import LiveGraph, release_gradually
from gui.autograd.graph_slices import Slices

SLICE_MS = 1.5


class GraphReleases(QObject):
    """See the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: list[LiveGraph] = []
        self._slices = Slices(self)

    def release(self, live: LiveGraph) -> None:
        """Free ``live`` over the next turns (the caller keeps no reference to it)."""
        self._queue.append(live)
        if not self._slices.pending():
            self._slices.run(self._steps())

    def pending(self) -> bool:
        return self._slices.pending()

    def _steps(self) -> Iterator[None]:
        yield  # not in the turn that shows the new graph
        parts = release_gradually(self._queue)
        while True:
            deadline = time.thread_time() + SLICE_MS / 1000
            for _ in parts:
                if time.thread_time() >= deadline:
                    break
            else:
                return
            yield

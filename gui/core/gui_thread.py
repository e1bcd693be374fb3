"""Keeping the GUI thread on time and safe beside the workers: Python's cyclic garbage
collector runs on the GUI thread only, long-lived objects (libraries, start-up) are frozen
so its full collections stay short, and a worker hands over the GIL within a millisecond.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    """Runs Python's cyclic garbage collector on the GUI thread only.

    Left automatic, a collection can start on a worker thread and destroy a Qt wrapper
    there; PySide then hands the deletion to the GUI thread while holding a lock, and the
    two threads deadlock (seen here: a job stuck in ``register_hook``). The same remedy
    as pyqtgraph's ``GarbageCollector``: disable automatic collection, collect on a timer.
    """

    def __init__(self, interval_ms: int = 500) -> None:
        super().__init__()
        self._thresholds = gc.get_threshold()
        self._modules = len(sys.modules)  # seen at the last turn
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(interval_ms)

    def collect_if_due(self) -> None:
        if _held:
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                if self._importing():
                    gc.freeze()
                else:
                    gc.collect(generation)
                return

    def _importing(self) -> bool:
        """True when modules were imported since the last turn (a job loading torchvision
        makes ~300,000 objects). What an import makes lives as long as the process, so the
        young objects are frozen rather than scanned: collecting them took 20-50 ms per
        turn, and 216 ms for generation 1, on the GUI thread (the first model preset).
        Only in an app that froze its start-up objects (``freeze_startup_objects``)."""
        modules, self._modules = self._modules, len(sys.modules)
        return bool(_modules_at_freeze) and self._modules > modules


_collector: MainThreadGarbageCollector | None = None
_held = False


def hold_collections(held: bool) -> None:
    """While held, the collector skips its turns: at start-up what torch and the tabs create
    lives as long as the process and ``freeze_startup_objects`` moves it out of sight once
    loaded, so scanning it before (~0.1 s on the GUI thread, measured) is wasted."""
    global _held
    _held = held


# A worker running plain Python keeps the GIL for up to this long when the GUI thread asks
# for it; at Python's default 5 ms, a paint of twenty Python callbacks could wait ~80 ms.
GIL_SWITCH_INTERVAL_S = 0.001


def freeze_startup_objects() -> None:
    """Once the libraries and the tabs are loaded: their objects (torch's modules, classes,
    functions: some 350,000) move to the permanent generation, so a full collection scans
    only what the app made since (one took ~450 ms on the GUI thread: a frozen window).
    ``gc.freeze`` moves lists, it collects nothing: it costs no time at start-up."""
    global _modules_at_freeze
    _modules_at_freeze = len(sys.modules)
    gc.freeze()


_modules_at_freeze = 0


def freeze_new_library_objects() -> bool:
    """After a job that imported more modules (torchvision with the first dataset, a model
    family with its first preset): their objects live as long as the process, so they join
    the permanent generation too; a full collection would otherwise scan them every time
    (~200 ms on the GUI thread after the start-up jobs). Young garbage is collected first
    (cheap); True if anything was frozen. Only in an app that froze its start-up objects."""
    global _modules_at_freeze
    if not _modules_at_freeze or len(sys.modules) <= _modules_at_freeze:
        return False
    _modules_at_freeze = len(sys.modules)
    gc.collect(1)
    gc.freeze()
    return True


def ensure_main_thread_gc() -> None:
    """Install the collector once; call from the GUI thread with a Q*Application alive."""
    global _collector
    if _collector is None:
        _collector = MainThreadGarbageCollector()

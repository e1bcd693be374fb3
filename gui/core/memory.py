"""Keep a long session's resident memory from growing with what native libraries keep.

``tune_for_long_sessions()`` runs once at start-up, before PyTorch runs anything:

- ``bound_onednn_cache()``: oneDNN, which runs PyTorch's CPU convolutions, keeps every
  primitive (with its compiled kernel) it made for a new shape, up to 1,024 of them:
  ~40 MiB after three conv-net presets, kept for good. Bounded to the most recent
  ``ONEDNN_CACHE_CAPACITY``: running a large preset again may compile some kernels again.
- ``disable_mkl_buffer_pool()``: MKL, which runs PyTorch's CPU matrix products, keeps the
  scratch buffers of its products in a pool of its own that no trim reaches (measured:
  +10.8 MiB kept after three batches through four 2048x2048 linear layers, +1.9 MiB with
  the pool off); off, they come from malloc, whose free memory the runner hands back. MKL
  reads the setting when torch's libraries load: the window's job runner is made before
  (``gui.shell.launch`` loads them after the first paint).

``release_free_heap()`` (glibc): tensors a job allocates and drops are freed into glibc's
heaps, which keep the memory for later (measured: up to 570 MiB free in the heaps after
3,000 monkey actions); this asks glibc to return the free pages (``malloc_trim``). The job
runner calls it when it has been idle for a moment. On other C libraries it does nothing.
The trim releases every whole free page in every arena's bins (worker threads' arenas too),
and the main heap's top; a worker arena's top shrinks on ``free`` once over glibc's trim
threshold.

After the trim, what a long session adds is memory in use, not free memory glibc keeps: over
2,000 monkey actions (tools/monkey.py), the heaps' free bytes, arena tops included, stayed at
1-9 MiB (``mallinfo2().fordblks``, an upper bound on what they keep resident) while RssAnon
grew by ~31 MiB, ~20 MiB of it C-heap blocks in use and ~5 MiB Python's object arenas. So
glibc's own settings are left at their defaults; measured and not adopted:

- a fixed mmap threshold (``mallopt(M_MMAP_THRESHOLD)``, or ``MALLOC_MMAP_THRESHOLD_``):
  glibc raises its threshold (up to 32 MiB) after a large mapped block is freed, so later
  tensors up to that size come from the heaps, but the trim hands their freed pages back
  all the same. Fixed at 128 KiB, the monkey's "everything else" grew no less (10,000
  actions, two runs side by side: 126.1 MiB against 117.8 by default; 2,000 actions: 75.3
  against 69.5), and every tensor of 128 KiB or more costs an mmap and fresh page faults.
- one arena (``MALLOC_ARENA_MAX=1``): no clear gain.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from collections.abc import Callable
from functools import cache

ONEDNN_CACHE_ENV = "ONEDNN_PRIMITIVE_CACHE_CAPACITY"
ONEDNN_CACHE_CAPACITY = 128  # primitives; oneDNN's default is 1,024
MKL_BUFFER_POOL_ENV = "MKL_DISABLE_FAST_MM"  # MKL's own switch: any value turns the pool off


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    libc.malloc_trim.restype = ctypes.c_int
    return libc


def tune_for_long_sessions() -> None:
    """Bound what native libraries keep over a long session (see the module docstring)."""
    bound_onednn_cache()
    disable_mkl_buffer_pool()


def bound_onednn_cache(capacity: int = ONEDNN_CACHE_CAPACITY) -> None:
    """oneDNN keeps at most ``capacity`` primitives; a value the user set wins. oneDNN reads
    it when PyTorch runs its first convolution: call before that."""
    os.environ.setdefault(ONEDNN_CACHE_ENV, str(capacity))


def disable_mkl_buffer_pool() -> None:
    """MKL allocates through malloc instead of keeping a pool (see the module docstring); a
    value the user set wins. Read when torch's libraries load: call before that."""
    os.environ.setdefault(MKL_BUFFER_POOL_ENV, "1")


def release_free_heap() -> bool:
    """Return the C heap's free memory to the system; True if it could be asked."""
    libc = _glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


class HeapTrimmer:
    """Runs ``release_free_heap`` on a thread of its own, woken by ``request()``.

    Trimming a large heap can take longer than a frame and the C call releases the GIL, so
    it runs off the GUI thread; one long-lived thread, because ``Thread.start()`` waits
    until the new thread runs (measured: up to 125-140 ms on the GUI thread under load,
    per trim). Requests made while a trim runs are merged into one more trim.
    """

    def __init__(self, trim: Callable[[], object] = release_free_heap) -> None:
        self._trim = trim
        self._wanted = threading.Event()
        self._thread: threading.Thread | None = None
        self.trims_done = 0

    def request(self) -> None:
        """Ask for a trim soon; never waits (but for the thread's start, once)."""
        self._wanted.set()
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="heap-trim",
                                            daemon=True)
            self._thread.start()

    def _serve(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            self._trim()
            self.trims_done += 1


@cache
def heap_trimmer() -> HeapTrimmer:
    """The process's one trimmer: the C heap is the process's, so one thread serves every
    job runner (tests make hundreds of runners)."""
    return HeapTrimmer()

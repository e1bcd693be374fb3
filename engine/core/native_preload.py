"""Loading torch's compiled libraries on a thread of their own, without the GIL.

``import torch`` spends a fifth of its time in the dynamic loader (relocating and
initialising ~1 GB of libtorch, CUDA and cuDNN), and Python's import machinery holds the
GIL throughout, so the GUI thread can do nothing meanwhile. ``dlopen`` called through ctypes
releases the GIL: started here, the loader does that work on the second core while the GUI
thread runs Python, and ``import torch`` then finds its libraries loaded.

The same libraries are loaded as ``import torch`` would load them: ``libtorch_global_deps``
with ``RTLD_GLOBAL`` first (as torch's ``_load_global_deps`` does), then the extension
``torch._C`` with the interpreter's own flags, its dependencies found through their RPATH.
Not done when ``LD_LIBRARY_PATH`` or ``LD_PRELOAD`` could make the loader pick other copies
than the ones torch preloads, nor when ``TORCHSCOPE_NO_PRELOAD`` is set (to compare, or if a
system misbehaves); any failure leaves everything to ``import torch``.

Waiting matters: while the loader works it holds its own lock, and a thread that holds the
GIL and opens a library meanwhile stalls every Python thread, so ``import torch`` waits for
``wait_for_torch_libraries`` first.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import sys
import threading
from pathlib import Path

log = logging.getLogger("torchscope")

_thread: threading.Thread | None = None


def torch_library_paths() -> list[tuple[str, int]]:
    """(path, dlopen flags) in loading order, found without importing torch; [] if none."""
    if "torch" in sys.modules or not sys.platform.startswith("linux"):
        return []
    if any(os.environ.get(name) for name in ("LD_LIBRARY_PATH", "LD_PRELOAD",
                                             "TORCHSCOPE_NO_PRELOAD")):
        return []
    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    extensions = sorted(folder.glob("_C.cpython-*.so"))
    global_deps = folder / "lib" / "libtorch_global_deps.so"
    if len(extensions) != 1 or not global_deps.is_file():
        return []
    return [(str(global_deps), os.RTLD_GLOBAL | os.RTLD_NOW),
            (str(extensions[0]), sys.getdlopenflags())]


def _load(paths: list[tuple[str, int]]) -> None:
    libc = ctypes.CDLL(None)  # a CDLL function releases the GIL while it runs
    dlopen = libc.dlopen
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = (ctypes.c_char_p, ctypes.c_int)
    for path, flags in paths:
        if not dlopen(os.fsencode(path), flags):  # the handle is kept: never closed
            log.debug("Preloading %s failed; import torch will report why", path)
            return


def start_loading_torch_libraries() -> bool:
    """Start loading torch's libraries in the background (once); True if started."""
    global _thread
    if _thread is not None:
        return False
    try:
        paths = torch_library_paths()
    except (ImportError, ValueError, OSError):
        paths = []
    if not paths:
        return False
    _thread = threading.Thread(target=_load, args=(paths,), name="torch-preload", daemon=True)
    _thread.start()
    return True


def wait_for_torch_libraries() -> None:
    """Block (without the GIL) until the background loading, if any, is done."""
    if _thread is not None:
        _thread.join()

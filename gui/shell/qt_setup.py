"""Process-wide Qt set-up done before the QApplication exists.

- ``use_temporary_settings``: headless runs (``--screenshot``, ``--self-test``,
  ``--exit-after-paint``) neither read nor write the user's settings; every ``QSettings()``
  of the process then lives in a temporary folder removed at exit (or, when the run was
  killed, by the next headless run: see ``gui.shell.stale_folders``).
- ``install_message_filter``: Qt's console messages pass through, except two that are not
  problems: the offscreen plugin's "does not support propagateSizeHints()" and the notice
  that Qt switched a non-UTF-8 locale to UTF-8.
- ``lighten_feature_scan``: PySide's import hook reads the source of every module imported
  after it (through ``inspect.getsource``, which also keeps the text in ``linecache``) to
  see whether it mentions "PySide6"; for torch's ~900 modules that costs ~0.1 s of
  start-up and the memory of their sources. The same test on the file's bytes is cheaper,
  and modules of the numerical libraries, which never use Qt, are not read at all (reading
  torch's sources still took ~40 ms of the torch import, GIL held).
- ``bound_pixmap_cache``: Qt's style keeps what it drew (button bevels, frames, grooves,
  per size and state) in ``QPixmapCache``, 10 MiB by default, dropped only past that: the
  monkey session's widgets held 1.3 MiB after 100 actions, 3.9-4.2 MiB after 1,300-3,000,
  still filling. The bound keeps what a repaint draws again; the rest is drawn anew.
"""

from __future__ import annotations

import atexit
import shutil
import sys

from PySide6.QtCore import QSettings, qFormatLogMessage, qInstallMessageHandler
from PySide6.QtGui import QPixmapCache

from gui.shell.stale_folders import make_owned_folder

_previous_handler = None
_FEATURE_MODULE = "shibokensupport.feature"  # PySide's ``__feature__`` support (PYSIDE-2029)


# Packages that never use Qt: their modules are not read (most modules imported at start-up).
WITHOUT_QT = frozenset({"torch", "torchvision", "torchgen", "functorch", "numpy", "cuda",
                        "sympy", "PIL"})


def mentions_pyside(module) -> bool:
    """PySide's test (does the module's source mention "PySide6"?) on the file's bytes."""
    name = getattr(module, "__name__", None)
    if isinstance(name, str) and name.partition(".")[0] in WITHOUT_QT:
        return False
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in or compiled: the original finds no source either
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten_feature_scan() -> bool:
    """Swaps PySide's per-import source scan for ``mentions_pyside``; True if it could."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False  # another PySide version: leave it as it is
    feature._mod_uses_pyside = mentions_pyside
    return True


PIXMAP_CACHE_KIB = 2048  # Qt's default is 10,240


def bound_pixmap_cache(limit_kib: int = PIXMAP_CACHE_KIB) -> None:
    """At most ``limit_kib`` of drawn pixmaps kept for reuse (see the module docstring)."""
    QPixmapCache.setCacheLimit(min(QPixmapCache.cacheLimit(), limit_kib))


SETTINGS_PREFIX = "torchscope-settings-"


def use_temporary_settings() -> str:
    """Points the process's default QSettings at a fresh temporary folder; returns it."""
    folder = make_owned_folder(SETTINGS_PREFIX)  # also removes those of killed runs
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
    return folder


def is_noise(message: str) -> bool:
    """True for the Qt messages that report nothing a user should act on."""
    if message.startswith("This plugin does not support propagateSizeHints()"):
        return True
    return (message.startswith('Detected locale "') and "which is not UTF-8" in message
            and "has switched to" in message)


def _handle(kind, context, message: str) -> None:
    if is_noise(message):
        return
    if _previous_handler is not None:
        _previous_handler(kind, context, message)
        return
    sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")
    sys.stderr.flush()


def install_message_filter() -> None:
    """Routes Qt's messages through ``is_noise`` (once per process)."""
    global _previous_handler
    previous = qInstallMessageHandler(_handle)
    if previous is not _handle:
        _previous_handler = previous

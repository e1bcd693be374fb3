"""Temporary folders named after the process that made them, and the sweep of those whose
process is gone.

A folder removed at exit (``atexit``, ``TemporaryDirectory``) stays behind when its process
is killed. Each such folder's name carries its process id
(``torchscope-settings-<pid>-<random>``), so the next run can tell a dead process's folder
from a live one's and remove it. Only on POSIX: there ``os.kill(pid, 0)`` asks whether a
process exists; on Windows signal 0 would stop the process instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def make_owned_folder(prefix: str, parent: str | None = None) -> str:
    """A new temporary folder ``<prefix><pid>-<random>``, after sweeping dead ones."""
    remove_stale_folders(prefix, parent)
    return tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent)


def owned_temporary_directory(prefix: str) -> tempfile.TemporaryDirectory:
    """``make_owned_folder`` as a ``TemporaryDirectory`` (removed when the block ends)."""
    remove_stale_folders(prefix)
    return tempfile.TemporaryDirectory(prefix=f"{prefix}{os.getpid()}-")


def remove_stale_folders(prefix: str, parent: str | None = None) -> list[Path]:
    """Removes the ``<prefix><pid>-*`` folders whose process no longer runs; returns them.

    Folders without a process id in their name (other tools, older versions) are left.
    """
    if os.name != "posix":
        return []
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{prefix}*-*"):
        pid = _owner(folder.name[len(prefix):])
        if pid is None or pid == os.getpid() or _running(pid) or not folder.is_dir():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _owner(rest: str) -> int | None:
    number = rest.split("-", 1)[0]
    return int(number) if number.isdigit() and int(number) > 0 else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or a number no process can have: leave it
    return True

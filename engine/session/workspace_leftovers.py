"""Cleaning up what a killed save left: ``.<name>.torchscope.<8 random>.part`` files.

A save writes ``.<name>.torchscope.XXXXXXXX.part`` next to the file and renames it over the
file when it is complete (``workspace_file.atomic_output``), holding an exclusive ``flock``
on it the whole time. A killed process leaves the part file behind, but its lock dies with
it. On the next save or open in that folder, a file is removed only if all of these hold:

- its name matches that pattern exactly (``tempfile``'s 8 characters), so only files that
  TorchScope itself makes are candidates; exports and other programs' files never are;
- it is a regular file (not a link) owned by this user;
- no process holds its lock: a save still running (in this or another TorchScope) keeps it
  locked, and a lock cannot outlive its process. Where ``flock`` does not exist (Windows),
  the file must instead be older than this process, and the system refuses to delete a
  file another process still has open;
- it was last written more than ``MIN_AGE_SECONDS`` ago (a save locks its file right after
  creating it; this covers that instant).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path
from typing import IO

from engine.core.limits import format_bytes
from engine.i18n.messages import msg
from engine.session.workspace_format import SUFFIX

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows)
    fcntl = None  # type: ignore[assignment]

LEFTOVER = re.compile(r"\.(?P<target>.+" + re.escape(SUFFIX) + r")\.[a-z0-9_]{8}\.part")
MIN_AGE_SECONDS = 10.0
PROCESS_START = time.time()


def lock_for_writing(handle: IO[bytes]) -> None:
    """Mark a part file as in use by a live save (released when the process ends)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _is_candidate(entry: os.DirEntry[str], now: float) -> bool:
    if not LEFTOVER.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
        return False
    stat = entry.stat(follow_symlinks=False)
    if hasattr(os, "getuid") and stat.st_uid != os.getuid():
        return False
    if fcntl is None and stat.st_mtime >= PROCESS_START:
        return False
    return now - stat.st_mtime > MIN_AGE_SECONDS


def _remove_if_unlocked(path: str) -> int | None:
    """Remove ``path`` if no live save holds it; its size, or None if it was kept."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the file is gone
        size = os.fstat(fd).st_size
        os.unlink(path)
        return size
    except OSError:
        return None
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> str | None:
    """Remove what killed saves left in ``folder``; a message saying so, or None."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return None
    now = time.time()
    removed: list[tuple[str, int]] = []
    for entry in entries:
        with contextlib.suppress(OSError):
            if _is_candidate(entry, now):
                size = _remove_if_unlocked(entry.path)
                if size is not None:
                    removed.append((entry.name, size))
    if not removed:
        return None
    return msg("Removed {count} unfinished file(s) ({size}) that an interrupted save left "
               "in {folder}: {names}.", count=len(removed), folder=str(folder),
               size=format_bytes(sum(size for _, size in removed)),
               names=", ".join(name for name, _ in removed))

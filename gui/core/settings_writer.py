"""Settings written by a thread of their own, so the GUI thread never waits on the disk.

A ``QSettings.setValue`` on the GUI thread writes the file on a later turn of the event
loop, on the GUI thread: a lock file, a new file and a rename. That is a millisecond on a
quiet disk and was seen to hold the loop 49 ms on a busy one (a language switch). Here a
separate ``QSettings`` object on the same file writes it from one pool thread, in the
order asked (Qt supports distinct ``QSettings`` objects on one file in different threads).
The GUI's own object sees the values after ``flush(settings)``, which waits for the
writes and reloads it; the window calls it before it saves its geometry on close.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRunnable, QSettings, QThreadPool

_pool: QThreadPool | None = None


class _SettingWrite(QRunnable):
    def __init__(self, settings: QSettings, key: str, value) -> None:
        super().__init__()
        self._file_name = settings.fileName()
        self._format = settings.format()
        self._key = key
        self._value = value

    def run(self) -> None:
        settings = QSettings(self._file_name, self._format)
        settings.setValue(self._key, self._value)
        settings.sync()


def _writer_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        # parented to the application: it waits for its writes when the app goes away
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)  # one thread: writes land in the order they were asked
        _pool.setExpiryTimeout(5000)
    return _pool


def write_setting(settings: QSettings, key: str, value) -> None:
    """Set ``key`` to ``value`` in ``settings``' file, from the writer thread."""
    _writer_pool().start(_SettingWrite(settings, key, value))


def flush(settings: QSettings) -> None:
    """Wait for the writes asked so far, then reload ``settings`` from its file."""
    if _pool is not None:
        _pool.waitForDone()
    settings.sync()

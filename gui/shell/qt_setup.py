"""Process-wide Qt set-up done before the QApplication exists.

- ``use_temporary_settings``: headless runs (``--screenshot``, ``--self-test``,
  ``--exit-after-paint``) neither read nor write the user's settings; every ``QSettings()``
  of the process then lives in a temporary folder removed at exit.
- ``install_message_filter``: Qt's console messages pass through, except two that are not
  problems: the offscreen plugin's "does not support propagateSizeHints()" and the notice
  that Qt switched a non-UTF-8 locale to UTF-8.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile

from PySide6.QtCore import QSettings, qFormatLogMessage, qInstallMessageHandler

_previous_handler = None


def use_temporary_settings() -> str:
    """Points the process's default QSettings at a fresh temporary folder; returns it."""
    folder = tempfile.mkdtemp(prefix="torchscope-settings-")
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

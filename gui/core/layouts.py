"""Running Qt's pending layout requests now instead of on a later turn."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

LAYOUT_LEVELS = 8  # each pass lays out one more level of nested layouts


def settle_layouts() -> None:
    """Run the pending layout requests now, level by level up to the windows, so that what
    they move is painted once (a tab widget that relayouts after a paint repaints whole)."""
    for _level in range(LAYOUT_LEVELS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

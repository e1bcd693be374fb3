"""The tabs' settings saved in a workspace file and given back when it is opened.

Only tabs that are ``SettingsParticipant``s take part; a tab whose settings cannot be
read, stored as JSON or applied is logged and skipped: never fatal for the save or open.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from gui.session.participants import SettingsParticipant

log = logging.getLogger("torchscope.session")


def collect_tab_settings(tabs: Mapping[str, object]) -> dict:
    """``{tab key: settings}`` of every participating tab whose settings are JSON-able."""
    import json  # only needed when saving

    settings = {}
    for key, tab in tabs.items():
        if not isinstance(tab, SettingsParticipant):
            continue
        try:
            value = tab.settings()
            json.dumps(value, allow_nan=False)
        except Exception:
            log.exception("Settings of the %s tab cannot be saved", key)
            continue
        if isinstance(value, dict):
            settings[key] = value
    return settings


def apply_tab_settings(tabs: Mapping[str, object], settings: dict) -> None:
    """Give each participating tab its saved settings back."""
    for key, value in settings.items():
        tab = tabs.get(key)
        if isinstance(tab, SettingsParticipant) and isinstance(value, dict):
            try:
                tab.apply_settings(value)
            except Exception:
                log.exception("The %s tab could not apply its saved settings", key)

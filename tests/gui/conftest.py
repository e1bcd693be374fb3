"""GUI tests start as the app does: with the English translators installed (English has
plural forms only: "1 node", "5 nodes"), whichever test runs first."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def english_as_at_start(qapp):
    from gui.shell.language import install_language

    install_language("en")

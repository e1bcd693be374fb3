"""The Autograd tab as most of its tests use it: built, 1280×760, its start-up jobs done."""

from __future__ import annotations

import pytest

from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    widget = AutogradTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget

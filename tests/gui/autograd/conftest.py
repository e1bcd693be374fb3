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


def wait_model_shown(qtbot, tab) -> None:
    """Wait until a built model is on screen: its job done, then its panels and graph, which
    come over a few event-loop turns after the job (the runner is idle before they are)."""
    qtbot.waitUntil(lambda: not tab.ctx.runner.is_busy() and not tab.model_jobs.showing()
                    and not tab.graph_view.drawing(), timeout=60000)

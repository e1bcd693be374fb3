"""The Autograd tab as most of its tests use it: built, 1280×760, its start-up jobs done."""

from __future__ import annotations

import pytest


@pytest.fixture
def tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    widget = AutogradTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_shown(qtbot, widget)
    return widget


def wait_shown(qtbot, tab, timeout_ms: int = 60000) -> None:
    """Wait until the tab's jobs are done and what they brought is on screen: the graph
    (its lines, labels and node squares: clicks hit those) and a built model's panels come
    over a few event-loop turns after the job ends, and the runner is idle before they are."""
    qtbot.waitUntil(lambda: not tab.ctx.runner.is_busy() and not tab.model_jobs.showing()
                    and not tab.graph_view.drawing(), timeout=timeout_ms)


def wait_model_shown(qtbot, tab) -> None:
    """Wait until a built model is on screen (see ``wait_shown``)."""
    wait_shown(qtbot, tab)

"""The tiny model as the Autograd tab shows it: every panel ends with the built model's data,
the loss curve gets every step, and what changes inside the tab stays inside it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject

from gui.core.layouts import settle_layouts
from tests.conftest import wait_idle
from tests.gui.autograd.conftest import wait_model_shown


def test_the_built_model_ends_in_every_panel(qtbot, tab, ctx):
    panel = tab.model_panel
    panel.build_button.click()
    assert tab.curves.isHidden()  # room for the model's graph while the worker builds it
    wait_model_shown(qtbot, tab)
    state = tab.model_jobs.state
    names = [name for name, _ in state.model.named_parameters()]
    assert [panel.table.item(row, 0).text().split()[0] for row in range(4)] == names
    assert panel.info.text().startswith("Loss ")
    assert tab.graph_view.graph().leaf_count() == 4
    assert "AccumulateGrad" in tab.backward_label.text()
    assert tab.curves.isHidden() and panel.train_button.isEnabled()
    assert ctx.session.steps("autograd")[-1].title == "Tiny model: one training step"


def test_the_notes_curves_come_back_when_no_model_comes(qtbot, tab, ctx, monkeypatch):
    import gui.autograd.side_jobs as side_jobs

    def broken_build():
        raise RuntimeError("no model today")

    monkeypatch.setattr(side_jobs, "build_model", broken_build)
    tab.model_panel.build_button.click()
    wait_idle(qtbot, ctx.runner)
    assert not tab.curves.isHidden()
    assert "no model today" in tab.model_panel.info.text()


def test_training_draws_every_step_and_keeps_the_view_it_trained_in(qtbot, tab, ctx):
    panel = tab.model_panel
    panel.build_button.click()
    wait_model_shown(qtbot, tab)
    panel.steps.setValue(40)
    panel.train_button.click()
    box = panel.loss_plot.getViewBox()
    x_range = box.viewRange()[0]  # set for the whole run when it starts
    wait_idle(qtbot, ctx.runner)
    losses = panel.losses()
    xs, ys = panel.loss_curve.getData()
    assert len(losses) == 40 and losses[-1] < losses[0]
    np.testing.assert_array_equal(xs, np.arange(1, 41))
    np.testing.assert_allclose(ys, losses)  # every step, not only those reported live
    (x0, x1), (y0, y1) = box.viewRange()
    assert [x0, x1] == x_range  # not re-ranged at the end: the axes are not redrawn
    assert y0 <= min(losses) and max(losses) <= y1


def test_a_new_text_under_the_graph_keeps_the_graphs_size(qtbot, tab):
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_backward_text("One line.")
    settle_layouts()
    height = tab.graph_view.height()
    tab.set_backward_text("A text long enough to take two lines in the graph's column, "
                          "as the texts shown there do when a model or a preset is drawn.")
    settle_layouts()
    assert tab.graph_view.height() == height
    tab.hide()


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_changes_inside_the_tab_never_relayout_the_windows_tabs(qtbot, tab):
    """A QTabWidget repaints all it shows on each layout request: none may reach it."""
    from PySide6.QtWidgets import QTabWidget

    window_tabs = QTabWidget()
    qtbot.addWidget(window_tabs)
    window_tabs.addTab(tab, "Autograd")
    window_tabs.resize(1280, 800)
    window_tabs.show()
    qtbot.waitExposed(window_tabs)
    settle_layouts()
    assert tab.layout() is None  # the tab places its splitter itself: it fills the tab
    assert tab.splitter.geometry() == tab.rect().adjusted(4, 4, -4, -4)
    watcher = _LayoutRequests()
    window_tabs.installEventFilter(watcher)
    tab.set_backward_text("A new text under the graph.")
    tab.model_panel.info.setText("A new text in the tiny model's page.")
    tab.details.title.setText("A new title in the details")
    settle_layouts()
    assert watcher.count == 0
    window_tabs.resize(1000, 700)
    settle_layouts()
    assert tab.splitter.geometry() == tab.rect().adjusted(4, 4, -4, -4)
    window_tabs.hide()
    window_tabs.removeTab(0)
    tab.setParent(None)  # the fixture closes the tab itself

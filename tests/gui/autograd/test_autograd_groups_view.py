"""Module groups on screen: open and close in place, search, minimap, shapes, group flow."""

from __future__ import annotations

import numpy as np
import pytest

from tests.gui.autograd.conftest import wait_shown


@pytest.fixture
def tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    widget = AutogradTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    wait_shown(qtbot, widget)
    widget.presets.set_current_key("tiny")
    widget.presets.run_button.click()
    qtbot.waitUntil(lambda: widget.state.view is not None
                    and widget.state.view.groups is not None, timeout=60000)
    wait_shown(qtbot, widget)
    yield widget
    widget.hide()


def box(tab, title):
    view = tab.state.view
    return next(i for i, item in enumerate(view.items)
                if item.kind == "group" and item.label == title)


def test_collapsed_boxes_show_name_class_and_count(tab):
    view = tab.graph_view
    texts = view.picture.labels.visible_texts()
    assert "2\nSequential · 5 nodes" in texts  # nested: addmm, t, weight, bias, tanh
    assert "0\nLinear · 4 nodes" in texts
    assert view.open_all_button.isVisible() and view.close_all_button.isVisible()


def test_double_click_opens_in_place_and_closing_restores_the_layout(qtbot, tab):
    view = tab.graph_view
    before = view.item_positions().copy()
    labels = [item.label for item in tab.state.view.items]
    nested = tab.state.view.items[box(tab, "2")].call
    view.click_item(box(tab, "2"), double=True)
    qtbot.waitUntil(lambda: nested in tab.state.view.open_calls, timeout=10000)
    assert view.view() is tab.state.view
    assert "2.1" in [item.label for item in tab.state.view.items]  # its children appear
    assert [f.title for f in tab.state.view.frames] == ["2"]
    tanh_group = tab.state.view.items[box(tab, "2.1")].call
    view.click_item(box(tab, "2.1"), double=True)  # a box inside: opens it
    qtbot.waitUntil(lambda: tanh_group in tab.state.view.open_calls, timeout=10000)
    tanh = next(i for i, item in enumerate(tab.state.view.items)
                if item.class_name == "TanhBackward0")
    view.click_item(tanh, double=True)  # a node: closes its innermost open group (2.1)
    qtbot.waitUntil(lambda: tanh_group not in tab.state.view.open_calls, timeout=10000)
    assert nested in tab.state.view.open_calls
    view.group_toggled.emit(nested, False)  # what closing "2" asks for
    qtbot.waitUntil(lambda: nested not in tab.state.view.open_calls, timeout=10000)
    assert [item.label for item in tab.state.view.items] == labels
    np.testing.assert_array_equal(view.item_positions(), before)


def test_open_all_and_close_all(qtbot, tab):
    view = tab.graph_view
    graph = view.graph()
    view.open_all_button.click()
    qtbot.waitUntil(lambda: view.view().item_count == graph.node_count, timeout=10000)
    view.close_all_button.click()
    qtbot.waitUntil(lambda: view.view().item_count == 5, timeout=10000)


def test_search_highlights_centres_and_steps_with_enter(qtbot, tab):
    view = tab.graph_view
    view.open_all_button.click()
    qtbot.waitUntil(lambda: view.view().item_count == view.graph().node_count, timeout=10000)
    view.search.set_text("addmm")
    assert len(view.search.matches) == 3
    assert view.search.status.text() == "1 of 3"
    first = view.search.matches[0]
    (x0, x1), (y0, y1) = view.plot.getViewBox().viewRange()
    assert np.allclose(((x0 + x1) / 2, (y0 + y1) / 2), view.item_positions()[first])
    qtbot.keyClick(view.search.field, "\r")
    assert view.search.status.text() == "2 of 3"
    view.search.set_text("no such module")
    assert view.search.status.text() == "no match" and not view.search.matches


def test_minimap_click_centres_the_view(tab):
    view = tab.graph_view
    x, y = view.item_positions()[0]
    view.minimap.click_at(float(x) + 1.0, float(y) - 0.5)
    (x0, x1), (y0, y1) = view.plot.getViewBox().viewRange()
    assert np.allclose(((x0 + x1) / 2, (y0 + y1) / 2), (x + 1.0, y - 0.5))
    ax0, ay0, ax1, ay1 = view.minimap.visible_area()
    assert np.allclose((ax0, ax1, ay0, ay1), (x0, x1, y0, y1))


def test_edge_shapes_show_when_they_fit_and_hide_when_crowded(qtbot, tab):
    view = tab.graph_view
    view.fit()
    assert "[1, 8]" in view.picture.edge_labels.visible_texts()
    box_ = view.plot.getViewBox()
    (x0, x1), (y0, y1) = box_.viewRange()
    box_.setRange(xRange=(x0, x0 + (x1 - x0) * 80), yRange=(y0, y0 + (y1 - y0) * 80),
                  padding=0)
    assert view.picture.edge_labels.visible_texts() == []  # zoomed out: no room


def test_backward_step_inside_a_closed_group_shows_its_gradient_flow(qtbot, tab, ctx):
    tab.backward_button.click()
    qtbot.waitUntil(lambda: tab.player.length() > 0, timeout=20000)
    tab.player.reset()
    for _ in range(tab.player.length()):
        tab.player.step()
        wait_shown(qtbot, tab)  # the group's details are read on the worker
        if tab.details.group() is not None:
            break
    group = tab.details.group()
    assert group is not None and group.backward_done
    assert tab.graph_view.selected_group() == group.call
    assert all(edge.grad is not None for edge in group.entering)
    assert any("Gradient in from" in text for text in tab.details.entry_texts())
    for edge in group.entering:  # small gradients: the viewer shows their recorded values
        np.testing.assert_array_equal(edge.snapshot.values, edge.grad.values.numpy())

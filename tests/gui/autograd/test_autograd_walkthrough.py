"""A learner walks through "Los fundamentos de Autograd" with the real widgets.

Each stage checks what the tab shows (table, graph, node details, curves, presets) and
that the code panel's code, run from scratch, reproduces exactly that.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.autograd.tab import AutogradTab

    widget = AutogradTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget


def run_code_panel(tab) -> dict:
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    return namespace


def grad_fn_name(tensor) -> str:
    return type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else "None"


def click_node(qtbot, tab, ctx, index: int) -> None:
    from PySide6.QtCore import QPointF, Qt

    view = tab.graph_view
    view.fit()
    box = view.plot.getViewBox()
    point = view.plot.mapFromScene(box.mapViewToScene(QPointF(*view.node_positions()[index])))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    wait_idle(qtbot, ctx.runner)
    assert tab.details.details().index == index


def run_preset(qtbot, tab, ctx, key: str) -> dict:
    tab.modes.setCurrentIndex(1)
    tab.presets.set_current_key(key)
    tab.presets.run_button.click()
    wait_idle(qtbot, ctx.runner)
    return {row[0]: row for row in tab.presets.table_texts()}


def test_requires_grad_and_the_sine_example(qtbot, tab, ctx):
    tab.show()
    names = [name for name, _ in tab.steps_editor.steps()]
    assert names == ["a", "b", "c", "d", "out"]
    ns = run_code_panel(tab)
    # requires_grad: a is a leaf that autograd tracks; everything computed from it has history.
    assert tab.steps_editor.result_texts(3) == [str(ns[n].requires_grad) for n in names]
    assert tab.steps_editor.result_texts(4) == [grad_fn_name(ns[n]) for n in names]
    assert ns["a"].is_leaf and ns["a"].grad_fn is None and ns["a"].shape == (25,)
    # The forward curve is b = sin(a) over [0, 2π], as the code computes it.
    x, y = tab.curves.forward_data()
    np.testing.assert_allclose(x, ns["a"].detach().numpy(), rtol=1e-6)
    np.testing.assert_allclose(y, ns["b"].detach().numpy(), rtol=1e-6)
    assert x[0] == 0 and x[-1] == pytest.approx(2 * math.pi)
    # backward(): the gradient plot is a.grad, 2·cos(a), and the finite differences agree.
    _, grad = tab.curves.gradient_data()["grad"]
    np.testing.assert_array_equal(grad, ns["a"].grad.numpy())
    np.testing.assert_allclose(grad, 2 * np.cos(x), atol=1e-5)
    assert "out.backward(retain_graph=True)" in tab.code_panel.code()
    tab.hide()


def test_walking_grad_fn_next_functions_from_d(qtbot, tab, ctx):
    tab.show()
    ns = run_code_panel(tab)
    graph = tab.graph_view.graph()
    index = graph.find("AddBackward0")[0]  # d.grad_fn
    node = ns["d"].grad_fn
    walked = []
    while True:
        click_node(qtbot, tab, ctx, index)
        details = tab.details.details()
        assert details.class_name == type(node).__name__
        expected = tuple(type(n).__name__ if n is not None else "None"
                         for n, _ in node.next_functions)
        assert details.next_functions == expected
        assert tab.details.summary.text() == "next_functions: " + (
            ", ".join(expected) if expected else "none (a leaf)")
        walked.append(details.class_name)
        if not node.next_functions:
            break
        node = node.next_functions[0][0]  # d.grad_fn.next_functions[0][0]...
        index = graph.children(index)[0]
    assert walked == ["AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]
    # The leaf holds a: after backward() its .grad is shown and equals the code's a.grad.
    entries = [tab.details.entries.item(i) for i in range(tab.details.entries.count())]
    grads = [e for e in entries if e.text().startswith("a.grad")]
    assert grads, tab.details.entry_texts()
    snapshot = grads[0].data(256)
    np.testing.assert_allclose(snapshot.values, ns["a"].grad.numpy())
    # SinBackward0 saved its input: the saved tensor shown is a itself.
    click_node(qtbot, tab, ctx, graph.find("SinBackward0")[0])
    saved = [e for e in (tab.details.entries.item(i) for i in range(tab.details.entries.count()))
             if "_saved_self" in e.text()]
    np.testing.assert_allclose(saved[0].data(256).values, ns["a"].detach().numpy())
    tab.hide()


def test_backward_step_by_step_matches_autograd_grad(qtbot, tab, ctx):
    ns = run_code_panel(tab)
    tab.player.reset()
    order = []
    for _ in range(tab.player.length()):
        tab.player.step_button.click()
        wait_idle(qtbot, ctx.runner)
        order.append(tab.graph_view.graph().nodes[tab.graph_view.active_node()].class_name)
    assert order == ["SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0",
                     "AccumulateGrad"]
    # The gradient arriving at SinBackward0 is d(out)/d(b) = 2 everywhere.
    step = tab.player.step_for(tab.graph_view.graph().find("SinBackward0")[0])
    expected = torch.autograd.grad(ns["out"], ns["b"], retain_graph=True)[0]
    np.testing.assert_allclose(step.grads_in[0].snapshot.values, expected.numpy())


def test_turning_autograd_off_in_the_expressions(qtbot, tab, ctx):
    for mode, head in (("no_grad", "with torch.no_grad():"),
                       ("inference_mode", "with torch.inference_mode():")):
        tab.mode_choice.setCurrentIndex(tab.mode_choice.findData(mode))
        wait_idle(qtbot, ctx.runner)
        assert tab.graph_view.graph().node_count == 0
        assert ctx.session.steps("autograd")[-1].code.startswith(head)
        ns = run_code_panel(tab)
        assert tab.steps_editor.result_texts(4) == ["None"] * 5
        assert all(ns[n].grad_fn is None for n in ("b", "c", "d", "out"))
        assert tab.steps_editor.result_texts(3)[1:] == ["False"] * 4
    tab.mode_choice.setCurrentIndex(tab.mode_choice.findData("on"))
    wait_idle(qtbot, ctx.runner)
    tab.track_box.setChecked(False)  # a.requires_grad = False: nothing is tracked
    wait_idle(qtbot, ctx.runner)
    ns = run_code_panel(tab)
    assert not ns["a"].requires_grad and ns["out"].grad_fn is None
    assert tab.steps_editor.result_texts(3) == ["False"] * 5
    tab.track_box.setChecked(True)
    wait_idle(qtbot, ctx.runner)
    # detach(): same values as b, no history.
    tab.steps_editor.add_button.click()
    tab.steps_editor.set_expression(5, "detach(b)")
    qtbot.waitUntil(lambda: tab.steps_editor.result_texts(4)[-1] != "", timeout=10000)
    wait_idle(qtbot, ctx.runner)
    ns = run_code_panel(tab)
    name = tab.steps_editor.steps()[5][0]
    assert tab.steps_editor.result_texts(3)[5] == "False"
    assert tab.steps_editor.result_texts(4)[5] == "None"
    np.testing.assert_array_equal(ns[name].numpy(), ns["b"].detach().numpy())
    assert not ns[name].requires_grad


@pytest.mark.parametrize("key, tracked, untracked", [
    ("requires_grad", {"b1": "MulBackward0"}, ["b2"]),
    ("no_grad", {"c1": "AddBackward0", "c3": "MulBackward0"}, ["c2"]),
    ("decorator", {"c1": "AddBackward0"}, ["c2"]),
    ("enable_grad", {"y2": "MulBackward0"}, ["y1"]),
    ("detach", {}, ["y"]),
])
def test_turning_autograd_off_and_on_presets(qtbot, tab, ctx, key, tracked, untracked):
    table = run_preset(qtbot, tab, ctx, key)
    ns = run_code_panel(tab)
    for name, grad_fn in tracked.items():
        assert table[name][3] == grad_fn == grad_fn_name(ns[name])
        assert table[name][1] == "True"
    for name in untracked:
        assert table[name][3] == "None" == grad_fn_name(ns[name])
        assert table[name][1] == str(ns[name].requires_grad) == "False"
    if key == "detach":
        np.testing.assert_array_equal(ns["y"].numpy(), ns["x"].detach().numpy())
    assert tab.presets.explanation.text()


def test_in_place_on_a_leaf_is_refused(qtbot, tab, ctx):
    table = run_preset(qtbot, tab, ctx, "inplace_leaf")
    ns = run_code_panel(tab)
    shown = tab.presets.error_text.toPlainText()
    assert shown == ns["error"]
    assert "a leaf Variable that requires grad" in shown
    assert tab.presets.error_text.isVisibleTo(tab.presets)
    assert "sin_" in tab.presets.explanation.text()
    assert table["a"][1] == "True" and table["a"][2] == "True"
    assert "torch.sin_(a)" in tab.code_panel.code()
    assert ctx.session.steps("autograd")[-1].title == "Preset: Error: in-place sin_ on a leaf"
    # The leaf is unchanged: the values are still linspace(0, 2π, 25).
    np.testing.assert_allclose(ns["a"].detach().numpy(),
                               np.linspace(0, 2 * math.pi, 25, dtype=np.float32), rtol=1e-6)

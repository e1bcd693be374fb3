"""A learner walks through "Los fundamentos de Autograd" with the real widgets.

Each stage checks what the tab shows (table, graph, node details, curves, presets) and
that the code panel's code, run from scratch, reproduces exactly that.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from gui.autograd.steps import GRAD_FN, REQUIRES_GRAD
from tests.engine.autograd.test_autograd_state import note_autograd_lines
from tests.gui.autograd.conftest import wait_shown


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
    wait_shown(qtbot, tab)
    assert tab.details.details().index == index


def run_preset(qtbot, tab, ctx, key: str) -> dict:
    tab.modes.setCurrentIndex(1)
    tab.presets.set_current_key(key)
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    return {row[0]: row for row in tab.presets.table_texts()}


def test_requires_grad_and_the_sine_example(qtbot, tab, ctx):
    tab.show()
    names = tab.steps_editor.names()
    assert names == ["a", "b", "c", "d", "out"]
    ns = run_code_panel(tab)
    # requires_grad: a is a leaf that autograd tracks; everything computed from it has history.
    assert tab.steps_editor.result_texts(REQUIRES_GRAD) == [str(ns[n].requires_grad)
                                                            for n in names]
    assert tab.steps_editor.result_texts(GRAD_FN) == [grad_fn_name(ns[n]) for n in names]
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
        wait_shown(qtbot, tab)
        order.append(tab.graph_view.graph().nodes[tab.graph_view.active_node()].class_name)
    assert order == ["SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0",
                     "AccumulateGrad"]
    # The gradient arriving at SinBackward0 is d(out)/d(b) = 2 everywhere.
    step = tab.player.step_for(tab.graph_view.graph().find("SinBackward0")[0])
    expected = torch.autograd.grad(ns["out"], ns["b"], retain_graph=True)[0]
    np.testing.assert_allclose(step.grads_in[0].values.numpy(), expected.numpy())
    # Clicked, the node lists that gradient (its snapshot taken on the worker); chosen, the
    # viewer shows it.
    click_node(qtbot, tab, ctx, step.node_index)
    entries = tab.details.entries
    row = next(i for i in range(entries.count())
               if entries.item(i).text().startswith("Gradient in [0]"))
    np.testing.assert_allclose(entries.item(row).data(256).values, expected.numpy())
    entries.setCurrentRow(row)
    np.testing.assert_allclose(tab.details.viewer.snapshot().values, expected.numpy())


def test_turning_autograd_off_in_the_lines(qtbot, tab, ctx):
    for mode, head in (("no_grad", "with torch.no_grad():"),
                       ("inference_mode", "with torch.inference_mode():")):
        tab.mode_choice.setCurrentIndex(tab.mode_choice.findData(mode))
        wait_shown(qtbot, tab)
        assert tab.graph_view.graph().node_count == 0
        assert ctx.session.steps("autograd")[-1].code.startswith(head)
        ns = run_code_panel(tab)
        assert tab.steps_editor.result_texts(GRAD_FN) == ["None"] * 5
        assert all(ns[n].grad_fn is None for n in ("b", "c", "d", "out"))
        assert tab.steps_editor.result_texts(REQUIRES_GRAD)[1:] == ["False"] * 4
    tab.mode_choice.setCurrentIndex(tab.mode_choice.findData("on"))
    wait_shown(qtbot, tab)
    tab.track_box.setChecked(False)  # a.requires_grad = False: nothing is tracked
    wait_shown(qtbot, tab)
    ns = run_code_panel(tab)
    assert not ns["a"].requires_grad and ns["out"].grad_fn is None
    assert tab.steps_editor.result_texts(REQUIRES_GRAD) == ["False"] * 5
    tab.track_box.setChecked(True)
    wait_shown(qtbot, tab)
    # detach(): same values as b, no history.
    editor = tab.steps_editor.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.Down, n=5)  # before `out.backward()`
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "e = b.detach()\r")
    qtbot.waitUntil(lambda: tab.steps_editor.names()[-1:] == ["e"], timeout=10000)
    wait_shown(qtbot, tab)
    ns = run_code_panel(tab)
    assert tab.steps_editor.result_texts(REQUIRES_GRAD)[5] == "False"
    assert tab.steps_editor.result_texts(GRAD_FN)[5] == "None"
    np.testing.assert_array_equal(ns["e"].numpy(), ns["b"].detach().numpy())
    assert not ns["e"].requires_grad


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


def ran(tab, ctx) -> bool:
    """The tab has run exactly what the editor holds and every job is done."""
    program = tab.state.program
    return (program is not None and not ctx.runner.is_busy()
            and program.lines.source == tab.steps_editor.source())


def test_typing_the_notes_autograd_section_line_by_line(qtbot, tab, ctx):
    from PySide6.QtCore import Qt

    editor = tab.steps_editor.editor
    tab.show()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    for line in note_autograd_lines():
        qtbot.keyClicks(editor, line)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ran(tab, ctx), timeout=20000)
        assert tab.steps_editor.error_text() == "", (line, tab.steps_editor.error_text())
    assert tab.steps_editor.source() == "".join(f"{line}\n" for line in note_autograd_lines())
    # The graph of out = d.sum(), drawn from what the lines built.
    graph = tab.graph_view.graph()
    assert [n.class_name for n in graph.nodes] == [
        "SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]
    # Both curves: b = sin(a) forward, and after out.backward() a.grad = 2·cos(a).
    x, y = tab.curves.forward_data()
    np.testing.assert_allclose(y, np.sin(x), atol=1e-6)
    assert x[0] == 0 and x[-1] == pytest.approx(2 * math.pi)
    data = tab.curves.gradient_data()
    np.testing.assert_allclose(data["grad"][1], 2 * np.cos(x), atol=1e-5)
    np.testing.assert_allclose(data["fd"][1], data["grad"][1], atol=1e-3)
    np.testing.assert_allclose(data["closed"][1], 2 * np.cos(x), atol=1e-5)
    assert "2 * cos(a)" in [text for _c, _m, text in tab.curves.legend_parts()]
    # What the lines printed: print(d.grad_fn.next_functions), then print(a.grad).
    output = tab.steps_editor.output_text()
    assert "((<MulBackward0 object at 0x" in output and ">, 0), (None, 0))" in output
    assert "<SinBackward0 object at 0x" in output
    assert output.split("a:\nNone\n")[1].startswith("tensor([ 2.0000e+00,  1.9319e+00,")
    assert tab.player.length() == 5 and "backward() ran 5 nodes" in tab.backward_label.text()
    ns = run_code_panel(tab)  # the code panel's lines reproduce the curves
    np.testing.assert_array_equal(data["grad"][1], ns["a"].grad.numpy())
    tab.hide()

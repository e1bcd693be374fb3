"""The Autograd tab as a user sees it: the note's example, graph clicks, backward replay."""

from __future__ import annotations

import numpy as np

from engine.autograd.program import NOTE_EXAMPLE
from engine.core.codegen import PREAMBLE
from gui.autograd.steps import GRAD_FN, REQUIRES_GRAD
from tests.gui.autograd.conftest import wait_model_shown, wait_shown


def test_default_shows_the_note_example(tab, ctx):
    graph = tab.graph_view.graph()
    assert [n.class_name for n in graph.nodes] == [
        "SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]
    assert tab.steps_editor.result_texts(GRAD_FN) == ["None", "SinBackward0", "MulBackward0",
                                                      "AddBackward0", "SumBackward0"]
    assert tab.steps_editor.source() == NOTE_EXAMPLE  # as the note writes it
    assert tab.steps_editor.output_text().startswith("tensor([ 2.0000e+00,")  # print(a.grad)
    assert "5 nodes" in tab.graph_view.counts_label.text()
    assert tab.details.details().class_name == "MulBackward0"
    assert tab.graph_view.selected_node() == 2
    x, y = tab.curves.forward_data()
    np.testing.assert_allclose(y, np.sin(x), atol=1e-6)
    assert [s.title for s in ctx.session.steps("autograd")] == ["Forward steps", "Backward pass"]


def test_gradient_plot_matches_the_code_panels_a_grad(tab):
    data = tab.curves.gradient_data()
    x, grad = data["grad"]
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    np.testing.assert_array_equal(grad, namespace["a"].grad.numpy())
    np.testing.assert_allclose(data["closed"][1], 2 * np.cos(x), atol=1e-5)
    np.testing.assert_allclose(data["fd"][1], grad, atol=1e-3)
    assert [text for _c, _m, text in tab.curves.legend_parts()] == [
        "autograd", "finite diff.", "2 * cos(a)"]
    assert tab.code_panel.code().startswith(PREAMBLE.rstrip())


def replace_line(tab, number: int, text: str) -> None:
    """Select line ``number`` in the editor and type ``text`` over it, as a user would."""
    lines = tab.steps_editor.source().splitlines()
    lines[number - 1] = text
    tab.steps_editor.editor.setPlainText("\n".join(lines) + "\n")


def test_refused_line_points_at_line_and_column_and_keeps_the_graph(qtbot, tab, ctx):
    replace_line(tab, 2, "b = torch.sin(a")
    qtbot.waitUntil(lambda: tab.steps_editor.error_text() != "", timeout=10000)
    wait_shown(qtbot, tab)
    assert tab.steps_editor.error_text().startswith("Line 2, column")
    assert tab.steps_editor.marked_lines() == [2]
    assert tab.graph_view.graph().node_count == 5
    replace_line(tab, 2, "b = a.__class__")
    qtbot.waitUntil(lambda: "__class__" in tab.steps_editor.error_text(), timeout=10000)
    assert tab.steps_editor.error_text().startswith("Line 2, column 5:")
    replace_line(tab, 2, "b = torch.cos(a)")
    qtbot.waitUntil(lambda: tab.steps_editor.error_text() == "", timeout=10000)
    wait_shown(qtbot, tab)
    assert tab.graph_view.graph().find("CosBackward0")
    assert tab.graph_view.selected_node() == 2  # the same node stays selected while editing
    assert tab.details.details().class_name == "MulBackward0"
    x, grad = tab.curves.gradient_data()["grad"]
    np.testing.assert_allclose(grad, -2 * np.sin(x), atol=1e-5)


def test_clicking_the_leaf_shows_its_grad(qtbot, tab, ctx):
    leaf = tab.graph_view.graph().find("AccumulateGrad")[0]
    tab.graph_view.click_node(leaf)
    wait_shown(qtbot, tab)
    texts = tab.details.entry_texts()
    assert any("a.grad" in t for t in texts)
    assert tab.details.details().leaf_grad is not None


def test_step_through_backward_in_execution_order(qtbot, tab, ctx):
    tab.player.reset()
    seen = []
    for _ in range(5):
        tab.player.step_button.click()
        wait_shown(qtbot, tab)
        seen.append(tab.graph_view.graph().nodes[tab.graph_view.active_node()].class_name)
        assert tab.details.details().index == tab.graph_view.active_node()
    assert seen == ["SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0",
                    "AccumulateGrad"]
    assert "Step 5 of 5" in tab.backward_label.text()
    assert any("Gradient in" in t for t in tab.details.entry_texts())


def test_error_preset_shows_pytorchs_text(qtbot, tab, ctx):
    tab.presets.set_current_key("inplace_saved")
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    assert "expected version 0" in tab.presets.error_text.toPlainText()
    assert "version 1" in tab.presets.explanation.text()
    selected = tab.graph_view.selected_node()
    assert tab.graph_view.graph().nodes[selected].class_name == "SinBackward0"


def test_no_grad_preset_lists_grad_fns(qtbot, tab, ctx):
    tab.presets.set_current_key("no_grad")
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    table = {row[0]: row for row in tab.presets.table_texts()}
    assert table["c2"][3] == "None" and table["c1"][3] == "AddBackward0"


def test_chain_preset_opens(qtbot, tab, ctx):
    tab.presets.set_current_key("chain2000")
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    assert tab.graph_view.graph().node_count == 2002
    assert "2002 nodes" in tab.graph_view.counts_label.text()
    assert tab.backward_button.isEnabled()
    tab.backward_button.click()
    wait_shown(qtbot, tab)
    assert tab.player.length() == 2002 and not tab.backward_button.isEnabled()
    code = ctx.session.steps("autograd")[-1].code
    assert code.endswith("\nout.backward(retain_graph=True)\n")  # the call the app really made
    assert code.startswith("# retain_graph=True: the app keeps the graph")
    tab.player.reset()
    tab.player.step_button.click()
    wait_shown(qtbot, tab)
    assert tab.graph_view.active_node() == 0
    assert any("Gradient in" in t for t in tab.details.entry_texts())


def test_tiny_model_builds_and_trains(qtbot, tab, ctx):
    tab.model_panel.build_button.click()
    wait_model_shown(qtbot, tab)
    assert tab.model_panel.table.rowCount() == 4
    assert tab.graph_view.graph().leaf_count() == 4
    tab.model_panel.steps.setValue(25)
    tab.model_panel.train_button.click()
    wait_shown(qtbot, tab)
    losses = tab.model_panel.losses()
    assert len(losses) == 25 and losses[-1] < losses[0]
    assert ctx.session.steps("autograd")[-1].title == "Training loop"


def test_a_built_model_is_shown_over_a_few_turns(qtbot, tab, ctx):
    from engine.autograd.model import build_model

    result = build_model()
    tab.model_jobs._on_built(result)
    # live and in the session at once; the graph and the text come on the next turns
    assert tab.model_jobs.state is result.state
    assert ctx.session.steps("autograd")[-1].title == "Tiny model: one training step"
    assert tab.graph_view.graph() is not result.graph
    assert tab.model_jobs.showing()
    qtbot.waitUntil(lambda: not tab.model_jobs.showing()
                    and not tab.graph_view.drawing(), timeout=5000)
    first = result.parameters[0]
    assert tab.model_panel.table.item(0, 0).text() == f"{first.name} {list(first.shape)}"
    assert tab.graph_view.graph() is result.graph
    assert "AccumulateGrad" in tab.backward_label.text()
    assert tab.graph_view.picture.lines.segment_count("edges") == result.graph.edge_count


def test_training_right_after_a_build_shows_the_built_model_first(qtbot, tab, ctx):
    from engine.autograd.model import build_model

    result = build_model()
    tab.model_jobs._on_built(result)
    tab.model_jobs.train(3)
    assert not tab.model_jobs.showing()
    assert tab.model_panel.table.item(0, 0) is not None
    wait_shown(qtbot, tab)
    assert len(tab.model_panel.losses()) == 3


def test_autograd_off_and_on_switches(qtbot, tab, ctx):
    tab.mode_choice.setCurrentIndex(tab.mode_choice.findData("no_grad"))
    wait_shown(qtbot, tab)
    assert tab.graph_view.graph().node_count == 0
    assert tab.steps_editor.result_texts(GRAD_FN) == ["None"] * 5
    assert ctx.session.steps("autograd")[-1].code.startswith("with torch.no_grad():")
    assert "'out' has no grad_fn" in tab.steps_editor.error_text()  # line 6 asks backward()
    assert "PyTorch says: element 0 of tensors does not require grad" in \
        tab.steps_editor.error_text()
    tab.mode_choice.setCurrentIndex(tab.mode_choice.findData("on"))
    wait_shown(qtbot, tab)
    assert tab.graph_view.graph().node_count == 5
    tab.track_box.setChecked(False)
    wait_shown(qtbot, tab)
    assert tab.steps_editor.result_texts(REQUIRES_GRAD) == ["False"] * 5
    assert "requires_grad=False" in tab.steps_editor.source().splitlines()[0]
    assert tab.graph_view.graph().node_count == 0
    tab.track_box.setChecked(True)
    wait_shown(qtbot, tab)
    assert tab.graph_view.graph().node_count == 5
    assert tab.curves.isVisibleTo(tab)


def test_a_real_mouse_click_on_a_node_selects_it(qtbot, tab, ctx):
    from PySide6.QtCore import QPointF, Qt

    view = tab.graph_view
    sin = view.graph().find("SinBackward0")[0]
    box = view.plot.getViewBox()
    scene_point = box.mapViewToScene(QPointF(*view.node_positions()[sin]))
    widget_point = view.plot.mapFromScene(scene_point)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    wait_shown(qtbot, tab)
    assert view.selected_node() == sin
    assert tab.details.details().class_name == "SinBackward0"
    assert any("_saved_self" in text for text in tab.details.entry_texts())


def test_training_can_be_cancelled(qtbot, tab, ctx):
    tab.model_panel.build_button.click()
    wait_model_shown(qtbot, tab)
    tab.model_panel.steps.setValue(5000)
    tab.model_panel.train_button.click()
    qtbot.waitUntil(lambda: len(tab.model_panel.losses()) == 0
                    and tab.model_panel.cancel_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: len(tab.model_jobs._record) > 0, timeout=10000)
    tab.model_panel.cancel_button.click()
    wait_shown(qtbot, tab)
    assert tab.model_panel.train_button.isEnabled()
    step = ctx.session.steps("autograd")[-1]
    done = len(tab.model_panel.losses())
    assert 0 < done < 5000
    assert step.title == f"Training loop (stopped after {done} of 5000 steps)"
    assert f"range({done})" in step.code
    # The code panel's script rebuilds exactly the live model the tab shows.
    from engine.core.codegen import as_script

    namespace: dict = {}
    exec(as_script(ctx.session.steps("autograd")), namespace)
    np.testing.assert_allclose(namespace["tiny_losses"], tab.model_panel.losses(), rtol=1e-6)
    live = tab.model_jobs.state.model.state_dict()
    for name, value in namespace["tiny_model"].state_dict().items():
        np.testing.assert_allclose(value.numpy(), live[name].numpy(), rtol=1e-6, atol=1e-7)


def test_the_exported_session_script_runs(qtbot, tab, ctx):
    from engine.core.codegen import as_script

    for key in ("no_grad", "inplace_saved", "accumulation", "decorator"):
        tab.presets.set_current_key(key)
        tab.presets.run_button.click()
        wait_shown(qtbot, tab)
    tab.model_panel.build_button.click()
    wait_model_shown(qtbot, tab)
    tab.model_panel.steps.setValue(5)
    tab.model_panel.train_button.click()
    wait_shown(qtbot, tab)
    namespace: dict = {}
    exec(as_script(ctx.session.steps("autograd")), namespace)
    np.testing.assert_allclose(namespace["tiny_losses"], tab.model_panel.losses(), rtol=1e-6)
    assert "expected version 0" in namespace["error"]


def test_switching_to_spanish_retranslates_the_tab(qtbot, tab, ctx):
    from gui.shell.language import install_language

    try:
        install_language("es")
        qtbot.waitUntil(lambda: tab.run_button.text() == "Ejecutar", timeout=5000)
        assert tab.modes.tabText(2) == "Modelo pequeño"
        assert tab.backward_label.text().startswith("backward() ejecutó 5 nodos")
        assert tab.player.step_button.text() == "Paso"
        assert tab.details.title.text() == "Nodo 2: MulBackward0"
        assert "dif.&nbsp;finitas" in tab.curves.legend_label.text()
        assert "forma cerrada" in tab.curves.legend_label.toolTip()
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: tab.run_button.text() == "Run", timeout=5000)
    assert tab.backward_label.text().startswith("backward() ran 5 nodes")


def test_engine_texts_and_code_comments_follow_the_language(qtbot, tab, ctx):
    from gui.shell.language import install_language

    tab.presets.set_current_key("inplace_saved")
    tab.presets.run_button.click()
    wait_shown(qtbot, tab)
    english_code = tab.code_panel.code()
    assert "# retain_graph=True: the app keeps the graph" in english_code
    assert "# sin saves b to compute cos(b) in backward" in english_code
    assert tab.presets.explanation.text().startswith("SinBackward0 saved b at version 0")
    try:
        install_language("es")
        qtbot.waitUntil(lambda: tab.presets.explanation.text().startswith(
            "SinBackward0 guardó"), timeout=5000)
        code = tab.code_panel.code()
        assert "# retain_graph=True: la app conserva el grafo" in code
        assert "# sin guarda b para calcular cos(b) en backward" in code
        assert "# Pasos hacia delante" in code  # step titles too
        assert "c = torch.sin(b)  # sin guarda" in code  # only the comments change
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: tab.code_panel.code() == english_code, timeout=5000)
    assert tab.presets.explanation.text().startswith("SinBackward0 saved b at version 0")


def test_the_notes_in_place_error_keeps_pytorchs_text(qtbot, tab, ctx):
    tab.steps_editor.editor.setPlainText(
        "a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)\ntorch.sin_(a)\n")
    qtbot.waitUntil(lambda: "sin_" in tab.steps_editor.error_text(), timeout=10000)
    text = tab.steps_editor.error_text()
    assert text.startswith("Line 2, column 1: Running `torch.sin_(a)` failed")
    assert "PyTorch says: RuntimeError: a leaf Variable that requires grad is being used in " \
           "an in-place operation." in text
    assert tab.steps_editor.marked_lines() == [2]


def test_a_replaced_model_graph_is_freed_over_the_next_turns(qtbot, tab, ctx):
    import weakref

    from engine.autograd.model import build_model

    first, second = build_model(), build_model()
    tab.show_graph(first.graph, first.layout, first.live)
    shown = weakref.ref(first.live)
    del first
    tab.show_graph(second.graph, second.layout, second.live)
    assert shown() is not None  # not freed in the turn that shows the new graph
    qtbot.waitUntil(lambda: shown() is None, timeout=5000)
    assert tab.state.program is not None and tab.state.program.live.nodes  # kept whole

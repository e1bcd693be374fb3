"""The Autograd flow without Qt: lines → graph → backward → step through."""

from __future__ import annotations

import numpy as np

from engine.autograd.backward import backward_from
from engine.autograd.graph import node_details
from engine.autograd.presets.catalogue import run_preset
from engine.autograd.program import NOTE_EXAMPLE, run_backward, run_program
from engine.autograd.state import AutogradState


def finish(generator):
    try:
        while True:
            next(generator)
    except StopIteration as stop:
        return stop.value


def test_expressions_graph_backward_and_step_through():
    state = AutogradState()
    changes: list[int] = []
    state.listeners.append(lambda: changes.append(1))
    state.set_program(run_program(NOTE_EXAMPLE))
    assert state.shows_program and state.can_backward and changes
    graph = state.program.graph
    assert [n.class_name for n in graph.nodes][:2] == ["SumBackward0", "AddBackward0"]
    live = state.live
    assert state.accept_backward(live, run_backward(state.program))
    assert not state.can_backward  # a second backward() would accumulate
    replay = state.replay
    assert replay.length == 5 and replay.position == 4  # shown finished, ready to replay
    replay.reset()
    order = [replay.step().class_name for _ in range(replay.length)]
    assert order == ["SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0",
                     "AccumulateGrad"]
    assert replay.done_nodes() == {s.node_index for s in replay.record.steps[:4]}
    assert replay.step().order == 0  # after the last step the replay starts again
    sin = graph.find("SinBackward0")[0]
    assert replay.step_for(sin) is None and replay.run_all().class_name == "AccumulateGrad"
    assert replay.step_for(sin).class_name == "SinBackward0"
    leaf = node_details(state.live, graph.find("AccumulateGrad")[0])
    x = state.program.x
    np.testing.assert_allclose(leaf.leaf_grad.values, 2 * np.cos(x), atol=1e-5)


def test_results_for_a_graph_no_longer_shown_are_dropped():
    state = AutogradState()
    state.set_program(run_program(NOTE_EXAMPLE))
    program_live = state.live
    preset = finish(run_preset("chain2000"))
    state.show_graph(preset.live, preset.backward_root)
    assert not state.shows_program and state.can_backward
    assert not state.accept_backward(program_live, run_backward(state.program))
    assert state.backward is None and state.replay.length == 0
    assert state.accept_backward(preset.live, backward_from(preset.live, "out"))
    assert state.backward_root is None and state.replay.length == 2002
    assert state.show_program() and state.shows_program and state.replay.length == 0
    assert not state.show_program()  # already there


def note_autograd_lines() -> list[str]:
    """The note's "Los fundamentos de Autograd" cells (30 to 36), line by line."""
    from tests.engine.language.note_cells import CELLS

    return [line for cell in range(30, 37) for line in CELLS[cell].splitlines()]


def test_the_notes_autograd_section_typed_line_by_line():
    state = AutogradState()
    typed = ""
    for line in note_autograd_lines():
        typed += line + "\n"
        state.set_program(run_program(typed))
        if state.program.lines.backward is not None:
            assert state.accept_backward(state.live, run_backward(state.program))
    program, backward = state.program, state.backward
    assert [n.class_name for n in program.graph.nodes] == [
        "SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]
    assert [n.tensor_name for n in program.graph.nodes] == ["out", "d", "c", "b", "a"]
    x = program.x
    np.testing.assert_allclose(program.curves["b"], np.sin(x), atol=1e-6)
    np.testing.assert_allclose(backward.grad, 2 * np.cos(x), atol=1e-5)
    np.testing.assert_allclose(backward.finite_difference, backward.grad, atol=1e-3)
    assert backward.formula == "2 * cos(a)"
    printed = program.printed
    assert "((<MulBackward0 object at 0x" in printed and "), (None, 0))" in printed
    assert "<SinBackward0 object at" in printed and printed.endswith("a:\nNone\n")
    assert backward.printed.startswith("tensor([ 2.0000e+00,  1.9319e+00,")
    assert [s.class_name for s in state.replay.record.steps] == [
        "SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]


def test_backward_cannot_run_when_the_lines_track_nothing():
    for source, mode in ((NOTE_EXAMPLE, "no_grad"), (NOTE_EXAMPLE, "inference_mode"),
                         ("a = torch.ones(3)\nout = (a * 2).sum()\n", "on")):
        state = AutogradState()
        state.set_program(run_program(source, mode))
        assert state.tracks_nothing and not state.can_backward
    state = AutogradState()
    state.set_program(run_program(NOTE_EXAMPLE))
    assert not state.tracks_nothing and state.can_backward

"""The grad_fn graph, its layout, the backward recording and the gradient curves."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.autograd.backward import record_backward
from engine.autograd.graph import extract_grad_graph, node_details
from engine.autograd.layout import layered_layout, longest_path_layers, simple_layout
from engine.autograd.program import NOTE_EXAMPLE, run_backward, run_program
from engine.core.codegen import PREAMBLE
from engine.core.errors import OperationError
from engine.language.errors import LanguageError


@pytest.fixture
def note():
    return run_program(NOTE_EXAMPLE)


def edges_by_class(graph):
    return sorted((graph.nodes[a].class_name, graph.nodes[b].class_name)
                  for a, b in graph.edges.tolist())


def test_note_example_graph_nodes_and_edges(note):
    graph = note.graph
    assert [n.class_name for n in graph.nodes] == [
        "SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0", "AccumulateGrad"]
    assert edges_by_class(graph) == sorted([
        ("SumBackward0", "AddBackward0"), ("AddBackward0", "MulBackward0"),
        ("MulBackward0", "SinBackward0"), ("SinBackward0", "AccumulateGrad")])
    leaf = graph.nodes[4]
    assert leaf.kind == "leaf" and leaf.tensor_name == "a"
    assert note.live.nodes[4].variable is note.live.tensors["a"]
    assert [n.tensor_name for n in graph.nodes[:4]] == ["out", "d", "c", "b"]


def test_shared_nodes_appear_once():
    x = torch.ones(3, requires_grad=True)
    y = torch.sin(x)
    z = (y * y + y).sum()  # y's SinBackward0 is used three times
    graph, _ = extract_grad_graph([z])
    assert len(graph.find("SinBackward0")) == 1
    assert len(graph.find("AccumulateGrad")) == 1
    sin = graph.find("SinBackward0")[0]
    assert sum(1 for _, b in graph.edges.tolist() if b == sin) == 3


def test_chain_of_2000_ops_is_walked_without_recursion():
    x = torch.ones(2, requires_grad=True)
    y = x
    for _ in range(2500):
        y = y * 1.0001
    graph, _ = extract_grad_graph([y.sum()])
    assert graph.node_count == 2502
    layout = layered_layout(graph)
    assert layout.layer_count == 2502
    assert np.all(np.diff(layout.positions[:, 1][np.argsort(layout.layers)]) < 0)


def test_layout_puts_every_edge_downwards(note):
    for layout in (layered_layout(note.graph), simple_layout(note.graph)):
        y = layout.positions[:, 1]
        for a, b in note.graph.edges.tolist():
            assert y[a] > y[b]


def test_longest_path_layers_with_skip_edge():
    edges = np.array([[0, 1], [1, 2], [0, 2]])
    assert longest_path_layers(3, edges).tolist() == [0, 1, 2]


def test_captured_gradients_equal_autograd_grad(note):
    live = note.live
    tensors = live.tensors
    expected = {name: torch.autograd.grad(tensors["out"], tensors[name], retain_graph=True)[0]
                for name in ("b", "c", "d")}
    result = run_backward(note)
    for name, grad in expected.items():
        index = next(i for i, n in enumerate(note.graph.nodes) if n.tensor_name == name)
        step = result.record.step_of_node(index)
        arriving = step.grads_in[0].values.numpy()
        np.testing.assert_allclose(arriving, grad.numpy(), rtol=1e-6)
    order = [s.class_name for s in result.record.steps]
    assert order == ["SumBackward0", "AddBackward0", "MulBackward0", "SinBackward0",
                     "AccumulateGrad"]


def test_gradient_curves_equal_a_grad_and_closed_form(note):
    result = run_backward(note)
    a = note.live.tensors["a"]
    np.testing.assert_array_equal(result.grad, a.grad.numpy())
    np.testing.assert_allclose(result.grad, 2 * np.cos(note.x), atol=1e-5)
    assert result.formula == "2 * cos(a)"
    np.testing.assert_allclose(result.closed_form, result.grad, atol=1e-5)
    np.testing.assert_allclose(result.finite_difference, result.grad, atol=1e-4)


def test_code_reproduces_shown_values(note):
    result = run_backward(note)
    namespace: dict = {}
    exec(PREAMBLE + note.step.code + result.step.code, namespace)
    np.testing.assert_array_equal(namespace["a"].grad.numpy(), result.grad)
    np.testing.assert_array_equal(namespace["b"].detach().numpy(), note.curves["b"])
    assert note.step.code.splitlines() == NOTE_EXAMPLE.splitlines()[:5]  # as typed
    assert result.step.code.endswith("out.backward(retain_graph=True)\nprint(a.grad)\n")


def lines(*rows: str) -> str:
    return "".join(f"{row}\n" for row in rows)


def test_closed_form_of_other_programs():
    program = run_program(lines("x = torch.linspace(-1, 1, steps=9, requires_grad=True)",
                                "y = x.exp() * x", "y.sum().backward()"))
    assert program.output == "y.sum()" and program.graph.find("SumBackward0")
    result = run_backward(program)
    x = program.x
    np.testing.assert_allclose(result.closed_form, np.exp(x) * (1 + x), rtol=1e-5)
    np.testing.assert_allclose(result.finite_difference, result.grad, atol=1e-4)
    relu = run_backward(run_program(lines(
        "x = torch.linspace(-1, 1, steps=5, requires_grad=True)",
        "out = torch.relu(x).sum()", "out.backward()")))
    assert relu.formula is None and relu.closed_form is None
    assert relu.finite_difference is not None


def test_backward_on_non_scalar_teaches():
    program = run_program(lines("a = torch.linspace(0, 1, steps=5, requires_grad=True)",
                                "b = 2 * a", "b.backward()"))
    with pytest.raises(OperationError) as info:
        run_backward(program)
    assert info.value.message.startswith("Line 3, column 1: 'b' has 5 elements")
    assert "scalar outputs" in info.value.torch_error
    ones = run_backward(run_program(lines(
        "a = torch.linspace(0, 1, steps=5, requires_grad=True)", "b = 2 * a",
        "b.backward(torch.ones_like(b))", "a.grad")))
    np.testing.assert_allclose(ones.grad, np.full(5, 2.0))
    assert ones.printed == "tensor([2., 2., 2., 2., 2.])\n"
    assert "b.backward(torch.ones_like(b), retain_graph=True)" in ones.step.code


def test_lines_after_backward_run_in_the_same_session(note):
    program = run_program(NOTE_EXAMPLE + "print(d.grad_fn.next_functions)\na.grad.shape\n")
    assert program.printed == ""  # nothing printed before backward()
    result = run_backward(program)
    printed = result.printed.splitlines()
    assert printed[0].startswith("tensor([ 2.0000e+00,")
    assert re.match(r"\(\(<MulBackward0 object at 0x[0-9a-f]+>, 0\), \(None, 0\)\)",
                    printed[-2])
    assert printed[-1] == "torch.Size([25])" and result.error is None
    failing = run_backward(run_program(NOTE_EXAMPLE + "print(a.grad.nope)\n"))
    assert failing.grad is not None and failing.error_line == 8
    assert failing.error.startswith("Line 8, column 7:")


def test_refused_lines_name_line_and_column():
    with pytest.raises(LanguageError) as info:
        run_program("a = torch.ones(3, requires_grad=True)\nb = a.__class__\n")
    assert info.value.line == 2 and "Line 2, column" in info.value.message
    with pytest.raises(LanguageError) as info:
        run_program("a = torch.ones(3)\nb = torch.sin(a\n")
    assert info.value.line == 2
    with pytest.raises(OperationError) as error:  # the note's in-place-on-a-leaf error
        run_program("a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)\n"
                    "torch.sin_(a)\n")
    assert "a leaf Variable that requires grad" in error.value.torch_error
    assert error.value.message.startswith("Line 2, column 1:")


def test_node_details_saved_tensors_and_leaf_grad(note):
    sin = note.graph.find("SinBackward0")[0]
    details = node_details(note.live, sin)
    assert details.next_functions == ("AccumulateGrad",)
    saved = {s.name: s for s in details.saved}
    np.testing.assert_allclose(saved["_saved_self"].snapshot.values, note.x)
    assert details.produced.name == "b"
    run_backward(note)
    leaf = node_details(note.live, note.graph.find("AccumulateGrad")[0])
    np.testing.assert_allclose(leaf.leaf_grad.values, 2 * np.cos(note.x), atol=1e-5)


def test_record_removes_its_hooks():
    x = torch.linspace(0, 1, 4, requires_grad=True)
    out = torch.sin(x).sum()
    graph, live = extract_grad_graph([out], {"x": x, "out": out})
    first = record_backward(live, out)
    second = record_backward(live, out)
    assert len(first.steps) == len(second.steps) == graph.node_count
    np.testing.assert_allclose(x.grad.numpy(), 2 * np.cos(x.detach().numpy()), rtol=1e-6)
    assert math.isclose(first.steps[0].grads_in[0].norm, 1.0)


@pytest.mark.parametrize("mode", ["no_grad", "inference_mode"])
def test_autograd_off_modes_record_nothing(mode):
    program = run_program(NOTE_EXAMPLE, mode)
    assert program.graph.node_count == 0 and program.output is None
    assert program.step.code.startswith(f"with torch.{mode}():\n    a = torch.linspace(")
    namespace: dict = {}
    exec(PREAMBLE + program.step.code, namespace)
    for row in program.rows:
        assert namespace[row.name].grad_fn is None and row.grad_fn is None
        assert namespace[row.name].requires_grad == row.requires_grad
    with pytest.raises(OperationError, match="Line 6, column 1: 'out' has no grad_fn") as info:
        run_backward(program)
    assert "does not require grad" in info.value.torch_error


def test_number_lines_and_unsorted_leaves():
    program = run_program(lines("k = 3", "torch.manual_seed(0)",
                                "x = torch.rand(6, requires_grad=True)", "y = k * x ** 2",
                                "out = y.sum()", "out.backward()"))
    assert program.rows[0].shape is None and program.rows[0].text == "3"
    result = run_backward(program)
    np.testing.assert_allclose(result.closed_form, 6 * program.x, rtol=1e-6)
    assert result.formula == "k * (2 * x)"
    np.testing.assert_allclose(result.finite_difference, result.grad, atol=1e-3)


def test_no_closed_form_when_a_line_changes_a_tensor_in_place():
    program = run_program(lines("x = torch.linspace(0, 1, steps=5, requires_grad=True)",
                                "y = x * 2", "z = y.clone()", "z.mul_(3)", "out = z.sum()",
                                "out.backward()"))
    result = run_backward(program)
    np.testing.assert_allclose(result.grad, np.full(5, 6.0))
    assert result.closed_form is None and result.formula is None
    np.testing.assert_allclose(result.finite_difference, result.grad, atol=1e-3)


_LEAF = st.just("x")
_CONST = st.sampled_from(["2", "0.5", "3", "math.pi"])


def _grow(children):
    unary = st.tuples(st.sampled_from(["sin", "cos", "exp", "tanh", "sigmoid", "square"]),
                      st.booleans(), children).map(
        lambda t: f"torch.{t[0]}({t[2]})" if t[1] else f"({t[2]}).{t[0]}()")
    binary = st.tuples(children, st.sampled_from(["+", "-", "*"]), children | _CONST).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})")
    power = children.map(lambda c: f"({c}) ** 2")
    return unary | binary | power


@settings(max_examples=60, deadline=None)
@given(st.recursive(_LEAF, _grow, max_leaves=5))
def test_closed_form_agrees_with_autograd(expression):
    program = run_program(lines("x = torch.linspace(0.1, 1, steps=7, requires_grad=True)",
                                f"y = {expression}", "out = y.sum()", "out.backward()"))
    result = run_backward(program)
    assert result.closed_form is not None, expression
    np.testing.assert_allclose(result.closed_form, result.grad, rtol=1e-4, atol=1e-4)


def _probed_graph():
    """A graph with a probe in one node's metadata (it lives as long as the node), and a
    weak reference to the probe."""
    import weakref

    from engine.autograd.graph import extract_grad_graph

    class Probe:
        pass

    w = torch.randn(8, 8, requires_grad=True)
    hidden = torch.tanh(torch.randn(4, 8) @ w)
    probe = Probe()
    hidden.grad_fn.metadata["probe"] = probe
    out = hidden.sin().sum()
    graph, live = extract_grad_graph([out], {"w": w, "out": out})
    return live, weakref.ref(probe), len(graph.nodes)


def test_a_released_graph_is_freed_a_node_at_a_time():
    from engine.autograd.graph import release_gradually

    live, probe, node_count = _probed_graph()
    holder = [live]
    del live
    parts = release_gradually(holder)
    next(parts)
    assert probe() is not None  # one part at a time, not all at once
    assert sum(1 for _ in parts) + 1 >= node_count
    assert holder == [] and probe() is None


def test_a_graph_held_elsewhere_is_left_whole():
    from engine.autograd.graph import release_gradually

    live, probe, node_count = _probed_graph()
    list(release_gradually([live]))
    assert len(live.nodes) == node_count and "w" in live.tensors and probe() is not None

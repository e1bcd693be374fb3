"""Module groups: which node each module call made, shapes on edges, the views."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.autograd.graph import extract_grad_graph
from engine.autograd.group_flow import group_details
from engine.autograd.grouped import all_open, default_open, visible_graph
from engine.autograd.modules import NO_CALL, group_nodes, record_module_calls
from engine.autograd.search import search_items


class Block(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.linear = torch.nn.Linear(4, 4)
        self.act = torch.nn.Tanh()

    def forward(self, x):
        return self.act(self.linear(x)) + x  # the add belongs to the block itself


def nested():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(3, 4), Block(), torch.nn.Linear(4, 2))


def grouped(model, x):
    with record_module_calls(model) as recorder:
        out = model(x).sum()
    names = {f"model.{n}": p for n, p in model.named_parameters()}
    graph, live = extract_grad_graph([out], names)
    return graph, live, group_nodes(graph, live, recorder)


def owners(graph, groups):
    """(class or leaf name) -> qualified module name of the innermost call, per node."""
    found = {}
    for node in graph.nodes:
        call = int(groups.node_call[node.index])
        key = node.tensor_name or node.class_name
        found[key] = groups.calls[call].name if call != NO_CALL else None
    return found


def test_grouping_of_a_small_nested_model_is_exact():
    graph, _, groups = grouped(nested(), torch.randn(1, 3))
    assert [(c.name, c.class_name, c.depth) for c in groups.calls] == [
        ("", "Sequential", 0), ("0", "Linear", 1), ("1", "Block", 1),
        ("1.linear", "Linear", 2), ("1.act", "Tanh", 2), ("2", "Linear", 1)]
    found = owners(graph, groups)
    assert found["SumBackward0"] is None  # .sum() ran after the model
    assert found["TanhBackward0"] == "1.act"
    assert found["AddBackward0"] == "1"  # the residual add, in Block.forward itself
    for name in ("0", "1.linear", "2"):
        assert found[f"model.{name}.weight"] == name and found[f"model.{name}.bias"] == name
    linear_nodes = [n for n in graph.nodes if n.class_name == "AddmmBackward0"]
    assert sorted(groups.calls[groups.node_call[n.index]].name for n in linear_nodes) == [
        "0", "1.linear", "2"]
    assert len(groups.members(2)) == 6  # Block: addmm, t, tanh, add and two parameters


def test_a_module_called_twice_gives_two_calls_and_no_cycle():
    relu = torch.nn.ReLU()
    lin = torch.nn.Linear(2, 2)

    class Twice(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.relu, self.lin = relu, lin

        def forward(self, x):
            return self.relu(self.lin(self.relu(x * 2)))

    graph, _, groups = grouped(Twice(), torch.randn(1, 2, requires_grad=True))
    relus = [c for c in groups.calls if c.name == "relu"]
    assert [(c.number, c.calls, c.title) for c in relus] == [(1, 2, "relu (1)"),
                                                              (2, 2, "relu (2)")]
    view = visible_graph(graph, groups, default_open(groups))
    assert sum(1 for item in view.items if item.kind == "group") == 3
    assert view.positions.shape == (view.item_count, 2)


def test_each_edge_carries_the_shape_of_the_tensor_its_node_produced():
    a = torch.randn(2, 3, requires_grad=True)
    b = torch.sin(a)
    c = b.reshape(3, 2)
    d = c.double() * 2
    e = d.t().sum(dim=0)
    out = e.sum()
    named = {"a": a, "b": b, "c": c, "d": d, "e": e, "out": out}
    graph, live = extract_grad_graph([out], named)
    made = {live.index_of(t.grad_fn): t for t in (b, c, d, e)}
    made[live.index_of(live.nodes[graph.find("AccumulateGrad")[0]])] = a
    checked = 0
    for edge, (_, child) in enumerate(graph.edges.tolist()):
        tensor = made.get(child)
        if tensor is not None:
            assert graph.edge_meta[edge].shape == tuple(tensor.shape)
            checked += 1
    assert checked >= 5
    from engine.autograd.graph import edge_label

    labels = {graph.nodes[int(graph.edges[i, 1])].class_name: edge_label(graph, i)
              for i in range(graph.edge_count)}
    # .double() consumes a float32 tensor: the dtype is written where it changes
    assert labels[type(c.grad_fn).__name__] == "[3, 2] float32"
    assert labels["ToCopyBackward0"] == "[3, 2]"
    assert labels["SinBackward0"] == "[2, 3]"


def test_shapes_in_a_model_match_the_module_outputs():
    model = nested()
    outputs = {}
    for name, module in model.named_modules():
        module.register_forward_hook(lambda _m, _a, out, n=name: outputs.setdefault(n, out))
    graph, live, _ = grouped(model, torch.randn(1, 3))
    for name, tensor in outputs.items():
        index = live.index_of(tensor.grad_fn)
        edges = np.flatnonzero(graph.edges[:, 1] == index)
        assert edges.size and all(graph.edge_meta[e].shape == tuple(tensor.shape)
                                  for e in edges), name


def test_opening_then_closing_a_group_restores_the_same_layout():
    graph, _, groups = grouped(nested(), torch.randn(1, 3))
    closed = visible_graph(graph, groups, default_open(groups))
    opened = visible_graph(graph, groups, closed.open_calls | {2})
    again = visible_graph(graph, groups, opened.open_calls - {2})
    assert opened.item_count > closed.item_count
    assert [i.label for i in again.items] == [i.label for i in closed.items]
    np.testing.assert_array_equal(again.positions, closed.positions)
    np.testing.assert_array_equal(again.edges, closed.edges)
    full = visible_graph(graph, groups, all_open(groups))
    assert full.item_count == graph.node_count and all(i.kind != "group" for i in full.items)
    assert {f.title for f in opened.frames} == {"1"}


def test_collapsed_view_counts_and_edge_shapes():
    graph, _, groups = grouped(nested(), torch.randn(1, 3))
    view = visible_graph(graph, groups, default_open(groups))
    boxes = {i.label: i.count for i in view.items if i.kind == "group"}
    assert boxes == {"0": 4, "1": 6, "2": 4}  # a Linear: addmm, t, weight, bias
    assert sum(boxes.values()) + 1 == graph.node_count  # + the SumBackward0 outside
    assert "[1, 4]" in view.edge_labels and "[1, 2]" in view.edge_labels


def test_group_flow_before_and_after_backward():
    from engine.autograd.backward import record_backward

    graph, live, groups = grouped(nested(), torch.randn(1, 3))
    block = 2
    before = group_details(graph, groups, block)
    assert before.node_count == 6 and before.parameters == 4 * 4 + 4
    assert [e.meta.shape for e in before.entering] == [(1, 4)]
    assert not before.backward_done
    record = record_backward(live, live.roots[0])
    after = group_details(graph, groups, block, record)
    assert after.backward_done
    assert all(e.grad is not None and e.grad.shape == (1, 4) for e in after.entering)
    assert after.leaving and all(e.grad.shape == (1, 4) for e in after.leaving)


@pytest.mark.parametrize("text, expected", [("block", {"1"}), ("TANH", {"1"}),
                                            ("2", {"2"}), ("nothing", set())])
def test_search_finds_groups_and_nodes(text, expected):
    graph, _, groups = grouped(nested(), torch.randn(1, 3))
    view = visible_graph(graph, groups, default_open(groups))
    assert {view.items[i].label for i in search_items(view, text)} == expected
    opened = visible_graph(graph, groups, all_open(groups))
    if text == "TANH":
        assert [opened.items[i].class_name for i in search_items(opened, text)] == [
            "TanhBackward0"]

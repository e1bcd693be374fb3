"""A backward record holds what flowed where, not a second copy of a model's gradients."""

from __future__ import annotations

import dataclasses

import numpy as np
import torch

from engine.autograd.backward import details_with_gradients, record_backward
from engine.autograd.graph import MAX_VALUES_SHOWN, extract_grad_graph


def _array_bytes(obj: object, seen: set[int]) -> int:
    """Bytes of the arrays, tensors and texts reachable from ``obj`` through dataclasses
    and containers."""
    if id(obj) in seen or obj is None or isinstance(obj, int | float):
        return 0
    seen.add(id(obj))
    if isinstance(obj, str):
        return len(obj)
    if isinstance(obj, np.ndarray | torch.Tensor):
        return obj.nbytes
    if isinstance(obj, dict):
        return sum(_array_bytes(v, seen) for v in obj.values())
    if isinstance(obj, list | tuple):
        return sum(_array_bytes(v, seen) for v in obj)
    if dataclasses.is_dataclass(obj):
        return sum(_array_bytes(getattr(obj, f.name), seen) for f in dataclasses.fields(obj))
    return 0


def test_the_record_of_a_models_backward_keeps_no_copy_of_its_weight_gradients():
    model = torch.nn.Sequential(torch.nn.Linear(512, 512), torch.nn.ReLU(),
                                torch.nn.Linear(512, 512))
    out = model(torch.rand(2, 512)).sum()
    named = {f"model.{name}": p for name, p in model.named_parameters()} | {"out": out}
    _graph, live = extract_grad_graph([out], named)
    record = record_backward(live, out)
    gradient_bytes = sum(p.grad.nbytes for p in model.parameters())  # 2.1 MB
    assert len(record.steps) > 5
    assert _array_bytes(record, set()) < gradient_bytes / 10


def _small_model_record():
    model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.Tanh(), torch.nn.Linear(64, 8))
    out = model(torch.rand(16, 64)).square().sum()
    named = {f"model.{name}": p for name, p in model.named_parameters()} | {"out": out}
    _graph, live = extract_grad_graph([out], named)
    return live, record_backward(live, out)


def test_the_record_keeps_only_the_values_of_small_gradients():
    """No printed text, colour levels or numpy copy per gradient: the viewer's snapshot
    is taken for the node shown. With them, this record's arrays and texts alone came to
    1.45 times its gradients' bytes."""
    _live, record = _small_model_record()
    grads = [v for s in record.steps for v in (*s.grads_in, *s.grads_out) if not v.is_none]
    assert all(v.values is not None for v in grads)  # all small enough to keep
    value_bytes = sum(v.values.nbytes for v in grads)
    names = sum(len(v.name) + len(s.class_name) for s in record.steps
                for v in (*s.grads_in, *s.grads_out))
    assert _array_bytes(record, set()) <= value_bytes + names


def test_a_gradient_too_large_to_show_keeps_its_shape_and_norm_only():
    big = torch.rand(MAX_VALUES_SHOWN + 1, requires_grad=True)
    out = (big * 2).sum()
    _graph, live = extract_grad_graph([out], {"big": big, "out": out})
    record = record_backward(live, out)
    sent = {s.class_name: v for s in record.steps for v in s.grads_out if not v.is_none}
    assert set(sent) == {"SumBackward0", "MulBackward0"}
    assert all(v.values is None and v.shape == (MAX_VALUES_SHOWN + 1,) for v in sent.values())
    root_n = (MAX_VALUES_SHOWN + 1) ** 0.5  # ones from sum(), then twos from * 2
    assert abs(sent["SumBackward0"].norm - root_n) < 1e-6
    assert abs(sent["MulBackward0"].norm - 2 * root_n) < 1e-6


def test_the_details_of_a_node_show_the_gradients_its_step_recorded():
    live, record = _small_model_record()
    for step in record.steps:
        details = details_with_gradients(live, step.node_index, step)
        assert len(details.grads_in) == len(step.grads_in)
        assert len(details.grads_out) == len(step.grads_out)
        for value, shot in zip((*step.grads_in, *step.grads_out),
                               (*details.grads_in, *details.grads_out), strict=True):
            if value.is_none:
                assert shot is None
                continue
            np.testing.assert_array_equal(shot.values, value.values.numpy())
            assert shot.printed == str(value.values) and shot.name == value.name
    assert details_with_gradients(live, 0, None).grads_in == ()

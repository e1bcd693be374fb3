"""A backward record holds what flowed where, not a second copy of a model's gradients."""

from __future__ import annotations

import dataclasses

import numpy as np
import torch

from engine.autograd.backward import record_backward
from engine.autograd.graph import extract_grad_graph


def _array_bytes(obj: object, seen: set[int]) -> int:
    """Bytes of the numpy arrays reachable from ``obj`` through dataclasses and containers."""
    if id(obj) in seen or obj is None or isinstance(obj, str | int | float):
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
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

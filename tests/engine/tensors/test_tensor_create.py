"""Tensor constructors: the step's code reproduces the shown values; bad input is refused."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, OperationError, SizeLimitError
from engine.session.workspace import Workspace
from engine.tensors.create import (
    CONSTRUCTORS,
    UNINITIALISED,
    CreateRequest,
    create_tensor,
    demo_results,
)


def _exec(code: str, namespace: dict | None = None) -> dict:
    namespace = dict(namespace or {})
    exec(PREAMBLE + code, namespace)  # noqa: S102 (generated code under test)
    return namespace


def _same_values(tensor: torch.Tensor, values: np.ndarray) -> bool:
    shown = tensor.detach()
    if shown.dtype in (torch.float16, torch.bfloat16):
        shown = shown.float()
    return np.array_equal(shown.numpy(), values, equal_nan=values.dtype.kind == "f")


REQUESTS = {
    "empty": CreateRequest("empty", shape="2, 2, 3"),
    "zeros": CreateRequest("zeros", shape="2x3", dtype="int16"),
    "ones": CreateRequest("ones", shape="[4]", dtype="bfloat16"),
    "full": CreateRequest("full", shape="(2, 2)", fill_value="-math.inf"),
    "rand": CreateRequest("rand", shape="2, 3", seed=1729),
    "randn": CreateRequest("randn", shape="3", seed=0, requires_grad=True, dtype="float64"),
    "randint": CreateRequest("randint", shape="3, 3", low="-5", high="5", seed=3),
    "arange": CreateRequest("arange", low="0", high="2", step="0.25"),
    "linspace": CreateRequest("linspace", low="-1", high="1", steps="7"),
    "eye": CreateRequest("eye", shape="3, 4", dtype="bool"),
    "tensor": CreateRequest("tensor", data="((2, 4, 6), [3, 6, nan])"),
    "empty_like": CreateRequest("empty_like", name="y", source="src"),
    "zeros_like": CreateRequest("zeros_like", name="y", source="src"),
    "ones_like": CreateRequest("ones_like", name="y", source="src", dtype="int8"),
    "rand_like": CreateRequest("rand_like", name="y", source="src", seed=5),
    "randn_like": CreateRequest("randn_like", name="y", source="src", seed=6),
    "to": CreateRequest("to", name="y", source="src", dtype="int32"),
}


def test_every_constructor_is_covered():
    assert set(REQUESTS) == set(CONSTRUCTORS)


@pytest.mark.parametrize("kind", sorted(REQUESTS))
def test_code_reproduces_values_shape_and_dtype(kind):
    source = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    workspace = Workspace()
    workspace.put("src", source)
    result = create_tensor(REQUESTS[kind], workspace)
    namespace = _exec(result.step.code, {"src": source})
    made = namespace[result.name]
    facts = result.snapshot.facts
    assert tuple(made.shape) == facts.shape
    assert str(made.dtype) == f"torch.{facts.dtype}"
    assert made.requires_grad == facts.requires_grad
    if kind in UNINITIALISED:
        assert not result.reproducible
        assert "reserves memory" in result.step.explanation
    else:
        assert result.reproducible
        assert _same_values(made, result.snapshot.values)


def test_to_converts_by_truncating_and_same_dtype_is_no_copy():
    workspace = Workspace()
    workspace.put("b", torch.tensor([[2.7, -2.7], [19.9, 0.5]], dtype=torch.float64))
    result = create_tensor(CreateRequest("to", name="c", source="b", dtype="int32"), workspace)
    assert result.snapshot.values.tolist() == [[2, -2], [19, 0]]
    assert result.step.code == "c = b.to(torch.int32)"
    same = create_tensor(CreateRequest("to", name="d", source="b", dtype="float64"), workspace)
    assert same.tensor is workspace.get("b")
    assert "not a copy" in same.step.explanation
    with pytest.raises(InputError) as info:
        create_tensor(CreateRequest("to", name="e", source="b", dtype=None), workspace)
    assert info.value.field == "dtype"


def test_rand_without_seed_says_it_is_not_reproducible():
    result = create_tensor(CreateRequest("rand", seed=None))
    assert not result.reproducible
    assert "manual_seed" not in result.step.code
    assert "No seed" in result.step.explanation


def test_same_seed_gives_same_values():
    first = create_tensor(CreateRequest("randn", shape="5", seed=11)).snapshot.values
    second = create_tensor(CreateRequest("randn", shape="5", seed=11)).snapshot.values
    assert np.array_equal(first, second)


def test_demo_content_is_the_note_example():
    z, x = demo_results()
    assert (z.name, z.snapshot.facts.shape) == ("z", (2, 2, 3))
    assert x.step.code == "torch.manual_seed(1729)\nx = torch.rand((2, 3))"


@pytest.mark.parametrize(("request_", "error", "field"), [
    (CreateRequest("zeros", shape="2, -3"), InputError, "shape"),
    (CreateRequest("zeros", shape="2, three"), InputError, "shape"),
    (CreateRequest("zeros", shape="100000, 100000"), SizeLimitError, "shape"),
    (CreateRequest("arange", low="0", high="1e12", step="1"), SizeLimitError, "step"),
    (CreateRequest("linspace", steps="10**12"), SizeLimitError, "steps"),
    (CreateRequest("tensor", data="[[1, 2], [3]]"), InputError, "data"),
    (CreateRequest("rand", dtype="int64"), OperationError, "dtype"),
    (CreateRequest("zeros", dtype="int32", requires_grad=True), OperationError, "requires_grad"),
    (CreateRequest("randint", low="5", high="2"), OperationError, "high"),
    (CreateRequest("full", fill_value="300", dtype="uint8"), OperationError, "fill_value"),
    (CreateRequest("arange", low="0", high="5", step="-1"), OperationError, "step"),
    (CreateRequest("zeros", dtype="complex"), InputError, "dtype"),
    (CreateRequest("full", fill_value="[1, 2]"), InputError, "fill_value"),
    (CreateRequest("randint", low="1.5"), InputError, "low"),
    (CreateRequest("arange", step="0"), InputError, "step"),
    (CreateRequest("linspace", steps="-2"), InputError, "steps"),
    (CreateRequest("eye", shape="2, 2, 2"), InputError, "shape"),
    (CreateRequest("zeros", name="class"), InputError, "name"),
    (CreateRequest("zeros", device="cuda:7"), InputError, "device"),
    (CreateRequest("zeros_like", source="missing"), InputError, "source"),
    (CreateRequest("rand", seed=-1), InputError, "seed"),
])
def test_bad_input_names_the_field(request_, error, field):
    with pytest.raises(error) as info:
        create_tensor(request_, Workspace())
    assert info.value.field == field
    assert info.value.describe()


def test_refused_operation_keeps_pytorch_text():
    with pytest.raises(OperationError) as info:
        create_tensor(CreateRequest("rand", dtype="int64"))
    assert "not implemented" in info.value.torch_error


def test_size_guard_names_the_size():
    with pytest.raises(SizeLimitError, match=r"37\.3 GiB"):
        create_tensor(CreateRequest("zeros", shape="100000, 100000"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=0, max_size=4),
       st.sampled_from(["{}", "({})", "[{}]", "x"]))
def test_every_shape_spelling_gives_the_same_shape(sizes, style):
    joined = ", ".join(map(str, sizes))
    text = "x".join(map(str, sizes)) if style == "x" else style.format(joined)
    if len(sizes) == 1 and style == "({})":
        text = f"({sizes[0]},)"
    result = create_tensor(CreateRequest("zeros", shape=text))
    assert result.snapshot.facts.shape == tuple(sizes)


def test_constructor_out_writes_into_the_same_object_and_memory():
    workspace = Workspace()
    workspace.put("c", torch.zeros(2, 2))
    c = workspace.get("c")
    ptr = c.data_ptr()
    result = create_tensor(CreateRequest("rand", shape="2, 2", out="c", seed=7), workspace)
    assert result.tensor is c and c.data_ptr() == ptr and result.name == "c"
    assert result.step.code == "torch.manual_seed(7)\ntorch.rand((2, 2), out=c)"
    replay = _exec(result.step.code, {"c": torch.zeros(2, 2)})
    assert _same_values(replay["c"], result.snapshot.values)
    assert "same data_ptr" in result.step.explanation


@pytest.mark.parametrize(("request_", "field"), [
    (CreateRequest("rand", shape="3", out="c"), "shape"),
    (CreateRequest("rand", shape="2, 2", out="nope"), "out"),
    (CreateRequest("arange", out="c"), "out"),
    (CreateRequest("rand", shape="2, 2", out="c", dtype="float64"), "dtype"),
])
def test_constructor_out_refusals_leave_the_target_alone(request_, field):
    workspace = Workspace()
    workspace.put("c", torch.zeros(2, 2))
    with pytest.raises((InputError, OperationError)) as info:
        create_tensor(request_, workspace)
    assert info.value.field == field
    assert torch.equal(workspace.get("c"), torch.zeros(2, 2))

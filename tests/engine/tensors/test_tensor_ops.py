"""The operations catalogue: values against direct torch calls, and step code that replays."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, OperationError, SizeLimitError
from engine.session.workspace import Workspace
from engine.tensors.ops.arith import run_expression
from engine.tensors.ops.catalogue import CATALOGUE, GROUPS, SPECS, OpRequest, ops_in, run_op

SETUP = """\
p = torch.linspace(0.1, 0.9, 6).reshape(2, 3)
q = torch.tensor([[0.5, 0.2, 0.7], [0.9, 0.4, 0.3]])
i = torch.tensor([[1, 5, 11], [4, 6, 8]])
j = torch.tensor([[2, 7, 10], [1, 3, 5]])
f = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=torch.float64)
m = torch.tensor([[3.0, 1.0, 0.0], [1.0, 2.0, 0.5], [0.0, 0.5, 1.0]])
v1 = torch.tensor([1.0, 0.0, 0.0])
v2 = torch.tensor([0.0, 1.0, 0.0])
c = torch.zeros(2, 3)
ci = torch.zeros(2, 3, dtype=torch.int64)
"""


def make_workspace() -> tuple[Workspace, dict]:
    namespace: dict = {}
    exec(PREAMBLE + SETUP, namespace)
    workspace = Workspace()
    for name in ("p", "q", "i", "j", "f", "m", "v1", "v2", "c", "ci"):
        workspace.put(name, namespace[name])
    return workspace, namespace


def replay(*codes: str) -> dict:
    """Run the setup and the steps' code in a fresh namespace, as a learner would."""
    namespace: dict = {}
    exec(PREAMBLE + SETUP + "\n".join(codes), namespace)
    return namespace


def assert_same(actual: np.ndarray, expected: torch.Tensor) -> None:
    expected_np = expected.detach().float().numpy() if expected.dtype in (
        torch.float16, torch.bfloat16) else expected.detach().numpy()
    assert actual.shape == expected_np.shape
    np.testing.assert_allclose(actual, expected_np, rtol=1e-6, atol=1e-6, equal_nan=True)


UNARY = [s.key for s in CATALOGUE if s.kind == "unary" and s.group != "bitwise"]


@pytest.mark.parametrize("key", UNARY)
@pytest.mark.parametrize("mode", ["new", "inplace", "out"])
def test_unary_ops_match_torch_in_every_form(key, mode):
    workspace, ns = make_workspace()
    expected = getattr(torch, key)(ns["p"])
    result = run_op(workspace, OpRequest(key, "p", result="r", mode=mode, out_name="c"))
    assert_same(result.snapshot.values, expected)
    target = {"new": "r", "inplace": "p", "out": "c"}[mode]
    assert result.name == target
    assert result.snapshot.facts.dtype == "float32"
    replayed = replay(result.step.code)
    assert_same(result.snapshot.values, replayed[target])


def test_inplace_really_changes_the_workspace_tensor_and_reports_memory():
    workspace, ns = make_workspace()
    p = workspace.get("p")
    pointer, version = p.data_ptr(), p._version
    expected = torch.sin(p)
    result = run_op(workspace, OpRequest("sin", "p", mode="inplace"))
    assert workspace.get("p") is p and result.tensor is p
    assert torch.allclose(p, expected)
    assert result.memory.same_data_ptr and result.memory.data_ptr_after == pointer
    assert (result.memory.version_before, result.memory.version_after) == (version, version + 1)
    assert result.step.code == "p.sin_()"
    assert "0 → 1" in result.memory.text()


def test_new_form_leaves_the_source_alone_and_uses_new_memory():
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest("add", "p", other="q", result="r"))
    assert not result.memory.same_data_ptr
    assert torch.equal(workspace.get("p"), ns["p"]) and workspace.get("p")._version == 0
    assert result.step.code == "r = torch.add(p, q)"


def test_out_writes_into_the_same_object_and_memory():
    workspace, _ = make_workspace()
    c = workspace.get("c")
    pointer = c.data_ptr()
    result = run_op(workspace, OpRequest("mul", "p", other="q", mode="out", out_name="c"))
    assert result.tensor is c and c.data_ptr() == pointer
    assert result.memory.same_object and result.memory.same_data_ptr
    assert result.step.code == "torch.mul(p, q, out=c)"
    assert torch.allclose(c, workspace.get("p") * workspace.get("q"))


def test_out_with_a_dtype_pytorch_refuses_leaves_the_target_unchanged():
    workspace, _ = make_workspace()
    ci = workspace.get("ci")
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("sin", "p", mode="out", out_name="ci"))
    assert "can't be cast" in info.value.torch_error and info.value.field == "out_name"
    assert torch.equal(ci, torch.zeros(2, 3, dtype=torch.int64)) and ci._version == 0


def test_out_with_the_wrong_shape_is_refused_before_writing():
    workspace, _ = make_workspace()
    with pytest.raises(InputError) as info:
        run_op(workspace, OpRequest("sin", "m", mode="out", out_name="c"))
    assert info.value.field == "out_name" and "(3, 3)" in info.value.message
    assert torch.equal(workspace.get("c"), torch.zeros(2, 3))


@pytest.mark.parametrize("key", ["add", "sub", "mul", "div", "pow", "eq", "ne", "gt", "lt",
                                 "ge", "le"])
@pytest.mark.parametrize("other", ["q", "2", "-0.5"])
def test_binary_ops_with_tensors_and_numbers(key, other):
    workspace, ns = make_workspace()
    operand = ns["q"] if other == "q" else float(other) if "." in other else int(other)
    expected = getattr(torch, key)(ns["p"], operand)
    result = run_op(workspace, OpRequest(key, "p", other=other, result="r"))
    assert_same(result.snapshot.values, expected)
    assert result.snapshot.facts.dtype == str(expected.dtype).removeprefix("torch.")
    assert_same(result.snapshot.values, replay(result.step.code)["r"])


def test_comparisons_give_bool():
    workspace, _ = make_workspace()
    result = run_op(workspace, OpRequest("gt", "p", other="q", result="r"))
    assert result.snapshot.facts.dtype == "bool"


@pytest.mark.parametrize("key", ["bitwise_and", "bitwise_or", "bitwise_xor"])
def test_bitwise_on_integers(key):
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest(key, "i", other="j", result="r"))
    assert_same(result.snapshot.values, getattr(torch, key)(ns["i"], ns["j"]))
    assert_same(result.snapshot.values, replay(result.step.code)["r"])
    result = run_op(workspace, OpRequest("bitwise_not", "i", result="n"))
    assert result.snapshot.values.tolist() == (~ns["i"]).tolist()


def test_bitwise_on_floats_explains_and_keeps_pytorch_text():
    workspace, ns = make_workspace()
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("bitwise_xor", "p", other="q", result="r"))
    assert "integer or bool" in info.value.message
    assert "not implemented for 'Float'" in info.value.torch_error
    assert "r" not in workspace


def test_bitwise_inplace_on_float_leaves_tensor_unchanged():
    workspace, _ = make_workspace()
    before = workspace.get("p").clone()
    with pytest.raises(OperationError):
        run_op(workspace, OpRequest("bitwise_not", "p", mode="inplace"))
    assert torch.equal(workspace.get("p"), before) and workspace.get("p")._version == 0


def test_failing_inplace_dtype_change_leaves_the_workspace_unchanged():
    workspace, _ = make_workspace()
    i = workspace.get("i")
    before = i.clone()
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("sqrt", "i", mode="inplace"))
    assert "can't be cast" in info.value.torch_error
    assert torch.equal(i, before) and i._version == 0


def test_inplace_broadcast_that_would_grow_the_target_is_refused():
    workspace, _ = make_workspace()
    workspace.put("row", torch.ones(3))
    before = workspace.get("row").clone()
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("add", "row", other="p", mode="inplace"))
    assert "keep the target's shape" in info.value.message
    assert torch.equal(workspace.get("row"), before)


def test_inplace_on_leaf_requiring_grad_is_refused_unchanged():
    workspace, _ = make_workspace()
    w = torch.ones(3, requires_grad=True)
    workspace.put("w", w)
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("mul", "w", other="2", mode="inplace"))
    assert "leaf" in info.value.torch_error
    assert torch.equal(w.detach(), torch.ones(3)) and w._version == 0


def test_clamp_and_round():
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest("clamp", "p", low="0.3", high="0.6", result="r"))
    assert_same(result.snapshot.values, torch.clamp(ns["p"], 0.3, 0.6))
    assert result.step.code == "r = torch.clamp(p, min=0.3, max=0.6)"
    result = run_op(workspace, OpRequest("round", "p", decimals="1", result="s"))
    assert_same(result.snapshot.values, torch.round(ns["p"], decimals=1))
    assert_same(result.snapshot.values, replay(result.step.code)["s"])
    with pytest.raises(InputError) as info:
        run_op(workspace, OpRequest("clamp", "p"))
    assert info.value.field == "low"


@pytest.mark.parametrize("key", ["max", "min", "sum", "mean", "std", "prod", "argmax",
                                 "unique"])
@pytest.mark.parametrize("dim,keepdim", [("", False), ("1", False), ("0", True)])
def test_reductions_match_torch(key, dim, keepdim):
    workspace, ns = make_workspace()
    kwargs = {} if not dim else ({"dim": int(dim)} if key == "unique" or not keepdim
                                 else {"dim": int(dim), "keepdim": True})
    expected = getattr(torch, key)(ns["p"], **kwargs)
    if key in ("max", "min") and dim:
        expected = expected.values
    result = run_op(workspace, OpRequest(key, "p", dim=dim, keepdim=keepdim and key != "unique",
                                         result="r"))
    assert_same(result.snapshot.values, expected)
    assert_same(result.snapshot.values, replay(result.step.code)["r"])


def test_max_with_dim_also_shows_indices():
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest("max", "q", dim="1", result="r"))
    assert [snap.name for snap in result.extra_snapshots] == ["r", "r_indices"]
    assert [name for name, _ in result.extra_tensors] == ["r_indices"]
    assert result.extra_snapshots[1].values.tolist() == torch.max(ns["q"], dim=1).indices.tolist()
    assert replay(result.step.code)["r_indices"].tolist() == [2, 0]


def test_item_gives_a_python_number():
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest("sum", "i", item=True, result="total"))
    assert result.value == 35 and result.snapshot is None and result.tensor is None
    assert replay(result.step.code)["total"] == 35
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("sum", "i", dim="0", item=True))
    assert "one element" in info.value.message


def test_reduction_errors():
    workspace, _ = make_workspace()
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("sum", "p", dim="5"))
    assert info.value.field == "dim" and "Dimension out of range" in info.value.torch_error
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("mean", "i"))
    assert ".float()" in info.value.message
    with pytest.raises(InputError):
        run_op(workspace, OpRequest("sum", "p", keepdim=True))


def test_matmul_values_code_and_out():
    workspace, ns = make_workspace()
    result = run_op(workspace, OpRequest("matmul", "p", other="m", result="r"))
    assert_same(result.snapshot.values, ns["p"] @ ns["m"])
    assert_same(result.snapshot.values, replay(result.step.code)["r"])
    c = workspace.get("c")
    result = run_op(workspace, OpRequest("matmul", "p", other="m", mode="out", out_name="c"))
    assert result.tensor is c and result.memory.same_data_ptr
    assert_same(result.snapshot.values, replay(result.step.code)["c"])


def test_matmul_shape_mismatch_explains():
    workspace, _ = make_workspace()
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("matmul", "p", other="q"))
    assert "cannot be multiplied" in info.value.torch_error
    assert "(n, k) @ (k, m)" in info.value.message and info.value.field == "other"
    assert "torch.matmul with (" in info.value.message  # the operands' shapes are named


def test_shape_mismatch_names_the_operands_shapes():
    workspace = Workspace()
    workspace.put("twos", torch.full((2, 3), 2.0))
    workspace.put("p", torch.tensor([[1, 2], [3, 4]]))
    with pytest.raises(OperationError) as info:
        run_expression(workspace, "twos ** p", "powers2")
    assert "column 1: Running `twos ** p` failed" in info.value.message
    assert "twos (2, 3) float32, p (2, 2) int64" in info.value.message
    assert "compared from the right" in info.value.message  # the app's teaching hint
    assert "must match" in info.value.torch_error and info.value.field == "expression"
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("add", "twos", other="p"))
    assert "torch.add with (2, 3) float32 and (2, 2) int64" in info.value.message


def test_matmul_over_the_memory_guard_is_refused_before_allocating():
    workspace = Workspace()
    workspace.put("tall", torch.ones(200_000, 1).expand(200_000, 1))
    workspace.put("wide", torch.ones(1, 200_000))
    with pytest.raises(SizeLimitError) as info:
        run_op(workspace, OpRequest("matmul", "tall", other="wide"))
    assert "(200000, 200000)" in info.value.message


def test_cross_svd_det_inverse_transpose():
    workspace, ns = make_workspace()
    cross = run_op(workspace, OpRequest("cross", "v2", other="v1", result="z"))
    assert cross.snapshot.values.tolist() == [0.0, 0.0, -1.0]
    svd = run_op(workspace, OpRequest("svd", "m", result="m"))
    u, s, vh = (snap.values for snap in svd.extra_snapshots)
    np.testing.assert_allclose(u @ np.diag(s) @ vh, ns["m"].numpy(), atol=1e-5)
    replayed = replay(svd.step.code)
    np.testing.assert_allclose(replayed["m_S"].numpy(), s, atol=1e-6)
    assert [n for n, _ in svd.extra_tensors] == ["m_U", "m_Vh"] and svd.name == "m_S"
    det = run_op(workspace, OpRequest("det", "m", result="d"))
    assert math.isclose(float(det.snapshot.values), float(torch.linalg.det(ns["m"])),
                        rel_tol=1e-5)
    inv = run_op(workspace, OpRequest("inverse", "m", result="mi"))
    np.testing.assert_allclose(inv.snapshot.values @ ns["m"].numpy(), np.eye(3), atol=1e-5)
    t = run_op(workspace, OpRequest("transpose", "p", result="pt"))
    assert t.step.code == "pt = p.T" and t.memory.same_data_ptr
    for result, name in ((cross, "z"), (det, "d"), (inv, "mi"), (t, "pt")):
        assert_same(result.snapshot.values, replay(result.step.code)[name])


def test_linalg_errors():
    workspace, _ = make_workspace()
    workspace.put("zero", torch.zeros(2, 2))
    with pytest.raises(OperationError) as info:
        run_op(workspace, OpRequest("inverse", "zero"))
    assert "singular" in info.value.message
    with pytest.raises(OperationError):
        run_op(workspace, OpRequest("det", "p"))
    with pytest.raises(OperationError):
        run_op(workspace, OpRequest("cross", "p", other="m"))
    with pytest.raises(InputError):
        run_op(workspace, OpRequest("transpose", "v1"))


def test_promotion_is_explained_when_dtypes_differ():
    workspace, _ = make_workspace()
    result = run_op(workspace, OpRequest("add", "i", other="p", result="r"))
    assert result.snapshot.facts.dtype == "float32"
    assert "int64" in result.dtype_note and "float32" in result.dtype_note
    result = run_op(workspace, OpRequest("mul", "i", other="2.5", result="r"))
    assert result.snapshot.facts.dtype == "float32" and "default" in result.dtype_note
    result = run_op(workspace, OpRequest("add", "p", other="f", result="r"))
    assert result.snapshot.facts.dtype == "float64" and "wider" in result.dtype_note
    result = run_op(workspace, OpRequest("add", "p", other="q", result="r"))
    assert result.dtype_note == ""
    result = run_op(workspace, OpRequest("div", "i", other="j", result="r"))
    assert "floating point" in result.dtype_note


def test_expression_with_precedence_matches_python():
    workspace, ns = make_workspace()
    result = run_expression(workspace, "(p + 2) * q ** 2 - -p / 4", "e")
    expected = (ns["p"] + 2) * ns["q"] ** 2 - -ns["p"] / 4
    assert_same(result.snapshot.values, expected)
    assert result.step.code == "e = (p + 2) * q ** 2 - -p / 4"
    assert_same(result.snapshot.values, replay(result.step.code)["e"])
    result = run_expression(workspace, "p @ m", "g")
    assert_same(result.snapshot.values, ns["p"] @ ns["m"])


def test_expression_promotion_and_errors():
    workspace, _ = make_workspace()
    result = run_expression(workspace, "i * 2.5 + 1", "e")
    assert result.snapshot.facts.dtype == "float32" and "float32" in result.dtype_note
    with pytest.raises(OperationError) as info:
        run_expression(workspace, "p @ q", "e")
    assert info.value.field == "expression"
    numbers = run_expression(workspace, "2 + 3", "e")  # a number: shown, not kept
    assert numbers.tensor is None and numbers.value == 5 and "e = 5" in numbers.summary
    with pytest.raises(InputError) as info:
        run_expression(workspace, "p + nothing", "e")
    assert "`nothing` is not defined" in info.value.message and info.value.column == 5


def test_expression_over_the_memory_guard_is_refused():
    workspace = Workspace()
    workspace.put("col", torch.ones(100_000, 1))
    workspace.put("row", torch.ones(100_000))
    with pytest.raises(SizeLimitError):
        run_expression(workspace, "col * row", "big")


def test_catalogue_is_grouped_like_the_note():
    assert [g for g in GROUPS if ops_in(g)] == list(GROUPS)
    assert {"abs", "ceil", "floor", "clamp", "round", "sqrt", "exp", "log"} <= {
        s.key for s in ops_in("common")}
    assert SPECS["sin"].modes == ("new", "inplace", "out")
    assert SPECS["unique"].modes == ("new",)
    with pytest.raises(InputError):
        run_op(make_workspace()[0], OpRequest("eval", "p"))


def test_ops_on_a_huge_expanded_view_are_refused_before_allocating():
    workspace = Workspace()
    workspace.put("wide", torch.zeros(1).expand(2**31))
    for request in (OpRequest("sin", "wide"), OpRequest("sin", "wide", mode="inplace"),
                    OpRequest("mul", "wide", other="2", mode="out", out_name="wide")):
        with pytest.raises(SizeLimitError):
            run_op(workspace, request)


DTYPES = ["bool", "uint8", "int16", "int32", "int64", "float16", "float32", "float64"]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(DTYPES), st.sampled_from(DTYPES + ["2", "2.5", "True"]),
       st.sampled_from(["add", "mul", "sub", "eq", "bitwise_and", "div"]))
def test_result_dtype_matches_torch_and_mixed_inputs_are_explained(left, right, key):
    workspace = Workspace()
    a = torch.ones(2, 3, dtype=getattr(torch, left))
    workspace.put("a", a)
    if right in DTYPES:
        operand = torch.ones(2, 3, dtype=getattr(torch, right))
        workspace.put("b", operand)
        other = "b"
    else:
        operand, other = {"2": 2, "2.5": 2.5, "True": True}[right], right
    try:
        expected = getattr(torch, key)(a, operand)
    except (RuntimeError, TypeError, NotImplementedError):
        with pytest.raises((OperationError, InputError)):  # PyTorch refuses: so do we
            run_op(workspace, OpRequest(key, "a", other=other, result="r"))
        assert "r" not in workspace
        return
    if right == "True":  # the parser accepts numbers only: True is refused
        with pytest.raises(InputError):
            run_op(workspace, OpRequest(key, "a", other=other, result="r"))
        return
    result = run_op(workspace, OpRequest(key, "a", other=other, result="r"))
    assert result.snapshot.facts.dtype == str(expected.dtype).removeprefix("torch.")
    if right in DTYPES and right != left:
        assert "torch.result_type" in result.dtype_note

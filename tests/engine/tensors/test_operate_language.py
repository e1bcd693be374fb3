"""The Operate field speaks the note's PyTorch: values against plain Python, code that
replays, the language's refusals with a column, and fuzzing of the entry point."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, SizeLimitError, TorchScopeError
from engine.session.workspace import Workspace
from engine.tensors.ops.arith import run_expression
from engine.tensors.ops.support import parse_number, parse_operand

# The tensors of the note's "Matemáticas" and "Más matemáticas" cells (seeded).
SETUP = """\
torch.manual_seed(1729)
ones = torch.zeros(2, 2) + 1
twos = torch.ones(2, 3) + 2
threes = (torch.ones(2, 2) * 7 - 1) / 2
fours = twos ** 2
a = torch.rand(2, 4) * 2 - 1
angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
b = torch.tensor([1, 5, 11])
c = torch.tensor([2, 7, 10])
d = torch.tensor([[1., 2.], [3., 4.]])
e = torch.ones(1, 2)
v1 = torch.tensor([1., 0., 0.,])
v2 = torch.tensor([0., 1., 0.])
m1 = torch.rand(2, 2)
m2 = torch.tensor([[3., 0.], [0., 3.]])
x = torch.arange(6.)
output3d = torch.rand(6, 20, 20)
"""
NAMES = ("ones", "twos", "threes", "fours", "a", "angles", "b", "c", "d", "e", "v1", "v2",
         "m1", "m2", "x", "output3d")

NOTE_EXPRESSIONS = [
    "torch.zeros(2, 2) + 1", "(torch.ones(2, 2) * 7 - 1) / 2", "twos ** 2", "twos ** 0.5",
    "threes * ones", "torch.ones(4, 3, 2) * torch.ones(3, 1)", "torch.abs(a)",
    "torch.ceil(a)", "torch.floor(a)", "torch.clamp(a, -0.5, 0.5)", "torch.sin(angles)",
    "torch.asin(torch.sin(angles))", "torch.bitwise_xor(b, c)", "torch.eq(d, e)",
    "torch.max(d)", "torch.max(d).item()", "torch.mean(d)", "torch.std(d)", "torch.prod(d)",
    "torch.unique(torch.tensor([1, 2, 1, 2, 1, 2]))", "torch.cross(v2, v1)",
    "torch.matmul(m1, m2)", "torch.sin(a) * 2", "a.sum(dim=0)", "a @ a.T", "x.view(2, 3)",
    "math.pi * a", "a.sum()", "d.unsqueeze(0)", "torch.rand(1, 20).squeeze(0)",
    "output3d.reshape(6 * 20 * 20)", "torch.reshape(output3d, (6 * 20 * 20,))",
    "a.clone()", "d.add_(e)", "d.mul_(d)", "d[0][1]", "d.T @ d", "d.shape",
]


def oracle(expression: str) -> tuple[dict, object]:
    """Plain Python running the setup and the expression (constant strings only)."""
    namespace: dict = {}
    exec(PREAMBLE + SETUP, namespace)  # noqa: S102 - the test's oracle
    value = eval(expression, namespace)  # noqa: S307 - the test's oracle
    return namespace, value


def workspace() -> Workspace:
    namespace: dict = {}
    exec(PREAMBLE + SETUP, namespace)  # noqa: S102 - builds the same tensors
    space = Workspace()
    for name in NAMES:
        space.put(name, namespace[name])
    return space


def same(actual: object, expected: object) -> None:
    if isinstance(expected, torch.Tensor):
        assert isinstance(actual, torch.Tensor) and actual.dtype == expected.dtype
        torch.testing.assert_close(actual, expected, equal_nan=True)
    else:
        assert actual == expected


@pytest.mark.parametrize("expression", NOTE_EXPRESSIONS)
def test_note_expressions_give_what_plain_python_gives(expression):
    torch.manual_seed(7)
    result = run_expression(workspace(), expression, "r")
    torch.manual_seed(7)
    _, expected = oracle(expression)
    assert result.step.code == f"r = {expression}"  # exactly as typed
    if isinstance(expected, torch.Tensor):
        same(result.tensor, expected)
        np.testing.assert_allclose(result.snapshot.values, expected.numpy(), equal_nan=True)
        assert result.name == "r" and "r: shape" in result.summary
    else:
        assert result.tensor is None and result.name is None
        assert f"r = {expected!r}" in result.summary and "not a tensor" in result.summary


@pytest.mark.parametrize("expression", [e for e in NOTE_EXPRESSIONS if "rand(" not in e])
def test_the_code_shown_reproduces_the_values(expression):
    result = run_expression(workspace(), expression, "r")
    namespace: dict = {}
    exec(PREAMBLE + SETUP + result.step.code, namespace)  # noqa: S102 - the code shown
    if result.tensor is not None:
        same(namespace["r"], result.tensor)


def test_name_equals_expression_names_the_result():
    space = workspace()
    result = run_expression(space, "y = torch.sin(angles)", "ignored")
    assert result.name == "y" and result.step.code == "y = torch.sin(angles)"
    same(result.tensor, torch.sin(space.get("angles")))
    with pytest.raises(InputError) as info:
        run_expression(space, "torch = a", "r")
    assert info.value.field == "expression"


def test_promotion_is_explained_for_arithmetic_and_views_are_named():
    space = workspace()
    result = run_expression(space, "b * 2.5 + 1", "r")
    assert "Inputs b: int64" in result.dtype_note and "float32" in result.dtype_note
    assert run_expression(space, "torch.sin(a)", "r").dtype_note == ""
    view = run_expression(space, "x.view(2, 3)", "r")
    assert "shares memory with x" in view.step.explanation
    same_object = run_expression(space, "d.add_(e)", "r")
    assert "d itself" in same_object.step.explanation


@pytest.mark.parametrize(("text", "column", "words"), [
    ("getattr(a, 'sum')", 1, "`getattr` is not part"),
    ("a.__class__", 1, "__class__"),
    ("a + a.__class__.__mro__", 5, "__class__"),
    ("torch.load('x.pt')", 1, "`torch.load` is not part"),
    ("a.numpy().tofile('x')", 1, "tofile"),
    ("__import__('os')", 1, "__import__"),
    ("10 ** 10 ** 10", 1, "bits"),
    ("a +", 4, "not valid Python"),
    ("a * 2; b * 2", 8, "one expression"),
    ("for i in range(2): a", 1, "expression"),
    ("a + nothing", 5, "`nothing` is not defined"),
])
def test_refusals_are_the_languages_with_a_column(text, column, words):
    with pytest.raises(InputError) as info:
        run_expression(workspace(), text, "r")
    error = info.value
    assert error.field == "expression" and error.column == column
    assert f"column {column}" in error.message and words in error.message


def test_huge_sizes_are_refused_before_allocating():
    with pytest.raises(SizeLimitError) as info:
        run_expression(workspace(), "torch.ones(100000, 1) * torch.ones(100000)", "r")
    assert info.value.field == "expression" and "GiB" in info.value.message
    assert "column 1" in info.value.message


def test_number_fields_read_the_language():
    assert parse_number("math.pi / 4", field="low") == pytest.approx(0.7853981633974483)
    assert parse_number("2 ** 62", field="low") == 2**62
    for text in ("2 ** 64", "True", "[1]", "torch.ones(2)", "", "getattr(1, 'real')"):
        with pytest.raises(InputError) as info:
            parse_number(text, field="low")
        assert info.value.field == "low"
    space = workspace()
    assert parse_operand("b", space, field="other")[1] == "b"
    assert parse_operand("-1/4", space, field="other") == (-0.25, "-0.25")
    with pytest.raises(InputError, match="not a tensor in the workspace"):
        parse_operand("nope", space, field="other")


FUZZ_SPACE = workspace()
PIECES = st.one_of(
    st.sampled_from(["a", "b", "d", "x", "m1", "angles", "math.pi", "2", "0.5", "-1", "True"]),
    st.sampled_from(["torch.sin(", "torch.matmul(", "torch.ones(", "a.sum(", "d.view(",
                     "x.reshape(", "a.T", "d[0]", "torch.zeros(10**6, 10**6)", ".item()",
                     "getattr(", ".__class__", "torch.load(", "np.save(", "open(", "lambda: ",
                     "'{0.__class__}'.format(a)", "a.numpy().tofile('x')", "t.storage()",
                     "a.untyped_storage()", ".__reduce__()", "10**10**10", "[0] * 10**9",
                     "ａ", "dim=0", "keepdim=True", "*", "**", "@", "+", "-", "/", ",", "(",
                     ")", "[", "]", " ", ";", "\n", "=", ".", "__"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=8))
def test_fuzzed_operate_input_gives_a_value_or_the_languages_error(pieces):
    text = "".join(pieces)
    started = time.monotonic()
    try:
        result = run_expression(FUZZ_SPACE, text, "fuzz")
    except TorchScopeError as exc:
        assert exc.field == "expression" and exc.message
    else:
        assert result.step.code.startswith("fuzz = ") or result.step.code == text.strip()
    assert time.monotonic() - started < 15

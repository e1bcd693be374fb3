"""The expression parser: a strict whitelist, fuzzed; only InputError ever comes out."""

from __future__ import annotations

import builtins
from contextlib import contextmanager, suppress
from unittest.mock import patch

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import InputError
from engine.session.workspace import Workspace
from engine.tensors.ops.arith import run_expression
from engine.tensors.ops.expr import combine_numbers, evaluate, parse_expression
from engine.tensors.ops.support import parse_number

NAMES = ("a", "b", "weights")
PYTHON_EVAL = builtins.eval  # the test's oracle only; the app never evaluates typed text
FUZZ = settings(max_examples=1200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def no_eval():
    """Around engine calls: the parser must never reach eval or exec (ast.parse uses compile)."""

    def forbidden(*_args, **_kwargs):
        raise AssertionError("typed text reached eval or exec")

    with patch.object(builtins, "eval", forbidden), patch.object(builtins, "exec", forbidden):
        yield


def _numbers_only(_op, _left, _right):
    raise AssertionError("no tensor should appear here")


def check(text: str) -> None:
    """Parse (and evaluate numbers-only results): success or InputError, nothing else."""
    with no_eval():
        try:
            expression = parse_expression(text, NAMES)
        except InputError as exc:
            assert exc.field == "expression" and exc.message
            return
        assert set(expression.names) <= set(NAMES)
        if not expression.names:
            with suppress(InputError):
                evaluate(expression, {}, _numbers_only)


@FUZZ
@given(st.text(max_size=60))
def test_any_text_gives_an_expression_or_input_error(text):
    check(text)


DANGEROUS = st.sampled_from([
    "__import__('os')", "a.__class__", "a.__class__.__mro__", "().__class__", "open('x')",
    "torch.zeros(3)", "a.sum()", "lambda: 1", "[1, 2]", "{}", "a[0]", "a if b else 1",
    "'text'", "b'x'", "f'{a}'", "1j", "True", "None", "...", "a == b", "a and b", "not a",
    "import os", "exec('1')", "eval('1')", "__builtins__", "_hidden", "__dict__",
    "globals()", "(yield)", "a := 1", "*a", "**a", "a % b", "a // b", "a << 2", "~a",
    "9 ** 9 ** 9", "2 ** 10 ** 100", "10.0 ** 400", "(-8) ** 0.5", "1 / 0", "0 ** -1",
    "99999999999999999999999", "a @ 2", "2 @ 3", "a.T", "a[:, None]", "math.pi", "x",
])
PIECES = st.one_of(DANGEROUS, st.sampled_from(NAMES), st.integers(-10**6, 10**6).map(str),
                   st.floats(allow_nan=False, allow_infinity=False).map(repr))
OPERATORS = st.sampled_from([" + ", " - ", " * ", " / ", " ** ", " @ ", " . ", "(", ")", ", ",
                             "; ", "\n", " ", "-"])


@FUZZ
@given(st.lists(st.tuples(PIECES, OPERATORS), min_size=1, max_size=8))
def test_mixtures_of_dangerous_python_never_run(parts):
    check("".join(piece + op for piece, op in parts))


@pytest.mark.parametrize("text", ["__import__('os').system('echo hacked')", "a.__class__",
                                  "open('/etc/passwd')", "torch.zeros(10)", "a[0]",
                                  "lambda: 0", "a.sum()", "_x + 1", "exec('1')"])
def test_known_attacks_are_refused_with_a_column(text):
    with no_eval(), pytest.raises(InputError) as info:
        parse_expression(text, NAMES)
    assert info.value.column is not None or "valid" in info.value.message


@pytest.mark.parametrize("text", ["9 ** 9 ** 9", "2 ** 10 ** 100", "10.0 ** 400",
                                  "(-8) ** 0.5", "1 / 0", "2 ** 64", "-(2 ** 63) * 2"])
def test_number_arithmetic_refuses_huge_or_undefined_results_quickly(text):
    with pytest.raises(InputError):
        parse_number(text, field="expression")


def test_number_arithmetic_that_fits_is_computed():
    assert parse_number("2 ** 62", field="x") == 2**62
    assert parse_number("-1/4", field="x") == -0.25
    assert combine_numbers(type(parse_expression("1+1", ()).tree.op), 2, 3) == 5


TREE = st.recursive(
    st.one_of(st.sampled_from(NAMES), st.integers(0, 9).map(str),
              st.sampled_from(["0.5", "1.5", "2.0"])),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda s: f"-{s}"),
    ),
    max_leaves=8,
)


@settings(max_examples=100, deadline=None)
@given(TREE)
def test_valid_expressions_round_trip_and_match_python(text):
    expression = parse_expression(text, NAMES)
    assert parse_expression(expression.code, NAMES).code == expression.code
    if not expression.names:
        return
    env = {"a": torch.tensor([1.0, -2.0, 3.0]), "b": torch.tensor([0.5, 4.0, -1.0]),
           "weights": torch.tensor([2.0, 2.0, 0.25])}
    workspace = Workspace()
    for name, tensor in env.items():
        workspace.put(name, tensor)
    try:
        result = run_expression(workspace, text, "out")
    except InputError:
        return  # e.g. a numbers-only sub-expression dividing by zero
    oracle = PYTHON_EVAL(expression.code, {"__builtins__": {}}, dict(env))
    torch.testing.assert_close(torch.from_numpy(result.snapshot.values), oracle,
                               equal_nan=True, rtol=1e-5, atol=1e-5)


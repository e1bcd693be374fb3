"""The expression language: what it accepts, what it refuses, and that nothing else runs."""

from __future__ import annotations

import contextlib
import math
from unittest import mock

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.autograd.expressions.evaluate import dry_run, program_code, run_program
from engine.autograd.expressions.parse import parse_expression, parse_program
from engine.autograd.program import NOTE_EXAMPLE
from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, OperationError, SizeLimitError, TorchScopeError


def run(rows):
    return run_program(parse_program(rows))


def test_note_example_values_match_plain_torch():
    values = run(NOTE_EXAMPLE)
    a = torch.linspace(0.0, 2.0 * math.pi, steps=25, requires_grad=True)
    out = (2 * torch.sin(a) + 1).sum()
    assert values["a"].requires_grad and values["a"].is_leaf
    assert torch.equal(values["a"], a)
    assert torch.allclose(values["out"], out)
    assert type(values["b"].grad_fn).__name__ == "SinBackward0"


def test_program_code_reproduces_values():
    parsed = parse_program(NOTE_EXAMPLE + (("r", "rand(3)"), ("q", "randn(3) * r + mean(a)")))
    values = run_program(parsed)
    namespace: dict = {}
    exec(PREAMBLE + program_code(parsed), namespace)
    for name, value in values.items():
        assert torch.equal(namespace[name], value), name


@pytest.mark.parametrize("text, column, words", [
    ("sin(a", 4, "never closed"),
    ("a +", 4, "ends after '+'"),
    ("sin(a) a", 8, "Expected a number"),
    ("2 ** ", 5, "ends after '**'"),
    ("a.numpy()", 1, "attribute"),
    ("a[0]", 1, "indexing"),
    ("__import__('os')", 1, "Only these functions"),
    ("sin(q)", 5, "Unknown name 'q'"),
    ("lambda: 1", 1, "lambda"),
    ("[x for x in a]", 1, "comprehension"),
    ("ones(3, device='cuda')", 16, "accepts the keywords"),
    ("linspace(0, 1, steps=2.5)", 22, "whole number"),
    ("'text'", 1, "Only numbers"),
])
def test_refused_text_points_at_the_column(text, column, words):
    with pytest.raises(InputError) as info:
        parse_expression(text, {"a"})
    assert info.value.column == column
    assert words in info.value.message


def test_names_must_be_defined_before_use_and_unique():
    with pytest.raises(InputError, match="Unknown name 'b'"):
        parse_program([("a", "b + 1"), ("b", "ones(2)")])
    with pytest.raises(InputError, match="defined twice"):
        parse_program([("a", "ones(2)"), ("a", "ones(3)")])
    with pytest.raises(InputError, match="reserved"):
        parse_program([("sin", "ones(2)")])
    with pytest.raises(InputError) as info:
        parse_program([("__class__", "ones(2)")])
    assert info.value.field == "name:0"


def test_huge_allocations_are_refused_before_allocating():
    with pytest.raises(SizeLimitError):
        run([("a", "ones(10**12)")])
    with pytest.raises(SizeLimitError):
        run([("a", "ones(100000, 100000)")])
    with pytest.raises(SizeLimitError):
        dry_run(parse_program([("a", "linspace(0, 1, steps=1000000000)")]))


def test_torch_errors_keep_pytorchs_text():
    with pytest.raises(OperationError) as info:
        run([("a", "ones(3)"), ("b", "ones(4)"), ("c", "a + b")])
    assert "size of tensor a (3)" in info.value.torch_error
    assert info.value.field == "expression:2"


def test_huge_integer_powers_do_not_hang():
    with pytest.raises(TorchScopeError):
        run([("a", "(10**12) ** 10**12")])


def test_user_inputs_are_cloned_not_touched():
    user = torch.ones(3, requires_grad=True)
    values = run_program(parse_program([("b", "sin(x)"), ("out", "sum(b)")], ["x"]), {"x": user})
    values["out"].backward()
    assert user.grad is None


@contextlib.contextmanager
def _nothing_may_run():
    """Opening files, starting processes or calling eval/exec fails the test."""
    forbidden = mock.Mock(side_effect=AssertionError("the expression ran something"))
    with mock.patch("builtins.open", forbidden), mock.patch("os.system", forbidden), \
            mock.patch("subprocess.Popen", forbidden), mock.patch("builtins.eval", forbidden), \
            mock.patch("builtins.exec", forbidden):
        yield
    assert not forbidden.called


_ATOMS = st.sampled_from([
    "a", "b", "pi", "e", "1", "2.5", "0", "-1", "10**12", "1e308", "ones(3)", "ones(10**12)",
    "a.grad", "a.numpy()", "a.__class__", "__import__('os')", "open('x','w')", "import os",
    "exec('1')", "eval", "[1,2]", "{1: 2}", "a[0]", "lambda x: x", "(x for x in a)", "'s'",
    "sin", "sum(a, dim=0)", "linspace(0, 1, steps=5, requires_grad=True)", "rand(2, 2)",
    "a @ a", "detach(a)", "f'{a}'", "a if a else b", "not a", "a < b", "*a", "**a", "True",
    "None", "...", "a.tofile('/tmp/x')", "getattr(a, 'grad')", "globals()", "\\", "#",
])
_OPS = st.sampled_from([" + ", " - ", " * ", " / ", " ** ", " @ ", ", ", "(", ")", " = ",
                        ".", "[", "]", ""])


@st.composite
def expressions(draw):
    parts = [draw(_ATOMS)]
    for _ in range(draw(st.integers(0, 5))):
        parts.append(draw(_OPS))
        parts.append(draw(_ATOMS))
    text = "".join(parts)
    wrapper = draw(st.sampled_from(["{}", "sin({})", "sum({})", "({})", "-{}", "ones({})"]))
    return wrapper.format(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions())
def test_fuzz_only_the_language_errors_come_out(text):
    """Nothing but TorchScopeError escapes, and no file is ever written."""
    rows = [("a", "linspace(0, 1, steps=4, requires_grad=True)"), ("b", "ones(4)"),
            ("z", text)]
    with _nothing_may_run(), contextlib.suppress(TorchScopeError):
        run(rows)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_arbitrary_text(text):
    with _nothing_may_run(), contextlib.suppress(TorchScopeError):
        run([("a", "ones(2, requires_grad=True)"), ("z", text)])


def test_attribute_attack_from_the_issue_never_runs(tmp_path):
    target = tmp_path / "x.bin"
    with pytest.raises(InputError):
        run([("a", "ones(3)"), ("z", f"a.numpy().tofile('{target}')")])
    assert not target.exists()


def test_the_whole_program_is_bounded_too(monkeypatch):
    monkeypatch.setattr("engine.autograd.expressions.evaluate.memory_guard_bytes", lambda: 10_000)
    rows = [("a", "ones(1000)"), ("b", "a + 1"), ("c", "b + 1")]  # 4 kB each, 12 kB in all
    with pytest.raises(SizeLimitError, match="All the steps together") as info:
        dry_run(parse_program(rows))
    assert info.value.field == "expression:2"
    dry_run(parse_program(rows[:2]))

"""Hypothesis fuzzing of every entry point: console, Autograd steps, Operate, literals.

Pass: the code runs within the allowlist or raises the engine's own error
(``TorchScopeError``) in bounded time, and the audit hook sees no forbidden event.
Escapes must always be refused with ``LanguageError`` (or a size error).
"""

from __future__ import annotations

import contextlib
import time

import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.errors import Cancelled, SizeLimitError, TorchScopeError
from engine.language.errors import LanguageError
from engine.language.interpreter import Interpreter, warm_up
from engine.language.modules import TORCH
from tests.engine.language.audit import watching

warm_up()
FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
SETUP = ("a = torch.linspace(0., 2. * math.pi, steps=6, requires_grad=True)\n"
         "b = torch.rand(2, 3)\nc = torch.ones(3, 2, dtype=torch.int64)\nl = [1, 2.5, 3]\n"
         "import numpy as np\nn = np.ones((2, 3))\n")
_BASE = Interpreter()
_BASE.run_to_end(SETUP)


def _session() -> Interpreter:
    names = dict(_BASE.namespace)
    names.update({k: v.detach().clone().requires_grad_(v.requires_grad)
                  for k, v in names.items() if isinstance(v, torch.Tensor)})
    return Interpreter(names, time_limit=3)


def _check(code: str, must_refuse: bool = False) -> None:
    start = time.monotonic()
    with watching(code) as violations:
        try:
            _session().run_to_end(code)
            refused = False
        except Cancelled:
            raise
        except (LanguageError, SizeLimitError):
            refused = True
        except TorchScopeError:
            refused = False
    assert violations == [], (code, violations)
    assert time.monotonic() - start < 6, code
    if must_refuse:
        assert refused, code


NAMES = ["a", "b", "c", "l", "n", "x", "torch", "math", "np", "print", "len", "range"]
TORCH_FUNCS = sorted(k for k, v in TORCH.members.items() if callable(v))
METHODS = ["sum", "mean", "view", "reshape", "unsqueeze", "squeeze", "numpy", "item", "clone",
           "detach", "backward", "grad", "grad_fn", "requires_grad", "shape", "dtype", "T",
           "to", "add_", "mul_", "size", "stride", "tolist", "next_functions", "name", "max",
           "expand", "repeat", "permute", "transpose", "t", "float", "long", "contiguous"]
DANGER_ATTRS = ["__class__", "__dict__", "__reduce__", "__reduce_ex__", "__globals__",
                "__subclasses__", "__mro__", "__self__", "__init__", "__getattribute__",
                "_C", "storage", "untyped_storage", "tofile", "dump", "dumps", "tobytes",
                "load", "save", "hub", "ops", "classes", "utils", "format", "apply_",
                "register_hook", "metadata", "set_", "share_memory_", "__code__", "f_globals"]
TOKENS = (NAMES + TORCH_FUNCS[:40] + METHODS + DANGER_ATTRS + [
    "(", ")", "[", "]", "{", "}", ",", ".", ":", "=", "+", "-", "*", "**", "/", "//", "%",
    "@", "==", "<", "is", "not", "in", "and", "or", "if", "else", "for", "with", "del",
    "import", "from", "as", "lambda", "def", "0", "1", "2", "3.5", "10", "1e308", "-1",
    "'a'", "f'{a}'", "f'{a!r:>5}'", "None", "True", "...", "\n", "\n    ", ";", "getattr",
    "type", "open", "eval", "exec", "__import__", "print", "assert", "pass", "break",
])


@settings(FUZZ, max_examples=1500)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14))
def test_console_token_soup(tokens: list[str]) -> None:
    _check(" ".join(tokens))


def _expressions() -> st.SearchStrategy[str]:
    leaves = st.sampled_from(["a", "b", "c", "l", "n", "1", "2", "0.5", "-3", "(2, 3)",
                              "[1, 2]", "'s'", "torch.float64", "None", "...", "math.pi"])

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        op = st.sampled_from(["+", "-", "*", "/", "@", "**", "==", "<", "//", "%", "&"])
        return st.one_of(
            st.tuples(inner, op, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(st.sampled_from(TORCH_FUNCS), st.lists(inner, max_size=3)).map(
                lambda t: f"torch.{t[0]}({', '.join(t[1])})"),
            st.tuples(inner, st.sampled_from(METHODS + DANGER_ATTRS[:8])).map(
                lambda t: f"{t[0]}.{t[1]}"),
            st.tuples(inner, st.sampled_from(METHODS), st.lists(inner, max_size=2)).map(
                lambda t: f"{t[0]}.{t[1]}({', '.join(t[2])})"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
            st.tuples(inner, st.sampled_from(["0", "1:", ":, 0", "..., None", "::2"])).map(
                lambda t: f"{t[0]}[{t[1]}]"),
        )

    return st.recursive(leaves, extend, max_leaves=8)


@settings(FUZZ, max_examples=1500)
@given(_expressions())
def test_operate_field_expressions(expression: str) -> None:
    _check(f"result = {expression}")


def _fullwidth(text: str, mask: list[bool]) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if flip and ch.isascii() and ch.isalpha() or (
        flip and ch == "_") else ch for ch, flip in zip(text, mask + [False] * len(text),
                                                         strict=False))


ESCAPES = [
    "getattr(a, 'grad')", "a.__class__", "a.__class__.__mro__[-1].__subclasses__()",
    "'{0.__class__}'.format(a)", "'{0.__init__.__globals__}'.format(a)", "str.format",
    "a.detach().numpy().tofile('/tmp/x')", "n.tofile('/tmp/x')", "n.dump('/tmp/x')",
    "n.dumps()", "n.tobytes()", "torch.load('/tmp/x')", "torch.save(a, '/tmp/x')",
    "torch.hub.load('x', 'y')", "torch.ops.aten", "torch.classes", "torch._C",
    "np.save('/tmp/x', n)", "np.load('/tmp/x')", "np.fromfile('/tmp/x')", "a.storage()",
    "a.untyped_storage()", "a.__reduce__()", "a.__reduce_ex__(2)", "print.__self__",
    "torch.sin.__self__", "type(a)", "vars(a)", "dir(a)", "globals()", "open('/tmp/x', 'w')",
    "__import__('os')", "eval('1')", "exec('1')", "compile('1', 'x', 'exec')",
    "10 ** 10 ** 10", "'a' * 10 ** 9", "[0] * 10 ** 9", "torch.ones(10 ** 6, 10 ** 6)",
    "lambda: 0", "[i for i in range(3)]", "a.register_hook(print)", "(a * 2).grad_fn.metadata",
    "f'{a:>999999999}'", "'%s' % a", "torch.utils.cpp_extension", "torch.set_printoptions",
]
CONTEXTS = ["x = {}", "print({})", "y = [{}]", "with torch.no_grad():\n    z = {}",
            "for i in range(2):\n    w = {}", "if True:\n    v = {}", "assert {}",
            "u = ({}, 1)", "p = f'{{{}}}'", "q = {{'k': {}}}"]


@settings(FUZZ, max_examples=800)
@given(st.sampled_from(ESCAPES), st.sampled_from(CONTEXTS),
       st.lists(st.booleans(), max_size=60))
def test_escapes_are_always_refused(escape: str, context: str, lookalike: list[bool]) -> None:
    payload = _fullwidth(escape, lookalike) if "'" not in escape else escape
    _check(context.format(payload), must_refuse=True)


_NUMBERS = st.one_of(st.integers(-(10**30), 10**30),
                     st.floats(allow_nan=False, allow_infinity=False), st.booleans())


@settings(FUZZ, max_examples=500)
@given(st.recursive(_NUMBERS, lambda inner: st.lists(inner, max_size=4), max_leaves=20))
def test_tensor_literals_match_torch(data: object) -> None:
    try:
        expected: object = torch.tensor(data)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        expected = None
    session = _session()
    try:
        session.run_to_end(f"t = torch.tensor({data!r})")
    except TorchScopeError:
        assert expected is None, data
        return
    assert isinstance(expected, torch.Tensor)
    assert torch.equal(session.namespace["t"], expected)  # type: ignore[arg-type]


STEPS = ["b2 = torch.sin(a)", "c2 = 2 * b2", "d2 = c2 + 1", "out = d2.sum()", "out.backward()",
         "a.grad", "print(d2.grad_fn.next_functions)", "a.grad = None", "e = a.detach()",
         "a.requires_grad = False", "a.requires_grad = True", "f = (a ** 2).mean()",
         "f.backward()", "print(a.grad_fn)", "with torch.no_grad():\n    g = a * 2",
         "h = torch.exp(a).sum()", "h.backward(retain_graph=True)", "print(out)", "del out"]


@settings(FUZZ, max_examples=300)
@given(st.lists(st.sampled_from(STEPS), min_size=1, max_size=10))
def test_autograd_steps_line_by_line(lines: list[str]) -> None:
    session = _session()
    with watching("\n".join(lines)) as violations:
        for line in lines:
            with contextlib.suppress(TorchScopeError):
                session.run_to_end(line)
    assert violations == []

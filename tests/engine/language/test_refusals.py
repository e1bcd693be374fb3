"""Every way out of the allowlist is refused with the language's error, by a rule checked before
the work runs (never by the clock stopping it)."""

from __future__ import annotations

import pytest

from engine.core.errors import SizeLimitError
from engine.language.errors import LanguageError, LanguageOperationError
from engine.language.interpreter import Interpreter

T = "t = torch.ones(2, requires_grad=True)\n"
NP = "import numpy as np\n"

REFUSED = [
    ("getattr(torch, 'load')", "getattr"),
    ("\uff47etattr(torch, 'load')", "getattr"),  # fullwidth g: NFKC makes it getattr
    (T + "t.__class__", "_"),
    (T + "'{0.__class__}'.format(t)", "f-string"),
    (T + "str.format", "f-string"),
    (T + "t.detach().numpy().tofile('x')", "tofile"),
    (T + "t.detach().numpy().dump('x')", "dump"),
    (T + "t.detach().numpy().tobytes()", "tobytes"),
    ("torch.load('x')", "torch.load"),
    ("torch.save(1, 'x')", "torch.save"),
    ("torch.hub", "torch.hub"),
    ("torch.ops", "torch.ops"),
    ("torch.classes", "torch.classes"),
    ("torch._C", "_"),
    ("torch.utils", "torch.utils"),
    ("torch.set_printoptions(threshold=10)", "set_printoptions"),
    (NP + "np.save('x', 1)", "numpy.save"),
    (NP + "np.load('x')", "numpy.load"),
    (NP + "np.fromfile('x')", "numpy.fromfile"),
    (NP + "np.memmap", "numpy.memmap"),
    (T + "t.storage()", "storage"),
    (T + "t.untyped_storage()", "storage"),
    (T + "t.__reduce__()", "_"),
    (T + "t.__reduce_ex__(2)", "_"),
    (T + "t.register_hook(print)", "register_hook"),
    (T + "(t * 2).grad_fn.metadata", "metadata"),
    (T + "(t * 2).grad_fn.register_hook", "register_hook"),
    ("type(1)", "type"),
    ("(1).__class__.__mro__", "_"),
    ("print.__self__", "_"),
    ("torch.sin.__self__", "_"),
    ("x = [1]\nx.append.__self__", "_"),
    ("vars()", "vars"), ("dir()", "dir"), ("globals()", "globals"), ("open('f')", "open"),
    ("eval('1')", "eval"), ("exec('1')", "exec"), ("compile('1', 'f', 'exec')", "compile"),
    ("__import__('os')", "_"), ("__builtins__", "_"), ("_x = 1", "_"),
    ("import os", "os"), ("import subprocess", "subprocess"), ("from os import system", "os"),
    ("import torch.utils.data", "torch.utils"), ("from torch import nn", "torch.nn"),
    ("from torch import *", "*"), ("from . import x", "Relative"),
    ("def f():\n    pass", "def"), ("class A:\n    pass", "class"), ("lambda: 1", "lambda"),
    ("while True:\n    pass", "while"), ("try:\n    pass\nexcept Exception:\n    pass", "try"),
    ("global x", "global"), ("[i for i in range(3)]", "Comprehensions"),
    ("(i for i in range(3))", "Generator"), ("(x := 1)", ":="), ("raise ValueError", "raise"),
    ("with open('f') as f:\n    pass", "open"), ("with 1:\n    pass", "with"),
    ("x = b'abc'", "Byte"), ("print(1, file=None)\nprint(2, file=3)", "file"),
    ("'%s' % 1", "f-string"), ("f'{1:>999999999}'", "10000"), ("f'{1:.{10**8}f}'", "10000"),
    ("x = torch.ones(2)\nx.data_ptr = 5", "requires_grad"),
    ("x = torch.ones(2)\ndel x.grad", "del"),
    ("min([1, 2], key=abs)", "Functions"), ("sorted([1], key=len)", "Functions"),
    ("x = 1\nx()", "called"), ("torch.no_grad()(print)", "called"),
    ("for x in print:\n    pass", "for loop"), ("break", "break"),
    ("a, *b = [1, 2]", "*"), ("undefined + 1", "not defined"),
]

TOO_BIG = [
    "10**10**10", "x = 1 << 10**9", "x = 7 ** 100000", "x = (10**4000) * (10**4000)",
    "'a' * 10**9", "[0] * 10**9", "x = [0] * 10**6\ny = x + x", "(1,) * 10**8",
    "torch.ones(10**6, 10**6)", "torch.zeros(2**40, dtype=torch.uint8)",
    "torch.ones(1).expand(10**12)", "torch.arange(10**12)", "torch.randperm(10**10)",
    "a = torch.ones(10**5, 1)\nb = torch.ones(1, 10**5)\nc = a * b",
    "a = torch.ones(10**5, 1)\nb = torch.ones(1, 10**5)\nc = a == b",
    "a = torch.ones(1, 10**5)\nb = torch.ones(10**5, 1)\nc = torch.add(a, b)",
    "torch.rand(3000, 3000).det()", "x = torch.rand(4000, 4000)\ny = x @ x",
    "x = torch.rand(3000, 3000)\ntorch.linalg.inv(x)",
    "x = torch.ones(10)\nx[torch.zeros(10**9, dtype=torch.long)]",
    "import numpy as np\nnp.ones((10**6, 10**6))", "import numpy as np\nnp.arange(1e12)",
    "import numpy as np\na = np.ones((10**5, 1))\nb = a * a.T",
    "sum(range(10**12))", "list(range(10**9))", "for i in range(10**9):\n    pass",
    "x = torch.tensor([[0] * 10**6] * 10**6)", "print([[0] * 10**6] * 10**6)",
    "x = torch.zeros(2, 10**6)\ny = x.tolist()\nz = torch.zeros(10**7).tolist()",
    "(" * 100_000 + ")" * 100_000, "[" * 100_000, "-" * 150_000 + "1",
    "x = " + "+".join(["1"] * 120_000), "x = 1\n" * 40_000,
]


def _run(code: str) -> BaseException:
    """The code's refusal, which must come from a rule checked before the work is done:
    never from the per-statement clock stopping work that was let run."""
    with pytest.raises((LanguageError, SizeLimitError)) as caught:
        Interpreter(time_limit=5).run_to_end(code)
    assert "ran longer than" not in caught.value.message, code[:60]
    return caught.value


@pytest.mark.parametrize(("code", "mentions"), REFUSED)
def test_refused_with_a_located_message(code: str, mentions: str) -> None:
    error = _run(code)
    assert isinstance(error, LanguageError)
    assert mentions in error.message
    assert error.message.startswith("Line ") or "Brackets" in error.message


@pytest.mark.parametrize("code", TOO_BIG, ids=lambda c: c[:40])
def test_too_big_is_refused_quickly(code: str) -> None:
    _run(code)


def test_size_refusal_names_the_size() -> None:
    error = _run("x = torch.ones(10**6, 10**6)")
    assert "3.6 TiB" in error.message and "(1000000, 1000000)" in error.message
    assert "Line 1" in error.message


def test_pytorch_error_keeps_its_text_and_line() -> None:
    with pytest.raises(LanguageOperationError) as caught:
        Interpreter().run_to_end("a = torch.ones(2, 3)\nb = a @ a")
    assert caught.value.line == 2 and caught.value.column == 5
    assert "mat1 and mat2 shapes cannot be multiplied" in (caught.value.torch_error or "")
    assert "PyTorch" in caught.value.describe()


def test_column_counts_characters_not_bytes() -> None:
    error = _run("x = 'ñandú'; y = getattr")
    assert error.message.startswith("Line 1, column 18:")


def test_cancel_stops_at_the_next_check() -> None:
    from engine.core.errors import Cancelled

    calls = []
    interpreter = Interpreter(should_stop=lambda: bool(calls.append(1)) or len(calls) > 3)
    with pytest.raises(Cancelled):
        interpreter.run_to_end("x = 0\nfor i in range(100000):\n    x += i")
    assert interpreter.namespace["x"] != sum(range(100000))


def test_time_limit_per_statement() -> None:
    with pytest.raises(LanguageError, match="longer than 0.2 s"):
        Interpreter(time_limit=0.2).run_to_end(
            "x = 0\nfor i in range(100000):\n    for j in range(100000):\n        x += 1")

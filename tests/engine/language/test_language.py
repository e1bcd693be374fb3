"""What the language runs: statements, expressions, printing, results and progress."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.codegen import PREAMBLE
from engine.language.interpreter import Interpreter, RunProgress, run_to_end


def test_print_writes_exactly_what_python_writes() -> None:
    result = run_to_end("print(1, 'a', sep='-', end='!')\nprint()\nprint(2.5, None)")
    assert result.output == "1-a!\n2.5 None\n"
    assert result.prints == ("1-a!", "\n", "2.5 None\n")


def test_f_strings_with_format_specs() -> None:
    result = run_to_end("x = torch.tensor(3.14159)\nw = 8\nprint(f'{x:.2f}|{x.item():>{w}.3f}|"
                        "{x!r}|{[1, 2]}|{x.shape}')")
    assert result.output == f"3.14|{3.14159:>8.3f}|tensor(3.1416)|[1, 2]|torch.Size([])\n"


def test_assignment_forms() -> None:
    result = run_to_end(
        "a, (b, c) = 1, [2, 3]\nx = y = 4\nx += 1\nt = torch.ones(2, 2)\nt[0][1] = 561\n"
        "t[1, :] += 2\nl = [1, 2]\nl[0] = 9\nd = {'k': 1}\nd['k'] += 1\n"
        "t.requires_grad = True\ndel y")
    names = result.names
    assert (names["a"], names["b"], names["c"], names["x"]) == (1, 2, 3, 5)
    assert torch.equal(names["t"], torch.tensor([[1.0, 561.0], [3.0, 3.0]]))  # type: ignore
    assert names["l"] == [9, 2] and names["d"] == {"k": 2} and "y" not in names
    assert result.assigned == ("a", "b", "c", "x", "y", "t", "l", "d")


def test_in_place_augmented_assignment_keeps_the_tensor() -> None:
    result = run_to_end("t = torch.zeros(3)\nold = id(t)\nt += 1\nassert id(t) == old")
    assert torch.equal(result.names["t"], torch.ones(3))  # type: ignore[arg-type]


def test_indexing_and_slicing() -> None:
    result = run_to_end(
        "t = torch.arange(24).reshape(2, 3, 4)\na = t[0, :, 1:3]\nb = t[..., None, -1]\n"
        "m = t > 20\nc = t[m]\nd = t[[0, 1], 0]\ne = t[:, ::2]")
    t = torch.arange(24).reshape(2, 3, 4)
    expected = {"a": t[0, :, 1:3], "b": t[..., None, -1], "c": t[t > 20], "d": t[[0, 1], 0],
                "e": t[:, ::2]}
    for name, value in expected.items():
        assert torch.equal(result.names[name], value), name  # type: ignore[arg-type]


def test_operators_and_control_flow() -> None:
    result = run_to_end(
        "a = torch.ones(2, 3)\nb = a @ a.T\nc = 2 ** 10 // 3 % 7\nd = not (1 < 2 < 3) or 5\n"
        "e = 'yes' if b.sum() > 5 else 'no'\nf = -a.sum().item()\ntotal = 0\n"
        "for i, v in enumerate([3, 4, 5]):\n    if i == 1:\n        continue\n    total += v\n"
        "for i in range(10):\n    if i > 2:\n        break\nelse:\n    total = -1\n"
        "s = sum([torch.ones(2), torch.ones(2)])\nz = list(zip([1, 2], 'ab'))")
    names = result.names
    assert torch.equal(names["b"], torch.full((2, 2), 3.0))  # type: ignore[arg-type]
    assert (names["c"], names["d"], names["e"], names["f"]) == (2 ** 10 // 3 % 7, 5, "yes", -6.0)
    assert names["total"] == 8 and names["z"] == [(1, "a"), (2, "b")]
    assert torch.equal(names["s"], torch.full((2,), 2.0))  # type: ignore[arg-type]


def test_grad_modes_and_imports() -> None:
    result = run_to_end(
        "import numpy as np\nfrom math import pi as PI\nimport torch.linalg\nfrom torch import "
        "float64\na = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n    b = a * 2\n"
        "with torch.inference_mode():\n    c = a * 2\nd = a * 2\nn = np.array([1, 2])\n"
        "t = torch.from_numpy(n)\nn[0] = 7\ne = torch.linalg.det(torch.eye(2, dtype=float64))\n"
        "f = isinstance(t, torch.Tensor) and isinstance(n, np.ndarray) and isinstance(1, int)")
    names = result.names
    assert not names["b"].requires_grad and names["d"].requires_grad  # type: ignore
    assert names["PI"] == pytest.approx(3.14159265) and int(names["t"][0]) == 7  # type: ignore
    assert names["e"].item() == 1.0 and names["f"] is True  # type: ignore[attr-defined]
    assert "np" not in names and torch.is_grad_enabled()


def test_set_grad_enabled_persists_in_the_session_not_the_thread() -> None:
    interpreter = Interpreter()
    interpreter.run_to_end("torch.set_grad_enabled(False)")
    assert torch.is_grad_enabled()
    result = interpreter.run_to_end(
        "a = torch.ones(1, requires_grad=True) * 2\nb = a.requires_grad")
    assert result.names["b"] is False


def test_last_bare_expression_is_the_value() -> None:
    interpreter = Interpreter()
    assert interpreter.run_to_end("x = 3\nx * 2").value == 6
    result = interpreter.run_to_end("x + 1\nprint('hi')")
    assert not result.has_value and result.output == "hi\n"
    assert interpreter.run_to_end("torch.ones(2)").value_repr == "tensor([1., 1.])"


def test_namespace_persists_and_can_be_given() -> None:
    namespace: dict[str, object] = {"torch": Interpreter().namespace["torch"], "w": 5}
    interpreter = Interpreter(namespace)
    interpreter.run_to_end("v = w + 1")
    assert namespace["v"] == 6 and interpreter.run_to_end("v").value == 6


def test_run_yields_progress_and_returns_the_result() -> None:
    generator = Interpreter().run("a = 1\nb = 2\nprint(a + b)")
    records = []
    while True:
        try:
            records.append(next(generator))
        except StopIteration as stop:
            result = stop.value
            break
    assert [r.done for r in records] == [1, 2, 3] and records[0].total == 3
    assert isinstance(records[0], RunProgress) and records[2].message == "print(a + b)"
    assert result.output == "3\n"


def test_steps_are_the_code_as_typed_and_reproduce_the_values() -> None:
    source = "torch.manual_seed(3)\na = torch.rand(2, 2)\nb = (a @ a).sum(dim=0)"
    result = run_to_end(source)
    script = PREAMBLE + "\n".join(step.code for step in result.steps)
    assert [step.code for step in result.steps] == source.splitlines()
    plain: dict[str, object] = {}
    exec(compile(script, "<steps>", "exec"), plain)  # the test's oracle, not user text
    assert torch.equal(plain["b"], result.names["b"])  # type: ignore[arg-type]


def test_numpy_bridge() -> None:
    result = run_to_end(
        "import numpy as np\nt = torch.ones(3)\nn = t.numpy()\nt.add_(1)\nm = np.ones((2, 3))\n"
        "k = torch.from_numpy(m)\nsame = np.shares_memory(n, t.numpy())\nz = n.sum()")
    assert np.array_equal(result.names["n"], np.full(3, 2.0))  # type: ignore[arg-type]
    assert result.names["same"] and result.names["z"] == 6.0
    assert result.names["k"].dtype == torch.float64  # type: ignore[attr-defined]

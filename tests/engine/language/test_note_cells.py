"""The note's cells run in the language and give what plain Python gives for the same cell.

The oracle is plain Python executing the same constant cell text (test code, not user
text). Uninitialised memory (``torch.empty``) is made deterministic for both runs with
PyTorch's ``fill_uninitialized_memory`` under deterministic algorithms.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

import pytest
import torch

from engine.language.errors import LanguageError, LanguageOperationError
from engine.language.interpreter import Interpreter
from tests.engine.language.note_cells import CELLS, PYTORCH_ERROR_CELL, REFUSED_CELL, RUNNABLE

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


@pytest.fixture()
def deterministic() -> Iterator[None]:
    previous = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(previous)


def _plain(cell: str, namespace: dict[str, object]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(cell, "<note cell>", "exec"), namespace)  # the oracle: constant test text
    return buffer.getvalue()


def _same_value(ours: object, theirs: object) -> bool:
    if isinstance(theirs, torch.Tensor):
        return (isinstance(ours, torch.Tensor) and ours.dtype == theirs.dtype
                and ours.shape == theirs.shape and ours.requires_grad == theirs.requires_grad
                and torch.equal(ours.detach().nan_to_num(7.0), theirs.detach().nan_to_num(7.0)))
    return bool(ours == theirs)


@pytest.mark.usefixtures("deterministic")
def test_every_runnable_cell_matches_plain_python() -> None:
    interpreter = Interpreter()
    plain: dict[str, object] = {}
    for index in RUNNABLE:
        torch.manual_seed(0)
        expected = _plain(CELLS[index], plain)
        torch.manual_seed(0)
        result = interpreter.run_to_end(CELLS[index])
        assert _ADDRESS.sub("0x", result.output) == _ADDRESS.sub("0x", expected), index
        for name, value in result.names.items():
            if name == "old_id":  # id() of different objects in the two runs
                continue
            assert _same_value(value, plain[name]), (index, name)
    assert {"random1", "powers2", "m3", "out", "c3", "input1d"} <= set(interpreter.namespace)


def test_autograd_lines_typed_one_by_one() -> None:
    interpreter = Interpreter()
    lines = ["a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)",
             "b = torch.sin(a)", "c = 2 * b", "d = c + 1", "out = d.sum()", "out.backward()",
             "a.grad", "print(d.grad_fn.next_functions)"]
    results = [interpreter.run_to_end(line) for line in lines]
    a = interpreter.namespace["a"]
    assert isinstance(a, torch.Tensor)
    assert torch.allclose(results[6].value, 2 * torch.cos(a.detach()))  # type: ignore[arg-type]
    assert results[6].value_repr.startswith("tensor([ 2.0000e+00")
    assert results[7].output.startswith("((<MulBackward0 object at 0x")
    assert [step.code for step in results[3].steps] == ["d = c + 1"]


def test_the_def_cell_is_refused_with_a_hint() -> None:
    with pytest.raises(LanguageError) as caught:
        Interpreter().run_to_end(CELLS[REFUSED_CELL])
    assert caught.value.line == 1 and "def" in caught.value.message


def test_in_place_on_a_leaf_keeps_pytorch_text() -> None:
    with pytest.raises(LanguageOperationError) as caught:
        Interpreter().run_to_end(CELLS[PYTORCH_ERROR_CELL])
    assert caught.value.line == 2
    assert "leaf Variable that requires grad" in (caught.value.torch_error or "")

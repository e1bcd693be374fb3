"""Every typed Create field, every constructor: a value is refused by name, or its code runs.

For each constructor and each field the user types in, a table of awkward values (booleans,
``1e3``, ``-0``, ``2**63``, numbers of thousands of digits...) is tried. Each one is either
refused with a named error on that very field, or accepted, and then the shown code, run in
plain Python after ``import math`` / ``import torch``, gives the same tensor (values, dtype,
shape). What the app shows and the code it prints never disagree.
"""

from __future__ import annotations

import dataclasses

import pytest
import torch

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, SizeLimitError, TorchScopeError
from engine.tensors.create import RANDOM, UNINITIALISED, CreateRequest, create_tensor

HUGE = "9" * 5000  # more digits than Python converts by default (4300)
NUMBERS = ("True", "False", "1e3", "-0", "-0.0", "2**63", "2**63 - 1", "-2**63", "10**20",
           "1e308", "-1e308", HUGE, f"-{HUGE}", f"[{HUGE}]", "1", "3", "-1", "2.5", "nan",
           "inf", "0x10", "math.pi", "True + 1", "(True)", "[True]", "4 / 2")
SHAPES = ("True", "False", "1e3", "-0", "2**63", HUGE, "3", "2, 3", "()", "0", "1, 0")
DATA = ("True", "[True, False]", "[True, 2]", "-0", "[-0.0]", "2**63", "[2**63 - 1]",
        "[-2**63]", HUGE, f"[{HUGE}]", f"[1.{HUGE}]", "[1e308, -1e308]", "1e3", "[nan, inf]")

FIELDS = {
    "zeros": {"shape": SHAPES},
    "ones": {"shape": SHAPES},
    "empty": {"shape": SHAPES},
    "rand": {"shape": SHAPES},
    "randn": {"shape": SHAPES},
    "eye": {"shape": SHAPES},
    "full": {"shape": SHAPES, "fill_value": NUMBERS},
    "randint": {"shape": SHAPES, "low": NUMBERS, "high": NUMBERS},
    "arange": {"low": NUMBERS, "high": NUMBERS, "step": NUMBERS},
    "linspace": {"low": NUMBERS, "high": NUMBERS, "steps": NUMBERS},
    "tensor": {"data": DATA},
}
BASE = {"randint": {"low": "-5", "high": "5"}, "arange": {"low": "0", "high": "4"},
        "linspace": {"low": "0", "high": "1"}}
# Fields that only make sense together: PyTorch's refusal of low >= high, of a step against
# the direction, or a range too long for the memory guard may name any of them (not "shape").
RANGES = {"randint": {"low", "high"}, "arange": {"low", "high", "step"},
          "linspace": {"low", "high", "steps"}}
CASES = [(kind, field, value) for kind, fields in FIELDS.items()
         for field, values in fields.items() for value in values]


def _request(kind: str, field: str, value: str) -> CreateRequest:
    request = CreateRequest(kind, name="t", **BASE.get(kind, {}))
    seed = 7 if kind in RANDOM else None
    return dataclasses.replace(request, seed=seed, **{field: value})


def _same(shown: torch.Tensor, replayed: torch.Tensor, kind: str) -> None:
    assert replayed.dtype == shown.dtype
    assert replayed.shape == shown.shape
    if kind not in UNINITIALISED:
        torch.testing.assert_close(replayed, shown, rtol=0, atol=0, equal_nan=True)


@pytest.mark.parametrize(("kind", "field", "value"), CASES,
                         ids=[f"{k}-{f}-{v[:12]}" for k, f, v in CASES])
def test_a_typed_value_is_refused_by_name_or_its_code_reproduces(kind, field, value):
    try:
        result = create_tensor(_request(kind, field, value))
    except TorchScopeError as exc:
        together = RANGES.get(kind, set())
        blamed = exc.field == field or (not isinstance(exc, InputError)
                                        and {field, exc.field} <= together)
        assert blamed, (type(exc).__name__, exc.field, exc.message)
        assert exc.message
        return
    namespace: dict[str, object] = {}
    exec(PREAMBLE + result.step.code, namespace)  # noqa: S102 (generated code under test)
    replayed = namespace["t"]
    assert isinstance(replayed, torch.Tensor)
    _same(result.tensor, replayed, kind)


@pytest.mark.parametrize(("kind", "field"), [("linspace", "steps"), ("randint", "low"),
                                             ("randint", "high")])
@pytest.mark.parametrize("value", ["True", "False", "(True)", "True + 0 == 1"])
def test_booleans_are_refused_where_pytorch_refuses_them(kind, field, value):
    with pytest.raises(InputError) as caught:
        create_tensor(_request(kind, field, value))
    assert caught.value.field == field


@pytest.mark.parametrize(("kind", "field"), [("full", "fill_value"), ("arange", "low"),
                                             ("arange", "step"), ("linspace", "high")])
def test_booleans_are_kept_where_pytorch_takes_them(kind, field):
    result = create_tensor(_request(kind, field, "True"))
    assert "True" in result.step.code


def test_the_issue_s_boolean_examples_are_refused_on_their_field():
    with pytest.raises(InputError) as steps:
        create_tensor(CreateRequest("linspace", low="0", high="1", steps="True"))
    with pytest.raises(InputError) as low:
        create_tensor(CreateRequest("randint", low="True", high="10"))
    assert (steps.value.field, low.value.field) == ("steps", "low")
    assert "True" in steps.value.message and "True" in low.value.message


@pytest.mark.parametrize(("kind", "field"), [("tensor", "data"), ("full", "fill_value"),
                                             ("randint", "high"), ("linspace", "steps")])
def test_an_integer_of_thousands_of_digits_is_an_input_error(kind, field):
    with pytest.raises(InputError) as caught:
        create_tensor(_request(kind, field, HUGE))
    assert caught.value.field == field
    assert len(caught.value.message) < 300  # the number is shortened, not printed in full


def test_arange_up_to_1e308_is_refused_with_its_size():
    with pytest.raises(SizeLimitError) as caught:
        create_tensor(CreateRequest("arange", low="0", high="1e308", step="1"))
    assert caught.value.field == "step"
    assert "e308 bytes" in caught.value.message

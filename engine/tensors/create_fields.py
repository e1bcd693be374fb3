"""The Create panel's typed fields -> the arguments of a torch constructor and their code.

Each field is parsed on its own and refused by name (``InputError`` with ``field``) when
the code shown for it would not run: a boolean where PyTorch wants an integer
(``torch.linspace(0, 1, steps=True)`` and ``torch.randint(True, 10, (2,))`` raise
``TypeError``), a float there, a non-finite ``arange`` bound. Where PyTorch takes a boolean
(``torch.full((2,), True)``, ``torch.arange(True, 5)``) it is kept as typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import torch

from engine.core.errors import InputError
from engine.core.parsing import format_shape, parse_shape
from engine.i18n.messages import msg
from engine.tensors.literals import parse_literal

SHAPED = ("empty", "zeros", "ones", "full", "rand", "randn", "randint")
# The field to blame when the tensor a request would build is too big.
_SIZE_FIELDS = {"arange": "step", "linspace": "steps", "tensor": "data"}


@dataclass(frozen=True)
class Call:
    """A constructor call: the Python arguments and the same arguments as code."""

    args: tuple[Any, ...]  # values torch's constructors take (shapes, numbers, a tensor)
    kwargs: dict[str, Any]
    code: str
    shape: tuple[int, ...]
    source: torch.Tensor | None = None


def size_field(kind: str) -> str:
    """The field whose text sets the size of what ``kind`` builds."""
    return _SIZE_FIELDS.get(kind, "shape")


def number_field(text: str, field: str, *, integer: bool = False) -> tuple[Any, str]:
    """One number typed in a field -> (value, code).

    ``integer`` fields take whole numbers only, and no ``True``/``False``: PyTorch's integer
    arguments refuse booleans, so the shown code would raise ``TypeError``."""
    parsed = parse_literal(text, field=field)
    if parsed.shape != () or isinstance(parsed.data, list) or \
            (integer and parsed.kind == "float"):
        what = msg("a whole number") if integer else msg("a number")
        raise InputError(msg("'{text}' is not {what}.", text=text.strip(), what=what),
                         field=field)
    if integer and parsed.kind == "bool":
        raise InputError(msg("'{text}' is a boolean: {field} takes a whole number such as 3, "
                             "and PyTorch refuses True and False there.", text=text.strip(),
                             field=field), field=field)
    value = parsed.data
    return (int(value) if integer else value), parsed.code


def shape_call(kind: str, shape_text: str, numbers: dict[str, str]) -> Call:
    """zeros, ones, empty, rand, randn (a shape), full (+ fill_value), randint (+ low, high)."""
    shape = parse_shape(shape_text, field="shape")
    args: tuple[Any, ...] = (shape,)
    code = format_shape(shape)
    if kind == "full":
        value, value_code = number_field(numbers["fill_value"], "fill_value")
        args, code = (shape, value), f"{code}, {value_code}"
    if kind == "randint":
        low = number_field(numbers["low"], "low", integer=True)
        high = number_field(numbers["high"], "high", integer=True)
        args, code = (low[0], high[0], shape), f"{low[1]}, {high[1]}, {code}"
    return Call(args, {}, code, shape)


def _finite(text: str, field: str) -> tuple[Any, str]:
    value, code = number_field(text, field)
    if not math.isfinite(value):
        raise InputError(msg("arange needs finite numbers and a step that is not 0."),
                         field=field)
    return value, code


def range_call(kind: str, numbers: dict[str, str]) -> Call:
    """arange (low, high, step) and linspace (low, high, steps)."""
    if kind == "linspace":
        start, start_code = number_field(numbers["low"], "low")
        end, end_code = number_field(numbers["high"], "high")
        steps, steps_code = number_field(numbers["steps"], "steps", integer=True)
        if steps < 0:
            raise InputError(msg("steps must be 0 or more."), field="steps")
        return Call((start, end), {"steps": steps}, f"{start_code}, {end_code}, "
                    f"steps={steps_code}", (steps,))
    start, start_code = _finite(numbers["low"], "low")
    end, end_code = _finite(numbers["high"], "high")
    step, step_code = _finite(numbers["step"], "step")
    if step == 0:
        raise InputError(msg("arange needs finite numbers and a step that is not 0."),
                         field="step")
    # Exact, so that a range up to 1e308 is sized (and refused by the guard), not overflowed.
    count = max(0, math.ceil((Fraction(end) - Fraction(start)) / Fraction(step)))
    return Call((start, end, step), {}, f"{start_code}, {end_code}, {step_code}", (count,))


def eye_call(shape_text: str) -> Call:
    shape = parse_shape(shape_text, field="shape")
    if len(shape) not in (1, 2):
        raise InputError(msg("eye takes n or n, m: write 3 or 3, 4."), field="shape")
    return Call(shape, {}, ", ".join(str(s) for s in shape), (shape[0], shape[-1]))

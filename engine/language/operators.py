"""Python's operators (``+``, ``@``, ``**``, ``==``, ``in``...) with the language's guards.

Before an operator runs: integers must stay below ``MAX_INT_BITS``, repeated and
concatenated sequences below ``MAX_ITEMS``, tensor and array results below the memory guard
(a dry run on meta tensors), and ``str % values`` is refused in favour of f-strings.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

from engine.language.errors import refusal
from engine.language.guards import (
    MAX_INT_BITS,
    check_int,
    check_int_power,
    check_length,
    check_shift,
    too_big_int,
)
from engine.language.sizes import guard_operator

Operator = Callable[[Any, Any], Any]

BINARY: dict[type[ast.operator], tuple[Operator, Operator, str]] = {
    ast.Add: (operator.add, operator.iadd, "__add__"),
    ast.Sub: (operator.sub, operator.isub, "__sub__"),
    ast.Mult: (operator.mul, operator.imul, "__mul__"),
    ast.Div: (operator.truediv, operator.itruediv, "__truediv__"),
    ast.FloorDiv: (operator.floordiv, operator.ifloordiv, "__floordiv__"),
    ast.Mod: (operator.mod, operator.imod, "__mod__"),
    ast.Pow: (operator.pow, operator.ipow, "__pow__"),
    ast.MatMult: (operator.matmul, operator.imatmul, "__matmul__"),
    ast.BitAnd: (operator.and_, operator.iand, "__and__"),
    ast.BitOr: (operator.or_, operator.ior, "__or__"),
    ast.BitXor: (operator.xor, operator.ixor, "__xor__"),
    ast.LShift: (operator.lshift, operator.ilshift, "__lshift__"),
    ast.RShift: (operator.rshift, operator.irshift, "__rshift__"),
}

UNARY: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_,
    ast.Invert: operator.invert,
}

COMPARE: dict[type[ast.cmpop], Operator] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_,
    ast.IsNot: operator.is_not, ast.In: lambda a, b: operator.contains(b, a),
    ast.NotIn: lambda a, b: not operator.contains(b, a),
}

_SEQUENCES = (str, bytes, list, tuple)


def _check_sequences(op: type[ast.operator], left: object, right: object) -> None:
    if op is ast.Mult:
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, _SEQUENCES) and isinstance(count, int):
                check_length(len(seq) * max(count, 0), text=isinstance(seq, str))
    if op is ast.Add and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
        check_length(len(left) + len(right), text=isinstance(left, str))
    if op is ast.Mod and isinstance(left, (str, bytes)):
        raise refusal("`%` formatting of strings is not part of TorchScope's PyTorch: write "
                      "an f-string such as f\"{x:.3f}\".")


def check_binary(op: type[ast.operator], left: object, right: object) -> None:
    """Refuse an operation whose result would be too big, before it runs."""
    if isinstance(left, int) and isinstance(right, int):
        a, b = left, right
        if op is ast.Pow:
            check_int_power(a, b)
        elif op is ast.Mult and a.bit_length() + b.bit_length() > MAX_INT_BITS + 1:
            raise too_big_int()
        elif op is ast.LShift:
            check_shift(a, b)
    _check_sequences(op, left, right)
    function, _, name = BINARY[op]
    guard_operator(name, function, [left, right])


def checked_result(value: object) -> object:
    if isinstance(value, int):
        check_int(value)
    elif isinstance(value, (str, list, tuple)):
        check_length(len(value), text=isinstance(value, str))
    return value

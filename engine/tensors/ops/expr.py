"""Arithmetic expressions over workspace tensors, parsed through a strict whitelist.

``parse_expression("(a + 2) * b ** 2", names)`` accepts only workspace names, numbers,
``+ - * / ** @``, unary ``-``/``+`` and parentheses. Calls, attributes, subscripts, strings,
comparisons, lambdas... are refused with an ``InputError`` pointing at the column. The
text is never evaluated by Python: ``evaluate`` walks the checked tree itself, and numbers
combined with numbers are computed with guards against huge results.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from engine.core.errors import InputError
from engine.i18n.messages import msg

MAX_EXPRESSION_LENGTH = 400
MAX_NODES = 80
MAX_INT_BITS = 63
INT_LIMIT = 2**MAX_INT_BITS

# What an expression's parts evaluate to: a Python number or a torch.Tensor (operators on
# tensors are dynamic in torch's stubs, hence Any).
Value = Any
Apply = Callable[[type, Value, Value], Value]
BINARY_OPERATORS: dict[type, Callable[[Value, Value], Value]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.MatMult: operator.matmul,
}
UNARY_OPERATORS: dict[type, Callable[[Value], Value]] = {ast.USub: operator.neg,
                                                        ast.UAdd: operator.pos}


@dataclass(frozen=True)
class Expression:
    """A checked expression: its canonical code and the workspace names it reads."""

    code: str
    names: tuple[str, ...]
    tree: ast.expr


def _refuse(node: ast.AST, text: str, field: str) -> InputError:
    column = getattr(node, "col_offset", 0) + 1
    if isinstance(node, ast.Call):
        what = msg("function calls are not allowed here")
    elif isinstance(node, ast.Attribute):
        what = msg("attribute access (with a dot) is not allowed here")
    elif isinstance(node, ast.Constant):
        what = msg("only numbers can be written as values")
    elif isinstance(node, ast.BinOp | ast.UnaryOp | ast.BoolOp | ast.Compare):
        what = msg("this operator is not supported")
    else:
        what = msg("this kind of Python is not allowed here")
    return InputError(msg("Column {column}: {what}. Use workspace names, numbers, "
                          "+ - * / ** @ and parentheses, e.g. (a + 2) * b.",
                          column=column, what=what), field=field, column=column)


def _check_name(node: ast.Name, names: frozenset[str], field: str) -> None:
    if node.id.startswith("_") or node.id not in names:
        column = node.col_offset + 1
        known = ", ".join(sorted(names)) or msg("none yet")
        raise InputError(msg("Column {column}: '{name}' is not a tensor in the workspace "
                             "(known: {known}).", column=column, name=node.id, known=known),
                         field=field, column=column)


def _check_node(node: ast.AST, names: frozenset[str], text: str, field: str) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPERATORS:
        _check_node(node.left, names, text, field)
        _check_node(node.right, names, text, field)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPERATORS:
        _check_node(node.operand, names, text, field)
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        _check_name(node, names, field)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        if type(node.value) is int and abs(node.value) >= INT_LIMIT:
            raise InputError(msg("The number {value} is too large for a tensor operation "
                                 "(at most 63 bits).", value=node.value), field=field)
    else:
        raise _refuse(node, text, field)


def _syntax_tree(text: str, field: str) -> ast.expr:
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise InputError(msg("The expression is {length} characters long; at most {limit} "
                             "are accepted.", length=len(text), limit=MAX_EXPRESSION_LENGTH),
                         field=field)
    if not text.strip():
        raise InputError(msg("Write an expression such as a + 2 * b."), field=field)
    try:
        return ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        column = exc.offset or 1
        raise InputError(msg("Column {column}: this is not a valid expression ({reason}).",
                             column=column, reason=exc.msg), field=field,
                         column=column) from None
    except (ValueError, RecursionError, MemoryError):
        raise InputError(msg("This is not a valid expression."), field=field) from None


def parse_expression(text: str, names: Iterable[str], *, field: str = "expression") -> Expression:
    """Check ``text`` against the whitelist; raise InputError for anything else."""
    if not isinstance(text, str):
        raise InputError(msg("Write an expression such as a + 2 * b."), field=field)
    tree = _syntax_tree(text, field)
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise InputError(msg("The expression has too many parts (at most {limit}).",
                             limit=MAX_NODES), field=field)
    _check_node(tree, frozenset(names), text, field)
    used = tuple(dict.fromkeys(n.id for n in nodes if isinstance(n, ast.Name)))
    return Expression(code=ast.unparse(tree), names=used, tree=tree)


def _too_big(field: str) -> InputError:
    return InputError(msg("A number in the expression becomes too large to compute."),
                      field=field)


def _number_power(base: int | float, exponent: int | float, field: str) -> int | float:
    whole = isinstance(base, int) and isinstance(exponent, int) and exponent > 0
    if whole and abs(base) > 1 and exponent * math.log2(abs(base)) > MAX_INT_BITS + 1:
        raise _too_big(field)
    return base**exponent


def combine_numbers(op: type, left: int | float, right: int | float,
                    field: str = "expression") -> int | float:
    """``left op right`` for two Python numbers, refusing huge, complex or undefined results."""
    if op is ast.MatMult:
        raise InputError(msg("@ needs two tensors, not numbers."), field=field)
    try:
        if op is ast.Pow:
            value = _number_power(left, right, field)
        else:
            value = BINARY_OPERATORS[op](left, right)
    except ZeroDivisionError:
        raise InputError(msg("Division by zero between two numbers."), field=field) from None
    except OverflowError:
        raise _too_big(field) from None
    if isinstance(value, complex) or (isinstance(value, int) and abs(value) >= INT_LIMIT):
        raise _too_big(field) if not isinstance(value, complex) else InputError(
            msg("A negative number to a fractional power is not a real number."), field=field)
    if isinstance(value, float) and math.isnan(value):
        raise _too_big(field)
    return value


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def evaluate(expression: Expression, env: Mapping[str, Value], apply: Apply,
             field: str = "expression") -> Value:
    """Walk the tree: names come from ``env``, tensor operations go through ``apply``.

    ``apply(op_type, left, right)`` (``right`` is None for a unary op) does the tensor work
    so that the caller can check sizes and turn PyTorch errors into messages.
    """

    def walk(node: ast.expr) -> Value:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.UnaryOp):
            operand = walk(node.operand)
            if is_number(operand):
                return UNARY_OPERATORS[type(node.op)](operand)
            return apply(type(node.op), operand, None)
        if not isinstance(node, ast.BinOp):  # _check_node allows nothing else
            raise InputError(msg("This is not a valid expression."), field=field)
        left, right = walk(node.left), walk(node.right)
        if is_number(left) and is_number(right):
            return combine_numbers(type(node.op), left, right, field)
        return apply(type(node.op), left, right)

    return walk(expression.tree)

"""The closed-form gradient of ``out = sum(f(a))`` when ``f`` is elementwise.

For a program like the note's (``b = sin(a)``, ``c = 2 * b``, ``d = c + 1``,
``out = sum(d)``) the gradient of ``out`` with respect to ``a`` is ``f'(a)``, here
``2 * cos(a)``. This module differentiates the inlined expression symbolically (chain,
product and quotient rules over the functions of the language) and returns the formula
as an expression of the same language, or ``None`` where no simple closed form applies.
"""

from __future__ import annotations

import ast
import copy

from engine.autograd.expressions.parse import FUNCTIONS, ParsedStep, call_name


def _num(value: float) -> ast.Constant:
    return ast.Constant(value)


def _is_const(node: ast.expr, value: float) -> bool:
    return isinstance(node, ast.Constant) and node.value == value


def _call(name: str, arg: ast.expr) -> ast.Call:
    return ast.Call(ast.Name(name, ast.Load()), [arg], [])


_FOLD = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
         ast.Mult: lambda a, b: a * b}


def _bin(left: ast.expr, op: ast.operator, right: ast.expr) -> ast.expr:
    if isinstance(left, ast.Constant) and isinstance(right, ast.Constant) and type(op) in _FOLD:
        return _num(_FOLD[type(op)](left.value, right.value))
    if isinstance(op, ast.Pow) and _is_const(right, 1):
        return left
    if isinstance(op, ast.Mult):
        if _is_const(left, 0) or _is_const(right, 0):
            return _num(0)
        if _is_const(left, 1):
            return right
        if _is_const(right, 1):
            return left
    if isinstance(op, ast.Add | ast.Sub) and _is_const(right, 0):
        return left
    if isinstance(op, ast.Add) and _is_const(left, 0):
        return right
    if isinstance(op, ast.Sub) and _is_const(left, 0):
        return ast.UnaryOp(ast.USub(), right)
    if isinstance(op, ast.Div) and _is_const(left, 0):
        return _num(0)
    return ast.BinOp(left, op, right)


def _depends(node: ast.expr, leaf: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == leaf for n in ast.walk(node))


_OUTER = {  # d/du f(u), as a function of u
    "sin": lambda u: _call("cos", u),
    "cos": lambda u: ast.UnaryOp(ast.USub(), _call("sin", u)),
    "exp": lambda u: _call("exp", u),
    "log": lambda u: _bin(_num(1), ast.Div(), u),
    "sqrt": lambda u: _bin(_num(1), ast.Div(), _bin(_num(2), ast.Mult(), _call("sqrt", u))),
    "tanh": lambda u: _bin(_num(1), ast.Sub(), _bin(_call("tanh", u), ast.Pow(), _num(2))),
    "sigmoid": lambda u: _bin(_call("sigmoid", u), ast.Mult(),
                              _bin(_num(1), ast.Sub(), _call("sigmoid", u))),
    "square": lambda u: _bin(_num(2), ast.Mult(), u),
    "tan": lambda u: _bin(_num(1), ast.Add(), _bin(_call("tan", u), ast.Pow(), _num(2))),
}


def derivative(node: ast.expr, leaf: str) -> ast.expr | None:
    """d node / d leaf (elementwise), or None where the language has no simple rule."""
    if not _depends(node, leaf):
        return _num(0)
    if isinstance(node, ast.Name):
        return _num(1)
    if isinstance(node, ast.UnaryOp):
        inner = derivative(node.operand, leaf)
        return None if inner is None else (
            inner if isinstance(node.op, ast.UAdd) else _bin(_num(0), ast.Sub(), inner))
    if isinstance(node, ast.BinOp):
        return _binop_derivative(node, leaf)
    if isinstance(node, ast.Call) and call_name(node) in _OUTER and not node.keywords:
        inner = derivative(node.args[0], leaf)
        if inner is None:
            return None
        return _bin(_OUTER[call_name(node)](copy.deepcopy(node.args[0])), ast.Mult(), inner)
    return None


def _binop_derivative(node: ast.BinOp, leaf: str) -> ast.expr | None:
    du, dv = derivative(node.left, leaf), derivative(node.right, leaf)
    u, v = copy.deepcopy(node.left), copy.deepcopy(node.right)
    if du is None or dv is None:
        return None
    if isinstance(node.op, ast.Add | ast.Sub):
        return _bin(du, node.op, dv)
    if isinstance(node.op, ast.Mult):
        return _bin(_bin(du, ast.Mult(), v), ast.Add(), _bin(u, ast.Mult(), dv))
    if isinstance(node.op, ast.Div):
        top = _bin(_bin(du, ast.Mult(), v), ast.Sub(), _bin(u, ast.Mult(), dv))
        return _bin(top, ast.Div(), _bin(v, ast.Pow(), _num(2)))
    if isinstance(node.op, ast.Pow) and not _depends(node.right, leaf):
        power = _bin(u, ast.Pow(), _bin(v, ast.Sub(), _num(1)))
        return _bin(_bin(v, ast.Mult(), power), ast.Mult(), du)
    return None


class _Inline(ast.NodeTransformer):
    def __init__(self, definitions: dict[str, ast.expr]) -> None:
        self.definitions = definitions

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return copy.deepcopy(self.definitions.get(node.id, node))


def closed_form(steps: tuple[ParsedStep, ...], leaf: str, output: str) -> ast.expr | None:
    """The formula of d output / d leaf when ``output = sum(elementwise f(leaf))``."""
    definitions: dict[str, ast.expr] = {}
    for step in steps:
        tree = copy.deepcopy(step.tree)
        is_creation = isinstance(tree, ast.Call) and FUNCTIONS[call_name(tree)].kind == "create"
        if step.name != leaf and not is_creation:
            definitions[step.name] = _Inline(definitions).visit(tree)
    full = definitions.get(output)
    if not (isinstance(full, ast.Call) and call_name(full) == "sum" and not full.keywords):
        return None
    return derivative(full.args[0], leaf)


def formula_text(tree: ast.expr) -> str:
    return ast.unparse(tree)

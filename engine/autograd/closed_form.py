"""The closed-form gradient of ``out = sum(f(a))`` when ``f`` is elementwise.

For the note's lines (``b = torch.sin(a)``, ``c = 2 * b``, ``d = c + 1``,
``out = d.sum()``) the gradient of ``out`` with respect to ``a`` is ``f'(a)``, here
``2 * cos(a)``. The lines are first written in plain math (``normalise``: ``torch.sin(a)``
and ``a.sin()`` become ``sin(a)``, ``d.sum()`` becomes ``sum(d)``, ``math.pi`` becomes
``pi``), inlined, then differentiated symbolically (chain, product and quotient rules).
The formula is returned in that math form (shown in the legend), or ``None`` where no
simple closed form applies; ``as_language`` turns it back into a line of the language.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Mapping

import torch


def _num(value: float) -> ast.Constant:
    return ast.Constant(value)


def _is_const(node: ast.expr, value: float) -> bool:
    return isinstance(node, ast.Constant) and node.value == value


def call_name(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else ""


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


FUNCTIONS = frozenset(_OUTER) | {"sum"}
BINARY_CALLS: dict[str, type[ast.operator]] = {
    "add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "div": ast.Div, "pow": ast.Pow}
CONSTANTS = {"pi": "math.pi", "e": "math.e"}


class _Normalise(ast.NodeTransformer):
    """``torch.sin(a)``/``a.sin()`` → ``sin(a)``, ``torch.mul(a, 2)`` → ``a * 2``, ``math.pi``
    → ``pi``; anything else is left as typed (and has no closed form)."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        if isinstance(node.value, ast.Name) and node.value.id in ("math", "torch") \
                and node.attr in CONSTANTS:
            return ast.Name(node.attr, ast.Load())
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        func = node.func
        if node.keywords or not isinstance(func, ast.Attribute):
            return node
        on_torch = isinstance(func.value, ast.Name) and func.value.id == "torch"
        args = list(node.args) if on_torch else [func.value, *node.args]
        if func.attr in FUNCTIONS and len(args) == 1:
            return _call(func.attr, args[0])
        if func.attr in BINARY_CALLS and len(args) == 2:
            return ast.BinOp(args[0], BINARY_CALLS[func.attr](), args[1])
        return node


def normalise(node: ast.expr) -> ast.expr:
    """A line's expression in the plain math form the derivative rules read."""
    result: ast.expr = _Normalise().visit(copy.deepcopy(node))
    return result


def _in_place(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
               and n.func.attr.endswith("_") for n in ast.walk(node))


def _definitions(tree: ast.Module, leaf: str) -> dict[str, ast.expr] | None:
    """name -> its value in terms of ``leaf`` (inlined); None if a line defeats that."""
    definitions: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        if isinstance(statement, ast.Expr) and not _in_place(statement):
            continue
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)):
            return None
        name = statement.targets[0].id
        if name == leaf:
            continue
        if _in_place(statement):
            return None
        value = _Inline(definitions).visit(normalise(statement.value))
        definitions.pop(name, None)
        if _depends(value, leaf):
            definitions[name] = value
    return definitions


def _constants_only(formula: ast.expr, leaf: str, values: Mapping[str, object]) -> bool:
    """Every other name in the formula is a known number or a tensor without history."""
    called = {id(n.func) for n in ast.walk(formula) if isinstance(n, ast.Call)}
    for node in ast.walk(formula):
        if not isinstance(node, ast.Name) or id(node) in called or node.id == leaf:
            continue
        value = values.get(node.id, None if node.id not in CONSTANTS else 0.0)
        if isinstance(value, torch.Tensor):
            if value.grad_fn is not None:
                return False
        elif isinstance(value, bool) or not isinstance(value, int | float):
            return False
    return True


def closed_form(tree: ast.Module, leaf: str, output: str, values: Mapping[str, object]
                ) -> ast.expr | None:
    """The formula of d output / d leaf when ``output = sum(elementwise f(leaf))``.

    ``tree`` holds the forward lines, ``values`` the names they left; ``output`` is the
    tensor as typed (``out`` or ``d.sum()``).
    """
    definitions = _definitions(tree, leaf)
    if definitions is None:
        return None
    full = _Inline(definitions).visit(normalise(ast.parse(output, mode="eval").body))
    if not (isinstance(full, ast.Call) and call_name(full) == "sum" and not full.keywords
            and len(full.args) == 1):
        return None
    formula = derivative(full.args[0], leaf)
    if formula is None or not _constants_only(formula, leaf, values):
        return None
    return formula


class _ToLanguage(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name):  # a node shared by two places is seen twice
            node.func = ast.Attribute(ast.Name("torch", ast.Load()), node.func.id, ast.Load())
        return node

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if node.id in CONSTANTS:
            module, attr = CONSTANTS[node.id].split(".")
            return ast.Attribute(ast.Name(module, ast.Load()), attr, ast.Load())
        return node


def as_language(formula: ast.expr) -> str:
    """The formula as a line of the language: ``2 * cos(a)`` → ``2 * torch.cos(a)``."""
    return ast.unparse(_ToLanguage().visit(copy.deepcopy(formula)))


def formula_text(tree: ast.expr) -> str:
    return ast.unparse(tree)

"""The whitelist of the Autograd expression language: functions, limits and the checker.

``FUNCTIONS`` is the explicit table of callable torch functions with their accepted
keywords. ``Checker`` walks a parsed expression and refuses every node kind outside the
language (attributes, subscripts, lambdas, comprehensions, imports, dunder names...) with
an ``InputError`` that points at the column.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from engine.core.errors import InputError
from engine.core.limits import MAX_DIMENSIONS
from engine.i18n.messages import msg

MAX_TEXT_LENGTH = 300
MAX_DEPTH = 20
MAX_STEPS = 30
MAX_NUMBER = 10**12
SEED = 0
CONSTANTS = {"pi": math.pi, "e": math.e}
CONSTANT_CODE = {"pi": "math.pi", "e": "math.e"}


@dataclass(frozen=True)
class FunctionSpec:
    """One callable of the language: its torch name, kind and accepted keywords."""

    kind: str  # "create", "unary", "reduce", "binary"
    keywords: tuple[str, ...] = ()
    min_args: int = 1
    max_args: int = 1


_CREATE_KW = ("requires_grad",)
FUNCTIONS: dict[str, FunctionSpec] = {
    "linspace": FunctionSpec("create", ("steps", "requires_grad"), 2, 3),
    "arange": FunctionSpec("create", _CREATE_KW, 1, 3),
    "ones": FunctionSpec("create", _CREATE_KW, 1, MAX_DIMENSIONS),
    "zeros": FunctionSpec("create", _CREATE_KW, 1, MAX_DIMENSIONS),
    "rand": FunctionSpec("create", _CREATE_KW, 1, MAX_DIMENSIONS),
    "randn": FunctionSpec("create", _CREATE_KW, 1, MAX_DIMENSIONS),
    **{
        name: FunctionSpec("unary")
        for name in (
            "sin",
            "cos",
            "tan",
            "exp",
            "log",
            "sqrt",
            "abs",
            "tanh",
            "sigmoid",
            "relu",
            "square",
            "detach",
        )
    },
    "sum": FunctionSpec("reduce", ("dim",)),
    "mean": FunctionSpec("reduce", ("dim",)),
    "pow": FunctionSpec("binary", (), 2, 2),
    "maximum": FunctionSpec("binary", (), 2, 2),
    "minimum": FunctionSpec("binary", (), 2, 2),
}
_KEYWORD_KINDS = {"requires_grad": bool, "steps": int, "dim": int}
TRAILING_OPERATOR = re.compile(r"(\*\*|[-+*/@,(=])\s*$")
_OPERATORS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
    ast.MatMult: "@",
}


def _error(message: str, node: ast.AST | None, field: str) -> InputError:
    column = getattr(node, "col_offset", None)
    return InputError(message, field=field, column=None if column is None else column + 1)



class Checker:
    """Walks an expression and refuses anything outside the language."""

    def __init__(self, known: Iterable[str], field: str) -> None:
        self.known = set(known)
        self.field = field

    def visit_node(self, node: ast.AST, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise _error(
                msg(
                    "The expression is nested too deeply (more than {limit} levels).",
                    limit=MAX_DEPTH,
                ),
                node,
                self.field,
            )
        handler = getattr(self, f"_visit_{type(node).__name__}", None)
        if handler is None:
            raise self._refused(node)
        handler(node, depth)

    def _refused(self, node: ast.AST) -> InputError:
        what = {
            ast.Attribute: "attribute access (a.b)",
            ast.Subscript: "indexing (a[0])",
            ast.Lambda: "lambda",
            ast.Compare: "comparisons",
            ast.BoolOp: "and/or",
            ast.IfExp: "if/else",
            ast.NamedExpr: ":=",
            ast.ListComp: "a comprehension",
            ast.GeneratorExp: "a comprehension",
            ast.SetComp: "a comprehension",
            ast.DictComp: "a comprehension",
            ast.List: "a list",
            ast.Tuple: "a tuple",
            ast.Dict: "a dict",
            ast.Set: "a set",
            ast.JoinedStr: "an f-string",
            ast.Starred: "*unpacking",
            ast.Await: "await",
        }.get(type(node), type(node).__name__)
        return _error(
            msg(
                "{what} is not part of the expression language. Use numbers, names, "
                "+ - * / ** @ and functions such as sin(a).",
                what=what,
            ),
            node,
            self.field,
        )

    def _visit_Constant(self, node: ast.Constant, depth: int) -> None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _error(
                msg("Only numbers are allowed here, not {value}.", value=repr(value)[:20]),
                node,
                self.field,
            )
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise _error(
                msg(
                    "The number {value} is too large: at most {limit} is allowed.",
                    value=repr(value)[:20],
                    limit=MAX_NUMBER,
                ),
                node,
                self.field,
            )

    def _visit_Name(self, node: ast.Name, depth: int) -> None:
        if node.id in self.known or node.id in CONSTANTS:
            return
        if node.id in FUNCTIONS:
            raise _error(
                msg("{name} is a function: call it, e.g. {name}(a).", name=node.id),
                node,
                self.field,
            )
        raise _error(
            msg(
                "Unknown name '{name}'. Names defined so far: {known}.",
                name=node.id[:30],
                known=", ".join(sorted(self.known)) or "-",
            ),
            node,
            self.field,
        )

    def _visit_BinOp(self, node: ast.BinOp, depth: int) -> None:
        if type(node.op) not in _OPERATORS:
            raise _error(
                msg("This operator is not supported: use + - * / ** or @."), node, self.field
            )
        self.visit_node(node.left, depth + 1)
        self.visit_node(node.right, depth + 1)

    def _visit_UnaryOp(self, node: ast.UnaryOp, depth: int) -> None:
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise _error(msg("Only - and + are allowed in front of a value."), node, self.field)
        self.visit_node(node.operand, depth + 1)

    def _visit_Call(self, node: ast.Call, depth: int) -> None:
        if isinstance(node.func, ast.Attribute):
            raise self._refused(node.func)
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise _error(
                msg("Only these functions can be called: {names}.", names=", ".join(FUNCTIONS)),
                node,
                self.field,
            )
        spec = FUNCTIONS[node.func.id]
        if not spec.min_args <= len(node.args) <= spec.max_args:
            raise _error(
                msg(
                    "{name}() takes {low} to {high} positional arguments, not {count}.",
                    name=node.func.id,
                    low=spec.min_args,
                    high=spec.max_args,
                    count=len(node.args),
                ),
                node,
                self.field,
            )
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self._refused(arg)
            self.visit_node(arg, depth + 1)
        for keyword in node.keywords:
            self._check_keyword(node.func.id, spec, keyword)

    def _check_keyword(self, name: str, spec: FunctionSpec, keyword: ast.keyword) -> None:
        if keyword.arg not in spec.keywords:
            raise _error(
                msg(
                    "{name}() accepts the keywords: {allowed}.",
                    name=name,
                    allowed=", ".join(spec.keywords) or "-",
                ),
                keyword.value,
                self.field,
            )
        value = keyword.value
        if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub):
            value = value.operand
        expected = _KEYWORD_KINDS[keyword.arg]
        number = value.value if isinstance(value, ast.Constant) else None
        ok = number is not None and type(number) is expected
        too_big = isinstance(number, int) and abs(number) > MAX_NUMBER
        if not ok or (expected is int and too_big):
            raise _error(
                msg(
                    "{keyword}= expects {kind}.",
                    keyword=keyword.arg,
                    kind=msg("True or False") if expected is bool else msg("a whole number"),
                ),
                keyword.value,
                self.field,
            )

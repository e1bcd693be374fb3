"""The expression evaluator: walks one ``ast`` expression node by node.

Each node type has one method; a node type without one is refused. Names come from the
run's namespace, then the bounded builtins; attributes go through ``attributes``; calls
only reach ``Allowed`` callables, after their size guards. PyTorch's errors become
``LanguageOperationError`` pointing at the node that failed.
"""

from __future__ import annotations

import ast
import operator
import unicodedata
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import torch

from engine.core.errors import TorchScopeError
from engine.language.attributes import read_attribute
from engine.language.builtins import ascii_of, repr_of, text_of
from engine.language.calls import call_allowed
from engine.language.errors import LanguageError, LanguageOperationError, column_of, refusal
from engine.language.guards import (
    bounded_items,
    check_format_spec,
    check_int,
    check_length,
    check_nested,
)
from engine.language.hints import syntax_hint, unknown_name
from engine.language.modules import Allowed
from engine.language.operators import BINARY, COMPARE, UNARY, check_binary, checked_result
from engine.language.sizes import guard_operator

_SUBSCRIPTABLE = (torch.Tensor, np.ndarray, list, tuple, str, dict, range)


class Evaluator:
    """Evaluates expressions against ``namespace`` (the user's names) and ``builtins``."""

    def __init__(self, source: str, namespace: dict[str, object],
                 builtins: dict[str, Allowed], tick: Callable[[], None]) -> None:
        self.source = source
        self.lines = source.splitlines()
        self.namespace = namespace
        self.builtins = builtins
        self.tick = tick

    def evaluate(self, node: ast.AST) -> object:
        self.tick()
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        try:
            if method is None:
                raise LanguageError(syntax_hint(node))
            return method(node)
        except LanguageError as exc:
            raise exc.at(*column_of(node, self.lines)) from None

    def code_of(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or type(node).__name__

    def failed(self, node: ast.AST, error: BaseException) -> TorchScopeError:
        """The error to raise when running ``node`` raised ``error``."""
        if isinstance(error, TorchScopeError):
            return error
        if isinstance(error, (RecursionError, MemoryError)):
            return refusal("`{code}` is too big to compute.", code=self.code_of(node))
        line, column = column_of(node, self.lines)
        return LanguageOperationError(self.code_of(node), error, line=line, column=column)

    def guarded(self, node: ast.AST, action: Callable[[], object]) -> object:
        try:
            return checked_result(action())
        except Exception as exc:  # noqa: BLE001 - every error is reported with its text
            raise self.failed(node, exc) from None

    # -- leaves ---------------------------------------------------------------------------
    def _eval_Constant(self, node: ast.Constant) -> object:
        if isinstance(node.value, bytes):
            raise refusal("Byte strings are not part of TorchScope's PyTorch.")
        if isinstance(node.value, int):
            check_int(node.value)
        return node.value

    def _eval_Name(self, node: ast.Name) -> object:
        name = unicodedata.normalize("NFKC", node.id)
        if name.startswith("_") and name != "_":
            raise LanguageError(unknown_name(name))
        if name in self.namespace:
            return self.namespace[name]
        if name in self.builtins:
            return self.builtins[name]
        raise LanguageError(unknown_name(name))

    def _eval_Attribute(self, node: ast.Attribute) -> object:
        value = self.evaluate(node.value)
        return self.guarded(node, lambda: read_attribute(value, node.attr))

    def _eval_Subscript(self, node: ast.Subscript) -> object:
        container = self.evaluate(node.value)
        index = self.evaluate(node.slice)
        if not isinstance(container, _SUBSCRIPTABLE):
            raise refusal("`{code}` cannot be indexed.", code=self.code_of(node.value))
        if isinstance(container, torch.Tensor):
            guard_operator("__getitem__", operator.getitem, [container, index])
        box: Any = container
        return self.guarded(node, lambda: box[index])

    def _eval_Slice(self, node: ast.Slice) -> slice:
        parts = (node.lower, node.upper, node.step)
        lower, upper, step = (None if p is None else self.evaluate(p) for p in parts)
        return slice(lower, upper, step)

    # -- displays -------------------------------------------------------------------------
    def _items(self, nodes: list[ast.expr]) -> list[object]:
        values: list[object] = []
        for element in nodes:
            if isinstance(element, ast.Starred):
                values.extend(bounded_items(self.evaluate(element.value)))  # type: ignore
            else:
                values.append(self.evaluate(element))
            check_length(len(values), text=False)
        return values

    def _eval_Tuple(self, node: ast.Tuple) -> tuple[object, ...]:
        return tuple(self._items(node.elts))

    def _eval_List(self, node: ast.List) -> list[object]:
        return self._items(node.elts)

    def _eval_Set(self, node: ast.Set) -> set[object]:
        return self.guarded(node, lambda: set(self._items(node.elts)))  # type: ignore

    def _eval_Dict(self, node: ast.Dict) -> dict[object, object]:
        if any(key is None for key in node.keys):
            raise refusal("`**` in a dict display is not part of TorchScope's PyTorch.")
        keys = self._items([key for key in node.keys if key is not None])
        values = self._items(node.values)
        return self.guarded(node, lambda: dict(zip(keys, values, strict=True)))  # type: ignore

    def _eval_JoinedStr(self, node: ast.JoinedStr) -> str:
        parts = [str(self.evaluate(value)) for value in node.values]
        text = "".join(parts)
        check_length(len(text), text=True)
        return text

    def _eval_FormattedValue(self, node: ast.FormattedValue) -> str:
        value = self.evaluate(node.value)
        converters: dict[int, Callable[[object], object]] = {
            -1: lambda v: v, 115: text_of, 114: repr_of, 97: ascii_of}
        converted = converters[node.conversion](value)
        spec = "" if node.format_spec is None else str(self.evaluate(node.format_spec))
        check_format_spec(spec)
        check_nested(converted)
        return str(self.guarded(node, lambda: format(converted, spec)))

    # -- operators ------------------------------------------------------------------------
    def binary(self, node: ast.AST, op: ast.operator, left: object, right: object,
               in_place: bool = False) -> object:
        kind = type(op)
        check_binary(kind, left, right)
        plain, augmented, _ = BINARY[kind]
        function = augmented if in_place else plain
        return self.guarded(node, lambda: function(left, right))

    def _eval_BinOp(self, node: ast.BinOp) -> object:
        left = self.evaluate(node.left)
        right = self.evaluate(node.right)
        return self.binary(node, node.op, left, right)

    def _eval_UnaryOp(self, node: ast.UnaryOp) -> object:
        operand = self.evaluate(node.operand)
        return self.guarded(node, lambda: UNARY[type(node.op)](operand))

    def _eval_BoolOp(self, node: ast.BoolOp) -> object:
        result: object = None
        want = isinstance(node.op, ast.Or)
        for value_node in node.values:
            result = self.evaluate(value_node)
            if self.truth(value_node, result) == want:
                return result
        return result

    def truth(self, node: ast.AST, value: object) -> bool:
        return bool(self.guarded(node, lambda: bool(value)))

    def _eval_Compare(self, node: ast.Compare) -> object:
        left = self.evaluate(node.left)
        result: object = True
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self.evaluate(right_node)
            function = COMPARE[type(op)]
            guard_operator(type(op).__name__, function, [left, right])
            result = self.guarded(node, partial(function, left, right))
            if len(node.ops) > 1 and not self.truth(node, result):
                return result
            left = right
        return result

    def _eval_IfExp(self, node: ast.IfExp) -> object:
        test = self.truth(node.test, self.evaluate(node.test))
        return self.evaluate(node.body if test else node.orelse)

    def _eval_Call(self, node: ast.Call) -> object:
        function = self.evaluate(node.func)
        args = self._items(node.args)
        kwargs: dict[str, object] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                raise refusal("`**` in a call is not part of TorchScope's PyTorch: write the "
                              "keyword arguments.")
            kwargs[unicodedata.normalize("NFKC", keyword.arg)] = self.evaluate(keyword.value)
        if not isinstance(function, Allowed):
            raise refusal("`{code}` cannot be called.", code=self.code_of(node.func))
        return self.guarded(node, lambda: call_allowed(function, tuple(args), kwargs))

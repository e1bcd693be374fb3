"""The statement executor: assignment, del, assert, import, with, if, for, expressions.

Statements run as generators so that loops can yield progress (and be cancelled) between
iterations. Only the statement types below exist; every other one is refused with a hint.
"""

from __future__ import annotations

import ast
import contextlib
import operator
import time
import unicodedata
from collections.abc import Callable, Generator, Iterator
from functools import partial
from typing import Any

import numpy as np
import torch

from engine.language.attributes import read_attribute, write_attribute
from engine.language.errors import LanguageError, LanguageOperationError, column_of, refusal
from engine.language.expressions import Evaluator
from engine.language.guards import MAX_LOOP_ITERATIONS, bounded_items, bounded_length
from engine.language.hints import syntax_hint
from engine.language.imports import import_names
from engine.language.modules import ModuleProxy

_GRAD_MODES = (torch.no_grad, torch.enable_grad, torch.inference_mode, torch.set_grad_enabled)
_ITERABLE = (range, list, tuple, str, dict, set, torch.Tensor, np.ndarray)
_ASSIGNABLE_CONTAINERS = (torch.Tensor, np.ndarray, list, dict)
_YIELD_EVERY = 0.05  # seconds between progress records inside loops


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class Executor:
    """Runs statements against an ``Evaluator``; ``bound`` lists names assigned."""

    def __init__(self, evaluator: Evaluator, progress: Callable[[ast.stmt], object]) -> None:
        self.ev = evaluator
        self.progress = progress
        self.bound: list[str] = []
        self.last_value: tuple[object] | None = None
        self._last_yield = time.monotonic()

    def execute(self, node: ast.stmt) -> Iterator[object]:
        method = getattr(self, f"_exec_{type(node).__name__}", None)
        if method is None:
            raise LanguageError(syntax_hint(node)).at(*column_of(node, self.ev.lines))
        self.last_value = None
        result = method(node)
        if result is not None:
            yield from result

    def block(self, body: list[ast.stmt]) -> Iterator[object]:
        for statement in body:
            yield from self.execute(statement)
            if time.monotonic() - self._last_yield > _YIELD_EVERY:
                self._last_yield = time.monotonic()
                yield self.progress(statement)

    # -- names and targets ----------------------------------------------------------------
    def bind(self, name: str, value: object) -> None:
        name = unicodedata.normalize("NFKC", name)
        if name.startswith("_") and name != "_":
            raise refusal("Names starting with _ are not part of TorchScope's PyTorch: "
                          "choose another name for `{name}`.", name=name)
        self.ev.namespace[name] = value
        if name not in self.bound:
            self.bound.append(name)

    def assign(self, target: ast.expr, value: object) -> None:
        try:
            self._assign(target, value)
        except LanguageError as exc:
            raise exc.at(*column_of(target, self.ev.lines)) from None

    def _assign(self, target: ast.expr, value: object) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self._unpack(target, value)
        elif isinstance(target, ast.Subscript):
            container: Any = self.ev.evaluate(target.value)
            index = self.ev.evaluate(target.slice)
            if not isinstance(container, _ASSIGNABLE_CONTAINERS):
                raise refusal("`{code}` cannot be assigned into.",
                              code=self.ev.code_of(target.value))
            self.ev.guarded(target, partial(operator.setitem, container, index, value))
        elif isinstance(target, ast.Attribute):
            receiver = self.ev.evaluate(target.value)
            self.ev.guarded(target, lambda: write_attribute(receiver, target.attr, value))
        else:
            raise LanguageError(syntax_hint(target))

    def _unpack(self, target: ast.Tuple | ast.List, value: object) -> None:
        if any(isinstance(element, ast.Starred) for element in target.elts):
            raise refusal("`*` in an assignment is not part of TorchScope's PyTorch.")
        items = self.ev.guarded(target, lambda: bounded_items(value))  # type: ignore
        assert isinstance(items, list)
        if len(items) != len(target.elts):
            error = ValueError(f"expected {len(target.elts)} values to unpack, got {len(items)}")
            raise self.ev.failed(target, error)
        for element, item in zip(target.elts, items, strict=True):
            self._assign(element, item)

    # -- simple statements ----------------------------------------------------------------
    def _exec_Expr(self, node: ast.Expr) -> None:
        self.last_value = (self.ev.evaluate(node.value),)

    def _exec_Assign(self, node: ast.Assign) -> None:
        value = self.ev.evaluate(node.value)
        for target in node.targets:
            self.assign(target, value)

    def _exec_AugAssign(self, node: ast.AugAssign) -> None:
        target = node.target
        if isinstance(target, ast.Subscript):
            container = self.ev.evaluate(target.value)
            index = self.ev.evaluate(target.slice)
            old = self.ev.guarded(target, lambda: container[index])  # type: ignore[index]
            new = self.ev.binary(node, node.op, old, self.ev.evaluate(node.value), True)
            self.ev.guarded(target, lambda: container.__setitem__(index, new))  # type: ignore
            return
        if isinstance(target, ast.Attribute):
            receiver = self.ev.evaluate(target.value)
            old = self.ev.guarded(target, lambda: read_attribute(receiver, target.attr))
            new = self.ev.binary(node, node.op, old, self.ev.evaluate(node.value), True)
            self.ev.guarded(target, lambda: write_attribute(receiver, target.attr, new))
            return
        old = self.ev.evaluate(ast.copy_location(ast.Name(target.id, ast.Load()), target)
                               if isinstance(target, ast.Name) else target)
        new = self.ev.binary(node, node.op, old, self.ev.evaluate(node.value), True)
        self.assign(target, new)

    def _exec_Assert(self, node: ast.Assert) -> None:
        if self.ev.truth(node.test, self.ev.evaluate(node.test)):
            return
        text = "" if node.msg is None else str(self.ev.evaluate(node.msg))
        line, column = column_of(node, self.ev.lines)
        raise LanguageOperationError(self.ev.code_of(node), AssertionError(text),
                                     line=line, column=column)

    def _exec_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.ev.evaluate(target)
                del self.ev.namespace[unicodedata.normalize("NFKC", target.id)]
            elif isinstance(target, ast.Subscript):
                container = self.ev.evaluate(target.value)
                index = self.ev.evaluate(target.slice)
                if not isinstance(container, (list, dict)):
                    raise refusal("`del` works on names, list items and dict keys.").at(
                        *column_of(target, self.ev.lines))
                self.ev.guarded(target, partial(operator.delitem, container, index))
            else:
                raise refusal("`del` works on names, list items and dict keys.").at(
                    *column_of(target, self.ev.lines))

    def _exec_Import(self, node: ast.Import) -> None:
        for name, value in import_names(node, self.ev.lines):
            self.bind(name, value)

    _exec_ImportFrom = _exec_Import

    def _exec_Pass(self, node: ast.Pass) -> None:
        return None

    def _exec_Break(self, node: ast.Break) -> None:
        raise _Break

    def _exec_Continue(self, node: ast.Continue) -> None:
        raise _Continue

    # -- blocks ---------------------------------------------------------------------------
    def _exec_If(self, node: ast.If) -> Iterator[object]:
        test = self.ev.truth(node.test, self.ev.evaluate(node.test))
        yield from self.block(node.body if test else node.orelse)

    def _exec_With(self, node: ast.With) -> Iterator[object]:
        with contextlib.ExitStack() as stack:
            for item in node.items:
                manager = self.ev.evaluate(item.context_expr)
                if not isinstance(manager, _GRAD_MODES):
                    raise refusal("`with` accepts torch.no_grad(), torch.enable_grad(), "
                                  "torch.inference_mode() and torch.set_grad_enabled(...)."
                                  ).at(*column_of(item.context_expr, self.ev.lines))
                entered = stack.enter_context(manager)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, entered)
            yield from self.block(node.body)

    def _exec_For(self, node: ast.For) -> Iterator[object]:
        iterable = self.ev.evaluate(node.iter)
        if not isinstance(iterable, _ITERABLE) or isinstance(iterable, ModuleProxy):
            raise refusal("A for loop goes over range(n), a list, a tuple, a dict or a tensor."
                          ).at(*column_of(node.iter, self.ev.lines))
        self.ev.guarded(node.iter, lambda: bounded_length(iterable, MAX_LOOP_ITERATIONS))
        broke = yield from self._loop(node, iterable)
        if not broke:
            yield from self.block(node.orelse)

    def _loop(self, node: ast.For, iterable: object) -> Generator[object, None, bool]:
        items: Any = iterable
        for count, item in enumerate(items):
            if count >= MAX_LOOP_ITERATIONS:
                raise refusal("A loop may run at most {limit} times.",
                              limit=MAX_LOOP_ITERATIONS).at(*column_of(node, self.ev.lines))
            self.ev.tick()
            self.assign(node.target, item)
            try:
                yield from self.block(node.body)
            except _Break:
                return True
            except _Continue:
                continue
        return False

"""Expressions typed in the Operate field, run by the one PyTorch language.

``run_expression(workspace, "torch.sin(a) * 2", "r")`` evaluates the text with
``engine.language`` over the workspace tensors (``torch`` and ``math`` are bound too): an
``ast`` walk over allowlists with sizes checked on meta tensors before anything is
allocated, never ``eval``. A tensor result is kept in the workspace under the chosen name;
a number or any other value is shown and not kept. ``name = expression`` is accepted as
well and names the result. The code shown is the text exactly as typed, assigned to the
result name, so running it after ``import math, torch`` reproduces the values.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import OperationError, TorchScopeError
from engine.i18n.messages import join_texts, msg
from engine.language.builtins import repr_of
from engine.language.errors import LanguageError, column_of
from engine.language.guards import parse_source
from engine.session.workspace import Workspace, validate_name
from engine.tensors.ops.expression_facts import promotion_note, sharing_note, teaching_error
from engine.tensors.ops.support import OpResult, display_snapshot, result_name, summary
from engine.tensors.typed import namespace_with, run_typed

FIELD = "expression"
MAX_SHOWN_CHARS = 300


@dataclass(frozen=True)
class TypedExpression:
    """What was typed: the source (stripped), the value's tree and a typed target name."""

    source: str
    tree: ast.expr
    target: str | None = None


def _refused(what: str, statement: ast.stmt | None = None, source: str = "") -> LanguageError:
    line, column = column_of(statement, source.splitlines()) if statement else (0, 0)
    error = LanguageError(what, line=line, column=column)
    error.field = FIELD
    return error


def read_expression(text: str) -> TypedExpression:
    """Check that ``text`` is one expression (or ``name = expression``) of the language."""
    source = (text or "").strip()
    if not source:
        raise _refused(msg("Write an expression such as torch.sin(a) * 2 or a @ b.T."))
    try:
        body = parse_source(source).body
    except LanguageError as exc:
        exc.field = FIELD
        raise
    if len(body) != 1:
        raise _refused(msg("Write one expression here; several statements run in the "
                           "PyTorch console."), body[1] if body else None, source)
    statement = body[0]
    if isinstance(statement, ast.Expr):
        return TypedExpression(source, statement.value)
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
            and isinstance(statement.targets[0], ast.Name):
        return TypedExpression(source, statement.value, statement.targets[0].id)
    raise _refused(msg("Write an expression (or name = expression) here, e.g. "
                       "torch.sin(a) * 2; other statements run in the PyTorch console."),
                   statement, source)


def run_expression(workspace: Workspace, text: str, result: str = "") -> OpResult:
    """Evaluate a typed expression over the workspace tensors (see the module docstring)."""
    typed = read_expression(text)
    if typed.target is not None:
        name = validate_name(typed.target, field=FIELD)
    else:
        name = result_name(result, workspace)
    env = dict(workspace.items())
    try:
        run = run_typed(typed.source, namespace_with(env), field=FIELD)
    except OperationError as exc:
        raise teaching_error(exc, typed.tree, env, FIELD) from None
    if typed.target is not None:
        value = run.names.get(typed.target)
    else:
        value = run.value if run.has_value else None
    code = typed.source if typed.target is not None else f"{name} = {typed.source}"
    if isinstance(value, torch.Tensor):
        return _tensor_result(typed, env, name, code, value)
    return _value_result(typed, name, code, value)


def _tensor_result(typed: TypedExpression, env: dict[str, torch.Tensor], name: str,
                   code: str, value: torch.Tensor) -> OpResult:
    why = promotion_note(typed.tree, env, value)
    shared = sharing_note(typed.tree, env, name, value)
    step = CodeStep(msg("Expression {expression}", expression=typed.source), code,
                    join_texts(" ", [text for text in (why, shared) if text]))
    return OpResult(step=step, snapshot=display_snapshot(value, name), name=name,
                    tensor=value, summary=summary(name, value), dtype_note=why)


def _value_result(typed: TypedExpression, name: str, code: str, value: object) -> OpResult:
    if value is None:
        text = msg("{name} = None: the expression gives no value, so nothing is kept.",
                   name=name)
    else:
        shown = _shown(value)
        text = msg("{name} = {value} (type {kind}, not a tensor: shown here, not kept in "
                   "the workspace)", name=name, value=shown, kind=_type_name(value))
    number = value if isinstance(value, bool | int | float) else None
    step = CodeStep(msg("Expression {expression}", expression=typed.source), code)
    return OpResult(step=step, summary=text, value=number)


def _type_name(value: object) -> str:
    kind = type(value)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _shown(value: object) -> str:
    try:
        text = repr_of(value)
    except TorchScopeError:  # a nested list too big to print
        return type(value).__name__
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + " …"


"""Arithmetic expressions such as ``(a + 2) * b ** 2`` evaluated on workspace tensors.

The text goes through ``engine.tensors.ops.expr`` (a whitelist, never ``eval``). The
expression is first run on memory-less meta tensors so that every intermediate result is
checked against the memory guard before anything is allocated.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError, TorchScopeError
from engine.core.limits import check_allocation
from engine.i18n.messages import msg
from engine.session.workspace import Workspace
from engine.tensors.ops.explain import explain_promotion, operands_error
from engine.tensors.ops.expr import (
    BINARY_OPERATORS,
    UNARY_OPERATORS,
    Expression,
    Value,
    evaluate,
    parse_expression,
)
from engine.tensors.ops.support import (
    OpResult,
    display_snapshot,
    meta_like,
    result_name,
    summary,
)

SYMBOLS: dict[type, str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**",
           ast.MatMult: "@", ast.USub: "-", ast.UAdd: "+"}
_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError)


def _call(op: type, left: Value, right: Value) -> Value:
    if right is None:
        return UNARY_OPERATORS[op](left)
    return BINARY_OPERATORS[op](left, right)


def _apply_meta(op: type, left: Value, right: Value) -> Value:
    out = _call(op, left, right)
    check_allocation(tuple(out.shape), out.element_size(), field="expression")
    return out


def _apply_real(op: type, left: Value, right: Value) -> Value:
    try:
        return _call(op, left, right)
    except _TORCH_ERRORS as exc:
        raise operands_error(exc, SYMBOLS[op], (left, right), field="expression") from None


def _check_sizes(expression: Expression, env: Mapping[str, torch.Tensor]) -> None:
    meta_env = {name: meta_like(t) for name, t in env.items()}
    try:
        evaluate(expression, meta_env, _apply_meta)
    except TorchScopeError:
        raise
    except Exception:  # noqa: BLE001 - shape errors are reported by the real evaluation
        return


def _constants(expression: Expression) -> list[tuple[str, object]]:
    nodes = sorted((n for n in ast.walk(expression.tree) if isinstance(n, ast.Constant)),
                   key=lambda n: n.col_offset)
    unique = {repr(n.value): n.value for n in nodes}
    return list(unique.items())


def run_expression(workspace: Workspace, text: str, result: str = "") -> OpResult:
    """Evaluate an arithmetic expression over workspace tensors into a new tensor."""
    expression = parse_expression(text, workspace.names(), field="expression")
    if not expression.names:
        raise InputError(msg("Use at least one tensor name, e.g. a * 2 + 1."),
                         field="expression")
    name = result_name(result, workspace)
    env = {n: workspace.get(n) for n in expression.names}
    _check_sizes(expression, env)
    value = evaluate(expression, env, _apply_real)
    operands = list(env.items()) + _constants(expression)
    why = explain_promotion(operands, value) if len(operands) > 1 else ""
    code = f"{name} = {expression.code}"
    step = CodeStep(msg("Arithmetic {expression}", expression=expression.code), code, why)
    return OpResult(step=step, snapshot=display_snapshot(value, name), name=name, tensor=value,
                    summary=summary(name, value), dtype_note=why)


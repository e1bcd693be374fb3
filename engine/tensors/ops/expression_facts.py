"""What the Operate field explains about an expression's result: dtype promotion where the
expression is plain arithmetic, shared memory with a workspace tensor, and PyTorch errors
with the app's teaching hint and the shapes of the tensors the expression reads."""

from __future__ import annotations

import ast
import math

import torch

from engine.core.errors import OperationError
from engine.core.snapshot import dtype_name
from engine.i18n.messages import compose, msg
from engine.tensors.ops.explain import error_hint, explain_promotion

_UNARY = (ast.USub, ast.UAdd, ast.Invert)
_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.MatMult,
           ast.BitAnd, ast.BitOr, ast.BitXor)


def _operands(node: ast.expr, env: dict[str, torch.Tensor],
              found: dict[str, object]) -> bool:
    """Collect (label -> value) of an arithmetic tree; False if it is more than arithmetic."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, _BINARY):
        return _operands(node.left, env, found) and _operands(node.right, env, found)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, _UNARY):
        return _operands(node.operand, env, found)
    if isinstance(node, ast.Name) and isinstance(env.get(node.id), torch.Tensor):
        found.setdefault(node.id, env[node.id])
        return True
    if isinstance(node, ast.Constant) and type(node.value) in (bool, int, float):
        found.setdefault(repr(node.value), node.value)
        return True
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
            and node.value.id == "math" and node.attr in ("pi", "e", "tau", "inf", "nan"):
        found.setdefault(f"math.{node.attr}", getattr(math, node.attr))
        return True
    return False


def promotion_note(tree: ast.expr, env: dict[str, torch.Tensor], result: torch.Tensor) -> str:
    """Why the result has its dtype, for arithmetic over tensors and numbers ("" otherwise)."""
    found: dict[str, object] = {}
    if not _operands(tree, env, found) or len(found) < 2:
        return ""
    return explain_promotion(list(found.items()), result)


def names_read(tree: ast.expr, env: dict[str, torch.Tensor]) -> list[str]:
    """The workspace tensors an expression reads, in order of first use."""
    names = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in env),
                   key=lambda n: (n.lineno, n.col_offset))
    return list(dict.fromkeys(n.id for n in names))


def _storage(t: torch.Tensor) -> int | None:
    try:
        return t.untyped_storage().data_ptr() if t.numel() else None
    except (RuntimeError, NotImplementedError):
        return None


def sharing_note(tree: ast.expr, env: dict[str, torch.Tensor], name: str,
                 result: torch.Tensor) -> str:
    """Say so when the result shares memory with a tensor the expression reads."""
    mine = _storage(result)
    for source in names_read(tree, env):
        if source == name:
            continue
        if result is env[source]:
            return msg("{name} is {source} itself (the same tensor object), not a copy: "
                       "an in-place method returns the tensor it changed.", name=name,
                       source=source)
        if mine is not None and _storage(env[source]) == mine:
            return msg("{name} shares memory with {source}: it is a view, not a copy, so "
                       "changing one changes the other. Call .clone() for a copy.",
                       name=name, source=source)
    return ""


def teaching_error(exc: OperationError, tree: ast.expr, env: dict[str, torch.Tensor],
                   field: str) -> OperationError:
    """PyTorch's error with the app's hint and the shapes of the tensors read."""
    parts = {"message": exc.message}
    template = "{message}"
    read = [f"{n} {tuple(env[n].shape)} {dtype_name(env[n].dtype)}"
            for n in names_read(tree, env)]
    if read:
        parts["read"] = msg("Tensors read: {tensors}.", tensors=", ".join(read))
        template += " {read}"
    hint = error_hint(exc.torch_error or "", msg("this expression"))
    if hint:
        parts["hint"] = hint
        template += " {hint}"
    error = OperationError(compose(template, **parts), field=field,
                           torch_error=exc.torch_error, column=exc.column)
    return error

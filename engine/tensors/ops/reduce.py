"""Reductions: max, min, sum, mean, std, prod, argmax, unique; optional dim, keepdim, .item()."""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.i18n.messages import msg
from engine.session.workspace import Workspace, validate_name
from engine.tensors.ops.explain import operation_error
from engine.tensors.ops.support import (
    MemoryReport,
    OpResult,
    display_snapshot,
    parse_optional_int,
    read_tensor,
    result_name,
    summary,
)

if TYPE_CHECKING:
    from engine.tensors.ops.catalogue import OpRequest, OpSpec

_PAIRED = ("max", "min")  # with a dim they return (values, indices)
_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError)


def _arguments(key: str, dim: int | None, keepdim: bool) -> tuple[dict[str, int | bool], str]:
    if dim is None:
        if keepdim:
            raise InputError(msg("keepdim only matters with a dim: write a dim such as 0."),
                             field="dim")
        return {}, ""
    if key == "unique":
        return {"dim": dim}, f", dim={dim}"
    kwargs = {"dim": dim, "keepdim": keepdim} if keepdim else {"dim": dim}
    code = f", dim={dim}" + (", keepdim=True" if keepdim else "")
    return kwargs, code


def _compute(key: str, a: torch.Tensor,
             kwargs: dict[str, int | bool]) -> tuple[torch.Tensor, torch.Tensor | None]:
    out = getattr(torch, key)(a, **kwargs)
    if key in _PAIRED and "dim" in kwargs:
        return out.values, out.indices
    return out, None


def _item_result(key: str, req: OpRequest, a: torch.Tensor, call_code: str, name: str,
                 values: torch.Tensor) -> OpResult:
    try:
        value = values.item()
    except _TORCH_ERRORS as exc:
        raise operation_error(exc, ".item()", field="item") from None
    values_part = ".values" if key in _PAIRED and "dim=" in call_code else ""
    code = f"{name} = torch.{key}({req.source}{call_code}){values_part}.item()"
    text = msg("{name} = {value} (a Python {kind}, no longer a tensor)", name=name,
               value=value, kind=type(value).__name__)
    step = CodeStep(msg("Reduction {op}", op=key), code)
    return OpResult(step=step, snapshot=None, name=None, summary=text, value=value)


def run_reduction(spec: OpSpec, req: OpRequest, workspace: Workspace) -> OpResult:
    """``torch.<op>(a[, dim=d][, keepdim=True])`` and optionally ``.item()``."""
    a = read_tensor(workspace, req.source, "source")
    dim = parse_optional_int(req.dim, field="dim")
    kwargs, call_code = _arguments(spec.key, dim, req.keepdim)
    name = result_name(req.result, workspace)
    try:
        values, indices = _compute(spec.key, a, kwargs)
    except _TORCH_ERRORS as exc:
        field = "dim" if "Dimension out of range" in str(exc) else "source"
        raise operation_error(exc, f"torch.{spec.key}", field=field) from None
    if req.item:
        return _item_result(spec.key, req, a, call_code, name, values)
    shown = display_snapshot(values, name)
    extras: tuple = ()
    kept: tuple = ()
    if indices is None:
        code = f"{name} = torch.{spec.key}({req.source}{call_code})"
    else:
        code = f"{name}, {name}_indices = torch.{spec.key}({req.source}{call_code})"
        extras = (shown, display_snapshot(indices, f"{name}_indices"))
        kept = ((validate_name(f"{name}_indices", field="result"), indices),)
    report = MemoryReport.compare_new(req.source, a, name, values)
    step = CodeStep(msg("Reduction {op}", op=spec.key), code)
    return OpResult(step=step, snapshot=shown, name=name, tensor=values,
                    extra_snapshots=extras, extra_tensors=kept, summary=summary(name, values),
                    memory=report)

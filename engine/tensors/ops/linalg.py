"""Linear algebra: matmul (@, with out=), cross, svd (U, S, Vh), det, inverse, transpose."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError, SizeLimitError
from engine.i18n.messages import join_texts, msg
from engine.language.sizes import MAX_WORK
from engine.session.workspace import Workspace, validate_name
from engine.tensors.ops.explain import explain_promotion, operands_error, operation_error
from engine.tensors.ops.support import (
    MemoryReport,
    OpResult,
    Value,
    check_display,
    check_output_size,
    display_snapshot,
    memory_report,
    meta_like,
    parse_optional_int,
    read_tensor,
    result_name,
    summary,
)

if TYPE_CHECKING:
    from engine.tensors.ops.catalogue import OpRequest, OpSpec

_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError)
MAX_MATMUL_WORK = MAX_WORK  # the same bound as ``a @ b`` typed in the language


def matmul_work(left: tuple[int, ...], right: tuple[int, ...]) -> int:
    """Multiply-adds of ``torch.matmul`` on these shapes: broadcast batch × n × k × m.

    A 1-D left operand is a row, a 1-D right one a column, as in ``torch.matmul``. Shapes
    that do not fit give 0: the real call then reports PyTorch's own error."""
    a = (1, *left) if len(left) == 1 else left
    b = (*right, 1) if len(right) == 1 else right
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-2]:
        return 0
    try:
        batch = torch.broadcast_shapes(a[:-2], b[:-2])
    except RuntimeError:
        return 0
    return math.prod(batch) * a[-2] * a[-1] * b[-1]


def check_matmul_work(a: torch.Tensor, b: torch.Tensor, field: str) -> None:
    """Refuse a matmul whose multiply-adds (broadcast batch included) pass the bound."""
    work = matmul_work(tuple(a.shape), tuple(b.shape))
    if work > MAX_MATMUL_WORK:
        raise SizeLimitError(msg("torch.matmul of shapes {left} and {right} would need about "
                                 "{work} multiply-adds (every matrix of the broadcast batch "
                                 "counts); TorchScope allows {limit}. Try smaller tensors.",
                                 left=tuple(a.shape), right=tuple(b.shape),
                                 work=f"{work:.1e}", limit=f"{MAX_MATMUL_WORK:.0e}"),
                             field=field)


def _guarded(fn: Callable[[], Value], label: str, field: str) -> Value:
    try:
        return fn()
    except _TORCH_ERRORS as exc:
        raise operation_error(exc, label, field=field) from None


def _tensor_result(title: str, code: str, name: str, tensor: torch.Tensor, explanation: str = "",
                   memory: MemoryReport | None = None) -> OpResult:
    text = join_texts(" ", [p for p in (explanation, memory.text() if memory else "") if p])
    return OpResult(step=CodeStep(title, code, text),
                    snapshot=display_snapshot(tensor, name),
                    name=name, tensor=tensor, summary=summary(name, tensor),
                    dtype_note=explanation, memory=memory)


def _run_matmul(req: OpRequest, workspace: Workspace, a: torch.Tensor) -> OpResult:
    b = read_tensor(workspace, req.other, "other")
    other = req.other.strip()
    if req.mode == "out":
        return _run_matmul_out(req, workspace, a, b)
    name = result_name(req.result, workspace)
    check_output_size(torch.matmul, (a, b), "other")
    check_matmul_work(a, b, "other")
    try:
        c = torch.matmul(a, b)
    except _TORCH_ERRORS as exc:
        raise operands_error(exc, "torch.matmul", (a, b), field="other") from None
    why = explain_promotion([(req.source, a), (other, b)], c)
    return _tensor_result(msg("Operation {op}", op="matmul"),
                          f"{name} = torch.matmul({req.source}, {other})  # = "
                          f"{req.source} @ {other}", name, c, why,
                          MemoryReport.compare_new(req.source, a, name, c))


def _run_matmul_out(req: OpRequest, workspace: Workspace, a: torch.Tensor,
                    b: torch.Tensor) -> OpResult:
    out_name = req.out_name.strip()
    target = read_tensor(workspace, out_name, "out_name")
    try:
        expected = tuple(torch.matmul(meta_like(a), meta_like(b)).shape)
    except _TORCH_ERRORS:
        expected = None  # the real call below reports the mismatch in PyTorch's words
    if expected is not None and expected != tuple(target.shape):
        raise InputError(msg("out= needs a tensor of the result's shape {shape}; {name} has "
                             "shape {actual}.", shape=expected, name=out_name,
                             actual=tuple(target.shape)), field="out_name")
    check_display(target, "out_name")
    check_matmul_work(a, b, "other")
    before = memory_report(target)
    returned = _guarded(lambda: torch.matmul(a, b, out=target),
                        f"torch.matmul(..., out={out_name})", "other")
    report = MemoryReport.after("out", out_name, before, target, returned)
    code = f"torch.matmul({req.source}, {req.other.strip()}, out={out_name})"
    return _tensor_result(msg("Operation {op}", op="matmul"), code, out_name, target,
                          memory=report)


def _run_cross(req: OpRequest, workspace: Workspace, a: torch.Tensor) -> OpResult:
    b = read_tensor(workspace, req.other, "other")
    dim = parse_optional_int(req.dim, field="dim")
    name = result_name(req.result, workspace)
    kwargs, extra = ({"dim": dim}, f", dim={dim}") if dim is not None else ({}, "")
    check_output_size(lambda x, y: torch.linalg.cross(x, y, **kwargs), (a, b), "other")
    try:
        c = torch.linalg.cross(a, b, **kwargs)
    except _TORCH_ERRORS as exc:
        raise operands_error(exc, "torch.linalg.cross", (a, b), field="other") from None
    code = f"{name} = torch.linalg.cross({req.source}, {req.other.strip()}{extra})"
    why = explain_promotion([(req.source, a), (req.other.strip(), b)], c)
    return _tensor_result(msg("Operation {op}", op="cross"), code, name, c, why)


def _run_svd(req: OpRequest, workspace: Workspace, a: torch.Tensor) -> OpResult:
    name = result_name(req.result, workspace)
    names = [validate_name(f"{name}_{part}", field="result") for part in ("U", "S", "Vh")]
    u, s, vh = _guarded(lambda: torch.linalg.svd(a, full_matrices=False), "torch.linalg.svd",
                        "source")
    code = f"{', '.join(names)} = torch.linalg.svd({req.source}, full_matrices=False)"
    text = msg("{source} = U @ diag(S) @ Vh: U and Vh have orthonormal columns/rows, S holds "
               "the singular values, largest first. (Vh is V transposed.)", source=req.source)
    snaps = tuple(display_snapshot(t, n) for t, n in zip((u, s, vh), names, strict=True))
    return OpResult(step=CodeStep(msg("Operation {op}", op="svd"), code, text),
                    snapshot=snaps[1], name=names[1], tensor=s, extra_snapshots=snaps,
                    extra_tensors=((names[0], u), (names[2], vh)),
                    summary=join_texts(", ", [summary(n, t) for n, t in
                                                zip(names, (u, s, vh), strict=True)]))


def _run_simple(req: OpRequest, workspace: Workspace, a: torch.Tensor, key: str) -> OpResult:
    name = result_name(req.result, workspace)
    if key == "transpose":
        if a.dim() < 2:
            raise InputError(msg("A matrix transpose needs at least 2 dimensions; {name} has "
                                 "{ndim}.", name=req.source, ndim=a.dim()), field="source")
        attribute = "T" if a.dim() == 2 else "mT"
        c = getattr(a, attribute)
        return _tensor_result(msg("Operation {op}", op="transpose"),
                              f"{name} = {req.source}.{attribute}", name, c,
                              memory=MemoryReport.compare_new(req.source, a, name, c))
    function = {"det": "det", "inverse": "inv"}[key]
    c = _guarded(lambda: getattr(torch.linalg, function)(a), f"torch.linalg.{function}",
                 "source")
    return _tensor_result(msg("Operation {op}", op=key),
                          f"{name} = torch.linalg.{function}({req.source})", name, c)


def run_linalg(spec: OpSpec, req: OpRequest, workspace: Workspace) -> OpResult:
    a = read_tensor(workspace, req.source, "source")
    if req.mode not in spec.modes:
        raise InputError(msg("{op} has no '{mode}' form.", op=spec.key, mode=req.mode),
                         field="mode")
    if spec.key == "matmul":
        return _run_matmul(req, workspace, a)
    if spec.key == "cross":
        return _run_cross(req, workspace, a)
    if spec.key == "svd":
        return _run_svd(req, workspace, a)
    return _run_simple(req, workspace, a, spec.key)

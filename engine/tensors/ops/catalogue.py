"""The operations catalogue of the Tensors tab, grouped as the study note groups them.

``run_op(workspace, OpRequest(...))`` applies one operation to workspace tensors and returns
an ``OpResult`` whose ``step.code`` reproduces it. Element-wise operations offer three forms:
a new tensor (``c = torch.sin(a)``), in place (``a.sin_()``, which really changes the
workspace tensor) and ``out=`` (``torch.sin(a, out=c)``). A failing operation leaves every
workspace tensor as it was: in-place forms are first tried on a clone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.i18n.messages import join_texts, msg
from engine.session.workspace import Workspace
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
    number_code,
    parse_int,
    parse_number,
    parse_operand,
    read_tensor,
    result_name,
    summary,
)

GROUPS = ("arithmetic", "common", "trig", "bitwise", "comparison", "reduction", "linalg")
MODES = ("new", "inplace", "out")


@dataclass(frozen=True)
class OpSpec:
    key: str
    group: str
    kind: str  # unary, binary, clamp, round, reduce, matmul, cross, svd, det, inverse, transpose
    inplace: bool = False
    out: bool = False

    @property
    def modes(self) -> tuple[str, ...]:
        return ("new",) + (("inplace",) if self.inplace else ()) + (("out",) if self.out else ())


def _specs(group: str, kind: str, keys: str, inplace: bool = True,
           out: bool = True) -> tuple[OpSpec, ...]:
    return tuple(OpSpec(k, group, kind, inplace, out) for k in keys.split())


CATALOGUE: tuple[OpSpec, ...] = (
    _specs("arithmetic", "binary", "add sub mul div pow")
    + _specs("common", "unary", "abs ceil floor sqrt exp log")
    + _specs("common", "clamp", "clamp") + _specs("common", "round", "round")
    + _specs("trig", "unary", "sin cos tan asin acos atan sinh cosh tanh")
    + _specs("bitwise", "binary", "bitwise_and bitwise_or bitwise_xor")
    + _specs("bitwise", "unary", "bitwise_not")
    + _specs("comparison", "binary", "eq ne gt lt ge le", inplace=False)
    + _specs("reduction", "reduce", "max min sum mean std prod argmax unique", False, False)
    + _specs("linalg", "matmul", "matmul", inplace=False)
    + _specs("linalg", "cross", "cross", inplace=False, out=False)
    + _specs("linalg", "svd", "svd", False, False) + _specs("linalg", "det", "det", False, False)
    + _specs("linalg", "inverse", "inverse", False, False)
    + _specs("linalg", "transpose", "transpose", False, False)
)
SPECS = {spec.key: spec for spec in CATALOGUE}


def ops_in(group: str) -> tuple[OpSpec, ...]:
    return tuple(spec for spec in CATALOGUE if spec.group == group)


@dataclass(frozen=True)
class OpRequest:
    """What the user chose. Text fields are parsed here, never evaluated."""

    op: str
    source: str
    other: str = ""
    result: str = ""
    mode: str = "new"
    out_name: str = ""
    dim: str = ""
    keepdim: bool = False
    item: bool = False
    low: str = ""
    high: str = ""
    decimals: str = ""


@dataclass(frozen=True)
class _Call:
    """One element-wise call: its argument values and their code."""

    args: tuple[Value, ...]  # values after the source tensor
    kwargs: dict[str, Value]
    code_args: str  # ", b" / ", min=-0.5, max=0.5" ("" when none)


def _elementwise_call(spec: OpSpec, req: OpRequest,
                      workspace: Workspace) -> tuple[_Call, Value]:
    if spec.kind == "binary":
        value, code = parse_operand(req.other, workspace, field="other")
        return _Call((value,), {}, f", {code}"), value
    if spec.kind == "clamp":
        bounds = {k: parse_number(t, field=f) for k, t, f in
                  (("min", req.low, "low"), ("max", req.high, "high")) if t.strip()}
        if not bounds:
            raise InputError(msg("clamp needs a min, a max or both."), field="low")
        code = "".join(f", {k}={number_code(v)}" for k, v in bounds.items())
        return _Call((), bounds, code), None
    if spec.kind == "round" and req.decimals.strip():
        decimals = parse_int(req.decimals, field="decimals")
        return _Call((), {"decimals": decimals}, f", decimals={decimals}"), None
    return _Call((), {}, ""), None


def _promotion(spec: OpSpec, req: OpRequest, a: torch.Tensor, other: Value,
               result: torch.Tensor) -> str:
    operands = [(req.source, a)] + ([(req.other.strip(), other)] if spec.kind == "binary" else [])
    return explain_promotion(operands, result)


def _run_new(spec: OpSpec, req: OpRequest, workspace: Workspace, a: torch.Tensor,
             call: _Call, other: Value) -> OpResult:
    fn = getattr(torch, spec.key)
    name = result_name(req.result, workspace)
    check_output_size(lambda x, *r: fn(x, *r, **call.kwargs), (a, *call.args), "result")
    try:
        out = fn(a, *call.args, **call.kwargs)
    except (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError) as exc:
        raise operands_error(exc, f"torch.{spec.key}", (a, *call.args),
                             field=_field(spec)) from None
    code = f"{name} = torch.{spec.key}({req.source}{call.code_args})"
    report = MemoryReport.compare_new(req.source, a, name, out)
    return _result(spec, req, code, name, out, _promotion(spec, req, a, other, out), report)


def _run_inplace(spec: OpSpec, req: OpRequest, workspace: Workspace, a: torch.Tensor,
                 call: _Call, other: Value) -> OpResult:
    method = f"{spec.key}_"
    check_display(a)  # the probe copy and the display copy must both fit
    probe = a.detach().clone()
    try:
        getattr(probe, method)(*call.args, **call.kwargs)
        before = memory_report(a)
        getattr(a, method)(*call.args, **call.kwargs)
    except (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError) as exc:
        raise operands_error(exc, f"{req.source}.{method}", (a, *call.args),
                             field=_field(spec)) from None
    code = f"{req.source}.{method}({call.code_args.removeprefix(', ')})"
    report = MemoryReport.after("inplace", req.source, before, a, a)
    return _result(spec, req, code, req.source, a, _promotion(spec, req, a, other, a), report)


def _run_out(spec: OpSpec, req: OpRequest, workspace: Workspace, a: torch.Tensor,
             call: _Call, other: Value) -> OpResult:
    out_name = req.out_name.strip()
    target = read_tensor(workspace, out_name, "out_name")
    fn = getattr(torch, spec.key)
    expected = _meta_shape(lambda x, *r: fn(x, *r, **call.kwargs), (a, *call.args))
    if expected is not None and expected != tuple(target.shape):
        raise InputError(msg("out= needs a tensor of the result's shape {shape}; {name} has "
                             "shape {actual}.", shape=expected, name=out_name,
                             actual=tuple(target.shape)), field="out_name")
    check_display(target, "out_name")
    before = memory_report(target)
    try:
        returned = fn(a, *call.args, **call.kwargs, out=target)
    except (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError) as exc:
        raise operation_error(exc, f"torch.{spec.key}(..., out={out_name})",
                              field="out_name") from None
    code = f"torch.{spec.key}({req.source}{call.code_args}, out={out_name})"
    report = MemoryReport.after("out", out_name, before, target, returned)
    return _result(spec, req, code, out_name, target, _promotion(spec, req, a, other, target),
                   report)


def _meta_shape(fn: Callable[..., torch.Tensor],
                inputs: Sequence[Value]) -> tuple[int, ...] | None:
    try:
        return tuple(fn(*[meta_like(x) for x in inputs]).shape)
    except Exception:  # noqa: BLE001 - meta kernels may be missing; the real call decides
        return None


def _field(spec: OpSpec) -> str:
    """The field a refusal is shown beside: bitwise dtype problems belong to the input."""
    if spec.group == "bitwise":
        return "source"
    return "other" if spec.kind in ("binary", "matmul", "cross") else "source"


def _result(spec: OpSpec, req: OpRequest, code: str, name: str, tensor: torch.Tensor,
            promotion: str, report: MemoryReport) -> OpResult:
    step = CodeStep(title=msg("Operation {op}", op=spec.key), code=code,
                    explanation=join_texts(" ", [p for p in (promotion, report.text()) if p]))
    return OpResult(step=step, snapshot=display_snapshot(tensor, name), name=name,
                    tensor=tensor, summary=summary(name, tensor), dtype_note=promotion,
                    memory=report)


def _run_elementwise(spec: OpSpec, req: OpRequest, workspace: Workspace) -> OpResult:
    if req.mode not in spec.modes:
        raise InputError(msg("{op} has no '{mode}' form.", op=spec.key, mode=req.mode),
                         field="mode")
    a = read_tensor(workspace, req.source, "source")
    call, other = _elementwise_call(spec, req, workspace)
    runner = {"new": _run_new, "inplace": _run_inplace, "out": _run_out}[req.mode]
    return runner(spec, req, workspace, a, call, other)


def run_op(workspace: Workspace, request: OpRequest) -> OpResult:
    """Apply one catalogue operation; see the module docstring."""
    spec = SPECS.get(request.op)
    if spec is None:
        raise InputError(msg("'{op}' is not an operation of the catalogue.", op=request.op),
                         field="op")
    if spec.kind in ("unary", "binary", "clamp", "round"):
        return _run_elementwise(spec, request, workspace)
    if spec.kind == "reduce":
        from engine.tensors.ops.reduce import run_reduction

        return run_reduction(spec, request, workspace)
    from engine.tensors.ops.linalg import run_linalg

    return run_linalg(spec, request, workspace)


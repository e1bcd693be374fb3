"""Creating tensors: every torch constructor the Tensors tab offers, with its code.

``create_tensor(request, workspace)`` parses the typed fields of a ``CreateRequest``,
checks the memory guard, calls the constructor and returns a ``CreateResult`` whose
``step.code`` reproduces the values (``empty`` is the exception: it shows whatever was in
memory, and its explanation says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError, OperationError
from engine.core.limits import check_allocation
from engine.core.parsing import parse_dtype
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.i18n.messages import msg
from engine.session.workspace import Workspace, validate_name
from engine.tensors.create_fields import (
    SHAPED,
    Call,
    eye_call,
    range_call,
    shape_call,
    size_field,
)
from engine.tensors.literals import parse_literal

LIKE = ("empty_like", "zeros_like", "ones_like", "rand_like", "randn_like")
CONSTRUCTORS = (*SHAPED, "arange", "linspace", "eye", "tensor", *LIKE, "to")
RANDOM = frozenset({"rand", "randn", "randint", "rand_like", "randn_like"})
UNINITIALISED = frozenset({"empty", "empty_like"})
# What the dtype chooser suggests for each constructor (None: PyTorch's default).
SUGGESTED_DTYPES = {"randint": "int64", "arange": None, "tensor": None, "eye": None,
                    "to": "int32"}
MAX_SEED = 2**63 - 1
OUT_KINDS = frozenset({"zeros", "ones", "full", "rand", "randn", "randint", "empty"})


@dataclass(frozen=True)
class CreateRequest:
    """The typed fields of the Create panel; text is parsed by ``create_tensor``."""

    kind: str
    name: str = "x"
    shape: str = "2, 3"
    dtype: str | None = None  # None: PyTorch's default dtype for this constructor
    requires_grad: bool = False
    device: str = "cpu"
    seed: int | None = None  # set with torch.manual_seed right before a random constructor
    fill_value: str = "0"  # full
    low: str = "0"  # randint (low, high) and arange/linspace (start, end)
    high: str = "10"
    step: str = "1"  # arange
    steps: str = "5"  # linspace
    data: str = "[[1, 2], [3, 4]]"  # tensor
    source: str = ""  # *_like: name of a workspace tensor
    out: str = ""  # shaped constructors: write into this workspace tensor (out=)


@dataclass(frozen=True)
class CreateResult:
    """A created tensor; the field set of ``engine.tensors.result.TensorsResult``."""

    name: str
    tensor: torch.Tensor
    snapshot: TensorSnapshot
    step: CodeStep
    reproducible: bool
    extra_snapshots: tuple[TensorSnapshot, ...] = ()
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()
    summary: str = ""


def available_devices() -> list[str]:
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices


def _options(request: CreateRequest, dtype: str | None) -> str:
    parts = []
    if dtype is not None:
        parts.append(f"dtype=torch.{dtype}")
    if request.device != "cpu":
        parts.append(f'device="{request.device}"')
    if request.requires_grad:
        parts.append("requires_grad=True")
    return "".join(f", {p}" for p in parts)


def _check_device(device: str) -> None:
    if device not in available_devices():
        raise InputError(msg("Device '{device}' is not available here; available: {choices}.",
                             device=device, choices=", ".join(available_devices())),
                         field="device")


def _call_of(request: CreateRequest, workspace: Workspace | None) -> Call:
    kind = request.kind
    numbers = {"fill_value": request.fill_value, "low": request.low, "high": request.high,
               "step": request.step, "steps": request.steps}
    if kind in SHAPED:
        return shape_call(kind, request.shape, numbers)
    if kind in ("arange", "linspace"):
        return range_call(kind, numbers)
    if kind == "eye":
        return eye_call(request.shape)
    if kind == "tensor":
        parsed = parse_literal(request.data, field="data")
        return Call((parsed.data,), {}, parsed.code, parsed.shape)
    source = _workspace_tensor(request, workspace)
    return Call((source,), {}, request.source, tuple(source.shape), source)


def _workspace_tensor(request: CreateRequest, workspace: Workspace | None) -> torch.Tensor:
    if workspace is None or not request.source:
        raise InputError(msg("Choose a tensor in the workspace first: {kind} copies its "
                             "shape and dtype.", kind=request.kind), field="source")
    try:
        return workspace.get(request.source)
    except InputError as exc:
        raise InputError(exc.message, field="source") from exc


def _element_size(dtype: str | None, kind: str, source: torch.Tensor | None) -> int:
    if source is not None and dtype is None:
        return source.element_size()
    if dtype is not None:
        return getattr(torch, dtype).itemsize
    return 8 if kind in ("randint", "arange", "tensor") else 4


def _explanation(request: CreateRequest, name: str) -> str:
    if request.kind in UNINITIALISED:
        return msg("torch.{kind} only reserves memory: the values are whatever was there "
                   "before, so running this code shows other numbers. Only the shape and "
                   "dtype are reproducible. The heatmap looks like noise because those "
                   "uninitialised bytes are read as numbers: leftover zeros, tiny values and "
                   "huge ones side by side.", kind=request.kind)
    if request.kind in RANDOM and request.seed is None:
        return msg("No seed was set: {name} continues the random sequence, so running this "
                   "code gives other numbers. Set a seed to make it reproducible.", name=name)
    if request.kind in RANDOM:
        return msg("torch.manual_seed({seed}) makes the random numbers reproducible: the "
                   "same seed gives the same {name}.", seed=request.seed, name=name)
    return ""


def build_code(request: CreateRequest, name: str, call: str, dtype: str | None) -> str:
    prefix = ""
    if request.kind in RANDOM and request.seed is not None:
        prefix = f"torch.manual_seed({request.seed})\n"
    if request.out.strip():
        return f"{prefix}torch.{request.kind}({call}{_options(request, dtype)}, out={name})"
    return f"{prefix}{name} = torch.{request.kind}({call}{_options(request, dtype)})"


def _options_kwargs(request: CreateRequest, dtype: str | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if dtype is not None:
        kwargs["dtype"] = getattr(torch, dtype)
    if request.device != "cpu":
        kwargs["device"] = request.device
    if request.requires_grad:
        kwargs["requires_grad"] = True
    return kwargs


_FIELD_OF_ERRORS = {"tensor": "data", "randint": "high", "arange": "step", "linspace": "steps",
                    "full": "fill_value"}


def _error_field(kind: str, torch_text: str) -> str:
    """The input to blame for PyTorch's refusal, so the GUI shows it beside that field."""
    if "require gradients" in torch_text:
        return "requires_grad"
    if "not implemented for" in torch_text or "dtype" in torch_text:
        return "dtype"
    return _FIELD_OF_ERRORS.get(kind, "dtype")


def _run(call: Call, request: CreateRequest, dtype: str | None,
         out: torch.Tensor | None = None) -> torch.Tensor:
    constructor = getattr(torch, request.kind)
    extra = {} if out is None else {"out": out}
    try:
        if request.kind in RANDOM and request.seed is not None:
            torch.manual_seed(request.seed)
        return constructor(*call.args, **call.kwargs, **_options_kwargs(request, dtype), **extra)
    except (RuntimeError, TypeError, ValueError, NotImplementedError, OverflowError) as exc:
        field = _error_field(request.kind, str(exc))
        raise OperationError(msg("PyTorch refused torch.{kind} with these settings.",
                                 kind=request.kind), field=field, torch_error=str(exc)) from exc


def create_tensor(request: CreateRequest, workspace: Workspace | None = None) -> CreateResult:
    """Parse, check and create; see the module docstring."""
    if request.kind not in CONSTRUCTORS:
        raise InputError(msg("Unknown constructor '{kind}'.", kind=request.kind), field="kind")
    name = validate_name(request.name)
    dtype = None if request.dtype in (None, "") else parse_dtype(request.dtype)
    _check_device(request.device)
    if request.seed is not None and not 0 <= request.seed <= MAX_SEED:
        raise InputError(msg("The seed must be between 0 and {limit}.", limit=MAX_SEED),
                         field="seed")
    if request.kind == "to":
        return _convert(request, name, dtype, workspace)
    if request.out.strip():
        return _create_into(request, dtype, workspace)
    call = _call_of(request, workspace)
    check_allocation(call.shape, _element_size(dtype, request.kind, call.source),
                     field=size_field(request.kind))
    tensor = _run(call, request, dtype)
    step = CodeStep(msg("Create {name} with torch.{kind}", name=name, kind=request.kind),
                    build_code(request, name, call.code, dtype), _explanation(request, name))
    reproducible = request.kind not in UNINITIALISED and (
        request.kind not in RANDOM or request.seed is not None)
    return CreateResult(name, tensor, snapshot(tensor, name), step, reproducible)


def _create_into(request: CreateRequest, dtype: str | None,
                 workspace: Workspace | None) -> CreateResult:
    """``torch.rand(2, 2, out=c)``: a constructor writes into an existing tensor's memory."""
    name = request.out.strip()
    if request.kind not in OUT_KINDS:
        raise InputError(msg("torch.{kind} is not offered with out= here; try zeros, ones, "
                             "full, rand, randn or randint.", kind=request.kind), field="out")
    if workspace is None or name not in workspace:
        raise InputError(msg("out= needs an existing workspace tensor; '{name}' is not one.",
                             name=name), field="out")
    target = workspace.get(name)
    call = _call_of(request, workspace)
    if tuple(call.shape) != tuple(target.shape):
        raise InputError(msg("out= needs a tensor of the result's shape {shape}; {name} has "
                             "shape {actual}.", shape=tuple(call.shape), name=name,
                             actual=tuple(target.shape)), field="shape")
    before = (id(target), target.data_ptr())
    tensor = _run(call, request, dtype, out=target)
    same = tensor is target and (id(tensor), tensor.data_ptr()) == before
    note = msg("out={name}: the values were written into the memory {name} already had "
               "(same object, same data_ptr), no new tensor was made.", name=name) if same else \
        msg("out={name}: PyTorch had to give {name} new memory.", name=name)
    step = CodeStep(msg("Create {name} with torch.{kind}", name=name, kind=request.kind),
                    build_code(request, name, call.code, dtype), note)
    reproducible = request.kind != "empty" and (
        request.kind not in RANDOM or request.seed is not None)
    return CreateResult(name, target, snapshot(target, name), step, reproducible)


def _convert(request: CreateRequest, name: str, dtype: str | None,
             workspace: Workspace | None) -> CreateResult:
    """``name = source.to(torch.dtype)``: the note's way of changing a tensor's dtype."""
    if dtype is None:
        raise InputError(msg("Choose the dtype to convert to."), field="dtype")
    source = _workspace_tensor(request, workspace)
    check_allocation(tuple(source.shape), getattr(torch, dtype).itemsize, field="dtype")
    try:
        tensor = source.to(getattr(torch, dtype))
    except (RuntimeError, TypeError, ValueError) as exc:
        raise OperationError(msg("PyTorch refused to convert {source} to {dtype}.",
                                 source=request.source, dtype=dtype), field="dtype",
                             torch_error=str(exc)) from exc
    if tensor is source:
        note = msg("{source} already is {dtype}: .to returns the very same tensor, not a copy "
                   "(same data_ptr).", source=request.source, dtype=dtype)
    else:
        note = msg(".to makes a new tensor with every value converted; floats become integers "
                   "by dropping the fraction (toward zero).")
    step = CodeStep(msg("Convert {source} to {dtype}", source=request.source, dtype=dtype),
                    f"{name} = {request.source}.to(torch.{dtype})", note)
    return CreateResult(name, tensor, snapshot(tensor, name), step, True)


def demo_results(workspace: Workspace | None = None) -> list[CreateResult]:
    """The tab's opening content, as in the study note: a 3-D tensor and a seeded rand."""
    return [create_tensor(CreateRequest("zeros", name="z", shape="2, 2, 3"), workspace),
            create_tensor(CreateRequest("rand", name="x", shape="2, 3", seed=1729), workspace)]

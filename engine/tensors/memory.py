"""Alias versus copy: ``b = a``, ``a.clone()``, ``a.view(...)``, ``a.detach()``, then edit ``a``.

``make_alias`` creates ``b`` one of four ways and says whether it shares ``a``'s storage;
``edit_cell`` really does ``a[i, j] = v`` on the workspace tensor and reports, for every
watched tensor, whether its values changed and whether it shares storage with ``a``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError, OperationError
from engine.core.limits import check_allocation
from engine.core.snapshot import TensorSnapshot
from engine.i18n.messages import msg
from engine.session.workspace import Workspace
from engine.tensors.ops.explain import operation_error
from engine.tensors.ops.shape import parse_int_list
from engine.tensors.ops.support import (
    OpResult,
    Value,
    check_display,
    display_snapshot,
    number_code,
    parse_number,
    read_tensor,
    result_name,
    summary,
)

ALIAS_KINDS = ("assign", "clone", "view", "detach")
_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, NotImplementedError)


def changed_cells(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Which displayed values differ (NaN equals NaN); all False when the shapes differ."""
    if before.shape != after.shape:
        return np.zeros(after.shape, dtype=bool)
    same = before == after
    if after.dtype.kind in "fc":
        same |= np.isnan(before) & np.isnan(after)
    return ~same


def shares_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    """True when both tensors read the same memory block (untyped_storage().data_ptr())."""
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


@dataclass(frozen=True)
class AliasResult(OpResult):
    kind: str = ""
    source: str = ""
    same_object: bool = False
    shares_storage: bool = False
    source_snapshot: TensorSnapshot | None = None


@dataclass(frozen=True)
class Watched:
    """One tensor watched while another is edited."""

    name: str
    snapshot: TensorSnapshot
    changed: bool
    shares_storage: bool
    same_object: bool
    changed_mask: np.ndarray | None = None


@dataclass(frozen=True)
class EditResult:
    step: CodeStep
    snapshot: TensorSnapshot
    name: str
    watched: tuple[Watched, ...]
    summary: str = ""
    changed_mask: np.ndarray | None = None
    tensor: torch.Tensor | None = None  # the edited tensor is already kept
    extra_snapshots: tuple[TensorSnapshot, ...] = ()
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()


def _alias_expression(kind: str, source: str, a: torch.Tensor,
                      view_shape: str) -> tuple[torch.Tensor, str]:
    if kind == "assign":
        return a, source
    if kind == "clone":
        check_allocation(tuple(a.shape), a.element_size(), field="kind")
        return a.clone(), f"{source}.clone()"
    if kind == "detach":
        return a.detach(), f"{source}.detach()"
    shape = parse_int_list(view_shape, field="view_shape") or (-1,)
    try:
        view = a.view(shape)
    except _TORCH_ERRORS as exc:
        raise operation_error(exc, f"{source}.view", field="view_shape") from None
    return view, f"{source}.view({', '.join(str(s) for s in shape)})"


def make_alias(workspace: Workspace, source: str, kind: str, name: str = "",
               view_shape: str = "") -> AliasResult:
    """``name = source`` / ``.clone()`` / ``.view(shape)`` / ``.detach()``."""
    if kind not in ALIAS_KINDS:
        raise InputError(msg("'{kind}' is not one of: {choices}.", kind=kind,
                             choices=", ".join(ALIAS_KINDS)), field="kind")
    a = read_tensor(workspace, source, "source")
    clean_source = source.strip()
    name = result_name(name, workspace, stem="b")
    if name == clean_source:
        raise InputError(msg("Give b a different name than {name}.", name=name), field="result")
    b, expression = _alias_expression(kind, clean_source, a, view_shape)
    shares = shares_storage(a, b)
    label = msg("shares storage") if shares else msg("own storage")
    same = msg("the same Python object as {source}", source=clean_source) if b is a else \
        msg("a different Python object")
    text = msg("{name} is {same}; {label}.", name=name, same=same, label=label)
    step = CodeStep(msg("Alias or copy: {code}", code=expression), f"{name} = {expression}", text)
    return AliasResult(step=step, snapshot=display_snapshot(b, name), name=name, tensor=b,
                       summary=summary(name, b), kind=kind, source=clean_source, same_object=b is a,
                       shares_storage=shares,
                       source_snapshot=display_snapshot(a, clean_source))


def _index(a: torch.Tensor, text: str) -> tuple[int, ...]:
    index = parse_int_list(text, field="index")
    if len(index) != a.dim():
        raise InputError(msg("Give {ndim} indices (one per dimension), e.g. {example}.",
                             ndim=a.dim(), example=", ".join("0" * a.dim()) or "()"),
                         field="index")
    for dim, (i, size) in enumerate(zip(index, a.shape, strict=True)):
        if not -size <= i < size:
            raise InputError(msg("Index {index} is outside dimension {dim} of size {size}.",
                                 index=i, dim=dim, size=size), field="index")
    return index


def assign_element(t: torch.Tensor, index: tuple[int, ...], value: Value,
                   label: str) -> None:
    """``t[index] = value`` or an OperationError, with ``t`` untouched on failure."""
    if t.requires_grad and t.is_leaf:
        raise OperationError(msg("{name} requires grad: PyTorch forbids writing into a leaf "
                                 "that autograd tracks. Edit {name}.detach() or a copy.",
                                 name=label), field="index")
    try:
        t[index] = value
    except _TORCH_ERRORS as exc:
        raise operation_error(exc, f"{label}[...] = ...", field="value") from None


def index_code(index: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in index) if index else "()"


def edit_cell(workspace: Workspace, name: str, index_text: str, value_text: str,
              watch: tuple[str, ...] = ()) -> EditResult:
    """``name[i, j] = v`` on the real workspace tensor; report what else changed."""
    a = read_tensor(workspace, name, "source")
    index = _index(a, index_text)
    value = parse_number(value_text, field="value")
    watched = [(n, read_tensor(workspace, n, "watch")) for n in watch if n in workspace]
    check_display(a, "source")
    before = {n: display_snapshot(t, n).values for n, t in watched}
    source_before = display_snapshot(a, name.strip()).values
    assign_element(a, index, value, name.strip())
    code = f"{name.strip()}[{index_code(index)}] = {number_code(value)}"
    after = {n: display_snapshot(t, n) for n, t in watched}
    masks = {n: changed_cells(before[n], after[n].values) for n in after}
    results = tuple(Watched(n, after[n], bool(masks[n].any()), shares_storage(a, t), t is a,
                            masks[n]) for n, t in watched)
    text = msg("Changed one element of {name}.", name=name.strip())
    clean = name.strip()
    shown = display_snapshot(a, clean)
    return EditResult(step=CodeStep(msg("Edit {name}", name=clean), code, text),
                      snapshot=shown, name=clean, watched=results, summary=summary(clean, a),
                      changed_mask=changed_cells(source_before, shown.values))

"""What every operation shares: the result type, memory reports, operand parsing, size checks."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError, SizeLimitError
from engine.core.limits import check_allocation
from engine.core.parsing import format_shape
from engine.core.snapshot import TensorSnapshot, dtype_name, snapshot
from engine.i18n.messages import msg
from engine.session.workspace import Workspace, validate_name
from engine.tensors.typed import namespace_with, run_typed

# A tensor or a Python number (operators on tensors are dynamic in torch's stubs, hence Any).
Value = Any
INT64_LIMIT = 2**63


@dataclass(frozen=True)
class MemoryReport:
    """Where the result lives compared with before: the in-place / out= / view lesson."""

    kind: str  # "new", "inplace" or "out"
    name: str
    source: str
    same_object: bool
    same_data_ptr: bool
    data_ptr_before: int
    data_ptr_after: int
    version_before: int
    version_after: int

    @classmethod
    def compare_new(cls, source: str, a: torch.Tensor, name: str,
                    out: torch.Tensor) -> MemoryReport:
        return cls("new", name, source, out is a, out.data_ptr() == a.data_ptr(),
                   a.data_ptr(), out.data_ptr(), a._version, a._version)

    @classmethod
    def after(cls, kind: str, name: str, before: tuple[int, int, int], target: torch.Tensor,
              returned: object) -> MemoryReport:
        identity, pointer, version = before
        return cls(kind, name, name, returned is target and id(returned) == identity,
                   target.data_ptr() == pointer, pointer, target.data_ptr(), version,
                   target._version)

    def text(self) -> str:
        if self.kind == "new" and self.same_data_ptr:
            return msg("{name} shares {source}'s memory (same data_ptr {ptr}): it is a view, "
                       "not a copy.", name=self.name, source=self.source,
                       ptr=hex(self.data_ptr_after))
        if self.kind == "new":
            return msg("New tensor: {name} has its own memory (data_ptr {new_ptr}; {source} is "
                       "at {old_ptr}). {source} is unchanged, _version {version}.",
                       name=self.name, source=self.source, new_ptr=hex(self.data_ptr_after),
                       old_ptr=hex(self.data_ptr_before), version=self.version_before)
        same = msg("the same") if self.same_data_ptr else msg("a different")
        return msg("{name} is the same object as before ({identity}) and kept {same} memory "
                   "(data_ptr {ptr}); its _version went {before} → {after}.",
                   name=self.name, identity=msg("yes") if self.same_object else msg("no"),
                   same=same, ptr=hex(self.data_ptr_after), before=self.version_before,
                   after=self.version_after)


@dataclass(frozen=True)
class OpResult:
    """One operation's outcome, as the Tensors tab's ``show_result`` expects it."""

    step: CodeStep
    snapshot: TensorSnapshot | None = None
    name: str | None = None
    tensor: torch.Tensor | None = None
    extra_snapshots: tuple[TensorSnapshot, ...] = ()
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()
    summary: str = ""
    dtype_note: str = ""
    memory: MemoryReport | None = None
    value: float | int | bool | None = None


def memory_report(t: torch.Tensor) -> tuple[int, int, int]:
    """(id, data_ptr, _version) of ``t`` before an operation."""
    return id(t), t.data_ptr(), t._version


def number_code(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "math.nan" if math.isnan(value) else ("math.inf" if value > 0 else "-math.inf")
    return repr(value)


def summary(name: str, t: torch.Tensor) -> str:
    return msg("{name}: shape {shape}, dtype {dtype}", name=name,
               shape=format_shape(tuple(t.shape)), dtype=dtype_name(t.dtype))


def read_tensor(workspace: Workspace, name: str, field: str) -> torch.Tensor:
    clean = (name or "").strip()
    if not clean:
        raise InputError(msg("Choose a tensor from the workspace."), field=field)
    try:
        return workspace.get(clean)
    except InputError as exc:
        raise InputError(exc.message, field=field) from None


def result_name(text: str, workspace: Workspace, stem: str = "r") -> str:
    clean = (text or "").strip() or workspace.suggest_name(stem)
    return validate_name(clean, field="result")


def parse_number(text: str, *, field: str) -> Value:
    """A number written in the language: 2, -0.5, 1e-3, 1/3, 2 ** 10, math.pi / 4..."""
    source = (text or "").strip()
    if not source:
        raise InputError(msg("Write a number such as 2, -0.5 or math.pi."), field=field)
    run = run_typed(source, namespace_with(with_torch=False), field=field)
    value = run.value if run.has_value else None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= INT64_LIMIT:
        raise InputError(msg("The number {value} is too large for a tensor operation "
                             "(at most 63 bits).", value=value), field=field)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(msg("'{text}' is not a number: write e.g. 2, -0.5, 1e-3, 1/3 or "
                             "math.pi.", text=source), field=field)
    return value


def parse_int(text: str, *, field: str) -> int:
    value = parse_number(text, field=field)
    if not isinstance(value, int):
        raise InputError(msg("'{text}' is not a whole number.", text=text.strip()), field=field)
    return value


def parse_optional_int(text: str, *, field: str) -> int | None:
    return parse_int(text, field=field) if (text or "").strip() else None


def parse_operand(text: str, workspace: Workspace, *, field: str) -> tuple[Value, str]:
    """A workspace name or a number: (tensor or number, its code)."""
    clean = (text or "").strip()
    if clean.isidentifier() and clean in workspace:
        return read_tensor(workspace, clean, field), clean
    if clean.isidentifier() and clean not in ("math", "True", "False"):
        raise InputError(msg("'{name}' is not a tensor in the workspace: write one tensor "
                             "name or one number here, e.g. b or 2.5.", name=clean),
                         field=field)
    value = parse_number(clean, field=field)
    return value, number_code(value)


def meta_like(value: Value) -> Value:
    """A tensor with the same shape, strides and dtype that holds no memory (or the number)."""
    if isinstance(value, torch.Tensor):
        return torch.empty_strided(tuple(value.shape), value.stride(), dtype=value.dtype,
                                   device="meta")
    return value


def _outputs(value: object) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, tuple | list):
        return [v for v in value if isinstance(v, torch.Tensor)]
    return []


def check_output_size(fn: Callable[..., object], inputs: Sequence[Value], field: str) -> None:
    """Run ``fn`` on memory-less meta tensors and refuse outputs over the memory guard."""
    try:
        outputs = _outputs(fn(*[meta_like(x) for x in inputs]))
    except SizeLimitError:
        raise
    except Exception:  # noqa: BLE001 - no meta kernel or a shape error: the real call reports
        return
    for out in outputs:
        check_allocation(tuple(out.shape), out.element_size(), field=field)


def check_display(t: torch.Tensor, field: str = "source") -> None:
    """Refuse a tensor whose display copy would pass the memory guard (e.g. a huge expand)."""
    check_allocation(tuple(t.shape), max(t.element_size(), 4), field=field)


def display_snapshot(t: torch.Tensor, name: str, field: str = "result") -> TensorSnapshot:
    """``engine.core.snapshot.snapshot`` after checking the size of the copy it makes."""
    check_display(t, field)
    return snapshot(t, name)

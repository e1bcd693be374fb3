"""The Broadcasting tab's one job: explain two shapes and, when small, compute and draw them.

``run_broadcast_demo`` returns a ``BroadcastDemo``: the alignment explanation (any size,
nothing allocated), notes for shapes beyond the memory guard and, for operands of at most
3 dimensions and ``PICTURE_MAX_NUMEL`` elements, a ``BroadcastPicture``: both operands
expanded to the result shape (which cells are stretched copies, where each cell's value
really lives) and the result. Its ``step`` code rebuilds the same tensors and the same
result (or prints the same PyTorch error).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch
from numpy.typing import NDArray

from engine.broadcasting.compact_text import flat_code
from engine.broadcasting.explain import (
    BroadcastExplanation,
    BroadcastOp,
    Names,
    Shape,
    Verdict,
    explain_broadcast,
)
from engine.broadcasting.probe import apply_op
from engine.core.codegen import CodeStep
from engine.core.errors import SizeLimitError
from engine.core.limits import check_allocation, format_bytes, memory_guard_bytes, numel_of
from engine.core.parsing import format_shape
from engine.core.snapshot import dtype_name, to_numpy
from engine.i18n.messages import Text, compose, join_texts, msg
from engine.session.workspace import Workspace

PICTURE_MAX_NUMEL = 64
PICTURE_MAX_NDIM = 3
FLOAT32_BYTES = 4


@dataclass(frozen=True)
class OperandPicture:
    """One operand; the ``expanded``/``source``/``origin``/``is_copy`` arrays have the result
    shape and are None when the shapes do not broadcast."""

    name: str
    shape: tuple[int, ...]
    values: NDArray[np.generic]            # the operand's own values, in its own shape
    expanded: NDArray[np.generic] | None   # values of name.expand(result_shape)
    source: NDArray[np.int64] | None       # flat index into ``values`` each result cell reads
    origin: NDArray[np.int64] | None       # flat index into ``expanded`` of the cell in memory
    is_copy: NDArray[np.bool_] | None      # True where a cell is a copy (not in memory)
    expand_stride: tuple[int, ...] | None


@dataclass(frozen=True)
class BroadcastPicture:
    a: OperandPicture
    b: OperandPicture
    result: NDArray[np.generic] | None  # a op b (a failing in-place op: the out-of-place one)
    result_expression: str      # "a * b", or "a + b" when a.add_(b) fails
    result_dtype: str
    failed_inplace: str = ""    # "a.add_(b)" when the in-place form fails (a would grow)
    symbol: str = "+"           # the operator the result cells are computed with
    result_name: str = "c"


@dataclass(frozen=True)
class BroadcastDemo:
    explanation: BroadcastExplanation
    picture: BroadcastPicture | None
    picture_note: Text | None           # why there is no picture
    compute_error: str | None           # PyTorch refused the values (dtype...), not the shapes
    size_notes: dict[str, Text] = field(default_factory=dict)  # field -> memory-guard note
    step: CodeStep | None = None


def demo_values(shape: tuple[int, ...], second: bool, op: BroadcastOp) -> tuple[torch.Tensor, str]:
    """Readable operand values and their code: a = 1, 2, 3...; b = 10, 20, 30... (comparisons
    use 1, 2, 3... for both so that some cells are equal)."""
    count = numel_of(shape)
    base = f"torch.arange(1, {count + 1}, dtype=torch.float32)"
    tensor = torch.arange(1, count + 1, dtype=torch.float32)
    if second and not op.is_comparison:
        base, tensor = f"({base} * 10)", tensor * 10
    return tensor.reshape(shape), f"{base}.reshape({_reshape_args(shape)})"


def _reshape_args(shape: tuple[int, ...]) -> str:
    return ", ".join(str(s) for s in shape) if shape else "()"


def _number(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "math.nan" if math.isnan(value) else ("math.inf" if value > 0 else "-math.inf")
    return repr(value)


def literal_code(tensor: torch.Tensor) -> str:
    """``torch.tensor([...], dtype=...).reshape(...)`` that rebuilds a small tensor exactly."""
    flat = tensor.detach().cpu().reshape(-1).tolist()
    values = ", ".join(_number(v) for v in flat)
    dtype = dtype_name(tensor.dtype)
    return f"torch.tensor([{values}], dtype=torch.{dtype}).reshape({_reshape_args(tensor.shape)})"


def _size_notes(shape_a: Shape, shape_b: Shape, broadcast: Shape | None,
                element_size: int) -> dict[str, Text]:
    """Notes for shapes beyond the memory guard: explained from the shape, never allocated."""
    notes: dict[str, Text] = {}
    for key, shape in (("shape_a", shape_a), ("shape_b", shape_b), ("result", broadcast)):
        if shape is None:
            continue
        try:
            check_allocation(shape, element_size)
        except SizeLimitError:
            notes[key] = msg("{shape} would need {size}, more than the {guard} allowed for one "
                             "tensor: it is explained from its shape alone, without allocating, "
                             "and not drawn.", shape=format_shape(shape),
                             size=format_bytes(numel_of(shape) * element_size),
                             guard=format_bytes(memory_guard_bytes()))
    return notes


def picture_refusal(shapes: Sequence[Shape]) -> Text | None:
    """Why these shapes are not drawn (None when they are small enough)."""
    for shape in shapes:
        if len(shape) > PICTURE_MAX_NDIM:
            return msg("The picture draws tensors of up to {ndim} dimensions; {shape} has "
                       "{count}. The alignment table explains it all the same.",
                       ndim=PICTURE_MAX_NDIM, shape=format_shape(shape), count=len(shape))
        if numel_of(shape) > PICTURE_MAX_NUMEL:
            return msg("The picture draws tensors of up to {limit} elements so every number "
                       "stays readable; {shape} has {count}. The alignment table explains it all "
                       "the same.", limit=PICTURE_MAX_NUMEL, shape=format_shape(shape),
                       count=f"{numel_of(shape):,}")
    return None


def copy_mask(shape: Shape, result_shape: Shape) -> NDArray[np.bool_]:
    """True for the cells of ``expand(result_shape)`` that repeat another cell."""
    padded = (1,) * (len(result_shape) - len(shape)) + tuple(shape)
    mask = np.zeros(result_shape, dtype=bool)
    for dim, (size, goal) in enumerate(zip(padded, result_shape, strict=True)):
        if size == 1 and goal != 1:
            index = [slice(None)] * len(result_shape)
            index[dim] = slice(1, None)
            mask[tuple(index)] = True
    return mask


def origin_index(shape: Shape, result_shape: Shape) -> NDArray[np.int64]:
    """For each result cell, the flat index (in the expanded grid) of the cell in memory."""
    padded = (1,) * (len(result_shape) - len(shape)) + tuple(shape)
    origin = np.zeros(result_shape, dtype=np.int64)
    step = 1
    for dim in reversed(range(len(result_shape))):
        if padded[dim] != 1:
            shape_1d = [1] * len(result_shape)
            shape_1d[dim] = result_shape[dim]
            origin += np.arange(result_shape[dim], dtype=np.int64).reshape(shape_1d) * step
        step *= result_shape[dim]
    return origin


def operand_picture(name: str, tensor: torch.Tensor,
                    result_shape: Shape | None) -> OperandPicture:
    values = to_numpy(tensor)
    if result_shape is None:
        return OperandPicture(name, tuple(tensor.shape), values, None, None, None, None, None)
    flat = np.arange(values.size, dtype=np.int64).reshape(values.shape)
    source = np.broadcast_to(flat, result_shape).copy()
    return OperandPicture(
        name=name, shape=tuple(tensor.shape), values=values,
        expanded=np.broadcast_to(values, result_shape).copy(), source=source,
        origin=origin_index(tuple(tensor.shape), result_shape),
        is_copy=copy_mask(tuple(tensor.shape), result_shape),
        expand_stride=tuple(tensor.expand(tuple(result_shape)).stride()),
    )


def _operands(shape_a: Shape, shape_b: Shape, op: BroadcastOp, tensor_a: torch.Tensor | None,
              tensor_b: torch.Tensor | None,
              names: Names) -> tuple[torch.Tensor, torch.Tensor, str]:
    """The two tensors and the code lines that build them (literals for workspace tensors)."""
    built: list[torch.Tensor] = []
    lines: list[str] = []
    for name, shape, given, second in ((names[0], shape_a, tensor_a, False),
                                       (names[1], shape_b, tensor_b, True)):
        if given is None:
            tensor, code = demo_values(shape, second, op)
        else:
            tensor = given.detach().clone()  # never write into the user's workspace tensor
            code = literal_code(tensor)
        built.append(tensor)
        lines.append(f"{name} = {code}\n")
    return built[0], built[1], "".join(lines)


def _stride_code(picture: BroadcastPicture, result_shape: Shape) -> Text:
    target = _reshape_args(result_shape)
    lines: list[str] = [compose("# {c}\n", c=msg("stride 0 = stretched without copying"))]
    for operand in (picture.a, picture.b):
        lines.append(f"print({operand.name}.expand({target}).stride())"
                     f"  # {operand.expand_stride}\n")
    return join_texts("", lines)


def result_name(names: tuple[str, str]) -> str:
    """The result's variable in the code: ``c`` unless an operand is called that."""
    return "c" if "c" not in names else "result"


def _compute(explanation: BroadcastExplanation, a: torch.Tensor, b: torch.Tensor,
             names: Names) -> tuple[torch.Tensor | None, str, str | None]:
    """(result tensor or None, code, compute error) for the operands' values."""
    op, verdict = explanation.op, explanation.verdict
    expression, c = op.expression(*names), result_name(names)
    if verdict is Verdict.MISMATCH:
        return None, _try(f"{c} = {expression}"), None
    if verdict is Verdict.INPLACE_STRETCH:
        plain = op.out_of_place.expression(*names)
        return (apply_op(op.out_of_place, a, b), compose(
            "{attempt}{line}  # {c}\n", attempt=_try(expression), line=f"{c} = {plain}",
            c=msg("the out-of-place form makes a new tensor")), None)
    try:
        result = apply_op(op, a, b)
    except RuntimeError as error:  # e.g. an integer tensor cannot hold div_'s float result
        return None, _try(f"{c} = {expression}"), str(error)
    line, printed = f"{c} = {expression}", f"print({c})"
    if op.is_inplace:
        return result, compose("{line}  # {c}\n{printed}\n", line=line, printed=printed,
                               c=msg("writes into {name} and returns it", name=names[0])), None
    return result, f"{line}\n{printed}\n", None


def _try(statement: str) -> str:
    return f"try:\n    {statement}\nexcept RuntimeError as error:\n    print(error)\n"


def _draw(explanation: BroadcastExplanation, tensor_a: torch.Tensor | None,
          tensor_b: torch.Tensor | None, names: Names) -> tuple[BroadcastPicture, Text, str | None]:
    shape_a, shape_b, op = explanation.shape_a, explanation.shape_b, explanation.op
    a, b, code = _operands(shape_a, shape_b, op, tensor_a, tensor_b, names)
    target = explanation.broadcast_shape
    # the operands' pictures are taken before an in-place op writes into a
    pictures = operand_picture(names[0], a, target), operand_picture(names[1], b, target)
    result, op_code, error = _compute(explanation, a, b, names)
    picture = BroadcastPicture(
        a=pictures[0], b=pictures[1],
        result=None if result is None else to_numpy(result),
        result_expression=(op.out_of_place if explanation.verdict is Verdict.INPLACE_STRETCH
                           else op).expression(*names),
        result_dtype=dtype_name(result.dtype) if result is not None else "",
        failed_inplace=(op.expression(*names) if explanation.verdict is Verdict.INPLACE_STRETCH
                        else ""),
        symbol=op.out_of_place.value, result_name=result_name(names),
    )
    strides = _stride_code(picture, target) if target is not None else ""
    return picture, join_texts("", [code, strides, op_code]), error


def run_broadcast_demo(shape_a: Sequence[int], shape_b: Sequence[int],
                       op: BroadcastOp = BroadcastOp.ADD, *,
                       tensor_a: torch.Tensor | None = None, tensor_b: torch.Tensor | None = None,
                       names: Names = ("a", "b")) -> BroadcastDemo:
    """Explain ``a op b``; compute and describe the picture when the operands are small.

    ``tensor_a``/``tensor_b`` are workspace tensors (their shapes override the given ones).
    """
    if tensor_a is not None:
        shape_a = tuple(tensor_a.shape)
    if tensor_b is not None:
        shape_b = tuple(tensor_b.shape)
    explanation = explain_broadcast(
        shape_a, shape_b, op, names=names,
        stride_a=None if tensor_a is None else tuple(tensor_a.stride()),
        stride_b=None if tensor_b is None else tuple(tensor_b.stride()),
        dtype="float32" if tensor_a is None else dtype_name(tensor_a.dtype))
    size = FLOAT32_BYTES if tensor_a is None else tensor_a.element_size()
    shapes = [explanation.shape_a, explanation.shape_b]
    notes = _size_notes(explanation.shape_a, explanation.shape_b,
                        explanation.broadcast_shape, size)
    if explanation.broadcast_shape is not None:
        shapes.append(explanation.broadcast_shape)
    refusal = picture_refusal(shapes)
    if refusal is not None:
        return BroadcastDemo(explanation, None, refusal, None, notes, explanation.step)
    picture, code, error = _draw(explanation, tensor_a, tensor_b, names)
    step = CodeStep(msg("Broadcast {expression}", expression=op.expression(*names)),
                    flat_code(code), explanation.summary)
    return BroadcastDemo(explanation, picture, None, error, notes, step)


def _index_text(name: str, index: Sequence[int] | tuple[np.intp, ...]) -> str:
    return f"{name}[{', '.join(str(int(i)) for i in index)}]" if len(index) else name


def cell_equation(picture: BroadcastPicture, flat_index: int,
                  format_value: Callable[[object], str] = str) -> str:
    """``c[1, 2, 0] = a[1, 2, 0] * b[2, 0] = 8 * 30 = 240``: where a result cell comes from,
    with each operand indexed in its own shape (stretched dimensions read index 0)."""
    result = picture.result
    if result is None or picture.a.source is None or picture.b.source is None:
        raise ValueError("the picture has no result cells")
    parts, values = [], []
    for operand, sources in ((picture.a, picture.a.source), (picture.b, picture.b.source)):
        source = int(sources.reshape(-1)[flat_index])
        parts.append(_index_text(operand.name, np.unravel_index(source, operand.shape)))
        values.append(format_value(operand.values.reshape(-1)[source]))
    target = _index_text(picture.result_name, np.unravel_index(flat_index, result.shape))
    value = format_value(result.reshape(-1)[flat_index])
    return (f"{target} = {parts[0]} {picture.symbol} {parts[1]} = "
            f"{values[0]} {picture.symbol} {values[1]} = {value}")


def operand_names(name_a: str | None, name_b: str | None) -> tuple[str, str]:
    """Variable names for the code: workspace names, else ``a``/``b``; never the same twice."""
    first, second = name_a or "a", name_b or "b"
    if second == first:
        second = f"{second}_2"
    return first, second


def run_workspace_demo(workspace: Workspace, shape_a: Shape, shape_b: Shape, op: BroadcastOp,
                       name_a: str | None = None, name_b: str | None = None) -> BroadcastDemo:
    """``run_broadcast_demo`` where an operand may be a workspace tensor (read on the worker)."""
    tensor_a = workspace.get(name_a) if name_a else None
    tensor_b = workspace.get(name_b) if name_b else None
    return run_broadcast_demo(shape_a, shape_b, op, tensor_a=tensor_a, tensor_b=tensor_b,
                              names=operand_names(name_a, name_b))

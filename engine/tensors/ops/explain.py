"""Plain explanations: why a result has its dtype, and what a PyTorch error means."""

from __future__ import annotations

from collections.abc import Sequence

import torch

from engine.core.errors import OperationError
from engine.core.snapshot import dtype_name
from engine.i18n.messages import Text, compose, join_texts, msg

# (label, category index, dtype text, has dimensions) of one operand
Described = tuple[str, int, str, bool]
CATEGORIES = ("bool", "integer", "floating point", "complex")


def dtype_category(dtype: torch.dtype) -> int:
    """0 bool, 1 integer, 2 floating point, 3 complex: the order of type promotion."""
    if dtype == torch.bool:
        return 0
    if dtype.is_complex:
        return 3
    return 2 if dtype.is_floating_point else 1


def _category_name(index: int) -> str:
    return (msg("bool"), msg("integer"), msg("floating point"), msg("complex"))[index]


def _number_category(value: object) -> int:
    if isinstance(value, bool):
        return 0
    return 1 if isinstance(value, int) else 2


def _describe_operands(operands: Sequence[tuple[str, object]]) -> list[Described]:
    """(label, category, dtype text, is dimensioned tensor) for each operand."""
    described = []
    all_zero_dim = all(v.dim() == 0 for _, v in operands if isinstance(v, torch.Tensor))
    for label, value in operands:
        if isinstance(value, torch.Tensor):
            described.append((label, dtype_category(value.dtype), dtype_name(value.dtype),
                              value.dim() > 0 or all_zero_dim))
        else:
            kind = type(value).__name__
            described.append((label, _number_category(value), msg("Python {kind}", kind=kind),
                              False))
    return described


def _rule_text(described: list[Described], promoted: str) -> str:
    tensors = [d for d in described if d[3]]
    others = [d for d in described if not d[3]]
    top = max((d[1] for d in tensors), default=-1)
    if any(d[1] > top for d in others):
        return msg("A number or 0-d tensor of a higher category ({category}) than the tensors "
                   "sets the category (a Python number brings PyTorch's default dtype for it, "
                   "a 0-d tensor its own): {dtype}.",
                   category=_category_name(max(d[1] for d in others)), dtype=promoted)
    categories = {d[1] for d in tensors}
    if len(categories) == 1:
        return msg("Both tensors are {category}: the result uses the wider of the two, "
                   "{dtype}.", category=_category_name(top), dtype=promoted)
    return msg("The higher category wins (bool < integer < floating point < complex): "
               "{dtype}. Numbers and 0-d tensors only count when their category is higher.",
               dtype=promoted)


def promoted_dtype(values: list) -> torch.dtype:
    """torch.result_type over any number of tensors and numbers (folded pairwise)."""
    current = values[0]
    for value in values[1:]:
        dtype = torch.result_type(current, value)
        dimensioned = any(isinstance(v, torch.Tensor) and v.dim() > 0 for v in (current, value))
        current = torch.empty((1,) if dimensioned else (), dtype=dtype, device="meta")
    return current.dtype if isinstance(current, torch.Tensor) else torch.tensor(current).dtype


def explain_promotion(operands: Sequence[tuple[str, object]], result: torch.Tensor | None) -> str:
    """Why the result has its dtype, or "" when nothing about it is surprising."""
    values = [v for _, v in operands]
    tensors = [v for v in values if isinstance(v, torch.Tensor)]
    if not tensors:
        return ""
    promoted = promoted_dtype(values)
    described = _describe_operands(operands)
    dimensioned = {d[2] for d in described if d[3]} or {d[2] for d in described}
    parts: list[str] = []
    if len(values) >= 2 and dimensioned != {dtype_name(promoted)}:
        inputs = ", ".join(f"{label}: {text}" for label, _, text, _ in described)
        parts.append(msg("Inputs {inputs} → promoted dtype {dtype} (torch.result_type).",
                         inputs=inputs, dtype=dtype_name(promoted)))
        parts.append(_rule_text(described, dtype_name(promoted)))
    if result is not None and result.dtype != promoted:
        parts.append(_result_dtype_note(result.dtype, promoted))
    return join_texts(" ", parts)


def _result_dtype_note(result: torch.dtype, promoted: torch.dtype) -> str:
    if result == torch.bool:
        return msg("Comparisons always give a bool tensor.")
    if result.is_floating_point and not promoted.is_floating_point:
        return msg("This operation always gives floating point ({dtype}) for integer or bool "
                   "inputs.", dtype=dtype_name(result))
    return msg("This operation gives {dtype}.", dtype=dtype_name(result))


_HINTS = (
    ("not implemented for", lambda op: msg(
        "{op} does not support this dtype. Bitwise operations need integer or bool tensors; "
        "convert with .to(torch.int64) or choose another operation.", op=op)),
    ("Dimension out of range", lambda op: msg(
        "A dimension is out of range: a tensor with n dimensions accepts dims from -n to n-1.")),
    ("cannot be multiplied", lambda op: msg(
        "For a @ b the last size of a must equal the first size of b (for matrices: "
        "(n, k) @ (k, m) → (n, m)).")),
    ("doesn't match the broadcast shape", lambda op: msg(
        "In place, the result must keep the target's shape: the other operand may broadcast "
        "to it, but not make it bigger. Use the new-tensor form instead.")),
    ("must match the size of tensor", lambda op: msg(
        "The shapes are not compatible: sizes must be equal or 1, compared from the right.")),
    ("can't be cast to the desired output type", lambda op: msg(
        "The result's dtype cannot be stored in the target tensor: in-place operations and "
        "out= keep the target's dtype. Convert the target first or make a new tensor.")),
    ("leaf Variable that requires grad", lambda op: msg(
        "This tensor requires grad: PyTorch forbids changing a leaf that autograd is tracking "
        "in place. Use the new-tensor form instead.")),
    ("refers to a single memory location", lambda op: msg(
        "Several elements of this tensor share one memory cell (it comes from expand). "
        "Call .clone() first, then change the copy.")),
    ("view size is not compatible", lambda op: msg(
        "view() needs memory laid out compatibly (contiguous); use .reshape(...) or call "
        ".contiguous() first.")),
    ("could not infer output dtype", lambda op: msg(
        "{op} needs a floating-point tensor; convert with .float() first.", op=op)),
    ("singular", lambda op: msg("The matrix is singular (its determinant is 0): it has no "
                                "inverse.")),
    ("square matri", lambda op: msg("{op} needs square matrices (n × n).", op=op)),
    ("floating point or complex", lambda op: msg(
        "{op} needs a floating-point tensor; convert with .float() first.", op=op)),
    ("expanded size", lambda op: msg(
        "expand can only grow dimensions of size 1 (or add new leading ones); the other "
        "sizes must stay equal.")),
    ("must have the same number of elements", lambda op: msg(
        "The new shape must have as many elements as the tensor.")),
    ("is invalid for input of size", lambda op: msg(
        "The new shape must have as many elements as the tensor.")),
    ("cannot be converted to Scalar", lambda op: msg(
        ".item() only works on a tensor with exactly one element; reduce it first or pick "
        "one element.")),
    ("does not have a dimension of size 3", lambda op: msg(
        "cross needs a dimension of size 3 in both tensors (3-D vectors).")),
)


def operation_error(exc: BaseException, op: str, *, field: str | None = None) -> OperationError:
    """Turn a PyTorch exception into an OperationError with a plain explanation."""
    text = str(exc).strip() or type(exc).__name__
    message = error_hint(text, op) or msg("PyTorch refused {op}.", op=op)
    return OperationError(message, field=field, torch_error=text)


def error_hint(text: str, op: str) -> str:
    """The plain explanation of a PyTorch error text, or "" when there is none."""
    return next((hint(op) for pattern, hint in _HINTS if pattern in text), "")


def _and(items: list[str]) -> Text:
    """``a and b and c`` whose "and" follows the language."""
    fields = {f"t{index}": item for index, item in enumerate(items)}
    return compose("{sep}".join("{" + key + "}" for key in fields), sep=msg(" and "), **fields)


def operands_error(exc: BaseException, op: str, operands: Sequence[object], *,
                   field: str | None = None) -> OperationError:
    """``operation_error`` that also names the operands' shapes and dtypes, because
    PyTorch's own text calls them "tensor a" and "tensor b" whatever their names are."""
    base = operation_error(exc, op, field=field)
    described = [f"{tuple(t.shape)} {dtype_name(t.dtype)}" for t in operands
                 if isinstance(t, torch.Tensor)]
    if not described:
        return base
    what = msg("{op} with {operands}", op=op, operands=_and(described))
    return OperationError(compose("{what}: {message}", what=what, message=base.message),
                          field=field, torch_error=base.torch_error)

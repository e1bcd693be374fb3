"""Why two shapes broadcast, or exactly why they don't.

``explain_broadcast(shape_a, shape_b, op)`` right-aligns the shapes, pads the shorter one
with 1s, names the rule that applies to every dimension and gives the verdict, the result
shape (or the first failing dimension, scanning from the last dimension as PyTorch does),
PyTorch's own error text and a one-line explanation. Nothing of the operands' size is ever
allocated: PyTorch's error text comes from zero-memory views (``expand`` of one number),
from meta tensors or from ``torch.broadcast_shapes`` (see ``engine.broadcasting.probe``).

Rules as the current PyTorch broadcasting notes state them: going from the last dimension
to the first, the sizes must be equal, or one of them 1, or one of them missing; a size-0
dimension broadcasts only against 0 or 1; a 0-d tensor broadcasts with anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from engine.broadcasting.compact_text import flat_code
from engine.broadcasting.probe import probe_torch_error
from engine.core.codegen import CodeStep
from engine.core.parsing import format_shape
from engine.i18n.messages import Text, join_texts, msg

Shape = tuple[int, ...]
Names = tuple[str, str]


class BroadcastOp(Enum):
    """The operations the tab offers; the value is the operator or in-place method name."""

    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"
    EQ = "=="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    ADD_ = "add_"
    SUB_ = "sub_"
    MUL_ = "mul_"
    DIV_ = "div_"

    @property
    def is_inplace(self) -> bool:
        return self.value.endswith("_")

    @property
    def is_comparison(self) -> bool:
        return self in _COMPARISONS

    @property
    def out_of_place(self) -> BroadcastOp:
        """``add_`` -> ``+``; an out-of-place op is its own out-of-place form."""
        return _OUT_OF_PLACE.get(self, self)

    def expression(self, a: str = "a", b: str = "b") -> str:
        if self.is_inplace:
            return f"{a}.{self.value}({b})"
        return f"{a} {self.value} {b}"


_COMPARISONS = frozenset({BroadcastOp.EQ, BroadcastOp.NE, BroadcastOp.LT, BroadcastOp.LE,
                          BroadcastOp.GT, BroadcastOp.GE})
_OUT_OF_PLACE = {BroadcastOp.ADD_: BroadcastOp.ADD, BroadcastOp.SUB_: BroadcastOp.SUB,
                 BroadcastOp.MUL_: BroadcastOp.MUL, BroadcastOp.DIV_: BroadcastOp.DIV}


class DimRule(Enum):
    """The rule that applies to one (right-aligned) dimension."""

    EQUAL = "equal"            # same size: nothing to stretch
    STRETCH_A = "stretch_a"    # a has size 1: repeated to b's size (0 included)
    STRETCH_B = "stretch_b"    # b has size 1: repeated to a's size
    MISSING_A = "missing_a"    # a lacks this dimension: padded with 1, then stretched
    MISSING_B = "missing_b"    # b lacks this dimension
    MISMATCH = "mismatch"      # different sizes, neither 1: broadcasting fails here


class Verdict(Enum):
    BROADCASTS = "broadcasts"            # the operation works
    MISMATCH = "mismatch"                # the shapes are not broadcastable
    INPLACE_STRETCH = "inplace_stretch"  # a op b works, but a.op_(b) would have to grow a


@dataclass(frozen=True)
class DimRow:
    """One line of the alignment table. ``size_a``/``size_b`` are None where missing."""

    index: int        # position in the padded (result) shape, counting from 0 on the left
    from_right: int   # -1 for the last dimension, -2 for the one before...
    size_a: int | None
    size_b: int | None
    rule: DimRule
    result_size: int | None  # None where the sizes mismatch

    @property
    def padded_a(self) -> int:
        return 1 if self.size_a is None else self.size_a

    @property
    def padded_b(self) -> int:
        return 1 if self.size_b is None else self.size_b

    @property
    def ok(self) -> bool:
        return self.rule is not DimRule.MISMATCH

    @property
    def a_stretched(self) -> bool:
        return self.rule in (DimRule.STRETCH_A, DimRule.MISSING_A)

    @property
    def b_stretched(self) -> bool:
        return self.rule in (DimRule.STRETCH_B, DimRule.MISSING_B)


@dataclass(frozen=True)
class BroadcastExplanation:
    shape_a: tuple[int, ...]
    shape_b: tuple[int, ...]
    op: BroadcastOp
    rows: tuple[DimRow, ...]
    verdict: Verdict
    broadcast_shape: tuple[int, ...] | None  # what a op b (out of place) would give
    result_shape: tuple[int, ...] | None     # None unless the operation works
    failing_row: int | None                  # index into rows of the first failing dimension
    torch_error: str | None                  # PyTorch's own text when it refuses
    summary: Text                            # one line in plain words
    expand_stride_a: tuple[int, ...] | None  # a.expand(broadcast_shape).stride()
    expand_stride_b: tuple[int, ...] | None
    result_dtype: str | None                 # "bool" for comparisons, else the operands' dtype
    step: CodeStep

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.BROADCASTS

    @property
    def padded_a(self) -> tuple[int, ...]:
        return tuple(row.padded_a for row in self.rows)

    @property
    def padded_b(self) -> tuple[int, ...]:
        return tuple(row.padded_b for row in self.rows)


def dim_rule(size_a: int | None, size_b: int | None) -> DimRule:
    """The rule for one dimension; None means the dimension is missing on that side."""
    if size_a is None:
        return DimRule.MISSING_A
    if size_b is None:
        return DimRule.MISSING_B
    if size_a == size_b:
        return DimRule.EQUAL
    if size_a == 1:
        return DimRule.STRETCH_A
    if size_b == 1:
        return DimRule.STRETCH_B
    return DimRule.MISMATCH


def align(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[DimRow, ...]:
    """Right-align the shapes; one row per dimension of the longer one, left to right."""
    ndim = max(len(shape_a), len(shape_b))
    rows = []
    for index in range(ndim):
        from_right = index - ndim
        size_a = shape_a[from_right] if -from_right <= len(shape_a) else None
        size_b = shape_b[from_right] if -from_right <= len(shape_b) else None
        rule = dim_rule(size_a, size_b)
        result = _result_size(rule, size_a, size_b)
        rows.append(DimRow(index, from_right, size_a, size_b, rule, result))
    return tuple(rows)


def _result_size(rule: DimRule, size_a: int | None, size_b: int | None) -> int | None:
    if rule is DimRule.MISMATCH:
        return None
    if rule in (DimRule.STRETCH_A, DimRule.MISSING_A):
        return size_b
    return size_a


def broadcast_shape_of(rows: Sequence[DimRow]) -> Shape | None:
    """The shape ``a op b`` gives (out of place), or None when a dimension mismatches."""
    sizes = [row.result_size for row in rows]
    return tuple(s for s in sizes if s is not None) if None not in sizes else None


def contiguous_stride(shape: tuple[int, ...]) -> tuple[int, ...]:
    stride, step = [], 1
    for size in reversed(shape):
        stride.append(step)
        step *= max(size, 1)
    return tuple(reversed(stride))


def expand_stride(shape: tuple[int, ...], stride: tuple[int, ...] | None,
                  target: tuple[int, ...]) -> tuple[int, ...]:
    """The stride of ``t.expand(target)`` as PyTorch computes it: 0 wherever a size-1 or
    added dimension is stretched; an added size-1 dimension gets the next one's extent."""
    stride = contiguous_stride(shape) if stride is None else stride
    pad = len(target) - len(shape)
    out = [0] * len(target)
    for i in reversed(range(len(target))):
        if i >= pad:
            size, step = shape[i - pad], stride[i - pad]
        else:
            size, step = 1, target[i + 1] * out[i + 1] if i + 1 < len(target) else 0
        out[i] = step if size == target[i] else 0
    return tuple(out)


def _verdict(op: BroadcastOp, rows: Sequence[DimRow],
             shape_a: Shape) -> tuple[Verdict, int | None]:
    failing = [row.index for row in rows if not row.ok]
    if failing:
        return Verdict.MISMATCH, failing[-1]  # PyTorch checks from the last dimension
    if op.is_inplace and broadcast_shape_of(rows) != tuple(shape_a):
        return Verdict.INPLACE_STRETCH, None
    return Verdict.BROADCASTS, None


def explain_broadcast(shape_a: Iterable[int], shape_b: Iterable[int],
                      op: BroadcastOp = BroadcastOp.ADD, *, stride_a: Shape | None = None,
                      stride_b: Shape | None = None, dtype: str = "float32",
                      names: Names = ("a", "b")) -> BroadcastExplanation:
    """Explain ``a op b`` for operands of these shapes; allocates nothing of their size."""
    shape_a, shape_b = tuple(int(s) for s in shape_a), tuple(int(s) for s in shape_b)
    rows = align(shape_a, shape_b)
    verdict, failing = _verdict(op, rows, shape_a)
    broadcast = broadcast_shape_of(rows)
    probe = probe_torch_error(shape_a, shape_b, op, verdict, broadcast, names)
    summary = summarize(shape_a, shape_b, op, rows, verdict, failing, names)
    if probe.note is not None:  # the error shown is not the operation's own text
        summary = join_texts(" ", [summary, probe.note])
    return BroadcastExplanation(
        shape_a=shape_a, shape_b=shape_b, op=op, rows=rows, verdict=verdict,
        broadcast_shape=broadcast,
        result_shape=broadcast if verdict is Verdict.BROADCASTS else None,
        failing_row=failing, torch_error=probe.error, summary=summary,
        expand_stride_a=None if broadcast is None else expand_stride(shape_a, stride_a, broadcast),
        expand_stride_b=None if broadcast is None else expand_stride(shape_b, stride_b, broadcast),
        result_dtype="bool" if op.is_comparison else dtype,
        step=CodeStep(msg("Broadcast {expression}: shapes only", expression=op.expression(*names)),
                      flat_code(probe.code), summary),
    )


def _dims(indices: list[int]) -> str:
    return ", ".join(str(i) for i in indices)


def summarize(shape_a: Shape, shape_b: Shape, op: BroadcastOp, rows: Sequence[DimRow],
              verdict: Verdict, failing: int | None, names: Names = ("a", "b")) -> Text:
    """One line in plain words: why it works, or the first reason it does not."""
    name_a, name_b = names
    expression = op.expression(name_a, name_b)
    broadcast = broadcast_shape_of(rows)
    if failing is not None or broadcast is None:
        return _mismatch_summary(rows[failing or 0], expression, names)
    result = format_shape(broadcast)
    if verdict is Verdict.INPLACE_STRETCH:
        return msg("{plain} works and gives shape {result}, but {expression} writes into {a} "
                   "itself, and {a} (shape {shape_a}) cannot grow to {result}: write "
                   "c = {plain} instead.", plain=op.out_of_place.expression(name_a, name_b),
                   result=result, expression=expression, a=name_a,
                   shape_a=format_shape(shape_a))
    if not shape_a or not shape_b:
        return msg("{scalar} is a 0-d tensor (a single number): it broadcasts with any shape, so "
                   "{expression} works and gives shape {result}.",
                   scalar=name_a if not shape_a else name_b, expression=expression, result=result)
    return _works_summary(rows, expression, result, names)


def _works_summary(rows: Sequence[DimRow], expression: str, result: str, names: Names) -> Text:
    stretched_a = [r.index for r in rows if r.a_stretched and r.result_size != 1]
    stretched_b = [r.index for r in rows if r.b_stretched and r.result_size != 1]
    if not stretched_a and not stretched_b:
        return msg("Every dimension matches (or is a padded 1), so {expression} works element "
                   "by element and gives shape {result}.", expression=expression, result=result)
    parts: list[str] = []
    for name, dims in zip(names, (stretched_a, stretched_b), strict=True):
        if dims:
            parts.append(msg("{name} is repeated along dimension(s) {dims}", name=name,
                             dims=_dims(dims)))
    return msg("{expression} works: {parts}, without copying any data; the result has shape "
               "{result}.", expression=expression, parts=join_texts("; ", parts), result=result)


def _mismatch_summary(row: DimRow, expression: str, names: Names) -> Text:
    if 0 in (row.size_a, row.size_b):
        return msg("Dimension {dim} has size {size_a} in {a} and {size_b} in {b}: a size-0 "
                   "dimension broadcasts only against 0 or 1, so {expression} fails.",
                   dim=row.index, size_a=row.size_a, size_b=row.size_b, a=names[0], b=names[1],
                   expression=expression)
    return msg("Dimension {dim} has size {size_a} in {a} and {size_b} in {b}: sizes must be "
               "equal, or one of them 1, so {expression} fails.", dim=row.index,
               size_a=row.size_a, size_b=row.size_b, a=names[0], b=names[1],
               expression=expression)

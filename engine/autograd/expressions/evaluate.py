"""Running parsed expression programs: a ``meta`` dry run first, then the real run.

The dry run gives every intermediate shape without allocating and checks it against the
memory guard; only then are real tensors computed. Inputs are cloned before use, so a
user's own tensors are never touched. ``program_code`` turns a program into the PyTorch
code that reproduces it.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

import torch

from engine.autograd.expressions.parse import (
    CONSTANT_CODE,
    CONSTANTS,
    FUNCTIONS,
    SEED,
    ParsedStep,
    call_name,
)
from engine.core.errors import InputError, OperationError, SizeLimitError
from engine.core.limits import check_allocation, format_bytes, memory_guard_bytes
from engine.i18n.messages import msg

MAX_ELEMENTS = 10**7
MAX_MATMUL_WORK = 10**9
MAX_INT = 10**18
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow, ast.MatMult: operator.matmul}
Value = Any  # a tensor or a plain number: what a step of the language computes
Env = dict[str, Value]
_TORCH_ERRORS = (RuntimeError, TypeError, ValueError, IndexError, OverflowError,
                 ZeroDivisionError, NotImplementedError)


def _field(index: int) -> str:
    return f"expression:{index}"


def _column(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1


class Evaluator:
    """Evaluates parsed steps on one device ("meta" for the dry run, "cpu" for real)."""

    def __init__(self, device: str, dtype: torch.dtype | None = None) -> None:
        self.device = device
        self.dtype = dtype
        self.generator = None if device == "meta" else torch.Generator().manual_seed(SEED)
        self.index = 0

    def run(self, steps: tuple[ParsedStep, ...], inputs: Mapping[str, Value] | None = None
            ) -> Env:
        env: Env = dict(inputs or {})
        for index, step in enumerate(steps):
            self.index = index
            env[step.name] = self.value(step.tree, env)
        return env

    def value(self, node: ast.AST, env: Mapping[str, Value]) -> Value:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return env[node.id] if node.id in env else CONSTANTS[node.id]
        if isinstance(node, ast.UnaryOp):
            operand = self.value(node.operand, env)
            return self._checked(node, operator.neg if isinstance(node.op, ast.USub)
                                 else operator.pos, operand)
        if isinstance(node, ast.BinOp):
            left, right = self.value(node.left, env), self.value(node.right, env)
            return self._binary(node, left, right)
        if isinstance(node, ast.Call):
            return self._call(node, env)
        raise TypeError(f"not in the language: {type(node).__name__}")  # the checker refuses it

    def _binary(self, node: ast.BinOp, left: Value, right: Value) -> Value:
        plain = not any(isinstance(v, torch.Tensor) for v in (left, right))
        if isinstance(node.op, ast.Pow) and plain and isinstance(right, int) and abs(right) > 64:
            left = float(left)  # huge integer powers would take forever
        if isinstance(node.op, ast.MatMult):
            self._check_matmul(node, left, right)
        return self._checked(node, _BINARY[type(node.op)], left, right)

    def _check_matmul(self, node: ast.BinOp, left: Value, right: Value) -> None:
        if not all(isinstance(v, torch.Tensor) for v in (left, right)):
            raise OperationError(msg("@ multiplies two tensors; a plain number cannot be used "
                                     "with @."), field=_field(self.index))
        work = left.numel() * (right.shape[-1] if right.dim() > 1 else 1)
        if work > MAX_MATMUL_WORK:
            raise SizeLimitError(msg("This matrix product needs about {work} multiplications, "
                                     "more than this app allows.", work=work),
                                 field=_field(self.index))

    def _call(self, node: ast.Call, env: Mapping[str, Value]) -> Value:
        name = call_name(node)
        spec = FUNCTIONS[name]
        args = [self.value(arg, env) for arg in node.args]
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
        if spec.kind == "create":
            return self._create(node, name, args, kwargs)
        func = getattr(torch, name)
        if spec.kind in ("unary", "reduce") and not isinstance(args[0], torch.Tensor):
            args[0] = self._checked(node, torch.as_tensor, args[0], device=self.device)
        return self._checked(node, func, *args, **kwargs)

    def _create(self, node: ast.Call, name: str, args: list[Value], kwargs: dict[str, Value]
                ) -> Value:
        for arg in args:
            if isinstance(arg, torch.Tensor | bool):
                raise InputError(msg("{name}() takes plain numbers here, not tensors.",
                                     name=name), field=_field(self.index), column=_column(node))
        if name in ("ones", "zeros", "rand", "randn"):
            self._check_sizes(node, args)
        if name == "linspace":
            self._check_sizes(node, [kwargs.get("steps", args[2] if len(args) > 2 else None)])
        extra: dict[str, Value] = {"device": self.device}
        if name in ("rand", "randn") and self.generator is not None:
            extra["generator"] = self.generator
        if self.dtype is not None and name != "arange":
            extra["dtype"] = self.dtype
        return self._checked(node, getattr(torch, name), *args, **kwargs, **extra)

    def _check_sizes(self, node: ast.Call, sizes: list[Value]) -> None:
        for size in sizes:
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise InputError(msg("Sizes must be whole numbers of 0 or more, not {value}.",
                                     value=repr(size)[:20]),
                                 field=_field(self.index), column=_column(node))

    def _checked(self, node: ast.AST, func: Callable[..., Value], *args: Value,
                 **kwargs: Value) -> Value:
        try:
            result = func(*args, **kwargs)
        except _TORCH_ERRORS as exc:
            raise OperationError(
                msg("Step {step} cannot be computed at column {column}.",
                    step=self.index + 1, column=_column(node)),
                field=_field(self.index), torch_error=str(exc), column=_column(node)) from None
        return self._limited(result)

    def _limited(self, result: Value) -> Value:
        if isinstance(result, torch.Tensor):
            check_allocation(tuple(result.shape), result.element_size(), field=_field(self.index))
            if result.numel() > MAX_ELEMENTS:
                raise SizeLimitError(msg("A result of {count} elements is more than the {limit} "
                                         "this tab allows.", count=result.numel(),
                                         limit=MAX_ELEMENTS), field=_field(self.index))
        elif isinstance(result, int) and abs(result) > MAX_INT:
            raise InputError(msg("The number is too large."), field=_field(self.index))
        elif isinstance(result, complex):
            raise InputError(msg("The result is a complex number, which this tab does not "
                                 "support."), field=_field(self.index))
        return result


def clone_inputs(inputs: Mapping[str, torch.Tensor] | None) -> Env:
    """Copies of the user's tensors, each a fresh leaf with the same requires_grad."""
    copies: Env = {}
    for name, tensor in (inputs or {}).items():
        copy = tensor.detach().clone()
        if tensor.requires_grad and copy.is_floating_point():
            copy.requires_grad_(True)
        copies[name] = copy
    return copies


def dry_run(steps: tuple[ParsedStep, ...], inputs: Mapping[str, torch.Tensor] | None = None
            ) -> Env:
    """Every step on ``meta`` tensors: shapes and size checks without allocating."""
    metas = {name: torch.empty(t.shape, dtype=t.dtype, device="meta").requires_grad_(
        t.requires_grad and t.is_floating_point()) for name, t in (inputs or {}).items()}
    env = Evaluator("meta").run(steps, metas)
    total = sum(t.numel() * t.element_size() for t in env.values() if isinstance(t, torch.Tensor))
    if total > memory_guard_bytes():
        raise SizeLimitError(msg("All the steps together would need {size}, more than the {guard} "
                                 "this app allows. Try smaller sizes.", size=format_bytes(total),
                                 guard=format_bytes(memory_guard_bytes())),
                             field=_field(len(steps) - 1))
    return env


def run_program(steps: tuple[ParsedStep, ...],
                inputs: Mapping[str, torch.Tensor] | None = None) -> Env:
    """Dry run, then the real run on copies; returns ``{name: value}`` of every step.

    When the dry run finds an operation PyTorch refuses, every step before it has passed
    the size checks, so the real run is safe up to there and raises PyTorch's own CPU
    message (meta tensors word some errors differently).
    """
    try:
        dry_run(steps, inputs)
    except OperationError as meta_error:
        Evaluator("cpu").run(steps, clone_inputs(inputs))
        raise meta_error from None
    env = Evaluator("cpu").run(steps, clone_inputs(inputs))
    return {step.name: env[step.name] for step in steps}


# --- code ---------------------------------------------------------------------------------
class _ToTorch(ast.NodeTransformer):
    def __init__(self) -> None:
        self.uses_generator = False

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = call_name(node)
        node.func = ast.Attribute(ast.Name("torch", ast.Load()), name, ast.Load())
        if name in ("rand", "randn"):
            self.uses_generator = True
            node.keywords.append(ast.keyword("generator", ast.Name("gen", ast.Load())))
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in CONSTANT_CODE:
            module, attr = CONSTANT_CODE[node.id].split(".")
            return ast.Attribute(ast.Name(module, ast.Load()), attr, ast.Load())
        return node


def expression_code(tree: ast.expr) -> tuple[str, bool]:
    """PyTorch code of one expression and whether it needs the seeded generator ``gen``."""
    transformer = _ToTorch()
    converted = transformer.visit(ast.parse(ast.unparse(tree), mode="eval").body)
    return ast.unparse(converted), transformer.uses_generator


def program_code(steps: tuple[ParsedStep, ...]) -> str:
    lines = []
    needs_generator = False
    for step in steps:
        code, uses = expression_code(step.tree)
        needs_generator |= uses
        lines.append(f"{step.name} = {code}")
    if needs_generator:
        lines.insert(0, f"gen = torch.Generator().manual_seed({SEED})")
    return "\n".join(lines) + "\n"


def finite_difference(steps: tuple[ParsedStep, ...], leaf: str, output: str,
                      h: float = 1e-4) -> torch.Tensor:
    """Central differences of ``output`` (a scalar) with respect to each element of ``leaf``.

    Runs the program in float64 under ``torch.no_grad()``; returns a flat float64 tensor.
    """
    with torch.no_grad():
        base = Evaluator("cpu", torch.float64).run(steps)
        x = base[leaf].detach().reshape(-1)
        estimates = torch.empty(x.numel(), dtype=torch.float64)
        later = tuple(s for s in steps if s.name != leaf)
        for i in range(x.numel()):
            values = []
            for sign in (1, -1):
                shifted = x.clone()
                shifted[i] += sign * h
                env = Evaluator("cpu", torch.float64).run(
                    later, {leaf: shifted.reshape(base[leaf].shape)} | _others(base, leaf, later))
                values.append(float(env[output]))
            estimates[i] = (values[0] - values[1]) / (2 * h)
    return estimates


def _others(base: Env, leaf: str, later: tuple[ParsedStep, ...]) -> Env:
    computed = {s.name for s in later}
    return {k: v for k, v in base.items() if k != leaf and k not in computed and
            isinstance(v, torch.Tensor)}


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)

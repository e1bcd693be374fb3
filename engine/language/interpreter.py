"""The public API: an ``Interpreter`` that keeps a namespace and runs typed code.

    interp = Interpreter()                      # names torch and math are already bound
    result = interp.run_to_end("a = torch.ones(2)\\nprint(a.sum())")
    result.output  -> "tensor(2.)\\n"

``run(source)`` is a generator: it yields a ``RunProgress`` after every top-level statement
(and at most every 50 ms inside loops) and returns a ``RunResult``, so a GUI worker can show
progress and cancel at the next yield. ``should_stop()`` is also checked between expression
nodes and raises ``Cancelled``. A statement taking longer than ``time_limit`` seconds is
refused. The namespace starts with ``torch`` and ``math`` bound, matching
``engine.core.codegen.PREAMBLE`` (``import math`` / ``import torch``), so every step's
``code`` runs in plain Python after the preamble and reproduces the values.
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import cast

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import Cancelled, SizeLimitError
from engine.core.progress import Progress
from engine.i18n.messages import msg
from engine.language.builtins import Builtins, repr_of
from engine.language.errors import LanguageError, LanguageSizeError, column_of, refusal
from engine.language.expressions import Evaluator
from engine.language.guards import parse_source
from engine.language.modules import MATH, TORCH, ModuleProxy
from engine.language.statements import Executor, _Break, _Continue

DEFAULT_TIME_LIMIT = 30.0


@dataclass(frozen=True)
class RunProgress(Progress):
    """Progress of a run: ``done`` of ``total`` top-level statements; ``line`` running."""

    line: int = 0


@dataclass(frozen=True)
class RunResult:
    """What one run did.

    ``names``: the user's variables after the run (modules left out), live objects.
    ``assigned``: names bound by this run, in order. ``output``: everything printed, exactly
    as Python's ``print`` writes it; ``prints``: the text of each ``print`` call (with its
    ``end``). ``has_value``/``value``/``value_repr``: the last statement's value when it is
    a bare expression (as a REPL shows it). ``steps``: one ``CodeStep`` per top-level
    statement whose ``code`` is the statement as typed.
    """

    names: dict[str, object]
    assigned: tuple[str, ...]
    output: str
    prints: tuple[str, ...]
    steps: tuple[CodeStep, ...]
    has_value: bool = False
    value: object = None
    value_repr: str = ""


class Interpreter:
    """Runs code in the language; the namespace persists across runs (a console)."""

    def __init__(self, namespace: dict[str, object] | None = None,
                 should_stop: Callable[[], bool] | None = None,
                 time_limit: float = DEFAULT_TIME_LIMIT) -> None:
        self.namespace: dict[str, object] = (
            {"torch": TORCH, "math": MATH} if namespace is None else namespace)
        self.should_stop = should_stop or (lambda: False)
        self.time_limit = time_limit
        self.grad_enabled = True
        self.partial: RunResult | None = None
        self._deadline = 0.0
        self._ticks = 0

    def user_names(self) -> dict[str, object]:
        return {k: v for k, v in self.namespace.items() if not isinstance(v, ModuleProxy)}

    def tick(self) -> None:
        """Called between nodes: cancellation and the per-statement time limit."""
        self._ticks += 1
        if self._ticks % 16 == 0 and self.should_stop():
            raise Cancelled(msg("Cancelled."))
        if time.monotonic() > self._deadline:
            raise refusal("This statement ran longer than {seconds} s and was stopped.",
                          seconds=self.time_limit)

    def run(self, source: str) -> Generator[RunProgress, None, RunResult]:
        """Run ``source`` statement by statement, yielding progress; return the result."""
        tree = parse_source(source)
        prints: list[str] = []
        builtins = Builtins(prints.append)
        evaluator = Evaluator(source, self.namespace, builtins.table(), self.tick)
        builtins.add = lambda a, b: evaluator.binary(tree, ast.Add(), a, b)
        total = len(tree.body)
        executor = Executor(evaluator, lambda s: RunProgress(0, total, "", s.lineno))
        steps: list[CodeStep] = []
        previous_mode = torch.is_grad_enabled()
        torch.set_grad_enabled(self.grad_enabled)
        try:
            for done, statement in enumerate(tree.body, start=1):
                yield from self._statement(executor, statement)
                steps.append(_step(evaluator, statement))
                yield RunProgress(done, total, steps[-1].code, statement.lineno)
        finally:
            self.grad_enabled = torch.is_grad_enabled()
            torch.set_grad_enabled(previous_mode)
            if not (steps and isinstance(tree.body[len(steps) - 1], ast.Expr)):
                executor.last_value = None
            self.partial = self._result(executor, prints, steps)
        return self.partial

    def run_to_end(self, source: str) -> RunResult:
        generator = self.run(source)
        while True:
            try:
                next(generator)
            except StopIteration as stop:
                result: RunResult = stop.value
                return result

    def _statement(self, executor: Executor, statement: ast.stmt
                   ) -> Generator[RunProgress, None, None]:
        self._deadline = time.monotonic() + self.time_limit
        line, column = column_of(statement, executor.ev.lines)
        try:
            yield from cast(Iterator[RunProgress], executor.execute(statement))
        except (_Break, _Continue):
            raise refusal("`break` and `continue` belong inside a for loop.").at(
                line, column) from None
        except LanguageError as exc:
            raise exc.at(line, column) from None
        except SizeLimitError as exc:
            if isinstance(exc, LanguageSizeError):
                raise
            raise LanguageSizeError(exc.message, line=line, column=column) from None
        except (RecursionError, MemoryError):
            raise refusal("This statement is too big to run.").at(line, column) from None

    def _result(self, executor: Executor, prints: list[str], steps: list[CodeStep]
                ) -> RunResult:
        last = executor.last_value
        has_value = last is not None and last[0] is not None and len(steps) > 0
        value = last[0] if last is not None else None
        return RunResult(
            names=self.user_names(), assigned=tuple(executor.bound), output="".join(prints),
            prints=tuple(prints), steps=tuple(steps), has_value=has_value,
            value=value if has_value else None,
            value_repr=repr_of(value) if has_value else "",
        )


def _step(evaluator: Evaluator, statement: ast.stmt) -> CodeStep:
    code = evaluator.code_of(statement)
    return CodeStep(msg("Line {line}", line=statement.lineno), code)


def warm_up() -> None:
    """Load PyTorch's meta kernels once (about a second), e.g. on the worker at startup."""
    Interpreter().run_to_end("a = torch.ones(2, 1)\nb = a * a.T + a @ a.T")


def run_to_end(source: str, namespace: dict[str, object] | None = None) -> RunResult:
    """Run ``source`` in a fresh interpreter (or in ``namespace``) and return its result."""
    return Interpreter(namespace).run_to_end(source)

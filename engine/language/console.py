"""The PyTorch console's state, without Qt: one interpreter, its history, the tensors it made.

The console runs what the learner types (a line or a whole pasted cell) through the
language's ``Interpreter``; the namespace persists from one run to the next. Tensors of the
shared workspace are visible as names, and every tensor a run assigns is reported so the
GUI can keep it in the workspace and show it. A failing statement does not lose the ones
before it: their names, output and code steps are in the outcome next to the error.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field

import torch

from engine.core.errors import TorchScopeError
from engine.core.pacing import paced
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.language.interpreter import Interpreter, RunProgress, RunResult

MAX_HISTORY = 500


@dataclass(frozen=True)
class ConsoleOutcome:
    """What one run of the console did (``error`` is None when every statement ran)."""

    source: str
    result: RunResult
    tensors: tuple[tuple[str, torch.Tensor], ...]
    shown: TensorSnapshot | None
    error: TorchScopeError | None = None


@dataclass
class History:
    """Typed entries, oldest first, browsed with ``previous``/``following`` like a shell."""

    entries: list[str] = field(default_factory=list)
    position: int = 0

    def add(self, source: str) -> None:
        if source.strip() and (not self.entries or self.entries[-1] != source):
            self.entries.append(source)
            del self.entries[:-MAX_HISTORY]
        self.position = len(self.entries)

    def previous(self) -> str | None:
        if self.position == 0:
            return None
        self.position -= 1
        return self.entries[self.position]

    def following(self) -> str | None:
        """The next newer entry; "" past the newest (an empty prompt), None if already there."""
        if self.position >= len(self.entries):
            return None
        self.position += 1
        return self.entries[self.position] if self.position < len(self.entries) else ""


class ConsoleSession:
    """The console's state: the interpreter (its namespace) and the history."""

    def __init__(self, should_stop: Callable[[], bool] | None = None) -> None:
        self.interpreter = Interpreter(should_stop=should_stop)
        self.history = History()

    def names(self) -> dict[str, object]:
        return self.interpreter.user_names()

    def run(self, source: str, workspace: Iterable[tuple[str, object]] = ()
            ) -> Generator[RunProgress, None, ConsoleOutcome]:
        """Generator job: run ``source`` with the workspace's tensors visible as names.

        The history is the caller's to update (on the GUI thread, where it is browsed)."""
        self._see_workspace(workspace)
        error: TorchScopeError | None = None
        try:
            # paced: a pasted cell is Python that holds the GIL, and progress is drawn once a
            # frame at most (see engine.core.pacing)
            result = yield from paced(self.interpreter.run(source))
        except TorchScopeError as exc:
            error = exc
            result = self.interpreter.partial or _empty_result()
        tensors = _assigned_tensors(result)
        return ConsoleOutcome(source, result, tensors, _shown(result, tensors), error)

    def _see_workspace(self, workspace: Iterable[tuple[str, object]]) -> None:
        namespace = self.interpreter.namespace
        for name, tensor in workspace:
            if isinstance(tensor, torch.Tensor) and name not in namespace:
                namespace[name] = tensor


def _empty_result() -> RunResult:
    return RunResult(names={}, assigned=(), output="", prints=(), steps=())


def _assigned_tensors(result: RunResult) -> tuple[tuple[str, torch.Tensor], ...]:
    found = []
    for name in result.assigned:
        value = result.names.get(name)
        if isinstance(value, torch.Tensor) and not name.startswith("_"):
            found.append((name, value))
    return tuple(found)


def _shown(result: RunResult, tensors: tuple[tuple[str, torch.Tensor], ...]
           ) -> TensorSnapshot | None:
    """The tensor to open in the viewer: a bare tensor expression, else the last assigned."""
    if result.has_value and isinstance(result.value, torch.Tensor):
        return snapshot(result.value, result.steps[-1].code if result.steps else "")
    if tensors:
        name, tensor = tensors[-1]
        return snapshot(tensor, name)
    return None

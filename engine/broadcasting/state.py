"""The Broadcasting tab's state, without Qt: the two operands, the operation, the latest demo.

The tab is a view of a ``BroadcastingState``: it asks the state for a ``BroadcastRequest``
(what to compute), runs ``run_request`` as a job, and hands the result back with
``accept``. Only the newest request's result is kept; observers (``subscribe``) are called
with the state when a result is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.broadcasting.demo import (
    BroadcastDemo,
    operand_names,
    run_broadcast_demo,
    run_workspace_demo,
)
from engine.broadcasting.explain import BroadcastOp, Names, Shape
from engine.broadcasting.presets import DEFAULT_PRESET, preset
from engine.session.workspace import Workspace


@dataclass(frozen=True)
class Operand:
    """A typed shape, or a workspace tensor by name (its shape is read when the job runs)."""

    shape: Shape = ()
    tensor_name: str | None = None


@dataclass(frozen=True)
class BroadcastRequest:
    """One ``a op b`` to explain; ``number`` orders requests (the newest one wins)."""

    number: int
    a: Operand
    b: Operand
    op: BroadcastOp

    @property
    def names(self) -> Names:
        return operand_names(self.a.tensor_name, self.b.tensor_name)

    @property
    def uses_workspace(self) -> bool:
        return bool(self.a.tensor_name or self.b.tensor_name)


def run_request(request: BroadcastRequest, workspace: Workspace | None = None) -> BroadcastDemo:
    """The job: the demo for ``request`` (workspace tensors are read here, on the worker)."""
    a, b = request.a, request.b
    if request.uses_workspace and workspace is not None:
        return run_workspace_demo(workspace, () if a.tensor_name else a.shape,
                                  () if b.tensor_name else b.shape, request.op,
                                  a.tensor_name, b.tensor_name)
    return run_broadcast_demo(a.shape, b.shape, request.op)


Observer = Callable[["BroadcastingState"], None]


class BroadcastingState:
    """Operands, operation and the demo currently shown; observers hear about new demos."""

    def __init__(self) -> None:
        start = preset(DEFAULT_PRESET)
        self.a = Operand(start.shape_a)
        self.b = Operand(start.shape_b)
        self.op = start.op
        self.demo: BroadcastDemo | None = None
        self.names: Names = ("a", "b")
        self._requests = 0
        self._observers: list[Observer] = []

    def subscribe(self, observer: Observer) -> None:
        self._observers.append(observer)

    def request(self, a: Operand, b: Operand, op: BroadcastOp) -> BroadcastRequest:
        """Set the operands and the operation; the request to run for them."""
        self.a, self.b, self.op = a, b, op
        self._requests += 1
        return BroadcastRequest(self._requests, a, b, op)

    def request_preset(self, key: str) -> BroadcastRequest:
        chosen = preset(key)
        return self.request(Operand(chosen.shape_a), Operand(chosen.shape_b), chosen.op)

    def is_current(self, request: BroadcastRequest) -> bool:
        return request.number == self._requests

    def accept(self, request: BroadcastRequest, demo: BroadcastDemo) -> bool:
        """Keep ``demo`` if ``request`` is the newest one and tell the observers; else False."""
        if not self.is_current(request):
            return False
        self.demo, self.names = demo, request.names
        for observer in list(self._observers):
            observer(self)
        return True

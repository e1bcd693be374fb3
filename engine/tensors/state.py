"""The Tensors tab's state without Qt: the workspace, the current tensor, the last result.

``TensorsState.apply(result)`` keeps what a step made in the workspace and makes it the
current tensor; ``select(name)`` follows the user's choice; ``inspect(name)`` reads a kept
tensor for the viewer (safe on a worker thread: it only reads). Observers registered with
``subscribe`` are called after every change, the way napari's views listen to their models.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.core.snapshot import TensorSnapshot, snapshot
from engine.session.workspace import Workspace
from engine.tensors.result import TensorsResult, note_texts

Listener = Callable[[], None]


class TensorsState:
    def __init__(self, workspace: Workspace | None = None) -> None:
        self.workspace = workspace if workspace is not None else Workspace()
        self.current = ""  # the workspace name the user works on ("" for none)
        self.result: TensorsResult | None = None  # the step whose meaning is shown
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def apply(self, result: TensorsResult) -> None:
        """Keep the result's tensors; a kept or edited name becomes the current tensor."""
        for extra_name, extra_tensor in result.extra_tensors:
            self.workspace.put(extra_name, extra_tensor)
        if result.name and result.tensor is not None:
            self.workspace.put(result.name, result.tensor)
            self.current = result.name
        elif result.name and result.name in self.workspace:
            self.current = result.name  # e.g. an edit of a kept tensor
        self.result = result
        self._changed()

    def select(self, name: str) -> None:
        if name != self.current:
            self.current = name
            self._changed()

    def forget_result(self) -> None:
        """The viewer shows a plain tensor again: no step's meaning is shown."""
        if self.result is not None:
            self.result = None
            self._changed()

    def notes(self) -> list[str]:
        return [] if self.result is None else note_texts(self.result)

    def inspect(self, name: str | None = None) -> TensorSnapshot:
        """A snapshot of ``name`` (default: the current tensor) for the viewer."""
        chosen = self.current if name is None else name
        return snapshot(self.workspace.get(chosen), chosen)

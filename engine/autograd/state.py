"""The Autograd tab's state, without Qt: the program, the graph shown, backward, the replay.

``AutogradState`` is what the tab observes (napari-style: the view listens, the model owns
the data). It knows the program (lines of the language) and its backward result, which live graph is
on screen (results of jobs for another graph are stale and dropped), whether backward()
may run on that graph, the selected node, and where the step-by-step replay of the
recorded backward pass stands. Listeners are plain callables, so the whole flow
(lines → graph → backward → step through) runs and is tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from engine.autograd.backward import BackwardRecord, BackwardStep, GraphBackwardResult
from engine.autograd.graph import LiveGraph
from engine.autograd.grouped import VisibleGraph
from engine.autograd.program import BackwardResult, ProgramResult


@dataclass
class BackwardReplay:
    """A recorded backward pass and how far the replay has gone (-1: nothing run yet)."""

    record: BackwardRecord | None = None
    position: int = -1

    @property
    def length(self) -> int:
        return len(self.record.steps) if self.record is not None else 0

    def current(self) -> BackwardStep | None:
        if self.record is None or self.position < 0:
            return None
        return self.record.steps[self.position]

    def done_nodes(self) -> set[int]:
        """Nodes the replay has passed (the current one excluded)."""
        steps = self.record.steps if self.record is not None else ()
        return {s.node_index for s in steps[:max(self.position, 0)]}

    def step(self) -> BackwardStep | None:
        """The next step (after the last one, start again); None without a record."""
        if not self.length:
            return None
        self.position = 0 if self.position >= self.length - 1 else self.position + 1
        return self.current()

    def run_all(self) -> BackwardStep | None:
        if self.length:
            self.position = self.length - 1
        return self.current()

    def reset(self) -> None:
        self.position = -1

    def step_for(self, node_index: int) -> BackwardStep | None:
        """The node's recorded step if the replay has reached it, else None."""
        if self.record is None:
            return None
        step = self.record.step_of_node(node_index)
        return step if step is not None and step.order <= self.position else None


Listener = Callable[[], None]


@dataclass(eq=False)
class AutogradState:
    """See the module docstring. ``listeners`` are told after every change."""

    program: ProgramResult | None = None
    backward: BackwardResult | None = None
    live: LiveGraph | None = None  # the graph on screen
    view: VisibleGraph | None = None  # what of it is drawn (which module groups are open)
    backward_root: str | None = None  # a preset graph's root backward() may use once
    selected: int | None = None
    replay: BackwardReplay = field(default_factory=BackwardReplay)
    listeners: list[Listener] = field(default_factory=list)

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    @property
    def shows_program(self) -> bool:
        return self.program is not None and self.live is self.program.live

    @property
    def tracks_nothing(self) -> bool:
        """The program's lines recorded no grad_fn (autograd off, or no requires_grad)."""
        return self.program is not None and self.shows_program and self.program.output is None

    @property
    def can_backward(self) -> bool:
        if self.shows_program:
            return self.backward is None and not self.tracks_nothing
        return self.backward_root is not None

    def is_current(self, live: LiveGraph | None) -> bool:
        """Whether a job's result about ``live`` still concerns the graph shown."""
        return live is not None and live is self.live

    def show_graph(self, live: LiveGraph, backward_root: str | None = None,
                   view: VisibleGraph | None = None) -> None:
        self.live, self.backward_root, self.selected = live, backward_root, None
        self.view = view
        self.replay = BackwardReplay()
        self._changed()

    def accept_view(self, live: LiveGraph | None, view: VisibleGraph) -> bool:
        """Keep a new view (groups opened or closed) of ``live``; False if stale."""
        if not self.is_current(live):
            return False
        self.view = view
        self._changed()
        return True

    def set_program(self, program: ProgramResult) -> None:
        self.program, self.backward = program, None
        self.show_graph(program.live)

    def show_program(self) -> bool:
        """Back to the program's graph (and its backward, if it ran); False if already there."""
        if self.program is None or self.shows_program:
            return False
        self.show_graph(self.program.live, view=self.view if self.view is not None and
                        self.view.groups is None else None)
        if self.backward is not None:
            self._set_record(self.backward.record)
        return True

    def accept_backward(self, live: LiveGraph, result: BackwardResult | GraphBackwardResult
                        ) -> bool:
        """Keep a finished backward() for ``live``; False (and nothing kept) if stale."""
        if not self.is_current(live):
            return False
        if isinstance(result, BackwardResult):
            self.backward = result
        else:
            self.backward_root = None  # the graph's saved tensors are used up
        self._set_record(result.record)
        return True

    def _set_record(self, record: BackwardRecord) -> None:
        self.replay = BackwardReplay(record)
        self.replay.run_all()
        self._changed()

    def select(self, index: int | None) -> None:
        self.selected = index
        self._changed()

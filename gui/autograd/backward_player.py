"""Replaying a recorded backward pass: Step, Run all, Reset.

The replay of the tab's state (``engine.autograd.state.BackwardReplay``) lists the nodes
in the order PyTorch ran them and where the replay stands. The player's buttons move it,
highlight the active node in the graph view and tint the nodes already done;
``position_changed(step or None)`` tells the tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from engine.autograd.backward import BackwardStep
from engine.autograd.state import AutogradState
from gui.autograd.graph_view import GraphView


class BackwardPlayer(QObject):
    """See the module docstring. ``controls()`` returns the row of buttons."""

    position_changed = Signal(object)  # BackwardStep or None after Reset

    def __init__(self, graph_view: GraphView, state: AutogradState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = graph_view
        self._state = state
        self.step_button = QPushButton()
        self.run_all_button = QPushButton()
        self.reset_button = QPushButton()
        self.step_button.clicked.connect(self.step)
        self.run_all_button.clicked.connect(self._on_run_all)
        self.reset_button.clicked.connect(self.reset)
        self._row = QHBoxLayout()
        for button in (self.step_button, self.run_all_button, self.reset_button):
            self._row.addWidget(button)
        self._row.addStretch(1)
        self.step_button.installEventFilter(self)
        self._retranslate()
        self._update_buttons()

    def controls(self) -> QHBoxLayout:
        return self._row

    def _retranslate(self) -> None:
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Run the next node of the backward pass"))
        self.run_all_button.setText(self.tr("Run all"))
        self.reset_button.setText(self.tr("Reset"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.step_button and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def refresh(self) -> None:
        """Follow a new replay of the state (a new graph or a new recording)."""
        self._view.set_backward_state(None, set())
        self._update_buttons()

    def length(self) -> int:
        return self._state.replay.length

    def position(self) -> int:
        return self._state.replay.position

    def step_for(self, node_index: int) -> BackwardStep | None:
        """The node's recorded step if the replay has reached it, else None."""
        return self._state.replay.step_for(node_index)

    def step(self) -> None:
        step = self._state.replay.step()
        if step is not None:
            self._view.set_backward_state(step.node_index, self._state.replay.done_nodes())
            self.position_changed.emit(step)

    def _on_run_all(self) -> None:
        step = self._state.replay.run_all()
        self.refresh()
        if step is not None:
            self.position_changed.emit(step)

    def reset(self) -> None:
        self._state.replay.reset()
        self.refresh()
        self.position_changed.emit(None)

    def _update_buttons(self) -> None:
        has = bool(self.length())
        for button in (self.step_button, self.run_all_button, self.reset_button):
            button.setEnabled(has)

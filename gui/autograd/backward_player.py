"""Replaying a recorded backward pass: Step, Run all, Reset.

The recording (``engine.autograd.backward.BackwardRecord``) lists the nodes in the order
PyTorch ran them. The player moves through it, highlights the active node in the graph
view and tints the nodes already done; ``position_changed(step or None)`` tells the tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton


class BackwardPlayer(QObject):
    """See the module docstring. ``controls()`` returns the row of buttons."""

    position_changed = Signal(object)  # BackwardStep or None after Reset

    def __init__(self, graph_view, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = graph_view
        self._record = None
        self._position = -1
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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.step_button and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def set_record(self, record) -> None:
        self._record = record
        self._position = -1
        self._view.set_backward_state(None, set())
        self._update_buttons()

    def length(self) -> int:
        return len(self._record.steps) if self._record is not None else 0

    def position(self) -> int:
        return self._position

    def step_for(self, node_index: int):
        """The node's recorded step if the replay has reached it, else None."""
        if self._record is None:
            return None
        step = self._record.step_of_node(node_index)
        return step if step is not None and step.order <= self._position else None

    def step(self) -> None:
        if not self.length():
            return
        if self._position >= self.length() - 1:
            self._position = -1
        self._move_to(self._position + 1)

    def run_all(self) -> None:
        """Jump to the end without announcing each step (the tab picks what to show)."""
        if self.length():
            self._position = self.length() - 1
            self._view.set_backward_state(None, set())
            self._update_buttons()

    def _on_run_all(self) -> None:
        self.run_all()
        if self.length():
            self.position_changed.emit(self._record.steps[-1])

    def reset(self) -> None:
        self._position = -1
        self._view.set_backward_state(None, set())
        self._update_buttons()
        self.position_changed.emit(None)

    def _move_to(self, position: int) -> None:
        self._position = position
        steps = self._record.steps
        done = {s.node_index for s in steps[:position]}
        self._view.set_backward_state(steps[position].node_index, done)
        self._update_buttons()
        self.position_changed.emit(steps[position])

    def _update_buttons(self) -> None:
        has = bool(self.length())
        for button in (self.step_button, self.run_all_button, self.reset_button):
            button.setEnabled(has)

"""The PyTorch console panel: transcript, input, Run/Cancel/Clear, and what the code made.

The state (interpreter, namespace, history) is ``engine.language.console.ConsoleSession``;
this panel only shows it. Runs go through the shared job runner (worker thread, progress,
Cancel); tensors a run assigns land in the workspace and open in the tensor viewer, and
every statement that ran is recorded as a code step (code panel, session export).
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.core.errors import TorchScopeError
from engine.language.console import ConsoleOutcome, ConsoleSession
from gui.console.input import ConsoleInput
from gui.console.transcript import Transcript
from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable
from gui.core.workers import Job
from gui.widgets.code_panel import CodePanel
from gui.widgets.tensor_viewer import TensorViewer

TAB_KEY = "console"
# steps recorded per event-loop turn: each renders its title and code in the language
STEPS_PER_TURN = 25


class ConsolePanel(Retranslatable, QWidget):
    """Type or paste PyTorch as the study note writes it; it runs on the worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stop = threading.Event()
        self.session = ConsoleSession(should_stop=self._stop.is_set)
        self._job: Job | None = None
        # What a run still has to do on the GUI thread, one part per event-loop turn: echo
        # the cell a few lines at a time, start once it is drawn, then show what it did (a
        # pasted cell's 200 lines, tensors, steps and output at once would hold the GUI
        # thread ~30 ms; no part takes more than ~3 ms).
        self._to_do: deque[Callable[[], None]] = deque()
        self._turn_timer = QTimer(self)
        self._turn_timer.setSingleShot(True)
        self._turn_timer.setInterval(0)
        self._turn_timer.timeout.connect(self._next_turn)
        self.transcript = Transcript()
        self.input = ConsoleInput(self.session.history)
        self.run_button = QPushButton()
        self.cancel_button = QPushButton()
        self.clear_button = QPushButton()
        self.hint = QLabel()
        self.viewer = TensorViewer(show_facts=False)
        self.code_panel = CodePanel()
        self.side = QTabWidget()
        self._build_layout()
        self._connect()
        self._retranslate()
        self._update_buttons()

    # --- construction -------------------------------------------------------------------
    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.run_button, self.cancel_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addWidget(self.hint, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.transcript, 1)
        column.addWidget(self.input)
        column.addLayout(buttons)
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 3 + 12)
        self.hint.setEnabled(False)  # drawn muted: a hint, not a control
        self.side.addTab(self.viewer, "")
        self.side.addTab(self.code_panel, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.input.submitted.connect(self.run_source)
        self.run_button.clicked.connect(self.input.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.clear_button.clicked.connect(self._on_clear)

    def _retranslate(self) -> None:
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run what is typed (Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the transcript; names stay defined"))
        self.hint.setText(self.tr("Enter runs · Shift+Enter: new line · ↑/↓: history"))
        self.hint.setToolTip(self.tr("Type PyTorch as the study note writes it, or paste a "
                                     "whole cell: it runs statement by statement."))
        self.input.setPlaceholderText(self.tr("a = torch.tensor([[1, 2], [3, 4]])"))
        self.side.setTabText(0, self.tr("Tensor"))
        self.side.setTabText(1, self.tr("Code"))

    # --- running ------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True from Run until what the run did is shown."""
        return self._job is not None or bool(self._to_do)

    def run_source(self, source: str) -> None:
        """Run ``source`` (one line or a whole cell) after the current run, if any."""
        if self.is_running():  # the text stays in the input box
            self.transcript.add_note(self.tr("Still running: wait, or press Cancel."))
            return
        if self.input.toPlainText() == source:
            self.input.clear()
        self.session.history.add(source)
        self._stop.clear()
        # Started after its echo: the cell is drawn before parsing it holds the GIL.
        self._later(*self.transcript.input_pieces(source), lambda: self._start(source))
        self._update_buttons()

    def _start(self, source: str) -> None:
        if self._stop.is_set():  # cancelled before it started: nothing ran
            self.transcript.add_note(self.tr("Cancelled. The statements before it took effect."))
            self._update_buttons()
            return
        workspace = self.ctx.workspace.workspace.items() if self.ctx.workspace else []
        self._job = self.ctx.runner.run(
            self.session.run, source, workspace, title=self.tr("Console"),
            on_result=self._on_outcome, on_error=self._on_failed, on_done=self._on_done)

    def cancel(self) -> None:
        if self.is_running():
            self._stop.set()
        if self._job is not None:
            self._job.cancel()

    def _on_outcome(self, outcome: ConsoleOutcome) -> None:
        self._later(*self._text_parts(outcome),
                    *self._step_parts(outcome.result.steps),
                    lambda: self._keep_tensors(outcome),
                    lambda: self._show_tensor(outcome))

    def _text_parts(self, outcome: ConsoleOutcome) -> list[Callable[[], None]]:
        result = outcome.result
        parts = self.transcript.output_pieces(result.output)
        if result.has_value:
            parts += self.transcript.output_pieces(result.value_repr)
        if outcome.error is not None:
            parts.append(functools.partial(self._show_error, outcome.error))
        return parts

    def _show_tensor(self, outcome: ConsoleOutcome) -> None:
        if outcome.shown is not None:
            self.viewer.set_snapshot(outcome.shown)
            self.viewer.set_title(outcome.shown.name)

    def _on_failed(self, message: str, _exc: BaseException) -> None:
        self._later(lambda: self.transcript.add_error(message))

    def _on_done(self) -> None:
        job, self._job = self._job, None
        self._later(lambda: self._end_run(job is not None and job.cancelled))

    def _end_run(self, cancelled: bool) -> None:
        if cancelled:  # what ran before the cancel, then the note, on the next turns
            note = self.tr("Cancelled. The statements before it took effect.")
            self._next([*self._partial_run_parts(),
                        functools.partial(self.transcript.add_note, note)])
        self._update_buttons()

    def _later(self, *parts: Callable[[], None]) -> None:
        """Run ``parts`` in order, each on its own event-loop turn (after earlier ones)."""
        self._to_do.extend(parts)
        self._turn_timer.start()

    def _next(self, parts: list[Callable[[], None]]) -> None:
        """Run ``parts`` before what is already waiting, each on its own turn."""
        self._to_do.extendleft(reversed(parts))
        self._turn_timer.start()

    def _next_turn(self) -> None:
        if self._to_do:
            self._to_do.popleft()()
        if self._to_do:
            self._turn_timer.start()
        else:
            self._update_buttons()  # the run is shown: Run again

    def _partial_run_parts(self) -> list[Callable[[], None]]:
        partial = self.session.interpreter.partial
        if partial is None:
            return []
        return self.transcript.output_pieces(partial.output) + self._step_parts(partial.steps)

    def _step_parts(self, steps: Sequence) -> list[Callable[[], None]]:
        """Recording ``steps``, STEPS_PER_TURN at a time, in order."""
        return [functools.partial(self._record_steps, steps[start:start + STEPS_PER_TURN])
                for start in range(0, len(steps), STEPS_PER_TURN)]

    def _record_steps(self, steps: Sequence) -> None:
        """The session log and the code panel get the steps together."""
        self.ctx.session.add_many((TAB_KEY, step) for step in steps)
        self.code_panel.add_steps(steps)

    def _show_error(self, error: TorchScopeError) -> None:
        self.transcript.add_error(error.describe())
        self.transcript.add_note(self.tr("Press ↑ in the input to edit what you typed."))

    def _keep_tensors(self, outcome: ConsoleOutcome) -> None:
        if self.ctx.workspace is None or not outcome.tensors:
            return
        # One model reset for the whole run; a name the workspace refuses: say so, go on.
        self.ctx.workspace.keep_many(
            outcome.tensors, on_error=lambda _name, exc: self.transcript.add_note(exc.describe()))

    def _on_clear(self) -> None:
        self.transcript.clear()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.cancel_button.setEnabled(running)
        self.run_button.setEnabled(not running)

"""Worker wiring of the Autograd tab's presets and tiny model.

``PresetJobs.run(key)`` runs a preset (a generator job) and shows its graph, tensors,
explanation and PyTorch's error text. ``ModelJobs`` builds the tiny model and trains it
(progress with the current loss, cancellable). A cancelled run still adds a step to the
code panel: the training loop with the number of steps it really applied.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QObject

from engine.autograd.losses import LossHistory
from engine.autograd.model import ModelResult, build_model, train_model, training_so_far
from engine.autograd.presets.catalogue import run_preset
from gui.autograd.graph_slices import Slices

DRAWN_TIMEOUT_S = 0.2  # the build starts anyway if the GUI has not drawn the click by then


def _build_once_drawn(drawn: threading.Event) -> ModelResult:
    """``build_model`` once the GUI has drawn what the click changed (the graph's column
    grown): its small torch calls take the GIL back from that repaint's Python at every
    switch interval, which made the repaint several times longer (a late frame)."""
    drawn.wait(DRAWN_TIMEOUT_S)
    return build_model()


class PresetJobs(QObject):
    """Runs presets for the tab and shows what they return."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.job = None

    def run(self, key: str) -> None:
        tab = self.tab
        tab.presets.set_running(True)
        self.job = tab.ctx.runner.run(
            run_preset,
            key,
            title=self.tr("Running preset"),
            on_progress=lambda p: tab.ctx.show_status(p.message, 3000),
            on_result=self._on_result,
            on_error=self._on_error,
            on_done=lambda: tab.presets.set_running(False),
        )

    def _on_result(self, result) -> None:
        tab = self.tab
        tab.presets.set_result(result)
        tab.show_graph(
            result.graph,
            result.layout,
            result.live,
            select=result.focus_node,
            seconds=result.seconds.extract + result.seconds.layout,
            backward_root=result.backward_root,
            view=result.view,
        )
        title = self.tr("Preset: {title}").format(title=tab.presets.title(result.key))
        tab.add_step(replace(result.step, title=title))  # the listed title, not the key
        if result.error:
            tab.set_backward_text(
                lambda: self.tr(
                    "This preset stops with an error: read what PyTorch says in the Presets panel."
                ),
                True,
            )
        elif result.backward_root:
            tab.set_backward_text(
                lambda: self.tr(
                    "Preset graph: click a node to inspect it, or run "
                    "backward() and step through it."
                )
            )
        else:
            tab.set_backward_text(lambda: self.tr("Preset graph: click a node to inspect it."))

    def _on_error(self, message: str, _exc) -> None:
        self.tab.presets.show_failure(message)


class ModelJobs(QObject):
    """Builds and trains the tiny model on the worker."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.state = None
        self.job = None
        self._record = LossHistory()  # losses of the current run, filled by the worker
        self._planned = 0
        # Every loss since the model was built (the curve shows them all): 4 bytes a step.
        self._losses = LossHistory()
        self._showing = Slices(self)  # a built model, shown over a few event-loop turns
        self._starting = Slices(self)  # tells the build when the click is drawn

    def showing(self) -> bool:
        """True while a built model is still coming to the screen (after its job ended)."""
        return self._showing.pending()

    def build(self) -> None:
        tab = self.tab
        tab.model_panel.set_training(True)
        # The note's curves make room for the model's graph now, while the worker builds
        # it: the graph's column is re-laid out (and the graph shown redrawn) on a turn of
        # its own, not on the turn that draws the model.
        tab.curves.hide()
        drawn = threading.Event()
        tab.ctx.runner.run(
            _build_once_drawn,
            drawn,
            title=self.tr("Building the tiny model"),
            on_result=self._on_built,
            on_error=self._on_error,
            on_done=self._on_built_or_failed,
        )
        self._starting.run(self._drawn_after_a_turn(drawn))

    @staticmethod
    def _drawn_after_a_turn(drawn: threading.Event) -> Iterator[None]:
        yield  # the turn that lays the column out and repaints it (Slices waits it out)
        drawn.set()

    def _on_built_or_failed(self) -> None:
        self.tab.model_panel.set_training(False)
        if not self._showing.pending():  # a model coming hides them again: left hidden
            self.tab.curves.setVisible(self.tab.state.shows_program)  # back if none came

    def _on_built(self, result) -> None:
        """The model is live at once, its step in the session; what shows it comes over a
        few event-loop turns (all at once it held the GUI thread ~15 ms: the table, the
        graph, the code panel)."""
        self.state = result.state
        self._losses = LossHistory()
        self._showing.run(self._show_built(result))

    def _show_built(self, result):
        tab = self.tab
        # The panels around the graph first: the previous node's details cleared (its
        # tensor viewer re-laid out), the step, the table. The graph's turn then repaints
        # the graph and little else (together they held one turn ~10 ms).
        tab.details.clear()
        tab.add_step(result.step)
        tab.model_panel.set_model(result)
        yield
        # The text under the graph changes with the curves hidden by show_graph: the
        # graph's column is laid out once, before the graph is drawn (a text changed on a
        # later turn resized and redrew the graph again).
        tab.set_backward_text(
            lambda: self.tr(
                "The loss's graph: the parameters are the green "
                "AccumulateGrad leaves; click one to see its gradient."
            )
        )
        # the graph's items are placed now; its lines and labels come on the next turns
        tab.show_graph(result.graph, result.layout, result.live, sliced=True)

    def train(self, steps: int) -> None:
        if self.state is None:
            return
        self._showing.finish()  # the built model's table and curve, before training redraws them
        tab = self.tab
        tab.model_panel.set_training(True, len(self._losses) + steps)
        self._record, self._planned = LossHistory(), steps
        self.job = tab.ctx.runner.run(
            train_model,
            self.state,
            steps,
            self._record,
            title=self.tr("Training the tiny model"),
            on_progress=self._on_progress,
            on_result=self._on_trained,
            on_error=self._on_error,
            on_done=self._on_done,
        )

    def _on_progress(self, progress) -> None:
        self.tab.model_panel.add_point(len(self._losses) + progress.done, progress.loss)

    def _on_trained(self, result) -> None:
        if result is None:  # cancelled before its first step
            self._on_progress_reset()
            return
        self._losses.extend(result.losses)
        self._record = LossHistory()  # in the history now; the run's copy is not needed
        self.tab.model_panel.set_losses(self._losses.values())
        self.tab.add_step(result.step)

    def _on_done(self) -> None:
        self.tab.model_panel.set_training(False)
        self.tab.model_panel.train_button.setEnabled(self.state is not None)

    def _on_progress_reset(self) -> None:
        self.tab.model_panel.set_losses(self._losses.values())

    def cancel(self) -> None:
        """Stop training; the steps already applied still reach the code panel."""
        job = self.job
        if job is None or job.done or job.cancelled:
            return
        job.cancel()
        # Runs after the cancelled job on the same serial worker, so the record is final.
        self.tab.ctx.runner.run(
            training_so_far,
            self._record,
            self._planned,
            title=self.tr("Recording the steps already trained"),
            on_result=self._on_trained,
            on_error=self._on_error,
        )

    def _on_error(self, message: str, _exc) -> None:
        self.tab.model_panel.info.setText(message)

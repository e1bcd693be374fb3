"""The Autograd tab's lines: run them on the worker (debounced while typing) and show the
result: the grad_fn graph, the forward curves, the code, what the lines bound and printed.

A line ``out.backward()`` hands over to ``BackwardJobs``; the requires_grad=True switch
rewrites the lines and runs them again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from superqt.utils import qdebounced, signals_blocked

from engine.autograd.program import run_program

DEBOUNCE_MS = 250


class LineJobs(QObject):
    """See the module docstring; ``tab`` is the ``AutogradTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.run_debounced = qdebounced(self.run, DEBOUNCE_MS)

    def run(self, select_class: str | None = None) -> None:
        """Run the lines; ``select_class`` names a node class to select (signals' arguments,
        an index or ``checked``, are ignored)."""
        tab = self.tab
        self.run_debounced.cancel()
        wanted = select_class if isinstance(select_class, str) else None
        tab.ctx.runner.run(
            run_program,
            tab.steps_editor.source(),
            tab.mode_choice.currentData(),
            title=self.tr("Running the lines"),
            on_result=lambda r: self._on_program(r, wanted),
            on_error=self._on_program_error,
        )

    def _on_program(self, result, select_class: str | None) -> None:
        tab = self.tab
        tab.state.set_program(result)
        tab.steps_editor.clear_error()
        tab.steps_editor.set_results(result.rows)
        tab.steps_editor.set_output(result.printed)
        self.update_track_box()
        found = result.graph.find(select_class) if select_class else []
        previous = tab.graph_view.selected_node()
        if not found and previous is not None and previous < result.graph.node_count:
            found = [previous]  # keep looking at the same node while editing
        tab.show_graph(result.graph, result.layout, result.live)
        tab.curves.set_forward(result.x_name, result.x, result.curves)
        tab.add_program_step(result.step, new_run=True)
        tab.backward_jobs.select_after = found[0] if found else None
        if result.lines.backward is not None:
            tab.backward_jobs.run()  # the line `out.backward()` asks for it
            return
        if found:
            tab.graph_view.select_node(found[0])
            tab.request_details(found[0])
        self._update_waiting_text(result.output)

    def _update_waiting_text(self, output: str | None) -> None:
        if output is not None:
            self.tab.set_backward_text(
                lambda: self.tr(
                    "Add the line {name}.backward() (or press backward()) to run the backward "
                    "pass node by node."
                ).format(name=output)
            )
        else:
            self.tab.set_backward_text(
                lambda: self.tr(
                    "No line made a tensor with a grad_fn: nothing is tracked. Give a leaf "
                    "requires_grad=True."
                )
            )

    def on_track_toggled(self, checked: bool) -> None:
        old, new = ("False", "True") if checked else ("True", "False")
        editor = self.tab.steps_editor
        editor.set_source(editor.source().replace(f"requires_grad={old}", f"requires_grad={new}"))
        self.run()

    def update_track_box(self) -> None:
        text = self.tab.steps_editor.source().replace(" ", "")
        track_box = self.tab.track_box
        with signals_blocked(track_box):
            track_box.setChecked("requires_grad=True" in text)
            track_box.setEnabled("requires_grad=" in text)

    def _on_program_error(self, message: str, exc) -> None:
        self.tab.steps_editor.show_error(message, getattr(exc, "line", None))

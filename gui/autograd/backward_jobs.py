"""backward() for the Autograd tab: on the lines' program or on a preset's graph.

``BackwardJobs.run()`` runs the recorded backward pass on the worker (the line
``out.backward()`` or the backward() button), shows the gradient curves, the code, and
announces how many nodes ran; going back to the Lines page shows the program's graph and
its backward again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.autograd.backward import backward_from
from engine.autograd.program import run_backward


class BackwardJobs(QObject):
    """See the module docstring; ``tab`` is the ``AutogradTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.select_after: int | None = None  # node to select once backward ran

    def run(self) -> None:
        tab = self.tab
        program, live = tab.state.program, tab.state.live
        if program is None or not tab.state.shows_program:
            self._on_graph_backward()
            return
        tab.backward_button.setEnabled(False)
        tab.ctx.runner.run(
            run_backward,
            program,
            title=self.tr("Running backward()"),
            on_result=lambda result: self._on_backward_done(live, result),
            on_error=self._on_backward_error,
        )

    def _on_graph_backward(self) -> None:
        tab = self.tab
        live, root = tab.state.live, tab.state.backward_root
        if root is None or live is None:
            return
        tab.backward_button.setEnabled(False)
        tab.ctx.runner.run(
            backward_from,
            live,
            root,
            title=self.tr("Running backward()"),
            on_result=lambda result: self._on_graph_backward_done(live, result),
            on_error=self._on_backward_error,
        )

    def _on_graph_backward_done(self, live, result) -> None:
        tab = self.tab
        if not tab.state.accept_backward(live, result):
            return
        tab.update_backward_button()
        tab.add_step(result.step)
        tab.player.refresh()
        self.announce(result.record)
        selected = tab.graph_view.selected_node()
        if selected is not None:
            tab.request_details(selected)

    def _on_backward_error(self, message: str, _exc) -> None:
        tab = self.tab
        tab.update_backward_button()
        tab.set_backward_text(message, True)
        program = tab.state.program
        if program is not None and tab.state.shows_program and program.lines.backward:
            tab.steps_editor.show_error(message, program.lines.backward.line)

    def _on_backward_done(self, live, result) -> None:
        tab = self.tab
        if not tab.state.accept_backward(live, result):
            return
        tab.update_backward_button()
        tab.curves.set_gradient(
            result.grad, result.finite_difference, result.closed_form, result.formula
        )
        tab.steps_editor.set_output(tab.state.program.printed + result.printed)
        if result.error:
            tab.steps_editor.show_error(result.error, result.error_line)
        tab.add_program_step(result.step)
        tab.player.refresh()
        self.announce(result.record)
        selected = self.select_after
        self.select_after = None
        if selected is None:
            selected = tab.graph_view.selected_node()
        if selected is not None:
            tab.graph_view.select_node(selected)
            tab.request_details(selected)

    def on_mode_changed(self, index: int) -> None:
        """Back on Lines: show the program's graph, curves and backward again."""
        tab = self.tab
        program = tab.state.program
        if index != 0 or program is None or tab.state.shows_program:
            return
        backward = tab.state.backward
        tab.show_graph(program.graph, program.layout, program.live)
        tab.state.show_program()
        if backward is not None:
            tab.state.accept_backward(program.live, backward)
            tab.update_backward_button()  # a second call would accumulate: disabled
            tab.curves.setVisible(True)
            tab.player.refresh()
            self.announce(backward.record)

    def announce(self, record) -> None:
        tab = self.tab
        tab.set_backward_text(
            lambda: self.tr(
                "backward() ran {count} nodes. Use Step to replay them in order."
            ).format(count=len(record.steps))
        )

"""The Autograd tab's node details: read on the worker for the node clicked, or the node
the backward replay has reached (its gradient first; inside a closed module box, the
group's gradient flow instead)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.autograd.backward import details_with_gradients


class NodeJobs(QObject):
    """See the module docstring; ``tab`` is the ``AutogradTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self._details_job = None

    def request_details(self, index: int, prefer_gradient: bool = False) -> None:
        tab = self.tab
        live = tab.state.live
        if live is None:
            return
        step = tab.player.step_for(index)
        self._details_job = tab.ctx.runner.run(
            details_with_gradients,
            live,
            index,
            step,
            title=self.tr("Reading node details"),
            on_result=lambda details: self._on_details(live, details, step, prefer_gradient),
            on_error=lambda message, _exc: tab.ctx.show_status(message, 8000),
        )

    def _on_details(self, live, details, step, prefer_gradient: bool = False) -> None:
        tab = self.tab
        if not tab.state.is_current(live) or step is not tab.player.step_for(details.index):
            return  # another graph, or another backward's record, since the request
        tab.details.set_details(details, step, prefer_gradient=prefer_gradient)

    def on_player_moved(self, step) -> None:
        tab = self.tab
        if step is None:
            tab.set_backward_text(lambda: self.tr("Backward replay reset: press Step."))
            return
        tab.set_backward_text(
            lambda: self.tr(
                "Step {n} of {total}: {name} receives the gradient of its output and passes it on."
            ).format(n=step.order + 1, total=tab.player.length(), name=step.class_name)
        )
        group = tab.group_jobs.group_of_step(step.node_index)
        if group is not None:  # inside a closed box: the group's gradient flow
            tab.graph_view.select_group(group)
            tab.group_jobs.show_group(group)
            return
        tab.graph_view.select_node(step.node_index)
        self.request_details(step.node_index, prefer_gradient=True)

"""Opening and closing module groups, and the details of a closed group.

A double-click on a box opens its group, on a node closes the group around it; Open all /
Close all open or close every group. Each asks ``engine.autograd.grouped.visible_graph``
for the new view on the worker (a fully open DenseNet-201 takes a while to lay out), keeps
it in the tab's state (a result for a graph no longer shown is dropped) and redraws in
place: zoom, selection and backward step stay, the view centres on the group. Clicking a
box, or a backward step inside a closed box, shows the group's gradient flow (read on the
worker: it takes the snapshots of the gradients shown).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from engine.autograd.group_flow import group_details
from engine.autograd.grouped import all_open, default_open, visible_graph


class GroupJobs(QObject):
    """See the module docstring; ``tab`` is the ``AutogradTab``."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.job = None
        view = tab.graph_view
        view.group_toggled.connect(self.toggle)
        view.open_all_requested.connect(self.open_all)
        view.group_clicked.connect(self.show_group)

    def toggle(self, call: int, opened: bool) -> None:
        view = self.tab.state.view
        if view is None or view.groups is None:
            return
        calls = set(view.open_calls)
        if opened:
            calls.add(call)
        else:
            calls.discard(call)
        self._relayout(frozenset(calls), call)

    def open_all(self, opened: bool) -> None:
        view = self.tab.state.view
        if view is None or view.groups is None:
            return
        self._relayout(all_open(view.groups) if opened else default_open(view.groups), None)

    def _relayout(self, calls: frozenset[int], focus: int | None) -> None:
        state = self.tab.state
        live, view = state.live, state.view
        self.job = self.tab.ctx.runner.run(
            visible_graph,
            view.graph,
            view.groups,
            calls,
            title=self.tr("Laying out the graph"),
            on_result=lambda result: self._on_view(live, result, focus),
            on_error=lambda message, _exc: self.tab.ctx.show_status(message, 8000),
        )

    def _on_view(self, live, view, focus: int | None) -> None:
        if not self.tab.state.accept_view(live, view):
            return
        graph_view = self.tab.graph_view
        graph_view.set_view(view, keep=True)
        if focus is None:
            graph_view.fit()
            return
        box = view.group_item(focus)
        members = [box] if box is not None else sorted(set(
            view.item_of_node[view.groups.members(focus)].tolist()))
        if members:
            centre = graph_view.item_positions()[members].mean(axis=0)
            graph_view.center_at(float(centre[0]), float(centre[1]))

    def show_group(self, call: int) -> None:
        """Show group ``call``'s details and gradient flow (after backward) in the panel."""
        view = self.tab.state.view
        if view is None or view.groups is None:
            return
        tab = self.tab
        record = tab.state.replay.record
        tab.ctx.runner.run(
            group_details, view.graph, view.groups, call, record,
            title=self.tr("Reading group details"),
            on_result=lambda group: self._on_group(view, record, group),
            on_error=lambda message, _exc: tab.ctx.show_status(message, 8000),
        )

    def _on_group(self, view, record, group) -> None:
        state = self.tab.state
        if state.view is view and state.replay.record is record:  # else outdated
            self.tab.details.set_group(group)

    def group_of_step(self, node: int) -> int | None:
        """The closed group drawn for ``node``, or None if the node is drawn itself."""
        view = self.tab.state.view
        if view is None or view.groups is None:
            return None
        item = view.items[int(view.item_of_node[node])]
        return item.call if item.kind == "group" else None

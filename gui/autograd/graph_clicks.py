"""Clicks on the graph view: a node selects it, a module box selects its group, and a
double-click opens a box or closes the innermost open group around a node.

``GraphClicks`` is mixed into ``GraphView`` (it uses its ``_view``, selection methods and
signals).
"""

from __future__ import annotations


class GraphClicks:
    """See the module docstring."""

    def _on_points_clicked(self, _item, points, event=None) -> None:
        if len(points):
            self.click_item(int(points[0].index()), bool(event is not None and event.double()))

    def click_item(self, item: int, double: bool = False) -> None:
        """What a click (or a double-click) on item ``item`` does; used by tests too."""
        view = self._view
        if view is None:
            return
        target = view.items[item]
        if target.kind == "group":
            self.select_group(target.call)
            if double:
                self.group_toggled.emit(target.call, True)
            else:
                self.group_clicked.emit(target.call)
            return
        if double:
            inner = self._innermost_open(target.call)
            if inner is not None:
                self.group_toggled.emit(inner, False)
            return
        self.click_node(target.node)

    def _innermost_open(self, call: int) -> int | None:
        groups = self._view.groups if self._view is not None else None
        if groups is None or call < 0:
            return None
        return next((c for c in groups.ancestors(call) if groups.calls[c].depth > 0), None)

    def click_node(self, index: int) -> None:
        """Select ``index`` as a click would (used by tests and keyboard navigation)."""
        self.select_node(index)
        self.node_clicked.emit(index)

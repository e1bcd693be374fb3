"""Finding nodes and groups by module name or node class in what is on screen.

``search_items(view, text)`` matches, without regard to case, a node's class
(``ConvolutionBackward0``), its label, or the qualified name of a module call around it
(``layer3.1``); a closed group matches when its own name or class does, or when a node
inside it does. The matches come in reading order (top to bottom, left to right), the
order Enter steps through them.
"""

from __future__ import annotations

import numpy as np

from engine.autograd.grouped import VisibleGraph
from engine.autograd.modules import NO_CALL


def _call_matches(view: VisibleGraph, needle: str) -> set[int]:
    groups = view.groups
    if groups is None:
        return set()
    return {c.index for c in groups.calls
            if needle in c.name.lower() or needle in c.class_name.lower()}


def matching_nodes(view: VisibleGraph, text: str) -> np.ndarray:
    """Indices of the full graph's nodes that match ``text``."""
    needle = text.strip().lower()
    if not needle:
        return np.zeros(0, dtype=np.int64)
    calls = _call_matches(view, needle)
    groups = view.groups
    found = []
    for node in view.graph.nodes:
        hit = needle in node.class_name.lower() or needle in node.label.lower()
        if not hit and groups is not None and calls:
            call = int(groups.node_call[node.index])
            hit = call != NO_CALL and any(c in calls for c in groups.ancestors(call))
        if hit:
            found.append(node.index)
    return np.asarray(found, dtype=np.int64)


def search_items(view: VisibleGraph, text: str) -> list[int]:
    """Visible items that match ``text`` (see the module docstring), in reading order."""
    needle = text.strip().lower()
    if not needle:
        return []
    items = set(view.item_of_node[matching_nodes(view, text)].tolist())
    calls = _call_matches(view, needle)
    items |= {i for i, item in enumerate(view.items) if item.kind == "group" and
              item.call in calls}
    return sorted(items, key=lambda i: (-view.positions[i, 1], view.positions[i, 0]))

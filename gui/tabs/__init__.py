"""The four tabs, one module and one class each, built once the engine is loaded.

``TAB_SPECS`` is the order of the tabs. A tab class takes ``(ctx: AppContext)`` and loads
its default demo content through ``ctx.runner`` when it is constructed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TabSpec:
    key: str
    module: str
    class_name: str


TAB_SPECS = (
    TabSpec("tensors", "gui.tabs.tensors_tab", "TensorsTab"),
    TabSpec("broadcasting", "gui.tabs.broadcasting_tab", "BroadcastingTab"),
    TabSpec("datasets", "gui.tabs.datasets_tab", "DatasetsTab"),
    TabSpec("autograd", "gui.tabs.autograd_tab", "AutogradTab"),
)
TAB_KEYS = tuple(spec.key for spec in TAB_SPECS)

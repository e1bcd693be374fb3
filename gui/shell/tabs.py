"""The four tabs, in order. Each is a real class, imported only once the engine is loaded.

A tab class takes ``(ctx: AppContext)`` and loads its default demo content through
``ctx.runner`` when it is constructed. Importing this module imports no tab (and no torch).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # the command line reads TAB_KEYS before Qt is imported
    from PySide6.QtWidgets import QWidget

    from gui.core.context import AppContext

TabClass: TypeAlias = "Callable[[AppContext], QWidget]"


def _tensors_tab() -> TabClass:
    from gui.tensors.tab import TensorsTab

    return TensorsTab


def _broadcasting_tab() -> TabClass:
    from gui.broadcasting.tab import BroadcastingTab

    return BroadcastingTab


def _datasets_tab() -> TabClass:
    from gui.datasets.tab import DatasetsTab

    return DatasetsTab


def _autograd_tab() -> TabClass:
    from gui.autograd.tab import AutogradTab

    return AutogradTab


@dataclass(frozen=True)
class TabSpec:
    key: str
    tab_class: Callable[[], TabClass]  # imports the tab's module when called


TAB_SPECS = (
    TabSpec("tensors", _tensors_tab),
    TabSpec("broadcasting", _broadcasting_tab),
    TabSpec("datasets", _datasets_tab),
    TabSpec("autograd", _autograd_tab),
)
TAB_KEYS = tuple(spec.key for spec in TAB_SPECS)

# The modules of the tabs that import no torch (tests/gui/shell/test_tabs_modules.py checks
# it): imported while torch's libraries load, when the GUI thread would otherwise wait.
TORCH_FREE_MODULES = (
    "gui.autograd.curves", "gui.autograd.details", "gui.autograd.graph_clicks",
    "gui.autograd.graph_legend", "gui.autograd.graph_slices", "gui.autograd.graph_zoom",
    "gui.autograd.minimap", "gui.autograd.model_panel", "gui.autograd.presets_panel",
    "gui.autograd.steps", "gui.broadcasting.flow", "gui.broadcasting.picture",
    "gui.datasets.browse_panel", "gui.datasets.grid_panel", "gui.datasets.legend",
    "gui.datasets.transform_panel", "gui.tensors.ops_fields", "gui.tensors.storage_strip",
    "gui.tensors.workspace_panel", "gui.widgets.code_panel",
)


# Libraries imported after torch otherwise, before the tabs are usable, that need no torch:
# PIL (engine.datasets' images, ~25 ms), pyqtgraph's exporters with the session's picture
# export (installed when the engine is ready, ~25 ms). Their compiled modules are in
# ``gui.shell.launch.GUI_EXTENSIONS``.
TORCH_FREE_LIBRARIES = ("PIL.Image", "PIL.ImageOps", "fractions", "pyqtgraph.exporters",
                        "gui.session.picture_export")


def import_torch_free_modules() -> None:
    """Import ``TORCH_FREE_MODULES`` and ``TORCH_FREE_LIBRARIES`` (~0.15 s of Python that
    building the tabs needs anyway)."""
    for name in TORCH_FREE_MODULES + TORCH_FREE_LIBRARIES:
        importlib.import_module(name)

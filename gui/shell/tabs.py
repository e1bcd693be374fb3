"""The four tabs, in order. Each is a real class, imported only once the engine is loaded.

A tab class takes ``(ctx: AppContext)`` and loads its default demo content through
``ctx.runner`` when it is constructed. Importing this module imports no tab (and no torch).
"""

from __future__ import annotations

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

"""Loading the engine. Importing this module is cheap: torch is imported inside the job.

``load_engine`` runs on the worker: it imports torch and then the engine modules the tabs
use (named in ``TAB_MODULES``, imported by name because ``engine.core`` sits below the
areas), so that building the tabs on the GUI thread imports (almost) no engine code. When
the app has started loading torch's compiled libraries in the background
(``engine.core.native_preload``), it waits for them first.
"""

from __future__ import annotations

import importlib
from collections.abc import Generator

from engine.core.native_preload import wait_for_torch_libraries
from engine.core.progress import Progress
from engine.i18n.messages import load_catalogues

TAB_MODULES = (
    "engine.core.codegen",
    "engine.core.snapshot",
    "engine.language.interpreter",
    "engine.language.console",
    "engine.tensors.create",
    "engine.tensors.state",
    "engine.tensors.seeds",
    "engine.tensors.memory",
    "engine.tensors.ops",
    "engine.broadcasting.demo",
    "engine.broadcasting.state",
    "engine.broadcasting.picture_data",
    "engine.datasets.state",
    "engine.datasets.browse",
    "engine.datasets.custom",
    "engine.datasets.sources",
    "engine.autograd.program",
    "engine.autograd.state",
    "engine.autograd.grouped",
    "engine.autograd.presets",
)

# The engine modules the tabs use that import no torch (tests/engine/core/test_startup_early.py
# checks it), the slowest first (~40 ms of Python in all, quiet machine).
TORCH_FREE_MODULES = (
    "engine.autograd.rebound",
    "engine.datasets.label_map",
    "engine.datasets.csv_table",
    "engine.autograd.presets.programs",
    "engine.language.allowlist_python",
    "engine.language.allowlist_types",
    "engine.language.guards",
    "engine.language.hints",
    "engine.autograd.lines",
    "engine.autograd.presets.source",
    "engine.autograd.presets.table",
    "engine.datasets.fashion_files",
    "engine.datasets.image_integrity",
    "engine.datasets.excerpt",
    "engine.session.export_names",
)


def _import_by_name(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:  # a renamed module: its users import what they need themselves
            continue


def load_engine(modules: tuple[str, ...] = TAB_MODULES) -> Generator[Progress, None, str]:
    """Import torch and the modules every tab needs; runs on the worker before tabs appear."""
    total = 1 + len(modules)
    yield Progress(0, total, "Importing PyTorch")
    _import_by_name(TORCH_FREE_MODULES)  # while torch's libraries load (GIL released)
    load_catalogues()  # the first switch to Spanish then finds its messages ready
    wait_for_torch_libraries()  # if they are loading in the background (native_preload)
    import torch

    for done, name in enumerate(modules, start=1):
        yield Progress(done, total, "Preparing the engine")
        _import_by_name((name,))
    yield Progress(total, total, "PyTorch ready")
    return str(torch.__version__)

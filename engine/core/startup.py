"""Loading the engine. Importing this module is cheap: torch is imported inside the job."""

from __future__ import annotations

from collections.abc import Generator

from engine.core.progress import Progress


def load_engine() -> Generator[Progress, None, str]:
    """Import torch and the modules every tab needs; runs on the worker before tabs appear."""
    yield Progress(0, 2, "Importing PyTorch")
    import torch

    yield Progress(1, 2, "Preparing the engine")
    import engine.core.codegen  # noqa: F401
    import engine.core.snapshot  # noqa: F401

    yield Progress(2, 2, "PyTorch ready")
    return str(torch.__version__)

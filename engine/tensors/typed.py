"""Typed text in the Tensors tab runs through the one PyTorch language (``engine.language``).

The Operate expression, the number fields and the fallback of the tensor-data field all
evaluate what the user typed with the same interpreter as the console and the Autograd tab:
an ``ast`` walk over allowlists, sizes checked on meta tensors before anything is allocated,
never ``eval``. Its errors keep their line, column and text; ``field`` is added so the GUI
shows them beside the field that was typed in.
"""

from __future__ import annotations

from collections.abc import Mapping

import torch

from engine.core.errors import TorchScopeError
from engine.language.interpreter import Interpreter, RunResult
from engine.language.modules import MATH, TORCH

TIME_LIMIT = 10.0  # seconds for one typed field; the console allows longer runs


def namespace_with(tensors: Mapping[str, torch.Tensor] | None = None, *,
                   with_torch: bool = True) -> dict[str, object]:
    """Names a typed field can read: the given tensors, then ``torch`` and ``math``."""
    names: dict[str, object] = dict(tensors or {})
    if with_torch:
        names["torch"] = TORCH
    names["math"] = MATH
    return names


def run_typed(source: str, namespace: dict[str, object], *, field: str,
              time_limit: float = TIME_LIMIT) -> RunResult:
    """Run ``source`` in the language; any refusal or PyTorch error names ``field``."""
    try:
        return Interpreter(namespace, time_limit=time_limit).run_to_end(source)
    except TorchScopeError as exc:
        exc.field = field
        raise

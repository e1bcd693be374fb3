"""What every Tensors step hands to the tab: one protocol, read the same way for every result.

Create, seed, operation, memory and NumPy-bridge results all carry the same field set, so
the tab never probes them: ``step`` (title, code, explanation), ``snapshot`` (what the
viewer shows, or None), ``name`` and ``tensor`` (kept in the workspace when both are set),
``extra_snapshots`` (a step that produced several tensors), ``extra_tensors`` (kept too) and
``summary`` (a short engine Text, "" when there is none).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import torch

from engine.core.codegen import CodeStep
from engine.core.snapshot import TensorSnapshot


class TensorsResult(Protocol):
    @property
    def step(self) -> CodeStep: ...

    @property
    def snapshot(self) -> TensorSnapshot | None: ...

    @property
    def name(self) -> str | None: ...

    @property
    def tensor(self) -> torch.Tensor | None: ...

    @property
    def extra_snapshots(self) -> Sequence[TensorSnapshot]: ...

    @property
    def extra_tensors(self) -> Sequence[tuple[str, torch.Tensor]]: ...

    @property
    def summary(self) -> str: ...


def note_texts(result: TensorsResult) -> list[str]:
    """The texts that say what a result means besides its code: summary, then explanation.

    They are engine Texts, so the GUI can render them again after a language switch.
    """
    return [text for text in (result.summary, result.step.explanation) if text]

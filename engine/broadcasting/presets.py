"""One-click examples for the Broadcasting tab: the study note's cases and classic failures."""

from __future__ import annotations

from dataclasses import dataclass

from engine.broadcasting.explain import BroadcastOp


@dataclass(frozen=True)
class Preset:
    key: str
    shape_a: tuple[int, ...]
    shape_b: tuple[int, ...]
    op: BroadcastOp


PRESETS: tuple[Preset, ...] = (
    Preset("note_3_2", (4, 3, 2), (3, 2), BroadcastOp.MUL),     # dim 0 missing in b
    Preset("note_3_1", (4, 3, 2), (3, 1), BroadcastOp.MUL),     # last dim of b is 1
    Preset("note_1_2", (4, 3, 2), (1, 2), BroadcastOp.MUL),     # middle dim of b is 1
    Preset("note_2_4", (2, 4), (1, 4), BroadcastOp.MUL),        # one row times both rows
    Preset("compare", (2, 2), (1, 2), BroadcastOp.EQ),          # comparisons give bool
    Preset("mismatch", (2, 3), (3, 2), BroadcastOp.ADD),        # same numel, not broadcastable
    Preset("scalar", (2, 3), (), BroadcastOp.MUL),              # 0-d broadcasts with anything
    Preset("zero", (0, 3), (1, 3), BroadcastOp.ADD),            # 0 against 1: empty result
    Preset("zero_mismatch", (0, 3), (2, 3), BroadcastOp.ADD),   # 0 only against 0 or 1
    Preset("inplace", (3, 1), (3, 4), BroadcastOp.ADD_),        # a would have to grow
)
DEFAULT_PRESET = "note_3_1"


def preset(key: str) -> Preset:
    return next(p for p in PRESETS if p.key == key)

"""What every benchmark module uses: figures, medians, a stopwatch."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure. ``target`` is ``{"max": x}`` or ``{"min": x}`` where one is set.

    A figure that could not be measured is ``skipped`` (the reason); its value is None and
    it is held to no target, so that tooling never reads a made-up number as a miss.
    """

    name: str
    value: float | None
    unit: str
    target: dict | None = None
    note: str = ""
    skipped: str = ""

    def __post_init__(self) -> None:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            object.__setattr__(self, "value", None)
            if not self.skipped:
                object.__setattr__(self, "skipped", "not measured")
        if self.skipped:
            object.__setattr__(self, "value", None)
            object.__setattr__(self, "target", None)

    def meets_target(self) -> bool | None:
        if not self.target or self.value is None:
            return None
        if "max" in self.target:
            return self.value <= self.target["max"]
        return self.value >= self.target["min"]

    def as_json(self) -> dict:
        data = {"name": self.name, "value": self.value, "unit": self.unit}
        if self.target:
            data["target"] = self.target
        if self.skipped:
            data["skipped"] = self.skipped
        return data


def skipped(name: str, unit: str, reason: str, note: str = "") -> Figure:
    """A figure that could not be measured, with the reason (value None, no target)."""
    return Figure(name, None, unit, note=note, skipped=reason)


def median_seconds(action: Callable[[], object], repeats: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``action`` over ``repeats`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else float("inf")

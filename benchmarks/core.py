"""What every benchmark module uses: figures, medians, a stopwatch."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure. ``target`` is ``{"max": x}`` or ``{"min": x}`` where one is set."""

    name: str
    value: float
    unit: str
    target: dict | None = None
    note: str = ""

    def meets_target(self) -> bool | None:
        if not self.target:
            return None
        if "max" in self.target:
            return self.value <= self.target["max"]
        return self.value >= self.target["min"]

    def as_json(self) -> dict:
        data = {"name": self.name, "value": self.value, "unit": self.unit}
        if self.target:
            data["target"] = self.target
        return data


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

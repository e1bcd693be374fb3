"""Seeds and reproducibility: seed → rand, rand; same seed → rand, rand.

``reproducibility_demo(seed, shape_text)`` draws four tensors exactly as the study note
does and says which are equal: the first draw after a seed equals the first draw after
the same seed again, while consecutive draws differ. ``set_seed(seed)`` is the plain
``torch.manual_seed`` step of the manual-seed control.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.limits import check_allocation
from engine.core.parsing import format_shape, parse_shape
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.i18n.messages import compose, join_texts, msg

MAX_SEED = 2**63 - 1
DEMO_NAMES = ("random1", "random2", "random3", "random4")


@dataclass(frozen=True)
class SeedDemoResult:
    """Four draws; ``equal[(i, j)]`` says whether draws i and j (0-based) are equal."""

    seed: int
    snapshots: tuple[TensorSnapshot, ...]
    equal: dict[tuple[int, int], bool]
    step: CodeStep
    name: str | None = None  # nothing is kept in the workspace
    tensor: torch.Tensor | None = None
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()

    @property
    def snapshot(self) -> TensorSnapshot:
        return self.snapshots[0]

    @property
    def extra_snapshots(self) -> tuple[TensorSnapshot, ...]:
        return self.snapshots

    @property
    def summary(self) -> str:
        return summarize(self.equal)


@dataclass(frozen=True)
class SeedResult:
    seed: int
    step: CodeStep
    snapshot: TensorSnapshot | None = None
    name: str | None = None
    tensor: torch.Tensor | None = None
    extra_snapshots: tuple[TensorSnapshot, ...] = ()
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()
    summary: str = ""


def check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise InputError(msg("The seed must be a whole number between 0 and {limit}.",
                             limit=MAX_SEED), field="seed")
    return seed


def set_seed(seed: int) -> SeedResult:
    """``torch.manual_seed(seed)``: every later random draw follows from this seed."""
    torch.manual_seed(check_seed(seed))
    return SeedResult(seed, CodeStep(msg("Set the seed to {seed}", seed=seed),
                                     f"torch.manual_seed({seed})",
                                     msg("Random constructors that follow draw the same numbers "
                                         "every time the code runs from this line.")))


def summarize(equal: dict[tuple[int, int], bool]) -> str:
    lines: list[str] = []
    for (i, j), same in sorted(equal.items()):
        verdict = msg("equal") if same else msg("different")
        lines.append(compose("{a} / {b}: {verdict}", a=DEMO_NAMES[i], b=DEMO_NAMES[j],
                             verdict=verdict))
    return join_texts("\n", lines)


def _demo_code(seed: int, shape: tuple[int, ...]) -> str:
    size = format_shape(shape)
    return "\n".join([
        f"torch.manual_seed({seed})",
        f"random1 = torch.rand({size})",
        f"random2 = torch.rand({size})",
        f"torch.manual_seed({seed})",
        f"random3 = torch.rand({size})",
        f"random4 = torch.rand({size})",
        "print(torch.equal(random1, random3), torch.equal(random2, random4))",
        "print(torch.equal(random1, random2))",
    ])


def _explanation() -> str:
    return msg(
        "A seed fixes the sequence of random numbers: random1 and random3 are the first draw "
        "after the same seed, so they are equal, and so are random2 and random4. Consecutive "
        "draws (random1, random2) differ. torch.empty is different again: it draws nothing "
        "and only reserves memory, so it shows whatever bytes were there, seed or not.")


def reproducibility_demo(seed: int, shape_text: str = "2, 3") -> SeedDemoResult:
    """seed → rand, rand; same seed → rand, rand; which draws are equal."""
    check_seed(seed)
    shape = parse_shape(shape_text, field="shape")
    check_allocation(shape, 4 * len(DEMO_NAMES), field="shape")
    torch.manual_seed(seed)
    first = [torch.rand(shape), torch.rand(shape)]
    torch.manual_seed(seed)
    second = [torch.rand(shape), torch.rand(shape)]
    draws = first + second
    pairs = ((0, 1), (0, 2), (1, 3), (2, 3))
    equal = {(i, j): bool(torch.equal(draws[i], draws[j])) for i, j in pairs}
    snaps = tuple(snapshot(t, name) for t, name in zip(draws, DEMO_NAMES, strict=True))
    step = CodeStep(msg("Same seed, same random numbers (seed {seed})", seed=seed),
                    _demo_code(seed, shape), _explanation())
    return SeedDemoResult(seed, snaps, equal, step)

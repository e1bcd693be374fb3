"""Seeds: same seed, same numbers; the demo's code reproduces what it reports."""

from __future__ import annotations

import numpy as np
import pytest

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError
from engine.tensors.seeds import DEMO_NAMES, reproducibility_demo, set_seed


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(PREAMBLE + code, namespace)  # noqa: S102 (generated code under test)
    return namespace


def test_demo_marks_first_draws_after_the_same_seed_equal():
    result = reproducibility_demo(1729, "2, 3")
    assert result.equal[(0, 2)] and result.equal[(1, 3)]
    assert not result.equal[(0, 1)] and not result.equal[(2, 3)]
    assert "random1 / random3: equal" in result.summary
    assert len(result.extra_snapshots) == 4 and result.snapshot.name == "random1"


def test_demo_code_reproduces_every_draw():
    result = reproducibility_demo(7, "(3, 2)")
    namespace = _run(result.step.code)
    for name, snap in zip(DEMO_NAMES, result.snapshots, strict=True):
        assert np.array_equal(namespace[name].numpy(), snap.values)
        assert snap.facts.shape == (3, 2)
    assert "torch.empty" in result.step.explanation


def test_different_seeds_give_different_numbers():
    a = reproducibility_demo(1, "4").snapshots[0].values
    b = reproducibility_demo(2, "4").snapshots[0].values
    assert not np.array_equal(a, b)


def test_set_seed_step_code_seeds_the_same_sequence():
    import torch

    result = set_seed(42)
    after_app = torch.rand(3)
    namespace = _run(result.step.code + "\nvalue = torch.rand(3)")
    assert torch.equal(namespace["value"], after_app)


@pytest.mark.parametrize("seed", [-1, 2**63, True, 1.5])
def test_bad_seeds_are_refused(seed):
    with pytest.raises(InputError) as info:
        reproducibility_demo(seed)
    assert info.value.field == "seed"


def test_bad_shape_is_refused_before_drawing():
    with pytest.raises(InputError) as info:
        reproducibility_demo(1, "2, -3")
    assert info.value.field == "shape"

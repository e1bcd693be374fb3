"""``to_numpy``: a C-ordered copy with the tensor's values that never shares its memory."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core.snapshot import to_numpy


@pytest.mark.parametrize("make", [
    lambda: torch.arange(12.0).reshape(3, 4),
    lambda: torch.arange(12.0).reshape(3, 4).T,
    lambda: torch.arange(24).reshape(2, 3, 4)[:, ::2, 1:],
    lambda: torch.arange(6, dtype=torch.float16).reshape(2, 3).T,
])
def test_values_are_kept_in_a_fresh_c_ordered_array(make):
    tensor = make()
    values = to_numpy(tensor)
    np.testing.assert_array_equal(values, tensor.to(torch.float64).numpy())
    assert values.flags.c_contiguous
    assert not np.shares_memory(values, tensor.numpy())
    values[...] = 7  # writing the copy leaves the tensor as it was
    assert not torch.all(tensor == 7)

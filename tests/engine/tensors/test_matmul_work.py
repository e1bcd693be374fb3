"""The matmul button counts the multiply-adds of broadcast batches before it runs."""

from __future__ import annotations

import pytest
import torch

from engine.core.errors import SizeLimitError
from engine.session.workspace import Workspace
from engine.tensors.ops import linalg
from engine.tensors.ops.catalogue import OpRequest, run_op


@pytest.mark.parametrize(("left", "right"), [
    ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((1, 2, 3), (5, 3, 4)),
    ((5, 1, 2, 3), (6, 3, 4)), ((7, 2, 3), (3,)), ((3,), (7, 3, 4)), ((0, 2, 3), (3, 4)),
])
def test_matmul_work_is_batch_times_rows_times_inner_times_columns(left, right):
    from engine.tensors.ops.linalg import matmul_work

    out = torch.matmul(torch.empty(left, device="meta"), torch.empty(right, device="meta"))
    inner = left[-1]
    assert matmul_work(left, right) == out.numel() * inner


def test_mismatched_shapes_count_no_work():  # the real call reports PyTorch's own error
    from engine.tensors.ops.linalg import matmul_work

    assert matmul_work((2, 3), (4, 5)) == 0
    assert matmul_work((2, 2, 3), (3, 2, 3)) == 0


def test_a_broadcast_batch_over_the_work_limit_is_refused_before_running(monkeypatch):
    # left.numel() * right.shape[-1] is 10**6 here, but the batch of 10 makes 10**7.
    monkeypatch.setattr(linalg, "MAX_MATMUL_WORK", 5 * 10**6, raising=False)
    workspace = Workspace()
    workspace.put("a", torch.ones(1, 100, 100))
    workspace.put("b", torch.ones(10, 100, 100))
    with pytest.raises(SizeLimitError) as caught:
        run_op(workspace, OpRequest("matmul", "a", other="b", result="c"))
    assert caught.value.field == "other"
    assert "1.0e+07" in caught.value.message
    assert "c" not in workspace


def test_the_issue_example_is_counted_in_full():
    from engine.tensors.ops.linalg import matmul_work

    assert matmul_work((1, 1000, 1000), (10, 1000, 1000)) == 10**10


def test_the_work_limit_is_the_language_s():
    from engine.language.sizes import MAX_WORK

    assert linalg.MAX_MATMUL_WORK == MAX_WORK

"""Torch on one thread for the Autograd tab's jobs that run beside a busy GUI thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import torch


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Torch's intra-op pool on one thread, restored after (also when the job is cancelled).

    On a two-core machine, a second torch thread competes with the GUI thread: its workers
    spin at each barrier while the GUI thread holds the other core, so frames waited for
    the forward pass (seen: 65 ms and more with DenseNet), and the tiny model's small steps
    ran several times slower (2 s instead of 0.3 s for 200 steps)."""
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)

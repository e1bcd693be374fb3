"""A growing history of losses, stored compactly: one numpy array, grown by doubling.

The tiny model keeps every loss since it was built (the loss curve shows them all); a long
session trains it for hundreds of thousands of steps. As Python floats in lists (and again
as (step, loss) tuples for the curve) a step cost ~190 bytes; here it costs 4 (float32,
amortised: at most twice that while the buffer has room to grow). The tiny model's losses
are float32 tensors, so ``loss.item()`` round-trips through float32 exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import DTypeLike, NDArray

FIRST_CAPACITY = 256


class LossHistory:
    """Append-only losses; ``values()`` is a read-only view of those stored so far.

    A view stays valid (and unchanged) after later appends: growth copies into a new
    buffer, and values already stored are never written again.
    """

    def __init__(self, dtype: DTypeLike = np.float32) -> None:
        self._buffer: NDArray = np.empty(0, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __array__(self, dtype: DTypeLike | None = None, copy: bool | None = None) -> NDArray:
        values = self.values()
        if dtype is not None:
            return values.astype(dtype)  # a copy
        return values.copy() if copy else values

    def _room_for(self, count: int) -> None:
        needed = self._size + count
        if needed <= len(self._buffer):
            return
        capacity = max(needed, 2 * len(self._buffer), FIRST_CAPACITY)
        grown = np.empty(capacity, dtype=self._buffer.dtype)
        grown[:self._size] = self._buffer[:self._size]
        self._buffer = grown

    def append(self, loss: float) -> None:
        self._room_for(1)
        self._buffer[self._size] = loss
        self._size += 1

    def extend(self, losses: Iterable[float]) -> None:
        values = np.asarray(losses if isinstance(losses, np.ndarray) else list(losses),
                            dtype=self._buffer.dtype).reshape(-1)
        self._room_for(len(values))
        self._buffer[self._size:self._size + len(values)] = values
        self._size += len(values)

    def values(self) -> NDArray:
        view = self._buffer[:self._size]
        view.flags.writeable = False  # the buffer is shared: readers never change it
        return view

    def nbytes(self) -> int:
        """Bytes held, spare room included."""
        return self._buffer.nbytes

"""The DataLoader's jobs made visible: next batch, a full epoch with rates.

The DataLoader itself (seeded shuffled order, recording samplers, workers) is
``engine.datasets.loader_session``'s ``LoaderSession``; its names are re-exported here,
where the GUI, tests and benchmarks import them.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
from PIL import Image

from engine.core.codegen import CodeStep
from engine.core.limits import check_allocation
from engine.core.progress import Progress
from engine.datasets import display as datasets_display
from engine.datasets.loader_session import (
    MAX_BATCH_SIZE,
    MAX_WORKERS,
    LoaderSession,
    LoaderSettings,
    MixedSizesError,
    RecordingRandomSampler,
    RecordingSequentialSampler,
    check_settings,
    loader_code,
    suggest_resize,
    worker_context,
)
from engine.i18n.messages import Text, compose, join_texts, msg

__all__ = [
    "MAX_BATCH_SIZE", "MAX_WORKERS", "PROGRESS_EVERY_S", "BatchResult", "EpochResult",
    "LoaderSession", "LoaderSettings", "MixedSizesError", "RecordingRandomSampler",
    "RecordingSequentialSampler", "check_batch_memory", "check_settings", "loader_code",
    "next_batch", "run_epoch", "suggest_resize", "worker_context",
]

PROGRESS_EVERY_S = 0.1


@dataclass(frozen=True)
class BatchResult:
    images: np.ndarray  # display pixels, uint8 (B, h, w) or (B, h, w, 3); see display_size
    labels: tuple[int, ...]  # class index per image (argmax of a one-hot target)
    indices: tuple[int, ...]  # dataset index per image
    features_shape: str  # as print(train_features.size()) shows it
    labels_shape: str
    dtype: str
    value_range: tuple[float, float]
    batch_number: int  # 1-based within the epoch
    batches_per_epoch: int
    step: CodeStep
    image_size: tuple[int, int]  # (H, W) of the batch's images themselves

    def drawn_smaller(self) -> bool:
        """True when the pictures are a shrunk copy of a large batch (see display_size)."""
        return tuple(self.images.shape[1:3]) != self.image_size


@dataclass(frozen=True)
class EpochResult:
    batches: int
    samples: int
    seconds: float
    order: tuple[tuple[int, ...], ...]  # dataset indices of each batch, in order
    step: CodeStep

    @property
    def batches_per_s(self) -> float:
        return self.batches / self.seconds if self.seconds else float("inf")

    @property
    def samples_per_s(self) -> float:
        return self.samples / self.seconds if self.seconds else float("inf")


_PRINTS = ('print(f"Feature batch shape: {train_features.size()}")\n'
           'print(f"Labels batch shape: {train_labels.size()}")\n')


def check_batch_memory(session: LoaderSession) -> None:
    """Refuse a batch too large for memory before a single item is loaded."""
    first = session.loaded.dataset[0][0]
    width, height = first.size if isinstance(first, Image.Image) else (28, 28)
    side = session.transforms.resize or max(width, height)
    size = min(session.settings.batch_size, max(session.loaded.length, 1))
    check_allocation((size, 3, side, side), 4, field="batch_size")


def next_batch(session: LoaderSession, skip: int = 0) -> BatchResult:
    """Job: the next batch of the session's DataLoader (after ``skip`` others), to draw."""
    check_batch_memory(session)
    new_epoch = False
    for _ in range(skip):
        new_epoch |= session.next_batch()[3]
    features, labels, indices, fresh = session.next_batch()
    parts: list[str] = []
    if new_epoch or fresh:
        parts += [session.setup_code(), "batches = iter(loader)\n"]
    if skip:
        parts.append(compose("for _ in range({skip}):  # {comment}\n    next(batches)\n",
                             skip=skip, comment=msg("the batches before the one shown")))
    parts.append("train_features, train_labels = next(batches)\n" + _PRINTS)
    step = CodeStep(msg("Batch {number}", number=session.batch_number),
                    join_texts("", parts),
                    msg("Each next() returns one batch: the images stacked along a new first "
                        "dimension and their labels."))
    return BatchResult(
        images=datasets_display.to_display(features),
        labels=datasets_display.class_indices(labels),
        indices=indices,
        features_shape=str(features.size()),
        labels_shape=str(labels.size()),
        dtype=str(features.dtype),
        value_range=(float(features.min()), float(features.max())),
        batch_number=session.batch_number,
        batches_per_epoch=session.batches_per_epoch(),
        step=step,
        image_size=(int(features.shape[-2]), int(features.shape[-1])),
    )


def _rate_message(batches: int, samples: int, seconds: float) -> Text:
    seconds = max(seconds, 1e-9)
    return msg("{batches} batches, {bps} batches/s, {sps} samples/s", batches=batches,
               bps=f"{batches / seconds:.1f}", sps=f"{samples / seconds:.0f}")


EPOCH_CODE = """\
import time

start = time.perf_counter()
batches_seen = samples_seen = 0
for train_features, train_labels in loader:
    batches_seen += 1
    samples_seen += len(train_labels)
seconds = time.perf_counter() - start
print(f"{batches_seen} batches, {samples_seen} samples, {batches_seen / seconds:.1f} batches/s")
"""


def run_epoch(session: LoaderSession) -> Generator[Progress, None, EpochResult]:
    """Generator job: one full pass over the DataLoader, yielding Progress with the rates."""
    check_batch_memory(session)
    total = session.batches_per_epoch()
    order: list[tuple[int, ...]] = []
    batches = samples = 0
    setup = session.setup_code()
    session.end_epoch()
    yield Progress(0, total, msg("Starting the epoch"))
    start = last = time.perf_counter()
    try:
        session.start_epoch()
        while True:
            try:
                _features, labels = session.fetch()
            except StopIteration:
                break
            count = len(labels)
            order.append(tuple(session.sampler.last_order[samples:samples + count]))
            batches, samples = batches + 1, samples + count
            now = time.perf_counter()
            if now - last >= PROGRESS_EVERY_S:
                last = now
                yield Progress(batches, total, _rate_message(batches, samples, now - start))
    finally:
        session.end_epoch()
    seconds = time.perf_counter() - start
    step = CodeStep(msg("One epoch"), join_texts("", [setup, EPOCH_CODE]),
                    msg("An epoch is one pass over every batch; shuffle draws a new order "
                        "for each epoch."))
    return EpochResult(batches, samples, seconds, tuple(order), step)

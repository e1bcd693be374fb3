"""The DataLoader over a loaded dataset, and its recorded, seeded shuffled order.

The shuffled order comes from a seeded ``torch.Generator`` given to the DataLoader, as the
note's ``DataLoader(data, shuffle=True, generator=generator)`` does: the same generator
feeds the same ``RandomSampler`` (which also records the order it produced: which index
went into which batch), so the code shown reproduces the app's batches.

Workers (num_workers > 0) are started by a fork server (or "spawn"): forking a
process that runs Qt threads can deadlock; the dataset and transforms are picklable for that.
They stay alive between epochs (persistent_workers) because starting one costs seconds.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any

import numpy as np
import torch
from PIL import Image
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler

from engine.core.errors import InputError, OperationError
from engine.datasets.sources import LoadedDataset, transformed_name
from engine.datasets.transforms import TransformSpec, check_channels, transform_code
from engine.i18n.messages import Text, compose, join_texts, msg

MAX_BATCH_SIZE = 4096
MAX_WORKERS = max(1, min(4, os.cpu_count() or 1))  # more than the cores only adds waiting
WORKER_PRELOAD = ["torch", "torchvision", "engine.datasets.sources"]


def worker_context() -> BaseContext:
    """A start method safe in a process that runs threads: forkserver (or spawn)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(WORKER_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class LoaderSettings:
    batch_size: int = 64
    shuffle: bool = True
    num_workers: int = 0
    drop_last: bool = False
    seed: int = 0


class _Recording:
    """Keeps the indices of the current pass in ``last_order`` as they are drawn.

    Lazily, like the sampler it wraps: RandomSampler draws one more permutation from its
    generator after the last index, so reading ahead would change later epochs' orders.
    """

    last_order: list[int] = []

    def __iter__(self) -> Iterator[int]:
        self.last_order = []
        base: Any = super()
        for index in base.__iter__():
            self.last_order.append(index)
            yield index


class RecordingRandomSampler(_Recording, RandomSampler):
    pass


class RecordingSequentialSampler(_Recording, SequentialSampler):
    pass


class MixedSizesError(OperationError):
    """A batch of images of different sizes: the fix is a Resize of ``suggested_resize``."""

    suggested_resize = 64


def check_settings(settings: LoaderSettings) -> None:
    if not 1 <= settings.batch_size <= MAX_BATCH_SIZE:
        raise InputError(msg("batch_size must be between 1 and {limit}.", limit=MAX_BATCH_SIZE),
                         field="batch_size")
    if not 0 <= settings.num_workers <= MAX_WORKERS:
        raise InputError(msg("num_workers must be between 0 and {limit}.", limit=MAX_WORKERS),
                         field="num_workers")


class LoaderSession:
    """A DataLoader over a loaded dataset, and the iterator that "Next batch" advances.

    Mutable and used by one job at a time (the GUI runs its jobs one after another).
    """

    sampler: RecordingRandomSampler | RecordingSequentialSampler

    def __init__(self, loaded: LoadedDataset, transforms: TransformSpec,
                 settings: LoaderSettings) -> None:
        check_settings(settings)
        first = loaded.dataset[0][0] if loaded.length else None
        if isinstance(first, Image.Image):
            check_channels(transforms, len(first.getbands()))
        self.loaded, self.transforms, self.settings = loaded, transforms, settings
        self.dataset: Any = loaded.with_transforms(transforms)  # a sized map-style Dataset
        self.loader = self._make_loader()
        self._iterator: Iterator[Any] | None = None
        # the random transforms' own stream: torch.manual_seed(seed) once, as in the code
        self._rng_state = torch.Generator().manual_seed(settings.seed).get_state()
        self._code_emitted = False
        self.batch_number = 0

    def _make_loader(self) -> DataLoader:
        """What ``DataLoader(dataset, shuffle=True, generator=generator)`` builds, with a
        sampler that records its order: the generator feeds the sampler's permutations and
        the workers' base seed, in the same order as there."""
        s = self.settings
        generator = torch.Generator().manual_seed(s.seed) if s.shuffle else None
        if s.shuffle:
            self.sampler = RecordingRandomSampler(self.dataset, generator=generator)
        else:
            self.sampler = RecordingSequentialSampler(self.dataset)
        context = worker_context() if s.num_workers else None
        return DataLoader(self.dataset, batch_size=s.batch_size, sampler=self.sampler,
                          num_workers=s.num_workers, drop_last=s.drop_last,
                          generator=generator, multiprocessing_context=context,
                          persistent_workers=s.num_workers > 0)

    def batches_per_epoch(self) -> int:
        return len(self.loader)

    @contextmanager
    def own_rng(self) -> Iterator[None]:
        """Run with the session's random stream in torch's global generator, then put the
        app's stream back: the random transforms (and the workers' base seed) draw from
        torch's global generator, which other tabs use too."""
        with torch.random.fork_rng(devices=[]):
            torch.set_rng_state(self._rng_state)
            try:
                yield
            finally:
                self._rng_state = torch.get_rng_state()

    def start_epoch(self) -> Iterator[Any]:
        """A new pass: iter(loader), which draws the next shuffled order."""
        with self.own_rng():
            self._iterator = iter(self.loader)
        self.batch_number = 0
        return self._iterator

    def fetch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The next (features, labels) of the current pass; StopIteration at its end."""
        with self.own_rng():
            if self._iterator is None:
                raise StopIteration
            try:
                return _fetch(self._iterator)
            except MixedSizesError as exc:
                exc.suggested_resize = suggest_resize(self.loaded)
                raise

    def end_epoch(self) -> None:
        self._iterator = None

    def setup_code(self) -> str:
        """The loader's code the first time it is needed; later steps reuse ``loader``."""
        if self._code_emitted:
            return ""
        self._code_emitted = True
        return loader_code(self)

    def next_batch(self) -> tuple[torch.Tensor, torch.Tensor, tuple[int, ...], bool]:
        """(features, labels, indices, new_epoch) of the next batch; a new epoch when done."""
        if not self.batches_per_epoch():
            raise InputError(msg("With drop_last, a batch_size of {size} leaves no batch: the "
                                 "dataset has only {count} items.",
                                 size=self.settings.batch_size, count=len(self.dataset)),
                             field="batch_size")
        new_epoch = self._iterator is None
        if new_epoch:
            self.start_epoch()
        try:
            features, labels = self.fetch()
        except StopIteration:
            self.start_epoch()
            new_epoch = True
            features, labels = self.fetch()
        size = self.settings.batch_size
        start = self.batch_number * size
        self.batch_number += 1
        indices = tuple(self.sampler.last_order[start:start + len(labels)])
        return features, labels, indices, new_epoch


def _fetch(iterator: Iterator[Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """next(iterator), with a clear message when the images cannot be stacked."""
    try:
        return next(iterator)
    except RuntimeError as exc:
        if "stack expects each tensor to be equal size" not in str(exc):
            raise
        raise MixedSizesError(msg("The images of one batch have different sizes, so they "
                                  "cannot be stacked into one tensor. Turn on Resize in "
                                  "Transforms."), field="resize", torch_error=str(exc)) from exc


def suggest_resize(loaded: LoadedDataset, sample: int = 32, largest: int = 128) -> int:
    """A square Resize for images of different sizes: the median shorter side of the first
    ``sample`` items, at most ``largest`` (so a batch stays small and quick to draw)."""
    sides = []
    for index in range(min(sample, loaded.length)):
        image = loaded.dataset[index][0]
        if isinstance(image, Image.Image):
            sides.append(min(image.size))
    return int(min(max(np.median(sides), 8), largest)) if sides else 64


def loader_code(session: LoaderSession) -> Text:
    """Transforms, dataset with transforms, sampler and DataLoader for the session's settings."""
    s, loaded = session.settings, session.loaded
    name = transformed_name(loaded.variable)
    args = (f"batch_size={s.batch_size}, shuffle=True, generator=generator," if s.shuffle
            else f"batch_size={s.batch_size}, shuffle=False,")
    loader = (f"loader = DataLoader({name}, {args}\n"
              f"                    num_workers={s.num_workers}, drop_last={s.drop_last})\n")
    lines: list[str] = [transform_code(session.transforms, loaded.num_classes),
                        loaded.build_code, "from torch.utils.data import DataLoader\n"]
    if s.shuffle:
        loader = compose(
            "# {comment}\ngenerator = torch.Generator().manual_seed({seed})\n{loader}",
            comment=msg("shuffle=True with a seeded generator: the same order on every run"),
            seed=s.seed, loader=loader)
    lines.append(loader)
    if session.transforms.is_random():
        lines.append(compose("torch.manual_seed({seed})  # {comment}\n", seed=s.seed,
                             comment=msg("the random transforms draw from here")))
    return join_texts("\n", lines)


"""The Datasets area's state, without Qt: the source, the loaded dataset, the transform chain,
the DataLoader and how far it has gone, and the last results shown.

The tab is a view of one ``DatasetState``. Each user action is a job method (run on the
app's one serial worker thread, or called directly from a test) that reads and updates this
state and returns a typed result: ``load(spec)`` → ``LoadedDataset``, ``sample_grid(seed, names)``
→ ``GridResult``, ``next_batch(transforms, settings)`` → ``BatchResult``,
``epoch(transforms, settings)`` → ``EpochResult``. Jobs use the dataset loaded when they
run, so a result always belongs to the current dataset. The label map the user edits is
kept with its source (``rename_classes``): loading that source again brings it back.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from engine.core.errors import DataError
from engine.core.progress import Progress
from engine.datasets import browse
from engine.datasets import loader as datasets_loader
from engine.datasets.browse import ClassCounts, GridResult, ItemView, TransformPreview
from engine.datasets.loader import BatchResult, EpochResult, LoaderSession, LoaderSettings
from engine.datasets.sources import LoadedDataset, SourceSpec, load_source
from engine.datasets.transforms import TransformSpec
from engine.i18n.messages import msg


@dataclass(frozen=True)
class ThumbnailBlock:
    """Small images of items ``start``.. of ``source`` (the dataset they were read from)."""

    source: LoadedDataset = field(repr=False, compare=False)
    start: int
    images: tuple[np.ndarray, ...]


@dataclass
class DatasetState:
    spec: SourceSpec | None = None
    loaded: LoadedDataset | None = None
    transforms: TransformSpec = field(default_factory=TransformSpec)
    settings: LoaderSettings = field(default_factory=LoaderSettings)
    loader: LoaderSession | None = None  # the DataLoader and its position
    grid: GridResult | None = None
    batch: BatchResult | None = None
    counts: ClassCounts | None = None
    last_epoch: EpochResult | None = None
    label_maps: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    # --- the dataset --------------------------------------------------------------------
    def load(self, spec: SourceSpec) -> Generator[Progress, None, LoadedDataset]:
        """Job: open ``spec``; the new dataset replaces the old one and its loader. Names the
        user gave this source before are applied, unless ``spec`` brings its own."""
        saved = self.label_maps.get(spec.key(), ())
        if saved and not spec.class_names:
            spec = replace(spec, class_names=saved)
        loaded = yield from load_source(spec)
        self.spec, self.loaded, self.loader = loaded.spec, loaded, None
        self.grid = self.batch = self.counts = self.last_epoch = None
        return loaded

    def current(self) -> LoadedDataset:
        if self.loaded is None:
            raise DataError(msg("Load a dataset first."), field="source")
        return self.loaded

    def rename_classes(self, names: tuple[str, ...]) -> None:
        """The user's label map for the current source, kept with that source."""
        if self.spec is not None:
            self.label_maps[self.spec.key()] = tuple(names)

    def forget_names(self) -> None:
        """The current source goes back to its own label map (e.g. the translated defaults)."""
        if self.spec is not None:
            self.label_maps.pop(self.spec.key(), None)

    def sample_grid(self, seed: int, names: tuple[str, ...] = ()) -> GridResult:
        """Job: the note's 3×3 figure; its code titles it with ``names`` (the label map
        shown), or the dataset's own map."""
        loaded = self.current()
        self.grid = browse.sample_grid(loaded, seed, names or loaded.class_names)
        return self.grid

    def class_counts(self) -> ClassCounts:
        self.counts = browse.class_counts(self.current())
        return self.counts

    def item(self, index: int) -> ItemView:
        return browse.item_view(self.current(), index)

    def preview(self, index: int, transforms: TransformSpec, seed: int) -> TransformPreview:
        return browse.transform_preview(self.current(), index, transforms, seed)

    def thumbnails(self, start: int, stop: int) -> ThumbnailBlock:
        loaded = self.current()
        first, images = browse.thumbnails(loaded, start, stop)
        return ThumbnailBlock(loaded, first, images)

    # --- the DataLoader -----------------------------------------------------------------
    def starts_workers(self, settings: LoaderSettings) -> bool:
        """Whether the next loader step starts worker processes (which takes seconds)."""
        return bool(settings.num_workers) and (self.loader is None
                                               or self.loader.settings != settings)

    def loader_uses(self, transforms: TransformSpec) -> bool:
        return self.loader is not None and self.loader.transforms == transforms

    def suggest_resize(self) -> int:
        """Job: a Resize size that lets images of different sizes be batched."""
        return datasets_loader.suggest_resize(self.current())

    def discard_loader(self) -> None:
        """Forget the loader (e.g. after a cancelled epoch): the next step starts afresh."""
        self.loader = None

    def _session(self, transforms: TransformSpec, settings: LoaderSettings) -> LoaderSession:
        loaded = self.current()
        current = self.loader
        if (current is None or current.loaded is not loaded or current.transforms != transforms
                or current.settings != settings):
            self.loader = None
            current = LoaderSession(loaded, transforms, settings)
        self.loader, self.transforms, self.settings = current, transforms, settings
        return current

    @contextmanager
    def _forgetting_on_error(self) -> Iterator[None]:
        """A step that fails (or an epoch that is cancelled) leaves its loader mid-way: the
        next step starts with a new one."""
        try:
            yield
        except BaseException:
            self.loader = None
            raise

    def next_batch(self, transforms: TransformSpec, settings: LoaderSettings) -> BatchResult:
        """Job: the loader's next batch (a new loader when the chain or settings changed)."""
        with self._forgetting_on_error():
            self.batch = datasets_loader.next_batch(self._session(transforms, settings))
        return self.batch

    def redraw_batch(self, transforms: TransformSpec, settings: LoaderSettings,
                     batch_number: int) -> BatchResult:
        """Job: batch ``batch_number`` of a fresh epoch: the batch on screen again, through
        changed transforms (same seed, so the same indices)."""
        with self._forgetting_on_error():
            self.loader = None
            session = self._session(transforms, settings)
            skip = max(0, min(batch_number, session.batches_per_epoch()) - 1)
            self.batch = datasets_loader.next_batch(session, skip)
        return self.batch

    def epoch(self, transforms: TransformSpec,
              settings: LoaderSettings) -> Generator[Progress, None, EpochResult]:
        """Generator job: one full pass over the loader, with its rates and order."""
        with self._forgetting_on_error():
            result = yield from datasets_loader.run_epoch(self._session(transforms, settings))
        self.last_epoch = result
        return result

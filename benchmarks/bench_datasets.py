"""Datasets tab: image grids (ours vs the note's matplotlib subplots) and epoch overhead.

* the labelled 3×3 grid and a 64-image batch grid, drawn by ``gui.datasets.image_grid``
  (QPainter into a QImage) versus matplotlib's ``add_subplot`` + ``title`` + ``imshow`` as
  in the study note, same images, same size: ratio matplotlib / ours (target ≥ 20);
  matplotlib is a dev-only dependency: without it those figures are reported as skipped;
* one epoch through our epoch job (the generator the worker drains, with its progress and
  order recording, and the same job run by the JobRunner with Qt signals) versus a bare
  ``for x, y in loader`` loop with the same settings: overhead in % (target ≤ 10), on the
  shipped excerpt always, on the full Fashion-MNIST when its files are found (else a
  skipped figure) and on 6,000 generated items;
* scrolling the thumbnail view through 60,000 items (median step, target ≤ 16 ms).
"""

from __future__ import annotations

import math
import os
import statistics
import tempfile
from pathlib import Path

from benchmarks.core import Figure, median_seconds, ratio, skipped

GRID_SIZE = (640, 640)
EPOCH_ITEMS = 6000
EPOCH_ROUNDS = 15
MIN_ROUNDS = 5
EPOCH_BUDGET_S = 60.0
SAMPLE_S = 0.25  # each timed sample lasts about this long


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _matplotlib():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    return plt


def _note_figure(plt, images, titles, columns):
    """The note's loop: one subplot per image, titled, axis off, imshow gray."""
    rows = -(-len(images) // columns)
    figure = plt.figure(figsize=(GRID_SIZE[0] / 100, GRID_SIZE[1] / 100), dpi=100)
    for i, (image, title) in enumerate(zip(images, titles, strict=True), start=1):
        figure.add_subplot(rows, columns, i)
        plt.title(title)
        plt.axis("off")
        plt.imshow(image, cmap="gray")
    figure.canvas.draw()
    plt.close(figure)


def _grid_figures(name, images, titles, columns) -> list[Figure]:
    from PySide6.QtCore import QSize

    from gui.datasets.image_grid import render_grid

    _app()
    ours = median_seconds(lambda: render_grid(images, titles, columns, QSize(*GRID_SIZE)),
                          repeats=15, warmup=2)
    figures = [Figure(f"{name}: our grid (QPainter)", ours * 1000, "ms")]
    plt = _matplotlib()
    if plt is None:
        figures.append(skipped(f"{name}: matplotlib / ours", "x", "matplotlib not installed",
                               note="install the dev extra: pip install -e .[dev]"))
        return figures
    theirs = median_seconds(lambda: _note_figure(plt, images, titles, columns), repeats=5)
    figures.append(Figure(f"{name}: note's matplotlib subplots", theirs * 1000, "ms"))
    figures.append(Figure(f"{name}: matplotlib / ours", ratio(theirs, ours), "x",
                          target={"min": 20}))
    return figures


def _epoch_dataset(folder: Path):
    from engine.datasets.idx import FILE_NAMES, IMAGES_MAGIC, LABELS_MAGIC
    from engine.datasets.sample import generate, idx_bytes
    from engine.datasets.sources import FASHION, SourceSpec, load_source

    raw = folder / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    images, labels = generate(EPOCH_ITEMS, 1)
    for train in (True, False):
        (raw / FILE_NAMES[(train, "images")]).write_bytes(idx_bytes(images, IMAGES_MAGIC))
        (raw / FILE_NAMES[(train, "labels")]).write_bytes(idx_bytes(labels, LABELS_MAGIC))
    job = load_source(SourceSpec(FASHION, str(folder)))
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


def _drain(generator):
    while True:
        try:
            next(generator)
        except StopIteration as stop:
            return stop.value


def _through_runner(runner, job_fn, *args) -> None:
    """The job as the app runs it: on the app's one worker, the GUI thread waiting in Qt's
    event loop (one runner for every repetition, as in the app: no thread start per run)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    runner.run(job_fn, *args, on_progress=lambda _p: None, on_done=loop.quit)
    loop.exec()


def _job_runner():
    from gui.core.workers import JobRunner

    _app()
    return JobRunner()


def _epoch_overhead(label: str, loaded) -> list[Figure]:
    """One epoch through our job (and through the JobRunner) against a bare DataLoader loop
    with the same settings.

    A single epoch of the excerpt lasts ~0.1 s, where this shared machine's noise alone
    swings a timing by ±25 %. So each sample runs enough epochs back to back to last about
    SAMPLE_S, the three variants are interleaved in a rotating order over up to
    EPOCH_ROUNDS rounds, and each overhead is the median of the rounds' own ratios
    (paired, so that a slow stretch of the machine hits numerator and denominator alike).
    """
    import torch
    from torch.utils.data import DataLoader

    from engine.datasets.loader import LoaderSession, LoaderSettings, run_epoch
    from engine.datasets.transforms import TransformSpec

    spec, settings = TransformSpec(), LoaderSettings(batch_size=64, seed=0)
    session = LoaderSession(loaded, spec, settings)
    loader = DataLoader(loaded.with_transforms(spec), batch_size=64, shuffle=True,
                        generator=torch.Generator().manual_seed(0))  # as the code shown

    def bare():
        for _x, _y in loader:
            pass

    runner = _job_runner()
    actions = {"bare": bare, "job": lambda: _drain(run_epoch(session)),
               "runner": lambda: _through_runner(runner, run_epoch, session)}
    for action in actions.values():  # warm-up: first-use imports and caches
        action()
    epoch_s = median_seconds(bare, repeats=3, warmup=0)
    epochs = max(1, math.ceil(SAMPLE_S / epoch_s))
    # a 60,000-item epoch lasts seconds: fewer rounds keep the run within ~EPOCH_BUDGET_S
    rounds = max(MIN_ROUNDS, min(EPOCH_ROUNDS,
                                 int(EPOCH_BUDGET_S / (len(actions) * epochs * epoch_s))))
    timings = _interleaved(actions, epochs, rounds)
    runner.shutdown()
    bare_s = statistics.median(timings["bare"]) / epochs

    def overhead(key: str) -> float:
        pairs = zip(timings[key], timings["bare"], strict=True)
        return (statistics.median(t / b for t, b in pairs) - 1) * 100

    note = f"{rounds} interleaved rounds of {epochs} epoch(s) each; median paired ratio"
    return [
        Figure(f"epoch {label}: bare for x, y in loader", bare_s * 1000, "ms", note=note),
        Figure(f"epoch {label}: our job (generator) overhead", overhead("job"), "%",
               target={"max": 10}),
        Figure(f"epoch {label}: our job via JobRunner overhead", overhead("runner"), "%",
               target={"max": 10}),
    ]


def _interleaved(actions: dict, epochs: int, rounds: int) -> dict[str, list[float]]:
    """Seconds per sample of ``epochs`` runs of each action, ``rounds`` rounds, the order
    rotated each round so that no variant always runs first (or right after a collection)."""
    import gc
    import time

    keys = list(actions)
    timings: dict[str, list[float]] = {key: [] for key in keys}
    for round_ in range(rounds):
        shift = round_ % len(keys)
        for key in keys[shift:] + keys[:shift]:
            gc.collect()
            start = time.perf_counter()
            for _ in range(epochs):
                actions[key]()
            timings[key].append(time.perf_counter() - start)
    return timings


def _full_fashion_root() -> Path | None:
    """The full Fashion-MNIST, where a user would keep it (nothing is downloaded)."""
    candidates = [os.environ.get("TORCHSCOPE_FASHION_MNIST_ROOT", ""), "~/data",
                  "~/.cache/torchscope", "./data"]
    for candidate in filter(None, candidates):
        root = Path(candidate).expanduser()
        if (root / "FashionMNIST" / "raw" / "train-images-idx3-ubyte").is_file():
            return root
    return None


def _epoch_figures() -> list[Figure]:
    from engine.datasets.sources import EXCERPT, FASHION, SourceSpec, load_source

    figures = _epoch_overhead("excerpt 1,000 real items",
                              _drain(load_source(SourceSpec(EXCERPT))))
    full = _full_fashion_root()
    if full is None:
        figures.append(skipped("epoch full Fashion-MNIST (60,000): our job overhead", "%",
                               "full Fashion-MNIST not found (set "
                               "TORCHSCOPE_FASHION_MNIST_ROOT)"))
    else:
        figures += _epoch_overhead("full Fashion-MNIST 60,000",
                                   _drain(load_source(SourceSpec(FASHION, str(full)))))
    with tempfile.TemporaryDirectory() as folder:
        figures += _epoch_overhead("6,000 generated items", _epoch_dataset(Path(folder)))
        figures += _thumbnail_figures(_sixty_thousand(_epoch_dataset(Path(folder) / "big")))
    return figures


def _thumbnail_figures(loaded) -> list[Figure]:
    """Scroll through 60,000 thumbnails: each step moves the bar and repaints the view."""
    import time as clock

    from engine.datasets.browse import thumbnails
    from gui.datasets.thumbnails import BLOCK_SIZE, ThumbnailView

    app = _app()
    view = ThumbnailView()
    view.resize(420, 560)
    model = view.thumbnail_model
    model.block_needed.connect(  # synchronous here, so each step pays for its reads too
        lambda start: model.add_block(*thumbnails(loaded, start, start + BLOCK_SIZE)))
    model.reset(loaded.labels, ["item"])
    view.show()
    app.processEvents()
    bar = view.verticalScrollBar()
    steps = []
    for step in range(200):
        start = clock.perf_counter()
        bar.setValue(int(bar.maximum() * step / 199))
        view.viewport().repaint()
        app.processEvents()
        steps.append(clock.perf_counter() - start)
    view.close()
    return [Figure("thumbnails: 60,000 items, one scroll step + repaint (median)",
                   statistics.median(steps) * 1000, "ms", target={"max": 16}),
            Figure("thumbnails: slowest scroll step", max(steps) * 1000, "ms")]


def _sixty_thousand(loaded):
    """The epoch dataset repeated to 60,000 items (as many as Fashion-MNIST's train set)."""
    from dataclasses import replace

    import numpy as np
    import torch

    dataset = loaded.dataset
    reps = 60_000 // len(dataset)
    dataset.data = dataset.data.repeat(reps, 1, 1)
    dataset.targets = dataset.targets.repeat(reps)
    labels = np.tile(loaded.labels, reps)
    assert isinstance(dataset.data, torch.Tensor)
    return replace(loaded, dataset=dataset, length=len(labels), labels=labels)


def _excerpt_figures() -> tuple[list[Figure], list, list[str]]:
    """Loading the shipped excerpt (as the app does at start), and its first 64 images."""
    import numpy as np

    from engine.datasets.sources import EXCERPT, FASHION_CLASSES, SourceSpec, load_source

    seconds = median_seconds(lambda: _drain(load_source(SourceSpec(EXCERPT))), repeats=5,
                             warmup=1)
    loaded = _drain(load_source(SourceSpec(EXCERPT)))
    images = [np.asarray(loaded.dataset[i][0]) for i in range(64)]
    titles = [FASHION_CLASSES[int(label)] for label in loaded.labels[:64]]
    return [Figure("excerpt (1,000 real items): load", seconds * 1000, "ms")], images, titles


def run() -> list[Figure]:
    figures, images, titles = _excerpt_figures()
    figures += _grid_figures("3x3 labelled grid", list(images[:9]), titles[:9], 3)
    figures += _grid_figures("64-image batch grid", list(images), titles, 8)
    figures += _epoch_figures()
    return figures

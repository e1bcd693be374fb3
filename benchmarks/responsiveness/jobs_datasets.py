"""The Datasets tab's jobs: the thumbnails scrolled and one epoch over 60,000 items: the
full Fashion-MNIST when its raw files are found, else the built-in excerpt repeated to the
same size (``full_size_excerpt``)."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.responsiveness.full_size_excerpt import full_size_root
from benchmarks.responsiveness.harness import (
    ROOT,
    START,
    TAIL_MS,
    Bench,
    Idle,
    JobScript,
    Skip,
    Sleep,
    Until,
)

FULL_TRAIN_IMAGES_BYTES = 16 + 60_000 * 28 * 28


def _full_fashion_root() -> Path | None:
    candidates = [os.environ.get("TORCHSCOPE_FASHION_MNIST_ROOT", ""),
                  "~/data", "~/.cache/torchscope", str(ROOT / "data")]
    for text in filter(None, candidates):
        root = Path(text).expanduser()
        images = root / "FashionMNIST" / "raw" / "train-images-idx3-ubyte"
        if images.is_file() and images.stat().st_size == FULL_TRAIN_IMAGES_BYTES:
            return root
    return None


def _dataset_label(bench: Bench) -> str:
    loaded = bench.tab("datasets").state.loaded
    kind = "full Fashion-MNIST" if _full_fashion_root() else "the excerpt repeated"
    return f"{loaded.length:,} items, {kind}" if loaded is not None else "no dataset"


def _open_dataset(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    from engine.datasets.sources import FASHION, SourceSpec

    loaded = tab.state.loaded
    if loaded is None or loaded.length != 60_000:
        root = _full_fashion_root() or full_size_root()
        tab.source_panel.set_spec(SourceSpec(kind=FASHION, root=str(root), train=True))
        yield Idle()
        tab.source_panel.load_button.click()
        yield Until(lambda: tab.state.loaded is not None and tab.state.loaded.length == 60_000,
                    "60,000 Fashion-MNIST items to load", timeout_s=120)
    yield Idle()
    if tab.state.loaded is None:
        raise Skip("no dataset is loaded in the Datasets tab")


def thumbnails(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    yield from _open_dataset(bench)
    bench.rename(f"thumbnails scroll ({_dataset_label(bench)})")
    tab.pages.setCurrentWidget(tab.browse_panel)
    view = tab.browse_panel.thumbnails
    yield Idle()
    yield START
    bar = view.verticalScrollBar()
    for i in range(60):
        bar.setValue(int(bar.maximum() * i / 59))
        yield Sleep(16)
    yield Idle()
    yield Sleep(TAIL_MS)


def epoch(bench: Bench) -> JobScript:
    tab = bench.tab("datasets")
    yield from _open_dataset(bench)
    bench.rename(f"one epoch ({_dataset_label(bench)})")
    tab.pages.setCurrentIndex(0)
    panel = tab.loader_panel
    yield Idle()
    yield START
    panel.epoch_button.click()
    yield Idle(timeout_s=180, what="the epoch")
    if not panel.epoch_button.isEnabled():
        raise Skip("the epoch did not end")
    yield Sleep(TAIL_MS)

"""Tensors tab: snapshot → painted heatmap versus bare pyqtgraph, and table scrolling.

Figures:
- heatmap N²: median seconds from ``TensorViewer.set_snapshot`` to the heatmap painted
  (grabbed), for a float32 N×N snapshot, and the same for a bare ``ImageItem.setImage`` +
  paint of the same array in a same-sized plot with the same colour map; their ratio
  (target ≤ 1.5). Big planes are drawn with sampled levels (as pyqtgraph's autoLevels
  does); the exact min/max/NaN counts for the facts are timed separately.
- table scroll: median frame time of the values table over a 10^7-element tensor (1-D,
  and 2-D 3163×3163): a jump to a random position, and a wheel-sized step.
"""

from __future__ import annotations

import random
import statistics
import time

import numpy as np

from benchmarks.core import Figure, median_seconds, ratio

SIZE = (900, 600)


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _snapshot(values: np.ndarray, name: str):
    import torch

    from engine.core.snapshot import snapshot

    return snapshot(torch.from_numpy(values), name)


def _interleaved(first, second, repeats: int) -> tuple[float, float]:
    """Medians of two actions timed turn by turn, so that load from other processes hits
    both alike (the ratio is what matters)."""
    first(), second()
    times: tuple[list, list] = ([], [])
    for _ in range(repeats):
        for action, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            action()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _heatmap_figures(n: int) -> list[Figure]:
    import pyqtgraph as pg

    from gui.widgets.tensor_viewer import TensorViewer

    app = _app()
    rng = np.random.default_rng(n)
    snaps = [_snapshot(rng.random((n, n), dtype=np.float32), "x") for _ in range(2)]
    viewer = TensorViewer()
    viewer.resize(*SIZE)
    viewer.show()
    app.processEvents()
    graphics = viewer.heatmap.graphics
    bare = pg.GraphicsLayoutWidget()
    bare.resize(graphics.size())
    bare_plot = bare.addPlot()
    # Same memory layout and colour map as ours, so the ratio measures our own overhead
    # (levels, slicing, table, facts, colour bar), not a cheaper grey-scale render.
    bare_item = pg.ImageItem(axisOrder="row-major")
    bare_item.setColorMap(pg.colormap.get("viridis"))
    bare_plot.addItem(bare_item)
    bare.show()
    app.processEvents()
    turn = iter(range(10**6))

    def ours():
        viewer.set_snapshot(snaps[next(turn) % 2])
        # A big plane is drawn at the next event-loop turn (its table and exact facts
        # later still): draw it now, so the grab paints the new plane, not the old one.
        viewer._steps.run_now("show")
        graphics.grab()

    def pyqtgraph_only():
        bare_item.setImage(snaps[next(turn) % 2].values)
        bare.grab()

    ours_s, bare_s = _interleaved(ours, pyqtgraph_only, repeats=7)
    exact_s = median_seconds(viewer._update_exact_levels, repeats=5)
    viewer.close()
    bare.close()
    label = f"heatmap {n}x{n} float32"
    return [
        Figure(f"{label}: snapshot → painted (TensorViewer)", ours_s * 1000, "ms"),
        Figure(f"{label}: bare ImageItem.setImage + paint", bare_s * 1000, "ms"),
        Figure(f"{label}: overhead ratio", ratio(ours_s, bare_s), "x", {"max": 1.5}),
        Figure(f"{label}: exact facts after the paint", exact_s * 1000, "ms",
               note="min/max/NaN counts for the facts, run right after the heatmap is painted"),
    ]


def _frame_times(app, tables, frames: int) -> tuple[list[list[float]], list[list[float]]]:
    """Frame times for random jumps and for wheel-sized steps of each table view, per table.

    The tables take turns frame by frame (the same random positions for each, the order
    alternating), so that a slow stretch of this shared machine hits them alike.
    """
    moves = [(t.verticalScrollBar(), t.horizontalScrollBar()) for t in tables]
    rngs = [random.Random(0) for _ in tables]

    def frame(bars, move) -> float:
        start = time.perf_counter()
        for bar in bars:
            bar.setValue(move(bar))
        app.processEvents()  # the scroll's layout and paint happen here, as in the app
        return time.perf_counter() - start

    def take_turns(move_for) -> list[list[float]]:
        times: list[list[float]] = [[] for _ in tables]
        for i in range(frames):
            order = range(len(tables)) if i % 2 == 0 else reversed(range(len(tables)))
            for k in order:
                times[k].append(frame(moves[k], move_for(k)))
        return times

    jumps = take_turns(lambda k: lambda bar: rngs[k].randint(0, bar.maximum()))
    wheel = take_turns(lambda k: lambda bar: (bar.value() + 3) % (bar.maximum() + 1))
    return jumps, wheel


def _baseline_table(shape: tuple[int, int], like):
    """A QTableView of the same size and geometry over a model that returns one constant
    string: the floor of what Qt itself needs to paint the same cells."""
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtWidgets import QTableView

    class ConstantModel(QAbstractTableModel):
        def rowCount(self, parent=None):  # noqa: N802
            return shape[0]

        def columnCount(self, parent=None):  # noqa: N802
            return shape[1]

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return "0.123456" if role == Qt.ItemDataRole.DisplayRole else None

    table = QTableView()
    table.setModel(ConstantModel(table))
    for mine, theirs in ((like.horizontalHeader(), table.horizontalHeader()),
                         (like.verticalHeader(), table.verticalHeader())):
        theirs.setSectionResizeMode(mine.sectionResizeMode(0))
        theirs.setDefaultSectionSize(mine.defaultSectionSize())
    table.setFont(like.font())
    table.resize(like.size())
    return table


def _scroll_frames_ms(values: np.ndarray, label: str, frames: int = 40) -> list[Figure]:
    from gui.widgets.tensor_viewer import TensorViewer

    app = _app()
    viewer = TensorViewer()
    viewer.resize(*SIZE)
    viewer.show()
    viewer.set_snapshot(_snapshot(values, "big"))
    viewer.show_view("values")
    app.processEvents()
    model = viewer.table_model
    floor = _baseline_table((model.rowCount(), model.columnCount()), viewer.table)
    floor.show()
    app.processEvents()
    (ours_jump, floor_jump), (ours_wheel, _floor_wheel) = _frame_times(
        app, (viewer.table, floor), frames)
    viewer.close()
    floor.close()
    med = statistics.median
    return [
        Figure(f"values table, {label}: jump + paint (median)", med(ours_jump) * 1000, "ms",
               note="jump to a random position: every visible cell repainted"),
        Figure(f"values table, {label}: wheel step + paint (median)", med(ours_wheel) * 1000,
               "ms", {"max": 16.7}, note="scroll by 3 rows and 3 columns, as a mouse wheel"),
        Figure(f"values table, {label}: jump vs constant-model QTableView",
               med(ratio(a, b) for a, b in zip(ours_jump, floor_jump, strict=True)), "x",
               {"max": 1.5}, note=f"median of paired frames; Qt's own floor for the same "
                                  f"cells: {med(floor_jump) * 1000:.1f} ms"),
    ]


def run() -> list[Figure]:
    figures = []
    for n in (2048, 4096):
        figures.extend(_heatmap_figures(n))
    figures.extend(_scroll_frames_ms(np.arange(10**7, dtype=np.float32), "10^7 elements 1-D"))
    side = 3163
    figures.extend(_scroll_frames_ms(
        np.arange(side * side, dtype=np.float32).reshape(side, side), "3163x3163 2-D"))
    return figures

"""Autograd graphs of real models: grouped (collapsed) and fully open views, against ``dot``.

For every model preset (random weights, batch 1) in one run: build + forward, then the
time from the forward pass to the first drawn collapsed view (extract + group by module +
layout + draw), the same for the fully open view, opening one group (the largest
top-level one), and the frame time while panning the fully open view. Graphviz ``dot`` on
the fully open graph is compared where it is installed (median of DOT_REPEATS runs against
the median of LAYOUT_REPEATS of our layouts); otherwise the figure is skipped.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.core import Figure, ratio, skipped

DOT_TIME_LIMIT_S = 60
DOT_REPEATS = 3
DOT_REPEAT_UNDER_S = 5.0
LAYOUT_REPEATS = 5
PAN_FRAMES = 30
MODELS = (("tiny", "tiny MLP"), ("transformer", "TransformerEncoder"),
          ("resnet18", "ResNet-18"), ("resnet50", "ResNet-50"), ("resnet152", "ResNet-152"),
          ("densenet121", "DenseNet-121"), ("densenet201", "DenseNet-201"),
          ("mobilenet_v3_small", "MobileNetV3-Small"), ("vit_b_16", "ViT-B/16"))
DOT_HINT = ("the comparison needs Graphviz's dot: on Debian/Ubuntu `sudo apt-get install "
            "graphviz` (other systems: https://graphviz.org/download/)")


def _forward(key: str):
    """Run preset ``key``'s program with module hooks; (seconds, out, names, recorder)."""
    import math

    import torch

    from engine.autograd.modules import record_module_calls
    from engine.autograd.presets.catalogue import PRESET_CODE, _names
    from engine.autograd.presets.source import program_stages
    from engine.autograd.presets.table import PRESETS

    namespace = {"torch": torch, "math": math}
    start = time.perf_counter()
    for stage, code in program_stages(PRESET_CODE[key], PRESETS[key].stages):
        if stage == "forward":
            with record_module_calls(namespace["model"]) as recorder:
                exec(code, namespace)  # the constant preset programs
        else:
            exec(code, namespace)
    return time.perf_counter() - start, namespace["out"], _names(namespace), recorder


def _window():
    from PySide6.QtWidgets import QApplication

    from gui.autograd.graph_view import GraphView

    app = QApplication.instance() or QApplication([])
    view = GraphView()
    view.resize(900, 650)
    view.show()
    app.processEvents()
    return app, view


def _drawn(app, window, view, keep: bool = False) -> None:
    """Show ``view`` and wait until it is drawn (a large view takes a few loop turns)."""
    window.set_view(view, keep=keep)
    while window.drawing():
        app.processEvents()
    app.processEvents()
    window.grab()


class _PaintCounter:
    """Counts the paint events a widget receives (so a frame is known to be drawn)."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)
        self._widget = widget

    def remove(self) -> None:
        self._widget.removeEventFilter(self._filter)


def drag_step(box, dx: float, dy: float) -> None:
    """What pyqtgraph's ViewBox does for one mouse-drag step (``mouseDragEvent``)."""
    box._resetTarget()
    box.translateBy(x=dx, y=dy)
    box.sigRangeChangedManually.emit(box.state["mouseEnabled"])


def wheel_step(box, factor: float) -> None:
    """What pyqtgraph's ViewBox does for one wheel step (``wheelEvent``)."""
    box._resetTarget()
    box.scaleBy((factor, factor))
    box.sigRangeChangedManually.emit(box.state["mouseEnabled"])


def _pan(app, window) -> float:
    """Median milliseconds per frame while panning the view drawn in ``window``.

    A frame is one drag step (``drag_step``, what a mouse drag does) and the event-loop
    turns that follow until the view has repainted: our range handlers, Qt's repaint of the
    plot and of the minimap on top of it, and the flush. A step that repaints nothing fails.
    """
    box = window.plot.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    box.setRange(xRange=(x0, x0 + (x1 - x0) / 4), yRange=(y0, y0 + (y1 - y0) / 4), padding=0)
    app.processEvents()
    painted = _PaintCounter(window.plot.viewport())
    frames = []
    try:
        for i in range(PAN_FRAMES):
            before = painted.count
            start = time.perf_counter()
            drag_step(box, (x1 - x0) / 200 * (1 if i % 20 < 10 else -1), (y1 - y0) / 100)
            while painted.count == before and time.perf_counter() - start < 1.0:
                app.processEvents()
            frames.append((time.perf_counter() - start) * 1000)
            if painted.count == before:
                raise RuntimeError("a pan step did not repaint the graph view")
    finally:
        painted.remove()
    return statistics.median(frames)


def _model_figures(app, window, key: str, label: str) -> tuple[list[Figure], object]:
    from engine.autograd.graph import extract_grad_graph
    from engine.autograd.grouped import all_open, default_open, visible_graph
    from engine.autograd.modules import group_nodes

    forward, out, names, recorder = _forward(key)
    start = time.perf_counter()
    graph, live = extract_grad_graph([out], names)
    groups = group_nodes(graph, live, recorder)
    collapsed = visible_graph(graph, groups, default_open(groups))
    _drawn(app, window, collapsed)
    first = time.perf_counter() - start
    biggest = max((i for i in collapsed.items if i.kind == "group"), key=lambda i: i.count)
    start = time.perf_counter()
    _drawn(app, window, visible_graph(graph, groups, collapsed.open_calls | {biggest.call}),
           keep=True)
    opening = time.perf_counter() - start
    start = time.perf_counter()
    graph, live = extract_grad_graph([out], names)
    groups = group_nodes(graph, live, recorder)
    full = visible_graph(graph, groups, all_open(groups))
    _drawn(app, window, full)
    opened = time.perf_counter() - start
    name = f"{label} ({graph.node_count} nodes)"
    return [
        Figure(f"{name}: build + forward", forward, "s"),
        Figure(f"{name}: collapsed view drawn after forward", first, "s", {"max": 0.5}),
        Figure(f"{name}: fully open view drawn after forward", opened, "s", {"max": 1.5}),
        Figure(f"{name}: opening {biggest.label}", opening * 1000, "ms", {"max": 100.0}),
        Figure(f"{name}: frame time panning the open view", _pan(app, window), "ms",
               {"max": 16.0}),
    ], (graph, _layout_seconds(full.seconds, lambda: visible_graph(graph, groups,
                                                                  all_open(groups))))


def _layout_seconds(first: float, lay_out) -> float:
    """Median layout time of the fully open view over LAYOUT_REPEATS layouts (one timing
    of ~50 ms on this shared machine swings by ±40 %, and it is the ratio's denominator)."""
    return statistics.median([first] + [lay_out().seconds for _ in range(LAYOUT_REPEATS - 1)])


def _dot_seconds(graph) -> float | None:
    """Median wall time of ``dot -Tplain`` on the graph over DOT_REPEATS runs (one run when
    it takes over DOT_REPEAT_UNDER_S); None if a run is over the limit."""
    from engine.autograd.layout import dot_source

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.dot"
        path.write_text(dot_source(graph), encoding="utf-8")
        times = []
        for _ in range(DOT_REPEATS):
            start = time.perf_counter()
            try:
                subprocess.run(["dot", "-Tplain", str(path), "-o",
                                str(path.with_suffix(".txt"))],
                               check=True, timeout=DOT_TIME_LIMIT_S, capture_output=True)
            except subprocess.TimeoutExpired:
                return None
            times.append(time.perf_counter() - start)
            if times[-1] > DOT_REPEAT_UNDER_S:  # a long run is steady enough alone
                break
        return statistics.median(times)


def _dot_figure(label: str, graph, ours: float) -> Figure:
    name = f"{label}: dot time / our layout time (fully open)"
    target = {"min": 10.0} if label == "ResNet-50" else None
    if shutil.which("dot") is None:
        return skipped(name, "×", "dot not installed", note=DOT_HINT)
    dot = _dot_seconds(graph)
    if dot is None:
        return Figure(name, ratio(DOT_TIME_LIMIT_S, ours), "×", target,
                      note=f"dot did not finish within {DOT_TIME_LIMIT_S} s (lower bound)")
    return Figure(name, ratio(dot, ours), "×", target,
                  note=f"dot {dot:.2f} s, ours {ours * 1000:.1f} ms")


def _warm_up(app, window) -> None:
    """What the app has done before a preset runs: igraph imported, a first graph drawn."""
    _model_figures(app, window, "tiny", "warm-up")


def run() -> list[Figure]:
    app, window = _window()
    figures: list[Figure] = []
    try:
        _warm_up(app, window)
        for key, label in MODELS:
            found, (graph, layout_s) = _model_figures(app, window, key, label)
            figures += found
            figures.append(_dot_figure(label, graph, layout_s))
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return figures

"""Autograd graphs: extraction + layout, against Graphviz ``dot``, drawing and panning.

Graphs: the note's example, ResNet-18, ResNet-50, DenseNet-121 (random weights, 1×3×64×64
input) and a chain of 2,000 operations. ``dot`` is only compared when it is installed;
otherwise the comparison is printed as skipped.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.core import Figure, median_seconds, ratio, skipped

DOT_TIME_LIMIT_S = 60
PAN_FRAMES = 40
DOT_HINT = ("the comparison needs Graphviz's dot: on Debian/Ubuntu `sudo apt-get install "
            "graphviz` (other systems: https://graphviz.org/download/)")


def _finish(generator):
    try:
        while True:
            next(generator)
    except StopIteration as stop:
        return stop.value


def _roots() -> dict:
    """name -> (roots, names) of every benchmarked graph."""
    import math

    import torch

    from engine.autograd.presets.catalogue import PRESET_CODE, _names
    from engine.autograd.program import NOTE_EXAMPLE, run_program

    program = run_program(NOTE_EXAMPLE)
    graphs = {"note example": ([program.root], program.live.tensors)}
    for key, label in (("resnet18", "ResNet-18"), ("resnet50", "ResNet-50"),
                       ("densenet121", "DenseNet-121"), ("chain2000", "2000-op chain")):
        namespace = {"torch": torch, "math": math}
        exec(PRESET_CODE[key], namespace)  # the constant preset programs
        graphs[label] = ([namespace["out"]], _names(namespace))
    return graphs


def _dot_seconds(graph) -> float | None:
    """Wall time of ``dot -Tplain`` on the graph; None if over the limit."""
    from engine.autograd.layout import dot_source

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.dot"
        path.write_text(dot_source(graph), encoding="utf-8")
        start = time.perf_counter()
        try:
            subprocess.run(["dot", "-Tplain", str(path), "-o", str(path.with_suffix(".txt"))],
                           check=True, timeout=DOT_TIME_LIMIT_S, capture_output=True)
        except subprocess.TimeoutExpired:
            return None
        return time.perf_counter() - start


def _draw_and_pan(graph, layout) -> tuple[float, float]:
    """(seconds to draw the graph once, median ms per frame while panning)."""
    from PySide6.QtWidgets import QApplication

    from gui.autograd.graph_view import GraphView

    app = QApplication.instance() or QApplication([])
    view = GraphView()
    view.resize(900, 650)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_graph(graph, layout)
    view.grab()
    drawn = time.perf_counter() - start
    box = view.plot.getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    box.setRange(xRange=(x0, x0 + (x1 - x0) / 4), yRange=(y0, y0 + (y1 - y0) / 4), padding=0)
    frames = []
    for i in range(PAN_FRAMES):
        box.translateBy(x=(x1 - x0) / 200 * (1 if i % 20 < 10 else -1), y=(y1 - y0) / 100)
        start = time.perf_counter()
        app.processEvents()
        view.plot.grab()
        frames.append((time.perf_counter() - start) * 1000)
    view.close()
    view.deleteLater()
    app.processEvents()
    return drawn, statistics.median(frames)


def run() -> list[Figure]:
    from engine.autograd.graph import extract_grad_graph
    from engine.autograd.layout import layered_layout

    figures: list[Figure] = []
    has_dot = shutil.which("dot") is not None
    for label, (roots, names) in _roots().items():
        graph, _ = extract_grad_graph(roots, names)
        extract = median_seconds(lambda r=roots, n=names: extract_grad_graph(r, n), repeats=3)
        layout_s = median_seconds(lambda g=graph: layered_layout(g), repeats=3)
        figures.append(Figure(f"{label}: extract ({graph.node_count} nodes)", extract * 1000,
                              "ms"))
        figures.append(Figure(f"{label}: layout", layout_s * 1000, "ms"))
        layout = layered_layout(graph)
        if label == "DenseNet-121":
            drawn, _ = _draw_and_pan(graph, layout)
            figures.append(Figure("DenseNet-121: extract + layout + draw",
                                  extract + layout_s + drawn, "s", {"max": 1.0}))
        if label == "ResNet-50":
            _, frame_ms = _draw_and_pan(graph, layout)
            figures.append(Figure("ResNet-50: frame time while panning", frame_ms, "ms",
                                  {"max": 33.0}))
        figures.append(_dot_figure(label, graph, layout_s, has_dot))
    return figures


def _dot_figure(label: str, graph, ours: float, has_dot: bool) -> Figure:
    target = {"min": 10.0} if label == "ResNet-50" else None
    if not has_dot:
        return skipped(f"{label}: dot time / our layout time", "×", "dot not installed",
                       note=DOT_HINT)
    dot = _dot_seconds(graph)
    if dot is None:
        return Figure(f"{label}: dot time / our layout time", ratio(DOT_TIME_LIMIT_S, ours),
                      "×", target, note=f"dot did not finish within {DOT_TIME_LIMIT_S} s "
                                        "(ratio is a lower bound)")
    return Figure(f"{label}: dot time / our layout time", ratio(dot, ours), "×", target,
                  note=f"dot {dot:.2f} s, ours {ours * 1000:.1f} ms")

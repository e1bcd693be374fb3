"""The monkey benchmark's accounting of what a graph on screen holds (tools.monkey_memory)."""

from __future__ import annotations

import torch

from engine.autograd.backward import record_backward
from engine.autograd.graph import extract_grad_graph
from tools.monkey_memory import graph_storages, record_storages


def _model_graph():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(256, 512), torch.nn.ReLU(),
                                torch.nn.Linear(512, 4))
    x = torch.randn(64, 256)
    out = model(x).sum()
    _graph, live = extract_grad_graph([out], {"x": x, "out": out})
    return model, x, live


def test_a_graph_counts_its_parameters_and_the_activations_saved_for_backward():
    model, x, live = _model_graph()
    storages: dict[int, int] = {}
    graph_storages(live, storages)
    parameters = sum(p.untyped_storage().nbytes() for p in model.parameters())
    hidden = 64 * 512 * 4  # the ReLU's output, saved for backward, is in no namespace
    assert sum(storages.values()) >= parameters + x.untyped_storage().nbytes() + hidden


def test_after_backward_the_freed_activations_are_not_counted_but_gradients_are():
    model, _x, live = _model_graph()
    before: dict[int, int] = {}
    graph_storages(live, before)
    live.roots[0].backward()
    after: dict[int, int] = {}
    graph_storages(live, after)
    gradients = sum(p.grad.untyped_storage().nbytes() for p in model.parameters())
    assert sum(after.values()) >= gradients
    assert not set(after) - set(before) - {p.grad.untyped_storage().data_ptr()
                                           for p in model.parameters()}


def test_a_backward_record_counts_each_kept_gradient_once():
    _model, _x, live = _model_graph()
    record = record_backward(live, live.roots[0])
    storages: dict[int, int] = {}
    record_storages(record, storages)
    kept = {v.values.untyped_storage().data_ptr(): v.values.nbytes for s in record.steps
            for v in (*s.grads_in, *s.grads_out) if v.values is not None}
    assert kept and storages == kept
    record_storages(None, storages)  # no backward yet: nothing more
    assert storages == kept


def test_the_images_a_grid_draws_are_counted_with_their_pixels(qtbot):
    import numpy as np
    from PySide6.QtWidgets import QWidget

    from gui.datasets.image_grid import ImageGrid
    from tools.monkey_memory import shown_image_bytes

    window = QWidget()
    qtbot.addWidget(window)
    grid = ImageGrid(window)
    assert shown_image_bytes(window) == 0
    grid.set_items([np.zeros((32, 32, 3), np.uint8) for _ in range(4)], ["a"] * 4)
    assert shown_image_bytes(window) >= 4 * 32 * 32 * 3
    grid.clear()
    assert shown_image_bytes(window) == 0


def test_an_image_that_is_a_view_on_counted_pixels_is_not_counted_twice(qtbot, monkeypatch):
    import numpy as np
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from gui.datasets.image_grid import ImageGrid
    from tools.monkey_memory import shown_image_bytes

    window = QWidget()
    qtbot.addWidget(window)
    grid = ImageGrid(window)
    pixels = np.zeros((64, 64), np.uint8)
    grid.set_items([pixels], ["a"])
    copied = shown_image_bytes(window)
    monkeypatch.setattr(grid, "_images", [QImage(pixels.data, 64, 64, 64,
                                                 QImage.Format.Format_Grayscale8)])
    assert shown_image_bytes(window) == copied  # the view counts once: its own pixels

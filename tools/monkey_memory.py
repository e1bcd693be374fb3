"""What the monkey's window holds on purpose, measured apart from the rest of its memory.

``held_memory(window)`` counts, in bytes:

- what the user asked to keep: the workspace's tensors (and their gradients) and the
  session log's steps;
- what a tab shows: the tensors behind the Autograd tab's graphs (the typed lines' graph and
  the graph on screen, such as a model preset's): the model's parameters and gradients,
  the named tensors and the activations autograd saved for backward(). A ViT-B/16 preset
  holds about 440 MiB there, for as long as its graph is on screen; a benchmark that ends
  with one on screen and one that does not differ by that much, which is neither a leak nor
  a saving. The gradients a backward() on that graph recorded for its replay count with it
  (DenseNet-201: 2,793 small gradients, 39 MiB): they are freed with the graph.

Tensors are counted by storage, each once, wherever it is referenced from.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from dataclasses import dataclass

SAVED_PREFIX = "_saved_"  # autograd nodes expose what they saved for backward as _saved_*


@dataclass(frozen=True)
class KeptMemory:
    """Bytes held on purpose (see the module docstring)."""

    workspace: int
    session_log: int
    shown_graphs: int = 0
    shown_images: int = 0

    @property
    def total(self) -> int:
        """What the user asked to keep: the workspace and the session log."""
        return self.workspace + self.session_log


def _deep_size(obj: object, seen: set[int]) -> int:
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, list | tuple | set | frozenset):
        size += sum(_deep_size(item, seen) for item in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        size += sum(_deep_size(getattr(obj, f.name), seen) for f in dataclasses.fields(obj))
    elif hasattr(obj, "__dict__") and not isinstance(obj, type):
        size += _deep_size(vars(obj), seen)
    if not isinstance(obj, type):  # attributes kept in slots (engine.i18n's Text)
        for name in getattr(type(obj), "__slots__", ()):
            size += _deep_size(getattr(obj, name, None), seen)
    return size


def _add_storage(storages: dict[int, int], value: object) -> None:
    import torch

    if isinstance(value, list | tuple):
        for item in value:
            _add_storage(storages, item)
        return
    if isinstance(value, torch.nn.Module):
        for tensor in value.state_dict(keep_vars=True).values():
            _add_storage(storages, tensor)
        return
    if not isinstance(value, torch.Tensor) or value.device.type != "cpu":
        return
    for tensor in (value, value.grad if value.is_leaf else None):
        if tensor is not None:
            storage = tensor.untyped_storage()
            storages[storage.data_ptr()] = storage.nbytes()


def _saved_by(node) -> Iterable[object]:
    """What an autograd node saved for backward (nothing once backward() freed it)."""
    for name in dir(node):
        if name.startswith(SAVED_PREFIX):
            try:
                yield getattr(node, name)
            except RuntimeError:  # freed by backward(): no memory held any more
                continue
    yield getattr(node, "variable", None)  # a leaf's tensor (AccumulateGrad)


def graph_storages(live, storages: dict[int, int]) -> None:
    """Add the storages an ``engine.autograd.graph.LiveGraph`` keeps alive."""
    for value in (*live.tensors.values(), *live.roots):
        _add_storage(storages, value)
    for node in live.nodes:
        for value in _saved_by(node):
            _add_storage(storages, value)


def record_storages(record, storages: dict[int, int]) -> None:
    """Add the gradient values an ``engine.autograd.backward.BackwardRecord`` keeps."""
    for step in record.steps if record is not None else ():
        for value in (*step.grads_in, *step.grads_out):
            _add_storage(storages, value.values)


def _shown_records(window) -> list:
    from gui.autograd.tab import AutogradTab

    return [tab.state.replay.record for tab in window.findChildren(AutogradTab)]


def _shown_graphs(window) -> list:
    from gui.autograd.tab import AutogradTab

    graphs = []
    for tab in window.findChildren(AutogradTab):
        program = tab.state.program
        for live in (tab.state.live, program.live if program is not None else None):
            if live is not None and all(live is not g for g in graphs):
                graphs.append(live)
    return graphs


def _address(buffer) -> int:
    import numpy as np

    return np.frombuffer(buffer, np.uint8).__array_interface__["data"][0]


def shown_image_bytes(window) -> int:
    """Bytes of the Datasets tab's pictures on screen: the engine's pixel arrays of the
    batch and the sample grid and the images its grids draw from, each buffer once (an
    image may be a view on the engine's pixels or a copy of them)."""
    from gui.datasets.image_grid import ImageGrid
    from gui.datasets.tab import DatasetsTab

    buffers: dict[int, int] = {}  # start address: bytes
    for tab in window.findChildren(DatasetsTab):
        for result in (tab.state.batch, tab.state.grid):
            images = getattr(result, "images", ())
            for array in images if isinstance(images, tuple) else (images,):
                buffers[array.__array_interface__["data"][0]] = array.nbytes
    # ImageGrid keeps the QImage of each tile in ``_images``.
    images = [image for grid in window.findChildren(ImageGrid)
              for image in getattr(grid, "_images", ())]
    spans = [(start, start + size) for start, size in buffers.items()]
    for image in images:
        start = _address(image.constBits()) if image.sizeInBytes() else 0
        if start and not any(low <= start < high for low, high in spans):
            buffers[start] = image.sizeInBytes()
    return sum(buffers.values())


def held_memory(window) -> KeptMemory:
    """The memory ``window`` holds on purpose (see the module docstring)."""
    kept: dict[int, int] = {}
    for _name, tensor in window.workspace.workspace.items():
        _add_storage(kept, tensor)
    shown: dict[int, int] = {}
    for live in _shown_graphs(window):
        graph_storages(live, shown)
    for record in _shown_records(window):
        record_storages(record, shown)
    shown_only = sum(size for pointer, size in shown.items() if pointer not in kept)
    return KeptMemory(sum(kept.values()), _deep_size(window.session.entries(), set()),
                      shown_only, shown_image_bytes(window))

"""The model presets: grouped by module, and the code shown runs and walks the same graph."""

from __future__ import annotations

import contextlib
import io

import pytest

from engine.autograd.presets.catalogue import run_preset
from engine.core.codegen import PREAMBLE


def finish(generator):
    try:
        while True:
            next(generator)
    except StopIteration as stop:
        return stop.value


@pytest.mark.parametrize("key", ["note", "tiny", "transformer", "resnet18"])
def test_the_code_shown_runs_and_counts_the_same_nodes(key):
    result = finish(run_preset(key))
    printed = io.StringIO()
    namespace: dict = {}
    with contextlib.redirect_stdout(printed):
        exec(PREAMBLE + result.step.code, namespace)
    assert f"{result.graph.node_count} grad_fn nodes" in printed.getvalue()
    assert tuple(namespace["x" if key != "note" else "a"].shape) == tuple(
        result.rows[0].shape)


def test_resnet18_opens_collapsed_to_its_top_level_modules():
    result = finish(run_preset("resnet18"))
    boxes = [item.label for item in result.view.items if item.kind == "group"]
    assert boxes == ["fc", "avgpool", "layer4", "layer3", "layer2", "layer1", "maxpool",
                     "relu", "bn1", "conv1"]
    assert sum(item.count for item in result.view.items) == result.graph.node_count
    assert "[1, 512, 7, 7]" in result.view.edge_labels  # 224×224 input, batch 1


def test_transformer_groups_its_layers():
    result = finish(run_preset("transformer"))
    groups = result.groups
    names = {c.name for c in groups.calls}
    assert {"layers.0", "layers.1", "layers.0.self_attn", "layers.1.linear2"} <= names
    # a ModuleList is iterated, not called: its layers are the top-level groups
    assert [i.label for i in result.view.items if i.kind == "group"] == ["layers.1",
                                                                           "layers.0"]
    note = finish(run_preset("note"))
    assert note.groups is None and note.view.item_count == 5


def test_a_preset_forward_runs_torch_on_one_thread_and_restores_it(monkeypatch):
    """A second torch thread fought the GUI thread for the other core (frames waited)."""
    import torch

    from engine.autograd.presets import catalogue

    seen: list[int] = []
    real_recorder = catalogue.record_module_calls

    @contextlib.contextmanager
    def recording_threads(model):
        with real_recorder(model) as recorder:
            handle = model.register_forward_pre_hook(
                lambda *_: seen.append(torch.get_num_threads()))
            yield recorder
            handle.remove()

    monkeypatch.setattr(catalogue, "record_module_calls", recording_threads)
    torch.set_num_threads(2)
    finish(run_preset("tiny"))
    assert seen == [1]
    assert torch.get_num_threads() == 2

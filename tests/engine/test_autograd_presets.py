"""Presets (autograd off/on, errors that teach, large graphs) and the tiny model."""

from __future__ import annotations

import numpy as np
import pytest

from engine.autograd_model import build_model, train_model
from engine.autograd_presets import PRESETS, run_preset
from engine.codegen import PREAMBLE
from engine.errors import InputError
from engine.progress import Progress


def finish(generator):
    progress = []
    try:
        while True:
            progress.append(next(generator))
    except StopIteration as stop:
        return stop.value, progress


def rows(result):
    return {row.name: row for row in result.rows}


@pytest.mark.parametrize("key", [k for k, spec in PRESETS.items() if spec.group != "large"])
def test_preset_code_reproduces_the_rows(key):
    result, progress = finish(run_preset(key))
    assert all(isinstance(p, Progress) for p in progress)
    namespace: dict = {}
    exec(PREAMBLE + result.step.code, namespace)
    for row in result.rows:
        tensor = namespace[row.name]
        assert tensor.requires_grad == row.requires_grad, row.name
        assert (type(tensor.grad_fn).__name__ if tensor.grad_fn else None) == row.grad_fn
    assert namespace.get("error") == result.error


def test_autograd_off_and_on_presets():
    assert rows(finish(run_preset("requires_grad"))[0])["b2"].grad_fn is None
    no_grad = rows(finish(run_preset("no_grad"))[0])
    assert no_grad["c2"].grad_fn is None and no_grad["c1"].grad_fn == "AddBackward0"
    assert rows(finish(run_preset("enable_grad"))[0])["y2"].grad_fn == "MulBackward0"
    assert rows(finish(run_preset("decorator"))[0])["c2"].requires_grad is False
    assert rows(finish(run_preset("detach"))[0])["y"].requires_grad is False
    inference = finish(run_preset("inference_mode"))[0]
    assert "True" in inference.explanation


def test_accumulation_doubles_then_zero():
    values = rows(finish(run_preset("accumulation"))[0])
    assert values["grad_after_first"].text.endswith("[2, 2, 2]")
    assert values["grad_after_second"].text.endswith("[4, 4, 4]")
    assert values["grad_after_zero"].text.endswith("[0, 0, 0]")


@pytest.mark.parametrize("key, words", [
    ("second_backward", "backward through the graph a second time"),
    ("inplace_leaf", "leaf Variable that requires grad"),
    ("inplace_saved", "is at version 1; expected version 0"),
    ("nonscalar_backward", "only for scalar outputs"),
    ("numpy_requires_grad", "Can't call numpy()"),
])
def test_errors_that_teach_keep_pytorchs_text(key, words):
    result = finish(run_preset(key))[0]
    assert words in result.error
    assert result.explanation
    if PRESETS[key].focus and result.graph.node_count:
        assert result.graph.nodes[result.focus_node].class_name == PRESETS[key].focus


def test_inplace_saved_names_the_versions():
    result = finish(run_preset("inplace_saved"))[0]
    assert "version 0" in result.explanation and "version 1" in result.explanation


def test_chain_preset_opens():
    result = finish(run_preset("chain2000"))[0]
    assert result.graph.node_count == 2002
    assert result.layout.layer_count == 2002


def test_resnet18_preset_has_parameters_as_named_leaves():
    result = finish(run_preset("resnet18"))[0]
    leaves = [n for n in result.graph.nodes if n.kind == "leaf"]
    assert len(leaves) == 62
    assert any(n.tensor_name == "model.conv1.weight" for n in leaves)


def test_tiny_model_step_and_code():
    result = build_model()
    assert {n.tensor_name for n in result.graph.nodes if n.kind == "leaf"} == {
        "model.0.weight", "model.0.bias", "model.2.weight", "model.2.bias"}
    namespace: dict = {}
    exec(PREAMBLE + result.step.code, namespace)
    for change in result.parameters:
        np.testing.assert_allclose(change.grad.values, namespace["tiny_grads"][change.name])
        np.testing.assert_allclose(change.before.values, namespace["tiny_before"][change.name])
        np.testing.assert_allclose(change.after.values, namespace["tiny_after"][change.name])
        np.testing.assert_allclose(change.after.values,
                                   change.before.values - 0.1 * change.grad.values, atol=1e-6)
        assert change.grad_after_zero == "None"
    training, progress = finish(train_model(result.state, 30))
    assert progress[-1].done == 30 and np.isfinite(progress[-1].loss)
    exec(training.step.code, namespace)
    np.testing.assert_allclose(training.losses, namespace["tiny_losses"], rtol=1e-6)
    assert training.losses[-1] < training.losses[0]


def test_training_refuses_bad_step_counts():
    state = build_model().state
    with pytest.raises(InputError):
        finish(train_model(state, 0))

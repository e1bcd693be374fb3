"""Presets (autograd off/on, errors that teach, large graphs) and the tiny model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.autograd.model import (
    MAX_TRAIN_STEPS,
    build_model,
    train_model,
    training_so_far,
)
from engine.autograd.presets.catalogue import PRESETS, run_preset
from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError
from engine.core.progress import Progress


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


def test_a_cancelled_training_run_reports_the_steps_it_applied():
    result = build_model()
    record: list = []
    job = train_model(result.state, MAX_TRAIN_STEPS, record)
    for _ in range(3):  # cancelled at its third progress report
        last = next(job)
    job.close()
    done = last.done
    assert 3 <= done < MAX_TRAIN_STEPS and len(record) == done  # it stops at the cancel
    stopped = training_so_far(record, MAX_TRAIN_STEPS)
    assert stopped.step.title == f"Training loop (stopped after {done} of 5000 steps)"
    namespace: dict = {}
    exec(PREAMBLE + result.step.code + stopped.step.code, namespace)
    np.testing.assert_allclose(namespace["tiny_losses"], stopped.losses, rtol=1e-6)
    live = result.state.model.state_dict()
    for name, value in namespace["tiny_model"].state_dict().items():
        np.testing.assert_allclose(value.numpy(), live[name].numpy(), rtol=1e-6, atol=1e-7)
    assert training_so_far([], 100) is None


def test_model_preset_reports_progress_around_every_stage(monkeypatch):
    import torchvision

    built = []
    real = torchvision.models.resnet18
    monkeypatch.setattr(torchvision.models, "resnet18",
                        lambda **kw: built.append(kw) or real(**kw))
    result, progress = finish(run_preset("resnet18"))
    assert [p.message for p in progress] == [
        "Importing torchvision", "Building the model (random weights)",
        "Running the forward pass", "Extracting the graph", "Laying out the graph"]
    assert [p.done for p in progress] == [0, 1, 2, 3, 4] and progress[0].total == 5
    assert built == [{"weights": None}] and result.graph.node_count > 50
    # Cancelling at the "build" progress (the runner stops at a yield): no model is built.
    built.clear()
    job = run_preset("resnet18")
    next(job)
    assert next(job).message == "Building the model (random weights)"
    job.close()
    assert built == []


def test_preset_code_is_constant_and_shown_verbatim():
    from engine.autograd.presets.catalogue import PRESET_CODE
    from engine.autograd.presets.source import program_stages

    with pytest.raises(TypeError):
        PRESET_CODE["no_grad"] = "import os"  # type: ignore[index]
    with pytest.raises(TypeError):
        PRESETS["no_grad"] = PRESETS["resnet18"]  # type: ignore[index]
    result, _ = finish(run_preset("resnet18"))
    program = Path(__file__).resolve().parents[3].joinpath(
        "engine", "autograd", "presets", "programs", "resnet18.py").read_text(encoding="utf-8")
    assert PRESET_CODE["resnet18"] == program
    assert result.step.code.startswith(program)  # then the walk over the graph's nodes
    stages = program_stages(program, PRESETS["resnet18"].stages)
    assert [stage for stage, _ in stages] == ["import", "build", "forward"]
    assert "".join(code for _, code in stages) == program


def test_every_preset_has_exactly_one_program_file():
    folder = Path(__file__).resolve().parents[3].joinpath("engine", "autograd", "presets",
                                                         "programs")
    assert {p.stem for p in folder.glob("*.py")} - {"__init__", "_walk"} == set(PRESETS)


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_preset_comments_follow_the_language(key):
    from engine.autograd.commented import comments, shown_code
    from engine.autograd.presets.source import program_text
    from engine.i18n import messages

    text = program_text(key)
    shown = shown_code(text)
    assert shown == text and shown.in_language("en") == text
    spanish = shown.in_language("es")
    catalogue = messages._catalogue("es")
    for words in comments(text).values():
        assert catalogue.get(words), f"no Spanish for the comment {words!r}"
        assert catalogue[words] in spanish and words not in spanish


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(
    ["import os", "__import__('os').system('true')", "no_grad\nimport os", "resnet18 ",
     "NO_GRAD", "open('x','w')"]))
def test_no_other_text_can_reach_exec(key):
    if key in PRESETS:
        return
    with pytest.raises(InputError):
        finish(run_preset(key))


def test_the_only_exec_in_the_engine_runs_constant_preset_code():
    import ast

    calls = []
    engine = Path(__file__).resolve().parents[3].joinpath("engine")
    for path in sorted(engine.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in {"exec", "eval"}:
                calls.append((path.relative_to(engine).as_posix(), ast.unparse(node)))
    presets = "autograd/presets/catalogue.py"
    assert calls == [
        (presets,
         "exec(compile(code, f'<preset {preset.key}: {stage}>', 'exec'), namespace)"),
    ]


def test_training_runs_torch_on_one_thread_and_gives_the_others_back():
    import torch

    before = torch.get_num_threads()
    job = train_model(build_model().state, 50)
    next(job)
    assert torch.get_num_threads() == 1  # tiny tensors: a second thread only waits
    job.close()  # a cancel
    assert torch.get_num_threads() == before
    finish(train_model(build_model().state, 5))
    assert torch.get_num_threads() == before

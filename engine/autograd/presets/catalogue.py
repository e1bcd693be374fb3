"""Running an Autograd preset: its constant program, its graph, its explanation.

Each preset (``table.PRESETS``) has a short, constant PyTorch program, the file
``programs/<key>.py``; a key that is not in the table is refused before anything runs.
Its stages run with ``exec`` one after the other in one fresh namespace, so the code shown
in the code panel is exactly the text that produced the values shown (only its comments
follow the UI language), and a torchvision preset reports progress (and can be cancelled)
between importing, building and the forward pass. Errors are caught by the program itself
and kept as PyTorch's own text, then explained in plain words.

Why not plain functions shown with ``inspect.getsource``: a function body runs with local
variables and a ``return``, so the text shown would not be the code that ran, and the
session script needs top-level names (``error``, ``model``...) for the steps after it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import torch

from engine.autograd.commented import shown_code
from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.grouped import VisibleGraph, default_open, plain_view, visible_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.autograd.modules import CallRecorder, ModuleGroups, group_nodes, record_module_calls
from engine.autograd.presets.source import WALK_CODE, program_stages, program_text
from engine.autograd.presets.table import PRESETS, Namespace, Preset
from engine.autograd.program import TensorRow, tensor_row
from engine.autograd.torch_threads import one_torch_thread
from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.progress import Progress
from engine.i18n.messages import Text, msg

WALK_CALL = 'print(len(grad_fn_nodes(out.grad_fn)), "grad_fn nodes")\n'
PRESET_CODE: Mapping[str, str] = MappingProxyType(
    {key: program_text(key) for key in PRESETS})  # the constant programs, read once


@dataclass(frozen=True)
class PresetSeconds:
    extract: float  # extracting and grouping the graph
    layout: float  # laying out what is shown first


@dataclass(frozen=True)
class PresetResult:
    key: str
    group: str
    rows: tuple[TensorRow, ...]
    graph: GradGraph
    layout: GraphLayout  # of what is shown first (the collapsed view of a model)
    explanation: Text
    error: str | None  # PyTorch's exact text
    focus_node: int | None
    step: CodeStep
    live: LiveGraph
    seconds: PresetSeconds
    backward_root: str | None = None  # a scalar root backward() may run on
    groups: ModuleGroups | None = None  # module calls of a model's nodes
    view: VisibleGraph | None = None  # what is shown first


def _names(ns: Namespace) -> dict[str, torch.Tensor]:
    """Named tensors of a preset's namespace, including the parameters of any model."""
    names = {k: v for k, v in ns.items() if isinstance(v, torch.Tensor)}
    model = ns.get("model")
    if isinstance(model, torch.nn.Module):
        names.update({f"model.{n}": p for n, p in model.named_parameters()})
    return names


def _stage_message(stage: str, code: str) -> Text:
    if stage == "import" and "torchvision" not in code:
        return msg("Importing torch")
    return {
        "run": msg("Running the preset"),
        "import": msg("Importing torchvision"),
        "build": msg("Building the model (random weights)"),
        "forward": msg("Running the forward pass"),
    }[stage]


def _run_program(preset: Preset, total: int, recorder: list[CallRecorder]
                 ) -> Generator[Progress, None, Namespace]:
    """Run the stages; the forward stage of a model runs with module hooks (``recorder``)."""
    namespace: Namespace = {}
    stages = program_stages(PRESET_CODE[preset.key], preset.stages)
    for done, (stage, code) in enumerate(stages):
        yield Progress(done, total, _stage_message(stage, code))
        model = namespace.get("model")
        with contextlib.ExitStack() as hooks:
            if stage == "forward" and isinstance(model, torch.nn.Module):
                recorder.append(hooks.enter_context(record_module_calls(model)))
                hooks.enter_context(one_torch_thread())
            exec(compile(code, f"<preset {preset.key}: {stage}>", "exec"), namespace)  # constant
    return namespace


def run_preset(key: str) -> Generator[Progress, None, PresetResult]:
    """Generator job: run preset ``key``, extract and lay out its graph; returns a result.

    ``key`` only chooses one of this package's constant programs: no other text can reach
    ``exec``. Progress comes before and after every stage, so the job can be cancelled
    between importing torchvision, building the model and its forward pass.
    """
    if not isinstance(key, str) or key not in PRESETS:
        raise InputError(msg("Unknown preset."), field="preset")
    preset = PRESETS[key]
    total = len(preset.stages) + 2
    recorder: list[CallRecorder] = []
    namespace = yield from _run_program(preset, total, recorder)
    yield Progress(total - 2, total, msg("Extracting the graph"))
    start = time.perf_counter()
    graph, live = extract_grad_graph([namespace[n] for n in preset.roots], _names(namespace))
    groups = group_nodes(graph, live, recorder[0]) if recorder else None
    extracted = time.perf_counter() - start
    yield Progress(total - 1, total, msg("Laying out the graph"))
    layout, view = _first_view(graph, groups)
    focus = next(iter(graph.find(preset.focus)), None) if preset.focus else None
    rows = tuple(tensor_row(n, namespace[n]) for n in preset.shown if n in namespace)
    return PresetResult(key, preset.group, rows, graph, layout, preset.explain(namespace),
                        namespace.get("error"), focus, _code_step(key, preset), live,
                        PresetSeconds(extracted, view.seconds),
                        _backward_root(preset, namespace), groups, view)


def _first_view(graph: GradGraph, groups: ModuleGroups | None
                ) -> tuple[GraphLayout, VisibleGraph]:
    """The layout and view shown first: a model collapsed to its top-level modules."""
    if groups is None:
        layout = layered_layout(graph)
        return layout, plain_view(graph, layout)
    view = visible_graph(graph, groups, default_open(groups))
    layers = np.rint(-view.positions[:, 1]).astype(np.int64)
    return GraphLayout(view.positions, layers, "grouped", view.seconds), view


def _code_step(key: str, preset: Preset) -> CodeStep:
    """The program that ran, then (for a graph with one root) the walk over its nodes."""
    code = PRESET_CODE[key]
    if preset.group == "large" and preset.roots == ("out",):
        code = f"{code}\n\n{WALK_CODE}\n\n{WALK_CALL}"
    return CodeStep(msg("Preset: {key}", key=key), shown_code(code))


def _backward_root(preset: Preset, namespace: Namespace) -> str | None:
    """The root backward() can run on once: scalar, not yet differentiated, no error."""
    if namespace.get("error") or len(preset.roots) != 1 or not preset.backward:
        return None
    root = namespace[preset.roots[0]]
    return preset.roots[0] if root.grad_fn is not None and root.numel() == 1 else None

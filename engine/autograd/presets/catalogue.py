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

import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import torch

from engine.autograd.commented import shown_code
from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.autograd.presets.source import program_stages, program_text
from engine.autograd.presets.table import PRESETS, Namespace, Preset
from engine.autograd.program import TensorRow, tensor_row
from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.progress import Progress
from engine.i18n.messages import Text, msg

PRESET_CODE: Mapping[str, str] = MappingProxyType(
    {key: program_text(key) for key in PRESETS})  # the constant programs, read once


@dataclass(frozen=True)
class PresetSeconds:
    extract: float
    layout: float


@dataclass(frozen=True)
class PresetResult:
    key: str
    group: str
    rows: tuple[TensorRow, ...]
    graph: GradGraph
    layout: GraphLayout
    explanation: Text
    error: str | None  # PyTorch's exact text
    focus_node: int | None
    step: CodeStep
    live: LiveGraph
    seconds: PresetSeconds
    backward_root: str | None = None  # a scalar root backward() may run on


def _names(ns: Namespace) -> dict[str, torch.Tensor]:
    """Named tensors of a preset's namespace, including the parameters of any model."""
    names = {k: v for k, v in ns.items() if isinstance(v, torch.Tensor)}
    model = ns.get("model")
    if isinstance(model, torch.nn.Module):
        names.update({f"model.{n}": p for n, p in model.named_parameters()})
    return names


def _stage_message(stage: str) -> Text:
    return {
        "run": msg("Running the preset"),
        "import": msg("Importing torchvision"),
        "build": msg("Building the model (random weights)"),
        "forward": msg("Running the forward pass"),
    }[stage]


def _run_program(preset: Preset, total: int) -> Generator[Progress, None, Namespace]:
    namespace: Namespace = {}
    stages = program_stages(PRESET_CODE[preset.key], preset.stages)
    for done, (stage, code) in enumerate(stages):
        yield Progress(done, total, _stage_message(stage))
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
    namespace = yield from _run_program(preset, total)
    yield Progress(total - 2, total, msg("Extracting the graph"))
    start = time.perf_counter()
    graph, live = extract_grad_graph([namespace[n] for n in preset.roots], _names(namespace))
    extracted = time.perf_counter() - start
    yield Progress(total - 1, total, msg("Laying out the graph"))
    layout = layered_layout(graph)
    focus = next(iter(graph.find(preset.focus)), None) if preset.focus else None
    rows = tuple(tensor_row(n, namespace[n]) for n in preset.shown if n in namespace)
    step = CodeStep(msg("Preset: {key}", key=key), shown_code(PRESET_CODE[key]))
    return PresetResult(key, preset.group, rows, graph, layout, preset.explain(namespace),
                        namespace.get("error"), focus, step, live,
                        PresetSeconds(extracted, layout.seconds),
                        _backward_root(preset, namespace))


def _backward_root(preset: Preset, namespace: Namespace) -> str | None:
    """The root backward() can run on once: scalar, not yet differentiated, no error."""
    if namespace.get("error") or len(preset.roots) != 1 or not preset.backward:
        return None
    root = namespace[preset.roots[0]]
    return preset.roots[0] if root.grad_fn is not None and root.numel() == 1 else None

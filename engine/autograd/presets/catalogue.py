"""Presets of the Autograd tab: autograd off and on, errors that teach, large graphs.

Each preset is a short, constant PyTorch program of ``engine.autograd.presets.programs``
(read-only mappings; never typed text: an unknown key is refused before anything runs).
Its stages run with ``exec`` one after the other in a fresh namespace that starts with
``PREAMBLE``, so the code shown in the code panel is exactly the text that produced the
values shown, and a torchvision preset reports progress (and can be cancelled) between
importing, building and the forward pass. Errors are caught by the program itself and kept
as PyTorch's own text, then explained in plain words.

Why not plain functions shown with ``inspect.getsource``: a function body runs with local
variables and a ``return``, so the text shown would not be the code that ran, and the
session script needs top-level names (``error``, ``model``...) for the steps after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.autograd.presets.programs import PRESET_CODE, PRESET_STAGES
from engine.autograd.program import TensorRow, tensor_row
from engine.core.codegen import PREAMBLE, CodeStep
from engine.core.errors import InputError
from engine.core.progress import Progress
from engine.i18n.messages import msg


@dataclass(frozen=True)
class PresetSpec:
    key: str
    group: str  # "switch", "error", "large"
    shown: tuple[str, ...]  # names of the tensors listed
    roots: tuple[str, ...]  # names whose grad_fn graph is drawn
    focus: str | None = None  # class name of the node the explanation points at


PRESETS: dict[str, PresetSpec] = {spec.key: spec for spec in (
    PresetSpec("requires_grad", "switch", ("a", "b1", "b2"), ("b1",)),
    PresetSpec("no_grad", "switch", ("a", "b", "c1", "c2", "c3"), ("c1", "c3")),
    PresetSpec("enable_grad", "switch", ("x", "y1", "y2"), ("y2",)),
    PresetSpec("inference_mode", "switch", ("x", "y", "z"), ("z",)),
    PresetSpec("decorator", "switch", ("a", "b", "c1", "c2"), ("c1",)),
    PresetSpec("detach", "switch", ("x", "y", "z"), ("z",)),
    PresetSpec("accumulation", "switch", ("x", "grad_after_first", "grad_after_second",
                                          "grad_after_zero"), ("y",)),
    PresetSpec("second_backward", "error", ("x", "y"), ("y",), "MulBackward0"),
    PresetSpec("inplace_leaf", "error", ("a",), (), "AccumulateGrad"),
    PresetSpec("inplace_saved", "error", ("a", "b", "c", "out"), ("out",), "SinBackward0"),
    PresetSpec("nonscalar_backward", "error", ("a", "b"), ("b",), "MulBackward0"),
    PresetSpec("numpy_requires_grad", "error", ("a",), (), None),
    PresetSpec("resnet18", "large", ("x", "out"), ("out",)),
    PresetSpec("resnet50", "large", ("x", "out"), ("out",)),
    PresetSpec("densenet121", "large", ("x", "out"), ("out",)),
    PresetSpec("chain2000", "large", ("x", "out"), ("out",)),
)}


def _explanations() -> dict[str, Callable[[dict], str]]:
    return {
        "requires_grad": lambda ns: msg("b1 was computed while a.requires_grad was True, so it "
                                        "has a grad_fn; after a.requires_grad = False, b2 has "
                                        "none: nothing is tracked."),
        "no_grad": lambda ns: msg("Inside torch.no_grad() nothing is recorded: c2 has no "
                                  "grad_fn although a and b require grad. c1 and c3, computed "
                                  "outside, are tracked."),
        "enable_grad": lambda ns: msg("torch.enable_grad() switches tracking back on inside a "
                                      "no_grad block: y1 has no grad_fn, y2 has one."),
        "inference_mode": lambda ns: msg("torch.inference_mode() is a stricter, faster no_grad: "
                                         "y is an inference tensor (is_inference() = {flag}) "
                                         "that can never join a graph later.",
                                         flag=ns.get("y_is_inference")),
        "decorator": lambda ns: msg("@torch.no_grad() on a function turns tracking off inside "
                                    "it: c2 = add_tensors2(a, b) has no grad_fn, c1 has one."),
        "detach": lambda ns: msg("x.detach() returns a tensor sharing x's values but without "
                                 "history: y.requires_grad is False and y has no grad_fn."),
        "accumulation": lambda ns: msg("Gradients add up: after two backward() calls x.grad is "
                                       "twice the first one. x.grad.zero_() resets it to zeros "
                                       "(optimizers do this in zero_grad())."),
        "second_backward": lambda ns: msg("The first backward() freed the tensors saved by "
                                          "MulBackward0. Pass retain_graph=True to the first "
                                          "call if you need to go backward twice."),
        "inplace_leaf": lambda ns: msg("a is a leaf that requires grad: changing it in place "
                                       "(sin_) would destroy the value its gradient is measured "
                                       "against. Use b = torch.sin(a) instead."),
        "inplace_saved": lambda ns: msg("SinBackward0 saved b at version {saved} to compute "
                                        "cos(b) later; b.mul_(3) changed it in place to version "
                                        "{now}, so backward() refuses to use it. Compute "
                                        "b * 3 into a new tensor instead.",
                                        saved=ns.get("version_saved"),
                                        now=ns.get("version_now")),
        "nonscalar_backward": lambda ns: msg("b has 5 elements: backward() without an argument "
                                             "needs a single number. Use b.sum().backward() or "
                                             "b.backward(torch.ones_like(b))."),
        "numpy_requires_grad": lambda ns: msg("numpy arrays have no history, so PyTorch refuses "
                                              "to convert a tensor that requires grad. Use "
                                              "a.detach().numpy()."),
        "resnet18": lambda ns: _model_text(ns),
        "resnet50": lambda ns: _model_text(ns),
        "densenet121": lambda ns: _model_text(ns),
        "chain2000": lambda ns: msg("A chain of 2,000 operations: the graph is walked with an "
                                    "explicit stack, so Python's recursion limit never "
                                    "matters."),
    }


def _model_text(ns: dict) -> str:
    count = sum(p.numel() for p in ns["model"].parameters())
    return msg("A torchvision model with random weights ({count} parameters) on a 1×3×64×64 "
               "input; every parameter is an AccumulateGrad leaf.", count=f"{count:,}")


@dataclass(frozen=True)
class PresetResult:
    key: str
    group: str
    rows: tuple[TensorRow, ...]
    graph: GradGraph
    layout: GraphLayout
    explanation: str
    error: str | None  # PyTorch's exact text
    focus_node: int | None
    step: CodeStep
    live: LiveGraph
    seconds: dict  # "extract", "layout"
    backward_root: str | None = None  # a scalar root backward() may run on



def _names(ns: dict) -> dict:
    """Named tensors of a preset's namespace, including the parameters of any model."""
    names = {k: v for k, v in ns.items() if isinstance(v, torch.Tensor)}
    model = ns.get("model")
    if isinstance(model, torch.nn.Module):
        names.update({f"model.{n}": p for n, p in model.named_parameters()})
    return names


def _stage_message(stage: str) -> str:
    return {
        "run": msg("Running the preset"),
        "import": msg("Importing torchvision"),
        "build": msg("Building the model (random weights)"),
        "forward": msg("Running the forward pass"),
    }[stage]


def run_preset(key: str):
    """Generator job: run preset ``key``, extract and lay out its graph; returns a result.

    ``key`` only chooses one of this package's constant programs (``PRESET_STAGES``): no
    other text can reach ``exec``. Progress comes before and after every stage, so the job
    can be cancelled between importing torchvision, building the model and its forward pass.
    """
    import time

    if not isinstance(key, str) or key not in PRESETS or key not in PRESET_STAGES:
        raise InputError(msg("Unknown preset."), field="preset")
    spec, stages = PRESETS[key], PRESET_STAGES[key]
    total = len(stages) + 2
    namespace: dict = {}
    exec(compile(PREAMBLE, "<preamble>", "exec"), namespace)  # constant: import math, torch
    for done, (stage, code) in enumerate(stages):
        yield Progress(done, total, _stage_message(stage))
        exec(compile(code, f"<preset {key}: {stage}>", "exec"), namespace)  # constant source
    yield Progress(total - 2, total, msg("Extracting the graph"))
    start = time.perf_counter()
    roots = [namespace[name] for name in spec.roots]
    graph, live = extract_grad_graph(roots, _names(namespace))
    extracted = time.perf_counter()
    yield Progress(total - 1, total, msg("Laying out the graph"))
    layout = layered_layout(graph)
    focus = next(iter(graph.find(spec.focus)), None) if spec.focus else None
    rows = tuple(tensor_row(name, namespace[name]) for name in spec.shown if name in namespace)
    step = CodeStep(msg("Preset: {key}", key=key), PRESET_CODE[key])
    return PresetResult(key, spec.group, rows, graph, layout, _explanations()[key](namespace),
                        namespace.get("error"), focus, step, live,
                        {"extract": extracted - start, "layout": layout.seconds},
                        _backward_root(spec, namespace))


def _backward_root(spec: PresetSpec, namespace: dict) -> str | None:
    """The root backward() can run on once: scalar, not yet differentiated, no error."""
    if namespace.get("error") or len(spec.roots) != 1 or spec.key == "accumulation":
        return None
    root = namespace[spec.roots[0]]
    return spec.roots[0] if root.grad_fn is not None and root.numel() == 1 else None

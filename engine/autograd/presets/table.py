"""The Autograd presets, one record each: autograd off and on, errors that teach, large graphs.

A ``Preset`` holds everything about one preset: its group, the tensors listed, the roots
whose graph is drawn, the node the explanation points at, the stages its program runs in,
whether backward() may run on its graph, and how its explanation reads the namespace the
program left. Its program is the file ``programs/<key>.py`` (see ``source``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from engine.i18n.messages import Text, msg

Namespace = dict[str, Any]  # what a program leaves behind: tensors, a model, numbers
MODEL_STAGES = ("import", "build", "forward")


@dataclass(frozen=True)
class Preset:
    key: str
    group: str  # "switch", "error", "large"
    shown: tuple[str, ...]  # names of the tensors listed
    roots: tuple[str, ...]  # names whose grad_fn graph is drawn
    explain: Callable[[Namespace], Text]
    focus: str | None = None  # class name of the node the explanation points at
    stages: tuple[str, ...] = ("run",)  # one per paragraph of the program when several
    backward: bool = True  # False: the program already ran backward() itself


def _model_text(ns: Namespace) -> Text:
    count = sum(p.numel() for p in ns["model"].parameters())
    shape = "×".join(str(d) for d in ns["x"].shape)
    return msg("A model with random weights ({count} parameters) on a {shape} input; every "
               "parameter is an AccumulateGrad leaf. Nodes are grouped by the module that "
               "made them: double-click a box to open it.", count=f"{count:,}", shape=shape)


def _model(key: str) -> Preset:
    return Preset(key, "large", ("x", "out"), ("out",), _model_text, stages=MODEL_STAGES)


_ALL = (
    Preset("requires_grad", "switch", ("a", "b1", "b2"), ("b1",), lambda _ns: msg(
        "b1 was computed while a.requires_grad was True, so it has a grad_fn; after "
        "a.requires_grad = False, b2 has none: nothing is tracked.")),
    Preset("no_grad", "switch", ("a", "b", "c1", "c2", "c3"), ("c1", "c3"), lambda _ns: msg(
        "Inside torch.no_grad() nothing is recorded: c2 has no grad_fn although a and b "
        "require grad. c1 and c3, computed outside, are tracked.")),
    Preset("enable_grad", "switch", ("x", "y1", "y2"), ("y2",), lambda _ns: msg(
        "torch.enable_grad() switches tracking back on inside a no_grad block: y1 has no "
        "grad_fn, y2 has one.")),
    Preset("inference_mode", "switch", ("x", "y", "z"), ("z",), lambda ns: msg(
        "torch.inference_mode() is a stricter, faster no_grad: y is an inference tensor "
        "(is_inference() = {flag}) that can never join a graph later.",
        flag=ns.get("y_is_inference"))),
    Preset("decorator", "switch", ("a", "b", "c1", "c2"), ("c1",), lambda _ns: msg(
        "@torch.no_grad() on a function turns tracking off inside it: c2 = add_tensors2(a, b) "
        "has no grad_fn, c1 has one.")),
    Preset("detach", "switch", ("x", "y", "z"), ("z",), lambda _ns: msg(
        "x.detach() returns a tensor sharing x's values but without history: y.requires_grad "
        "is False and y has no grad_fn.")),
    Preset("accumulation", "switch",
           ("x", "grad_after_first", "grad_after_second", "grad_after_zero"), ("y",),
           lambda _ns: msg(
               "Gradients add up: after two backward() calls x.grad is twice the first one. "
               "x.grad.zero_() resets it to zeros (optimizers do this in zero_grad())."),
           backward=False),
    Preset("second_backward", "error", ("x", "y"), ("y",), lambda _ns: msg(
        "The first backward() freed the tensors saved by MulBackward0. Pass retain_graph=True "
        "to the first call if you need to go backward twice."), "MulBackward0"),
    Preset("inplace_leaf", "error", ("a",), (), lambda _ns: msg(
        "a is a leaf that requires grad: changing it in place (sin_) would destroy the value "
        "its gradient is measured against. Use b = torch.sin(a) instead."), "AccumulateGrad"),
    Preset("inplace_saved", "error", ("a", "b", "c", "out"), ("out",), lambda ns: msg(
        "SinBackward0 saved b at version {saved} to compute cos(b) later; b.mul_(3) changed "
        "it in place to version {now}, so backward() refuses to use it. Compute b * 3 into a "
        "new tensor instead.", saved=ns.get("version_saved"), now=ns.get("version_now")),
        "SinBackward0"),
    Preset("nonscalar_backward", "error", ("a", "b"), ("b",), lambda _ns: msg(
        "b has 5 elements: backward() without an argument needs a single number. Use "
        "b.sum().backward() or b.backward(torch.ones_like(b))."), "MulBackward0"),
    Preset("numpy_requires_grad", "error", ("a",), (), lambda _ns: msg(
        "numpy arrays have no history, so PyTorch refuses to convert a tensor that requires "
        "grad. Use a.detach().numpy().")),
    Preset("note", "large", ("a", "b", "c", "d", "out"), ("out",), lambda _ns: msg(
        "The note's example: out = (2 sin(a) + 1).sum(). Five nodes, one AccumulateGrad leaf "
        "for a."), "SinBackward0"),
    _model("tiny"),
    _model("resnet18"),
    _model("resnet50"),
    _model("resnet152"),
    _model("densenet121"),
    _model("densenet201"),
    _model("mobilenet_v3_small"),
    _model("vit_b_16"),
    _model("transformer"),
    Preset("chain2000", "large", ("x", "out"), ("out",), lambda _ns: msg(
        "A chain of 2,000 operations: the graph is walked with an explicit stack, so Python's "
        "recursion limit never matters.")),
)
PRESETS: Mapping[str, Preset] = MappingProxyType({preset.key: preset for preset in _ALL})

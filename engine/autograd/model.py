"""A tiny model (Linear → ReLU → Linear) trained with SGD: autograd in a training loop.

``build_model()`` makes seeded data, the model, the loss and the optimizer, runs one
forward/backward and shows what ``optimizer.step()`` and ``zero_grad()`` change.
``train_model(state, steps, record)`` is a generator job that trains ``steps`` more steps,
yielding the current loss (about once a frame) and appending each loss to ``record``. If
the job is cancelled, ``training_so_far(record, steps)`` gives the step whose code repeats
exactly the steps that ran, so the code panel never falls behind the live model. The code
of each result reproduces its values; ``tiny_losses`` collects every loss since the model was built.
Losses are float32 (``loss.item()`` of the float32 loss round-trips exactly); a record is a
``LossHistory`` (4 bytes a step) or any list.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass

import numpy as np
import torch
from numpy.typing import NDArray

from engine.autograd.commented import shown_code
from engine.autograd.graph import GradGraph, LiveGraph, extract_grad_graph
from engine.autograd.layout import GraphLayout, layered_layout
from engine.autograd.losses import LossHistory
from engine.autograd.torch_threads import one_torch_thread
from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.pacing import Pacer
from engine.core.progress import Progress
from engine.core.snapshot import TensorSnapshot, snapshot
from engine.i18n.messages import msg

MAX_TRAIN_STEPS = 5000
SETUP_CODE = """tiny_gen = torch.Generator().manual_seed(0)
tiny_X = torch.randn(64, 2, generator=tiny_gen)
tiny_y = torch.sin(2 * tiny_X[:, :1]) + tiny_X[:, 1:] ** 2
torch.manual_seed(0)
tiny_model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
tiny_loss_fn = torch.nn.MSELoss()
tiny_optimizer = torch.optim.SGD(tiny_model.parameters(), lr=0.1)
tiny_loss = tiny_loss_fn(tiny_model(tiny_X), tiny_y)
# retain_graph=True: the app keeps the loss's graph so you can still click its nodes
tiny_loss.backward(retain_graph=True)
tiny_grads = {name: p.grad.clone() for name, p in tiny_model.named_parameters()}
tiny_before = {name: p.detach().clone() for name, p in tiny_model.named_parameters()}
tiny_optimizer.step()
tiny_after = {name: p.detach().clone() for name, p in tiny_model.named_parameters()}
tiny_optimizer.zero_grad()
tiny_grads_after_zero_grad = {name: p.grad for name, p in tiny_model.named_parameters()}
tiny_losses = []
"""
TRAIN_CODE = """for _ in range({steps}):
    tiny_optimizer.zero_grad()
    tiny_loss = tiny_loss_fn(tiny_model(tiny_X), tiny_y)
    tiny_loss.backward()
    tiny_optimizer.step()
    tiny_losses.append(tiny_loss.item())
"""


@dataclass(eq=False)
class ModelState:
    """The live objects of the model session (only engine code touches them)."""

    X: torch.Tensor
    y: torch.Tensor
    model: torch.nn.Module
    loss_fn: torch.nn.Module
    optimizer: torch.optim.Optimizer


@dataclass(frozen=True)
class ParameterChange:
    name: str
    shape: tuple[int, ...]
    grad: TensorSnapshot  # p.grad after backward
    before: TensorSnapshot  # p before optimizer.step()
    after: TensorSnapshot  # p after optimizer.step()
    grad_after_zero: str  # what p.grad is after zero_grad() ("None" by default)


@dataclass(frozen=True)
class ModelResult:
    loss: float
    graph: GradGraph
    layout: GraphLayout
    parameters: tuple[ParameterChange, ...]
    step: CodeStep
    live: LiveGraph
    state: ModelState


def build_model() -> ModelResult:
    # Small torch calls and snapshots hold the GIL almost throughout: paced, so the GUI
    # thread draws the pressed button and the busy status meanwhile (see engine.core.pacing).
    pace = Pacer().pause_if_due
    gen = torch.Generator().manual_seed(0)
    X = torch.randn(64, 2, generator=gen)
    y = torch.sin(2 * X[:, :1]) + X[:, 1:] ** 2
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    loss_fn = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = loss_fn(model(X), y)
    names = {f"model.{n}": p for n, p in model.named_parameters()} | {"X": X, "y": y,
                                                                       "loss": loss}
    pace()
    graph, live = extract_grad_graph([loss], names)
    pace()
    loss.backward(retain_graph=True)
    grads = _snapshots(((n, p.grad, f"{n}.grad") for n, p in model.named_parameters()
                        if p.grad is not None), pace)
    before = _snapshots(((n, p, n) for n, p in model.named_parameters()), pace)
    optimizer.step()
    after = _snapshots(((n, p, n) for n, p in model.named_parameters()), pace)
    optimizer.zero_grad()
    changes = tuple(ParameterChange(n, tuple(p.shape), grads[n], before[n], after[n],
                                    repr(p.grad if p.grad is None else p.grad.tolist()))
                    for n, p in model.named_parameters())
    explanation = msg("backward() fills each parameter's .grad; optimizer.step() moves each "
                      "parameter by -lr × grad; zero_grad() clears the gradients (to None).")
    layout = layered_layout(graph)
    return ModelResult(loss.item(), graph, layout, changes,
                       CodeStep(msg("Tiny model: one training step"), shown_code(SETUP_CODE),
                                explanation),
                       live, ModelState(X, y, model, loss_fn, optimizer))


def _snapshots(tensors: Iterable[tuple[str, torch.Tensor, str]], pace: Callable[[], None]
               ) -> dict[str, TensorSnapshot]:
    """``{key: snapshot(tensor, label)}`` for (key, tensor, label), pacing between them."""
    shots = {}
    for key, tensor, label in tensors:
        shots[key] = snapshot(tensor, label)
        pace()
    return shots


@dataclass(frozen=True)
class TrainingProgress(Progress):
    loss: float = float("nan")


@dataclass(frozen=True)
class TrainingResult:
    losses: NDArray[np.float32]
    step: CodeStep


Record = LossHistory | list[float]


def _train_step(state: ModelState, losses: Record) -> float:
    state.optimizer.zero_grad()
    loss = state.loss_fn(state.model(state.X), state.y)
    loss.backward()
    state.optimizer.step()
    value = loss.item()
    losses.append(value)
    return value


def train_model(state: ModelState, steps: int, record: Record | None = None
                ) -> Generator[TrainingProgress, None, TrainingResult]:
    """Generator job: ``steps`` SGD steps; yields ``TrainingProgress`` with the current loss.

    Each loss is also appended to ``record`` (a ``LossHistory`` or list the caller keeps) as
    soon as its step has changed the model, so a cancelled run still knows how many steps
    it applied.
    """
    if not isinstance(steps, int) or not 1 <= steps <= MAX_TRAIN_STEPS:
        raise InputError(msg("The number of steps must be between 1 and {limit}.",
                             limit=MAX_TRAIN_STEPS), field="steps")
    losses = record if record is not None else LossHistory()
    pacer = Pacer()  # tiny steps hold the GIL: pause between bursts (see engine.core.pacing)
    with one_torch_thread():
        for index in range(steps):
            loss = _train_step(state, losses)
            if pacer.progress_due() or index == steps - 1:
                yield TrainingProgress(index + 1, steps,
                                       msg("Training step {step}", step=index + 1), loss)
            pacer.pause_if_due()
    return TrainingResult(_as_losses(losses), CodeStep(
        msg("Training loop"), TRAIN_CODE.format(steps=steps),
        msg("Each step: zero_grad, forward, loss, backward, optimizer.step.")))


def _as_losses(record: Record) -> NDArray[np.float32]:
    return np.array(record, dtype=np.float32)


def training_so_far(record: Record, planned: int) -> TrainingResult | None:
    """The steps a cancelled ``train_model`` run applied (None if it applied none)."""
    done = len(record)
    if done == 0:
        return None
    return TrainingResult(_as_losses(record), CodeStep(
        msg("Training loop (stopped after {done} of {planned} steps)", done=done,
            planned=planned),
        TRAIN_CODE.format(steps=done),
        msg("Training was cancelled: the loop runs only the {done} steps that changed the "
            "model shown.", done=done)))

"""Lines that rebind torch, gen, len, locals... do not break the tab's later steps."""

from __future__ import annotations

import numpy as np
import torch

from engine.autograd.model import build_model
from engine.autograd.presets.catalogue import run_preset
from engine.autograd.program import run_backward, run_program
from engine.autograd.rebound import rebound, restoring_tail
from engine.core.codegen import PREAMBLE
from engine.i18n.messages import render

GREEDY = """gen = torch.linspace(0., 1., steps=3, requires_grad=True)
torch = 2
len = gen * torch
locals = len.sum()
locals.backward()
print(gen.grad)
"""


def finish(generator):
    try:
        while True:
            next(generator)
    except StopIteration as stop:
        return stop.value


def test_rebound_names_are_the_ones_python_or_the_preamble_give_a_meaning():
    assert rebound("gen = 1\ntorch = 2\nlen = 3\nmath = 4\nx = 5") == {"torch", "len", "math"}
    assert restoring_tail("a = torch.ones(2)\n") == ""


def test_the_tabs_steps_run_in_one_namespace_after_lines_that_rebind_generated_names():
    program = run_program(GREEDY)
    backward = run_backward(program)
    model = build_model()
    preset = finish(run_preset("note"))
    namespace: dict = {}
    exec(PREAMBLE, namespace)
    for step in (program.step, backward.step, model.step, preset.step):
        exec(render(step.code), namespace)  # as the exported tab section runs them
    np.testing.assert_allclose(namespace["gen"].grad.numpy(), np.full(3, 2.0))
    np.testing.assert_allclose(namespace["gen"].detach().numpy(),
                               program.interpreter.namespace["gen"].detach().numpy())
    assert namespace["torch"] is torch and namespace["len"] is len
    for change in model.parameters:
        np.testing.assert_allclose(change.grad.values, namespace["tiny_grads"][change.name])
    for row in preset.rows:
        assert namespace[row.name].requires_grad == row.requires_grad


def test_lines_without_backward_restore_in_their_forward_step():
    program = run_program("math = torch.ones(2, requires_grad=True)\nout = (math * 2).sum()")
    code = render(program.step.code)
    assert code.rstrip().endswith("import math")
    namespace: dict = {}
    exec(PREAMBLE + code, namespace)
    assert namespace["math"].__name__ == "math" and float(namespace["out"].detach()) == 4.0

"""The console's Qt-free state: runs keep their namespace, failures keep what ran."""

from __future__ import annotations

import torch

from engine.language.console import ConsoleSession, History


def drain(job):
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


def test_names_persist_between_runs_and_tensors_are_reported():
    session = ConsoleSession()
    first = drain(session.run("a = torch.arange(4.0)\nn = 3"))
    assert [name for name, _ in first.tensors] == ["a"]  # n is not a tensor
    second = drain(session.run("b = a * n\nb"))
    assert torch.equal(second.result.value, torch.arange(4.0) * 3)
    assert second.shown is not None and second.shown.facts.shape == (4,)
    assert second.error is None


def test_a_failing_statement_keeps_the_ones_before_it():
    outcome = drain(ConsoleSession().run("x = torch.ones(2)\nprint(x)\ny = x.nope"))
    assert outcome.error is not None and "Line 3" in outcome.error.describe()
    assert [name for name, _ in outcome.tensors] == ["x"]
    assert outcome.result.output == "tensor([1., 1.])\n"
    assert [step.code for step in outcome.result.steps] == ["x = torch.ones(2)", "print(x)"]


def test_workspace_tensors_are_visible_but_console_names_win():
    session = ConsoleSession()
    drain(session.run("w = torch.zeros(1)"))
    outcome = drain(session.run("v = w + k", [("w", torch.ones(1)), ("k", torch.full((1,), 5.0))]))
    assert outcome.result.names["v"].item() == 5.0  # w stays the console's own zeros


def test_history_walks_back_and_forth_like_a_shell():
    history = History()
    for text in ("a = 1", "b = 2", "b = 2", "  "):
        history.add(text)
    assert history.entries == ["a = 1", "b = 2"]  # no repeats, no blanks
    assert [history.previous(), history.previous(), history.previous()] == ["b = 2", "a = 1", None]
    assert [history.following(), history.following(), history.following()] == ["b = 2", "", None]

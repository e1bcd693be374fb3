"""The workspace list model: bulk keeps reset the model once; the session log in bulk."""

from __future__ import annotations

import torch

from engine.core.codegen import CodeStep
from gui.core.context import SessionLog
from gui.core.workspace_model import WorkspaceModel
from gui.widgets.code_panel import CodePanel


def test_keep_many_resets_once_and_reports_refused_names(qtbot):
    model = WorkspaceModel()
    model.keep("a", torch.zeros(1))
    resets, changes, refused = [], [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.changed.connect(lambda: changes.append(True))
    items = [("b", torch.ones(2)), ("not a name", torch.ones(1)), ("c", torch.ones(3))]
    entries = model.keep_many(items, on_error=lambda name, _exc: refused.append(name))
    assert [e.name for e in entries] == ["b", "c"]
    assert model.names() == ["a", "b", "c"]
    assert (len(resets), len(changes)) == (1, 1)
    assert refused == ["not a name"]


def test_keep_many_lists_its_own_entries_and_re_reads_the_others(qtbot):
    model = WorkspaceModel()
    model.keep("a", torch.zeros(1))
    model.workspace.put("a", torch.zeros(5, dtype=torch.int64))  # kept engine-side
    entries = model.keep_many([("b", torch.ones(2, 3)), ("b", torch.ones(4))])
    assert model.names() == ["a", "b"]
    assert (model.entry("a").shape, model.entry("a").dtype) == ((5,), "int64")
    assert model.entry("b") is entries[-1] and model.entry("b").shape == (4,)


def test_session_log_add_many_keeps_order_and_signals_each_step(qtbot):
    log = SessionLog()
    seen = []
    log.step_added.connect(lambda key, step: seen.append((key, step.code)))
    steps = [("tensors", CodeStep("one", "a = 1")), ("console", CodeStep("two", "b = 2"))]
    log.add_many(steps)
    assert log.entries() == steps
    assert seen == [("tensors", "a = 1"), ("console", "b = 2")]


def test_code_panel_add_steps_shows_what_a_full_render_shows(qtbot):
    steps = [CodeStep(f"Step {i}", f"x{i} = torch.ones({i})\nprint(x{i})") for i in range(5)]
    appended, rendered = CodePanel(), CodePanel()
    qtbot.addWidget(appended)
    qtbot.addWidget(rendered)
    appended.add_step(steps[0])
    appended.add_steps(steps[1:])
    rendered.set_steps(steps)
    assert appended.code() == rendered.code()
    for line in range(appended.code().count("\n")):
        assert appended.step_at_line(line) is rendered.step_at_line(line)
    assert appended.step_at_line(appended.code().count("\n") - 1) is steps[-1]

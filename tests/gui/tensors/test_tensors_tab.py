"""The Tensors tab: create through the panel, see it, and the code panel reproduces it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
import torch

from engine.core.codegen import PREAMBLE, CodeStep
from engine.core.snapshot import snapshot
from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    wait_idle(qtbot, ctx.runner)
    return widget


def _run_code(tab) -> dict:
    namespace: dict = {}
    exec(PREAMBLE + "\n".join(step.code for step in tab.code_panel.steps()), namespace)  # noqa: S102
    return namespace


def _matches(tensor, snap) -> bool:
    plain = tensor.detach()
    if plain.dtype in (torch.float16, torch.bfloat16):
        plain = plain.float()
    return (tuple(plain.shape) == snap.facts.shape
            and str(tensor.dtype) == f"torch.{snap.facts.dtype}"
            and np.array_equal(plain.numpy(), snap.values, equal_nan=snap.values.dtype.kind == "f"))


def _create(qtbot, tab, kind, **fields):
    panel = tab.create_panel
    panel.set_kind(kind)
    for key, value in fields.items():
        widget = panel.fields[key]
        if key == "dtype":
            widget.setCurrentIndex(widget.findData(value))
        elif key == "requires_grad":
            widget.setChecked(value)
        else:
            widget.setText(value)
    panel.create_button.click()
    wait_idle(qtbot, tab.ctx.runner)


def test_demo_shows_seeded_x_with_facts_and_code(tab, ctx):
    assert ctx.workspace.names() == ["z", "x"]
    snap = tab.viewer.snapshot()
    assert snap.name == "x" and snap.facts.shape == (2, 3)
    assert tab.current_name() == "x"
    assert "torch.manual_seed(1729)" in tab.code_panel.code()
    assert _matches(_run_code(tab)["x"], snap)
    assert [key for key, _ in ctx.session._steps] == ["tensors", "tensors"]


CREATIONS = [
    ("zeros", {"name": "a", "shape": "2x3", "dtype": "int16"}),
    ("ones", {"name": "a", "shape": "[4]", "dtype": "float16"}),
    ("full", {"name": "a", "shape": "(2, 2)", "fill_value": "2.5"}),
    ("rand", {"name": "a", "shape": "2, 3"}),
    ("randn", {"name": "a", "shape": "3", "requires_grad": True}),
    ("randint", {"name": "a", "shape": "3, 3", "low": "-4", "high": "4"}),
    ("arange", {"name": "a", "low": "0", "high": "5", "step": "1"}),
    ("linspace", {"name": "a", "low": "0", "high": "1", "steps": "5"}),
    ("eye", {"name": "a", "shape": "3"}),
    ("tensor", {"name": "a", "data": "[[True, False], [False, True]]"}),
    ("zeros_like", {"name": "a"}),
    ("rand_like", {"name": "a"}),
    ("to", {"name": "a", "dtype": "int32"}),
]


@pytest.mark.parametrize(("kind", "fields"), CREATIONS, ids=[c[0] for c in CREATIONS])
def test_code_panel_reproduces_what_the_viewer_shows(qtbot, tab, ctx, kind, fields):
    _create(qtbot, tab, kind, **fields)
    snap = tab.viewer.snapshot()
    assert snap.name == "a" and tab.current_name() == "a"
    assert tab.create_panel.error_text() == ""
    assert _matches(_run_code(tab)["a"], snap)


def test_empty_reproduces_shape_and_dtype_and_says_why(qtbot, tab):
    _create(qtbot, tab, "empty", name="e", shape="2, 2, 3", dtype="float64")
    made = _run_code(tab)["e"]
    snap = tab.viewer.snapshot()
    assert tuple(made.shape) == snap.facts.shape == (2, 2, 3) and made.dtype == torch.float64
    assert "reserves memory" in tab.note_label.text()


@pytest.mark.parametrize(("kind", "fields", "field", "words"), [
    ("zeros", {"shape": "2, three"}, "shape", "not a size"),
    ("zeros", {"shape": "2, -3"}, "shape", "negative"),
    ("zeros", {"shape": "100000, 100000"}, "shape", "GiB"),
    ("tensor", {"data": "[[1, 2], [3]]"}, "data", "Ragged"),
    ("rand", {"dtype": "int64"}, "dtype", "PyTorch says"),
    ("zeros", {"dtype": "int32", "requires_grad": True}, "requires_grad", "require gradients"),
    ("zeros", {"name": "for"}, "name", "cannot be a tensor name"),
])
def test_bad_input_shows_beside_the_field_and_changes_nothing(qtbot, tab, ctx, kind, fields,
                                                              field, words):
    before_code = tab.code_panel.code()
    before_names = ctx.workspace.names()
    before_snapshot = tab.viewer.snapshot()
    _create(qtbot, tab, kind, **{"name": "bad", **fields})
    assert words in tab.create_panel.error_text(field)
    assert tab.code_panel.code() == before_code
    assert ctx.workspace.names() == before_names
    assert tab.viewer.snapshot() is before_snapshot
    _create(qtbot, tab, "zeros", name="good", shape="2", data="[1]", dtype="float32",
            requires_grad=False)
    assert tab.create_panel.error_text(field) == ""
    assert tab.viewer.snapshot().name == "good"


def test_selecting_renaming_and_deleting(qtbot, tab, ctx):
    panel = tab.workspace_panel
    panel.select("z")
    qtbot.waitUntil(lambda: tab.viewer.snapshot().name == "z", timeout=5000)
    assert tab.viewer.snapshot().facts.shape == (2, 2, 3)
    panel.rename_edit.setText("zz")
    panel.rename_button.click()
    assert ctx.workspace.names() == ["zz", "x"] and panel.current_name() == "zz"
    panel.rename_edit.setText("x")
    panel.rename_button.click()
    assert "already exists" in panel.error_label.text()
    namespace = _run_code(tab)
    assert "zz" in namespace and "z" not in namespace
    assert tuple(namespace["zz"].shape) == (2, 2, 3)
    panel.delete_button.click()
    assert ctx.workspace.names() == ["x"]
    wait_idle(qtbot, ctx.runner)
    assert panel.current_name() == "x"
    assert "zz" not in _run_code(tab) and "del zz" in tab.code_panel.code()


def test_seed_demo_shows_four_draws_and_which_are_equal(qtbot, tab):
    tab.seed_panel.demo_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.extras_combo.count() == 4 and not tab.extras_combo.isHidden()
    assert "random1 / random3" in tab.note_label.text()
    namespace = _run_code(tab)
    tab.extras_combo.setCurrentIndex(2)
    assert _matches(namespace["random3"], tab.viewer.snapshot())
    panel = tab.workspace_panel  # clicking the current entry shows it again
    panel._on_clicked(panel.list_view.currentIndex())
    qtbot.waitUntil(lambda: tab.viewer.snapshot().name == "x", timeout=5000)
    assert tab.extras_combo.isHidden()


@dataclass(frozen=True)
class _FakeResult:
    step: CodeStep
    snapshot: object
    name: str | None = None
    tensor: object = None
    extra_snapshots: tuple = ()
    summary: str = ""
    extra_tensors: tuple = ()


def test_show_result_keeps_named_results_and_lists_extras(qtbot, tab, ctx):
    u, s = torch.eye(2), torch.ones(2)
    extras = (snapshot(u, "r_U"), snapshot(s, "r_S"))
    result = _FakeResult(CodeStep("svd", "r_S = torch.ones(2)"), extras[1], "r_S", s, extras,
                         "two outputs")
    tab.show_result(result)
    assert "r_S" in ctx.workspace.names() and tab.current_name() == "r_S"
    assert tab.extras_combo.currentText() == "r_S" and "two outputs" in tab.note_label.text()
    tab.extras_combo.setCurrentIndex(0)
    assert tab.viewer.snapshot().name == "r_U"
    wait_idle(qtbot, ctx.runner)
    assert tab.viewer.snapshot().name == "r_U"


def test_like_constructors_copy_the_selected_tensor(qtbot, tab):
    tab.workspace_panel.select("z")
    _create(qtbot, tab, "ones_like", name="o")
    snap = tab.viewer.snapshot()
    assert snap.name == "o" and snap.facts.shape == (2, 2, 3)
    assert "torch.ones_like(z)" in tab.code_panel.code()


def test_language_switch_retranslates_the_tab(qtbot, tab):
    from gui.shell.language import install_language

    install_language("es")
    try:
        qtbot.waitUntil(lambda: tab.sections.tabText(0) == "Crear", timeout=5000)
        assert tab.create_panel.create_button.text() == "Crear"
        assert tab.viewer.views.tabText(0) == "Mapa de calor"
        assert tab.workspace_panel.title.text() == "Espacio de trabajo"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: tab.sections.tabText(0) == "Create", timeout=5000)


def test_a_shown_name_given_another_tensor_is_shown_again(qtbot, tab, ctx):
    """An opened workspace (or the console) may keep another tensor under the name on
    screen: the viewer shows the new values, not the old ones."""
    assert tab.viewer.snapshot().name == "x"
    ctx.workspace.clear()
    ctx.workspace.keep_many([("x", torch.full((2, 2), 7.0))])
    qtbot.waitUntil(lambda: np.array_equal(tab.viewer.snapshot().values,
                                           np.full((2, 2), 7.0, dtype=np.float32)),
                    timeout=20000)
    assert tab.viewer.snapshot().name == "x"


def test_a_result_kept_under_the_shown_name_is_shown_once(qtbot, tab, ctx):
    """The tab's own result refreshes the workspace: that is not a reason to inspect the
    tensor again (which would also drop the result's note and extras)."""
    started: list = []
    original_run = ctx.runner.run
    ctx.runner.run = lambda *args, **kw: started.append(kw.get("title")) or original_run(
        *args, **kw)
    _create(qtbot, tab, "zeros", shape="2, 2", name="x")
    assert tab.tr("Show a tensor") not in started
    assert np.array_equal(tab.viewer.snapshot().values, np.zeros((2, 2), dtype=np.float32))

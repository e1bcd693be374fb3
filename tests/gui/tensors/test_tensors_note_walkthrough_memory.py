"""Acceptance: the study note's tensor examples, reproduced through the tab alone (part 2).

Follows ``test_tensors_note_walkthrough_math.py``: in place, ``out=`` and copies, shapes, and
"Puente con NumPy", driven through the real widgets and checked against the code panel's code;
then the tab around them (language switch, a 1024-pixel window, selections followed).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from gui.core.layouts import settle_layouts
from tests.conftest import wait_idle
from tests.gui.tensors.walkthrough_helpers import Learner, _values, make_tab


@pytest.fixture
def tab(qtbot, ctx):
    return make_tab(qtbot, ctx)


def test_in_place_out_and_copies(qtbot, tab):
    me = Learner(qtbot, tab)
    data = "[0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]"
    angles = np.array([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
    me.create("tensor", "a", data=data)
    me.op("sin", "a", "s")  # a new tensor: a is unchanged
    me.shown("s", values=np.sin(angles))
    assert np.allclose(_values(me, "a"), angles)
    me.create("tensor", "b", data=data)
    before = me.shown("b").facts
    me.op("sin", "b", mode="inplace")
    after = me.shown("b", values=np.sin(angles)).facts
    assert after.data_ptr == before.data_ptr and after.version == before.version + 1
    assert "b.sin_()" in tab.code_panel.code() and "_version" in me.note()

    me.create("ones", "a", shape="2, 2")
    me.create("rand", "b", shape="2, 2")
    b = me.shown("b").values
    me.op("add", "a", other="b", mode="inplace")
    me.shown("a", values=1 + b)
    me.op("mul", "b", other="b", mode="inplace")
    me.shown("b", values=b * b)
    assert "a.add_(b)" in tab.code_panel.code() and "b.mul_(b)" in tab.code_panel.code()

    # out=: matmul into c, then a constructor into c; c stays the same object and memory.
    me.create("rand", "a", shape="2, 2", seed=1)
    me.create("rand", "b", shape="2, 2", seed=2)
    me.create("zeros", "c", shape="2, 2")
    ptr = me.shown("c").facts.data_ptr
    me.op("matmul", "a", other="b", mode="out", out="c")
    snap = me.shown("c")
    assert snap.facts.data_ptr == ptr
    assert np.allclose(snap.values, _values(me, "a") @ _values(me, "b"))
    assert "torch.matmul(a, b, out=c)" in tab.code_panel.code()
    me.create("rand", "ignored", shape="2, 2", out="c", seed=7)
    snap = me.shown("c")
    torch.manual_seed(7)
    assert snap.facts.data_ptr == ptr and np.array_equal(snap.values, torch.rand(2, 2).numpy())
    assert "torch.rand((2, 2), out=c)" in tab.code_panel.code() and "same object" in me.note()
    assert "ignored" not in tab.ctx.workspace.names()

    # b = a is a label: editing a changes b. b = a.clone() is a copy.
    me.create("ones", "a", shape="2, 2")
    alias = me.memory.alias_section
    me.memory.show_demo("alias")
    alias.fields["source"].setCurrentText("a")
    assert alias.fields["result"].text() == "b"
    alias.set_kind("assign")
    alias.make_button.click()
    me.wait()
    assert alias.fields["source"].currentText() == "a"  # a stays the demo's a
    alias.fields["index"].setText("0, 1")
    alias.fields["value"].setText("561")
    alias.edit_button.click()
    me.wait()
    assert alias.b_grid.values().tolist() == [[1, 561], [1, 1]]
    assert "b changed too" in alias.storage_label.text()
    assert me.namespace()["b"].tolist() == [[1, 561], [1, 1]]
    me.create("ones", "a", shape="2, 2")
    alias.fields["source"].setCurrentText("a")
    alias.set_kind("clone")
    alias.make_button.click()
    me.wait()
    alias.edit_button.click()
    me.wait()
    assert alias.b_grid.values().tolist() == [[1, 1], [1, 1]]
    assert "b unchanged" in alias.storage_label.text()
    namespace = me.namespace()
    assert namespace["b"].tolist() == [[1, 1], [1, 1]] and namespace["a"][0, 1] == 561


def test_alias_demo_works_when_the_current_tensor_is_called_b(qtbot, tab):
    me = Learner(qtbot, tab)
    me.create("ones", "b", shape="2, 2")
    alias = me.memory.alias_section
    me.memory.show_demo("alias")
    assert alias.fields["source"].currentText() == "b"
    assert alias.fields["result"].text() == "b2"
    alias.make_button.click()
    me.wait()
    assert alias.error_text() == "" and alias.error_text("result") == ""
    me.shown("b2", values=np.ones((2, 2)))


def test_shapes_and_the_numpy_bridge(qtbot, tab):
    me = Learner(qtbot, tab)
    me.create("rand", "a", shape="3, 226, 226")
    me.shape("unsqueeze", "a", "0", "b")
    snap = me.shown("b")
    assert snap.facts.shape == (1, 3, 226, 226)
    me.create("rand", "c", shape="1, 1, 1, 1, 1")
    assert me.shown("c").facts.shape == (1, 1, 1, 1, 1)
    me.create("rand", "a", shape="1, 20")
    me.shape("squeeze", "a", "0", "b")
    assert me.shown("b").facts.shape == (20,)
    me.create("rand", "c", shape="2, 2")
    me.shape("squeeze", "c", "0", "d")
    assert me.shown("d").facts.shape == (2, 2)
    assert "not 1" in me.note()  # the no-op, explained
    me.create("ones", "a", shape="4, 3, 2")
    me.create("rand", "r", shape="3, 1")
    me.expression("a * r", "c")
    assert me.shown("c").facts.shape == (4, 3, 2)

    me.create("rand", "output3d", shape="6, 20, 20")
    me.shape("reshape", "output3d", "6 * 20 * 20", "input1d")
    assert me.shown("input1d").facts.shape == (2400,)
    section = me.memory.shape_section
    assert "view" in section.verdict_label.text()

    bridge = me.memory.numpy_section
    me.memory.show_demo("numpy")
    bridge.fields["shape"].setText("2, 3")
    bridge.build_button.click()
    me.wait()
    bridge.fields["target"].setCurrentText("arr")
    bridge.fields["index"].setText("0, 0")
    bridge.fields["value"].setText("100")
    bridge.edit_button.click()
    me.wait()
    assert bridge.grids["t_shared"].values()[0, 0] == 100
    assert bridge.grids["t_copy"].values()[0, 0] == 0
    namespace = me.namespace()
    assert namespace["t_shared"][0, 0] == 100 and namespace["t_copy"][0, 0] == 0


def test_the_current_explanation_follows_a_language_switch(qtbot, tab):
    from gui.shell.language import install_language

    me = Learner(qtbot, tab)
    me.create("empty", "x", shape="2, 2")
    english = me.note()
    assert "only reserves memory" in english
    try:
        install_language("es")
        qtbot.waitUntil(lambda: "solo reserva memoria" in me.note(), timeout=5000)
        assert tab.sections.tabText(0) != "Create"  # the widgets re-translated too
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: me.note() == english, timeout=5000)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_tab_fits_a_1024_pixel_window_in_every_section(qtbot, ctx, language):
    from gui.shell.language import install_language
    from gui.tensors.tab import TensorsTab

    try:
        install_language(language)
        tab = TensorsTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(1024, 640)
        tab.show()
        wait_idle(qtbot, ctx.runner)
        if language == "es":
            assert tab.sections.tabText(0) == "Crear"
        memory = tab.plugins["memory"]
        widths = {}
        for index, key in enumerate(tab.section_keys):
            tab.sections.setCurrentIndex(index)
            for demo in ("shape", "alias", "numpy") if key == "memory" else ("",):
                if demo:
                    memory.show_demo(demo)
                qtbot.wait(10)
                settle_layouts()  # every level, however few turns the wait had
                widths[f"{key} {demo}"] = tab.minimumSizeHint().width()
        # 1024 minus the window's frame and margins: the tab must never force it wider.
        assert max(widths.values()) <= 1000, widths
        assert tab.sections.minimumSizeHint().width() <= 420, "the left column got too wide"
    finally:
        install_language("en")


def test_sections_follow_every_selection_including_a_result_just_made(qtbot, tab):
    me = Learner(qtbot, tab)
    shape = me.memory.shape_section
    me.op("sin", "x", "r")
    assert tab.current_name() == "r"
    assert me.ops.fields["source"].currentText() == "r"
    assert shape.fields["source"].currentText() == "r"
    assert me.ops.fields["result"].text() == "r2"  # never r = torch.sin(r) by default
    for name in ("x", "r", "z", "r"):  # manual picks are never ignored, not even once
        tab.workspace_panel.select(name)
        assert me.ops.fields["source"].currentText() == name
        assert shape.fields["source"].currentText() == name
        assert me.memory.alias_section.fields["source"].currentText() == name
    me.shape("unsqueeze", "x", "0", "u")
    assert tab.current_name() == "u" and shape.fields["source"].currentText() == "u"
    tab.workspace_panel.select("u")
    assert me.ops.fields["source"].currentText() == "u"

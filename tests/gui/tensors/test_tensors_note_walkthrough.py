"""Acceptance: every tensor example of the study note, reproduced through the tab alone.

A learner drives the real widgets (Create, Seeds, Operate, Memory & shape); after each step
the viewer shows the expected values, and the code panel's code, run from the start in a
fresh namespace, gives the very tensor the viewer shows. Sections follow the note, from
"¿Que es un Tensor?" to "Puente con NumPy".
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from engine.core.codegen import PREAMBLE
from tests.conftest import wait_idle


@pytest.fixture
def tab(qtbot, ctx):
    from gui.tensors.tab import TensorsTab

    widget = TensorsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    wait_idle(qtbot, ctx.runner)
    return widget


class Learner:
    """Clicks through the tab like a user and checks each step against the code panel."""

    def __init__(self, qtbot, tab) -> None:
        self.qtbot, self.tab = qtbot, tab
        self.ops = tab.plugins["operate"]
        self.memory = tab.plugins["memory"]

    def wait(self) -> None:
        wait_idle(self.qtbot, self.tab.ctx.runner)

    def namespace(self) -> dict:
        namespace: dict = {}
        code = PREAMBLE + "\n".join(step.code for step in self.tab.code_panel.steps())
        exec(code, namespace)  # noqa: S102 - the code the app shows, run as a learner would
        return namespace

    def shown(self, name: str | None = None, *, values=None, dtype=None, reproduce=True):
        """The viewer shows ``name``; the code reproduces it; optional expected values."""
        snap = self.tab.viewer.snapshot()
        if name is not None:
            assert snap.name == name
        if values is not None:
            assert np.allclose(snap.values, np.asarray(values), equal_nan=True), snap.values
        if dtype is not None:
            assert snap.facts.dtype == dtype
        if reproduce:
            tensor = self.namespace()[snap.name].detach()
            assert tuple(tensor.shape) == snap.facts.shape
            assert str(tensor.dtype) == f"torch.{snap.facts.dtype}"
            if tensor.dtype in (torch.float16, torch.bfloat16):
                tensor = tensor.float()
            assert np.array_equal(tensor.numpy(), snap.values, equal_nan=True)
        return snap

    def note(self) -> str:
        return self.tab.note_label.text()

    # --- Create -------------------------------------------------------------------------
    def create(self, kind: str, name: str, *, seed: int | None = 1729, out: str = "",
               **fields) -> None:
        panel = self.tab.create_panel
        self.tab.sections.setCurrentIndex(self.tab.section_keys.index("create"))
        panel.set_kind(kind)
        panel.fields["name"].setText(name)
        panel.fields["dtype"].setCurrentIndex(panel.fields["dtype"].findData(None))
        for key, value in fields.items():
            widget = panel.fields[key]
            if key == "dtype":
                widget.setCurrentIndex(widget.findData(value))
            elif key == "source":
                widget.setCurrentText(value)
            else:
                widget.setText(value)
        panel.seed_check.setChecked(seed is not None)
        if seed is not None:
            panel.seed_spin.setValue(seed)
        panel.out_check.setChecked(bool(out))
        if out:
            panel.out_combo.setCurrentText(out)
        panel.create_button.click()
        self.wait()
        assert panel.error_text() == "" and all(
            not box.error.isVisible() for box in panel.boxes.values())

    # --- Operate ------------------------------------------------------------------------
    def expression(self, text: str, result: str) -> None:
        self.ops.set_group("expression")
        self.ops.fields["expression"].setText(text)
        self.ops.fields["result"].setText(result)
        self.ops.run_button.click()
        self.wait()

    def op(self, key: str, source: str, result: str = "r", *, other: str = "",
           mode: str = "new", out: str = "", item: bool = False, **fields) -> None:
        ops = self.ops
        ops.set_op(key)
        ops.fields["source"].setCurrentText(source)
        assert ops.fields["source"].currentText() == source
        if other:
            ops.fields["other"].setEditText(other)
        ops.set_mode(mode)
        if out:
            ops.out_combo.setCurrentText(out)
        ops.fields["result"].setText(result)
        ops.item_check.setChecked(item)
        for key_, value in fields.items():
            ops.fields[key_].setText(value)
        ops.run_button.click()
        self.wait()
        assert ops.error_text() == "", ops.error_text()

    # --- Memory & shape -----------------------------------------------------------------
    def shape(self, op: str, source: str, args: str, result: str) -> None:
        section = self.memory.shape_section
        self.memory.show_demo("shape")
        section.fields["source"].setCurrentText(source)
        section.set_op(op, args)
        section.fields["result"].setText(result)
        section.apply_button.click()
        self.wait()
        assert section.error_text() == "", section.error_text()


def _values(learner: Learner, name: str) -> np.ndarray:
    return learner.namespace()[name].detach().numpy()


def test_creating_seeds_like_literals_and_dtypes(qtbot, tab):
    me = Learner(qtbot, tab)
    # torch.empty(3, 4): only the shape and dtype are meaningful, and the tab says why.
    me.create("empty", "x", shape="3, 4")
    snap = me.shown("x", dtype="float32", reproduce=False)
    assert snap.facts.shape == (3, 4)
    assert "memory" in me.note()
    assert tuple(me.namespace()["x"].shape) == (3, 4)
    # zeros / ones / rand after torch.manual_seed(1729)
    me.create("zeros", "zeros", shape="2, 3")
    me.shown("zeros", values=np.zeros((2, 3)))
    me.create("ones", "ones", shape="2, 3")
    me.shown("ones", values=np.ones((2, 3)))
    me.create("rand", "random", shape="2, 3", seed=1729)
    torch.manual_seed(1729)
    me.shown("random", values=torch.rand(2, 3).numpy())

    # The seed demo: random1 == random3, random2 == random4, random1 != random2.
    tab.sections.setCurrentIndex(tab.section_keys.index("seeds"))
    seeds = tab.seed_panel
    seeds.seed_spin.setValue(1729)
    seeds.shape_edit.setText("2, 3")
    seeds.demo_button.click()
    me.wait()
    summary = me.note()
    assert "random1 / random3: equal" in summary and "random1 / random2: different" in summary
    assert not tab.extras_combo.isHidden() and tab.extras_combo.count() == 4
    namespace = me.namespace()
    for index, name in enumerate(("random1", "random2", "random3", "random4")):
        tab.extras_combo.setCurrentIndex(index)
        assert tab.viewer.snapshot().name == name
        assert np.array_equal(tab.viewer.snapshot().values, namespace[name].numpy())
    assert "empty" in me.note()  # why torch.empty is different

    # *_like of a 2x2x3 tensor
    me.create("empty", "x", shape="2, 2, 3")
    for kind in ("empty_like", "zeros_like", "ones_like", "rand_like"):
        me.create(kind, f"{kind}_x", source="x")
        snap = me.shown(f"{kind}_x", reproduce=kind != "empty_like")
        assert snap.facts.shape == (2, 2, 3)
    assert np.all(_values(me, "ones_like_x") == 1)

    # torch.tensor from nested lists and tuples
    me.create("tensor", "some_constants", data="[[3.14332, 2.732342], [1.4374973, 0.00834]]")
    me.shown("some_constants", values=[[3.14332, 2.732342], [1.4374973, 0.00834]],
             dtype="float32")
    me.create("tensor", "some_integers", data="(2, 3, 4, 6, 1, 9, 10, 30)")
    me.shown("some_integers", values=[2, 3, 4, 6, 1, 9, 10, 30], dtype="int64")
    me.create("tensor", "more_integers", data="((2, 4, 6), [3, 6, 9])")
    me.shown("more_integers", values=[[2, 4, 6], [3, 6, 9]], dtype="int64")

    # dtype= at creation, then b * 20 and .to(torch.int32) (truncation toward zero)
    me.create("ones", "a", shape="(2, 3)", dtype="int16")
    me.shown("a", values=np.ones((2, 3)), dtype="int16")
    me.create("rand", "b", shape="(2, 3)", dtype="float64")
    me.expression("b * 20", "b")
    b = me.shown("b", dtype="float64").values
    me.create("to", "c", source="b", dtype="int32")
    me.shown("c", values=np.trunc(b), dtype="int32")
    assert "toward zero" in me.note()


def test_arithmetic_broadcasting_and_more_math(qtbot, tab):
    me = Learner(qtbot, tab)
    me.expression("torch.zeros(2, 2) + 1", "ones")  # the note's line, as typed
    me.shown("ones", values=np.ones((2, 2)))
    me.create("ones", "o", shape="2, 3")
    me.expression("o + 1", "twos")  # the note writes + 2, which makes threes
    me.shown("twos", values=np.full((2, 3), 2.0))
    me.expression("(torch.ones(2, 2) * 7 - 1) / 2", "threes")  # precedence, as in Python
    me.shown("threes", values=np.full((2, 2), 3.0))
    me.expression("twos ** 2", "fours")
    me.shown("fours", values=np.full((2, 3), 4.0))
    me.expression("twos ** 0.5", "sqrt2s")
    me.shown("sqrt2s", values=np.full((2, 3), math.sqrt(2)))
    # The note raises 2-by-3 twos to a 2-by-2 exponent: the tab says why that fails.
    me.create("tensor", "p", data="[[1, 2], [3, 4]]")
    me.expression("twos ** p", "powers2")
    error = me.ops.error_text("expression")
    assert "twos (2, 3) float32, p (2, 2) int64" in error and "must match" in error
    assert "column 1" in error
    assert tab.viewer.snapshot().name == "p"  # the failed step changed nothing
    me.create("ones", "o", shape="2, 2")
    me.expression("o + 1", "twos")
    me.expression("twos ** p", "powers2")
    me.shown("powers2", values=[[2, 4], [8, 16]], dtype="float32")
    assert "promoted dtype float32" in me.note()  # float ** int64 -> float32, and why
    me.expression("twos ** torch.tensor([[1, 2], [3, 4]])", "powers2")  # the note's line
    me.shown("powers2", values=[[2, 4], [8, 16]], dtype="float32")
    me.expression("twos ** 2", "fours")
    me.expression("ones + fours", "fives")
    me.shown("fives", values=np.full((2, 2), 5.0))
    me.expression("threes * fours", "dozens")
    me.shown("dozens", values=np.full((2, 2), 12.0))

    # Broadcasting: (4, 3, 2) times (3, 2), (3, 1) and (1, 2)
    me.create("ones", "a", shape="4, 3, 2")
    for shape, name in (("3, 2", "b"), ("3, 1", "c"), ("1, 2", "d")):
        me.create("rand", f"r_{name}", shape=shape)
        me.expression(f"a * r_{name}", name)
        snap = me.shown(name)
        assert snap.facts.shape == (4, 3, 2)

    # Common functions on a = rand(2, 4) * 2 - 1
    me.create("rand", "r", shape="2, 4")
    me.expression("r * 2 - 1", "a")
    a = me.shown("a").values
    for key, expected in (("abs", np.abs(a)), ("ceil", np.ceil(a)), ("floor", np.floor(a))):
        me.op(key, "a", f"a_{key}")
        me.shown(f"a_{key}", values=expected)
    me.op("clamp", "a", "a_clamp", low="-0.5", high="0.5")
    me.shown("a_clamp", values=np.clip(a, -0.5, 0.5))
    assert "torch.clamp(a, min=-0.5, max=0.5)" in tab.code_panel.code()

    # Sine and arcsine of angles typed with math.pi
    me.create("tensor", "angles", data="[0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]")
    angles = [0, math.pi / 4, math.pi / 2, 3 * math.pi / 4]
    me.shown("angles", values=angles)
    assert "angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])" in \
        tab.code_panel.code()
    me.op("sin", "angles", "sines")
    me.shown("sines", values=np.sin(angles))
    assert me.ops.fields["source"].currentText() == "sines"  # the input follows the result
    me.op("asin", "sines", "inverses")
    me.shown("inverses", values=[0, math.pi / 4, math.pi / 2, math.pi / 4])

    # Bitwise XOR of integer tensors
    me.create("tensor", "b", data="[1, 5, 11]")
    me.create("tensor", "c", data="[2, 7, 10]")
    me.op("bitwise_xor", "b", "x", other="c")
    me.shown("x", values=[3, 2, 1], dtype="int64")

    # Broadcast equality: d (2, 2) == e (1, 2)
    me.create("tensor", "d", data="[[1., 2.], [3., 4.]]")
    me.create("ones", "e", shape="1, 2")
    me.op("eq", "d", "deq", other="e")
    me.shown("deq", values=[[True, False], [False, False]], dtype="bool")


def test_reductions_and_linear_algebra(qtbot, tab):
    me = Learner(qtbot, tab)
    me.create("tensor", "d", data="[[1., 2.], [3., 4.]]")
    me.op("max", "d", "dmax")
    me.shown("dmax", values=4.0)
    me.op("max", "d", "dmax_value", item=True)
    assert "dmax_value = 4.0" in me.note()
    assert me.namespace()["dmax_value"] == 4.0 and isinstance(me.namespace()["dmax_value"], float)
    me.op("mean", "d", "dmean")
    me.shown("dmean", values=2.5)
    me.op("std", "d", "dstd")
    me.shown("dstd", values=float(torch.std(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))))
    me.op("prod", "d", "dprod")
    me.shown("dprod", values=24.0)
    me.create("tensor", "t", data="[1, 2, 1, 2, 1, 2]")
    me.op("unique", "t", "u")
    me.shown("u", values=[1, 2], dtype="int64")

    me.create("tensor", "v1", data="[1., 0., 0.,]")
    me.create("tensor", "v2", data="[0., 1., 0.]")
    me.op("cross", "v2", "v21", other="v1")
    me.shown("v21", values=[0, 0, -1])
    me.create("rand", "m1", shape="2, 2")
    me.create("tensor", "m2", data="[[3., 0.], [0., 3.]]")
    me.op("matmul", "m1", "m3", other="m2")
    m3 = me.shown("m3").values
    assert np.allclose(m3, 3 * _values(me, "m1"))
    me.op("svd", "m3", "m3svd")
    namespace = me.namespace()
    u, s, vh = (namespace[f"m3svd_{p}"] for p in ("U", "S", "Vh"))
    assert torch.allclose(u @ torch.diag(s) @ vh, namespace["m3"], atol=1e-5)
    assert tab.extras_combo.count() == 3
    me.shown("m3svd_S", values=torch.linalg.svdvals(torch.from_numpy(m3)).numpy())


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

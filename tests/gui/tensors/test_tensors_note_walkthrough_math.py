"""Acceptance: the study note's tensor examples, reproduced through the tab alone (part 1).

A learner drives the real widgets (Create, Seeds, Operate, Memory & shape); after each step
the viewer shows the expected values, and the code panel's code, run from the start in a
fresh namespace, gives the very tensor the viewer shows. This part follows the note from
"¿Que es un Tensor?" through creating tensors, the math on them, reductions and linear
algebra; ``test_tensors_note_walkthrough_memory.py`` goes on to "Puente con NumPy".
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from tests.gui.tensors.walkthrough_helpers import Learner, _values, make_tab


@pytest.fixture
def tab(qtbot, ctx):
    return make_tab(qtbot, ctx)


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


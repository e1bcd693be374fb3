"""Alias vs copy, shape operations with their storage mapping, and the NumPy bridge."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.codegen import PREAMBLE
from engine.core.errors import InputError, OperationError, SizeLimitError
from engine.session.workspace import Workspace
from engine.tensors.memory import edit_cell, make_alias
from engine.tensors.ops.numpy_bridge import NumpyBridge, bridge_edit, bridge_start
from engine.tensors.ops.shape import (
    ShapeRequest,
    parse_int_list,
    run_shape_op,
    storage_map,
)

SETUP = "a = torch.arange(6.0).reshape(2, 3)\nt = torch.arange(24).reshape(2, 3, 4)\n"


def make_workspace() -> Workspace:
    namespace: dict = {}
    exec(PREAMBLE + SETUP, namespace)
    workspace = Workspace()
    workspace.put("a", namespace["a"])
    workspace.put("t", namespace["t"])
    return workspace


def replay(*codes: str) -> dict:
    namespace: dict = {}
    exec(PREAMBLE + SETUP + "\n".join(codes) + "\n", namespace)
    return namespace


@pytest.mark.parametrize("kind,shares,same", [("assign", True, True), ("clone", False, False),
                                              ("view", True, False), ("detach", True, False)])
def test_alias_kinds_and_what_an_edit_of_a_changes(kind, shares, same):
    workspace = make_workspace()
    alias = make_alias(workspace, "a", kind, "b", view_shape="3, 2")
    assert alias.shares_storage is shares and alias.same_object is same
    assert ("shares storage" if shares else "own storage") in alias.step.explanation
    workspace.put("b", alias.tensor)
    edit = edit_cell(workspace, "a", "0, 1", "561", watch=("b",))
    watched = edit.watched[0]
    assert watched.changed is shares and watched.shares_storage is shares
    assert edit.snapshot.values[0, 1] == 561
    assert edit.changed_mask.tolist() == [[False, True, False], [False, False, False]]
    assert int(watched.changed_mask.sum()) == (1 if shares else 0)
    assert edit.step.code == "a[0, 1] = 561"
    namespace = replay(alias.step.code, edit.step.code)
    np.testing.assert_array_equal(namespace["b"].numpy(), watched.snapshot.values)
    np.testing.assert_array_equal(namespace["a"].numpy(), edit.snapshot.values)


def test_edit_errors_leave_the_tensor_unchanged():
    workspace = make_workspace()
    with pytest.raises(InputError) as info:
        edit_cell(workspace, "a", "5, 0", "1")
    assert info.value.field == "index" and "size 2" in info.value.message
    with pytest.raises(InputError):
        edit_cell(workspace, "a", "0", "1")
    with pytest.raises(InputError):
        edit_cell(workspace, "a", "0, 0", "open('x')")
    w = torch.ones(2, requires_grad=True)
    workspace.put("w", w)
    with pytest.raises(OperationError):
        edit_cell(workspace, "w", "0", "5")
    assert w._version == 0 and torch.equal(w.detach(), torch.ones(2))
    assert torch.equal(workspace.get("a"), torch.arange(6.0).reshape(2, 3))


def test_view_alias_with_a_bad_shape_explains():
    workspace = make_workspace()
    with pytest.raises(OperationError) as info:
        make_alias(workspace, "a", "view", "b", view_shape="4")
    assert info.value.field == "view_shape" and "invalid for input of size 6" in \
        info.value.torch_error


SHAPE_CASES = [("unsqueeze", "0", (1, 2, 3), True), ("squeeze", "0", (2, 3), True),
               ("reshape", "3, 2", (3, 2), True), ("view", "-1", (6,), True),
               ("flatten", "", (6,), True), ("transpose", "0, 1", (3, 2), True),
               ("permute", "1, 0", (3, 2), True), ("contiguous", "", (2, 3), True),
               ("expand", "4, 2, 3", (4, 2, 3), True)]


@pytest.mark.parametrize("op,args,shape,shares", SHAPE_CASES)
def test_shape_ops_values_storage_and_code(op, args, shape, shares):
    workspace = make_workspace()
    result = run_shape_op(workspace, ShapeRequest(op, "a", args, "b"))
    assert result.snapshot.facts.shape == shape and result.shares_storage is shares
    mapping = result.result_storage
    np.testing.assert_array_equal(mapping.storage_values[mapping.offsets],
                                  result.snapshot.values)
    np.testing.assert_array_equal(replay(result.step.code)["b"].numpy(), result.snapshot.values)


def test_transpose_changes_strides_and_reshape_after_it_copies():
    workspace = make_workspace()
    transposed = run_shape_op(workspace, ShapeRequest("transpose", "a", "0, 1", "at"))
    assert transposed.result_storage.stride == (1, 3)
    assert transposed.result_storage.offsets.tolist() == [[0, 3], [1, 4], [2, 5]]
    workspace.put("at", transposed.tensor)
    copied = run_shape_op(workspace, ShapeRequest("reshape", "at", "6", "flat"))
    assert not copied.shares_storage and "copy" in copied.note.lower()
    assert copied.result_storage.offsets.tolist() == list(range(6))
    with pytest.raises(OperationError) as info:
        run_shape_op(workspace, ShapeRequest("view", "at", "6"))
    assert ".reshape" in info.value.message


def test_squeeze_of_a_dimension_that_is_not_one_is_a_noop_explained():
    result = run_shape_op(make_workspace(), ShapeRequest("squeeze", "a", "1", "b"))
    assert result.snapshot.facts.shape == (2, 3)
    assert "size 3, not 1" in result.note


def test_expand_maps_many_elements_to_one_storage_cell():
    workspace = make_workspace()
    workspace.put("row", torch.tensor([1.0, 2.0, 3.0]))
    result = run_shape_op(workspace, ShapeRequest("expand", "row", "2, 3", "e"))
    assert result.result_storage.stride == (0, 1)
    assert result.result_storage.offsets.tolist() == [[0, 1, 2], [0, 1, 2]]


def test_shape_errors():
    workspace = make_workspace()
    with pytest.raises(OperationError) as info:
        run_shape_op(workspace, ShapeRequest("unsqueeze", "a", "7"))
    assert info.value.field == "args" and "Dimension out of range" in info.value.torch_error
    with pytest.raises(InputError):
        run_shape_op(workspace, ShapeRequest("transpose", "a", "0"))
    with pytest.raises(InputError):
        run_shape_op(workspace, ShapeRequest("reshape", "a", "2.5, 3"))
    with pytest.raises(SizeLimitError):
        run_shape_op(workspace, ShapeRequest("expand", "a", "100000, 100000, 2, 3"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4), st.randoms(use_true_random=False),
       st.integers(0, 3))
def test_storage_map_agrees_with_strides_for_any_permuted_slice(shape, rng, start):
    base = torch.arange(int(np.prod(shape)) + start, dtype=torch.float64)[start:].reshape(shape)
    order = list(range(len(shape)))
    rng.shuffle(order)
    view = base.permute(order)
    mapping = storage_map(view)
    assert mapping.storage_offset == start
    np.testing.assert_array_equal(mapping.storage_values[mapping.offsets], view.numpy())
    for index in np.ndindex(*view.shape):
        expected = start + sum(i * s for i, s in zip(index, view.stride(), strict=True))
        assert mapping.offsets[index] == expected


def test_parse_int_list_forms():
    assert parse_int_list("(2, -1)") == (2, -1)
    assert parse_int_list("[3]") == (3,)
    assert parse_int_list("2x3") == (2, 3)
    assert parse_int_list("") == ()
    with pytest.raises(InputError):
        parse_int_list("a, b")


def test_numpy_bridge_shares_and_copies():
    bridge = NumpyBridge()
    start = bridge_start(bridge, "2, 3")
    shares = {v.name: v.shares_with_arr for v in start.views}
    assert shares == {"arr": True, "t_shared": True, "t_copy": False, "back": True}
    edited = bridge_edit(bridge, "arr", "0, 0", "100")
    changed = {v.name for v in edited.views if v.changed}
    assert changed == {"arr", "t_shared", "back"}
    edited = bridge_edit(bridge, "t_shared", "1, 2", "-1")
    assert {v.name for v in edited.views if v.changed} == {"arr", "t_shared", "back"}
    edited = bridge_edit(bridge, "t_copy", "0, 1", "7")
    assert {v.name for v in edited.views if v.changed} == {"t_copy"}
    assert edited.view("t_copy").changed_mask.tolist() == [[False, True, False],
                                                            [False, False, False]]
    namespace = replay(start.step.code, "arr[0, 0] = 100", "t_shared[1, 2] = -1",
                       "t_copy[0, 1] = 7")
    for view in edited.views:
        value = namespace[view.name]
        values = value if isinstance(value, np.ndarray) else value.numpy()
        np.testing.assert_array_equal(values, view.snapshot.values)
    assert "array(" in edited.view("arr").snapshot.printed


def test_numpy_bridge_errors():
    bridge = NumpyBridge()
    with pytest.raises(InputError):
        bridge_edit(bridge, "arr", "0", "1")
    bridge_start(bridge, "3")
    with pytest.raises(InputError):
        bridge_edit(bridge, "arr", "3", "1")
    with pytest.raises(InputError):
        bridge_edit(bridge, "nope", "0", "1")
    with pytest.raises(InputError):
        bridge_start(bridge, "-2")


def test_clone_of_a_huge_expanded_view_is_refused_before_allocating():
    workspace = make_workspace()
    workspace.put("wide", torch.zeros(1).expand(2**31))  # one float in memory, 8 GiB as a copy
    with pytest.raises(SizeLimitError) as info:
        make_alias(workspace, "wide", "clone", "c")
    assert "8.0 GiB" in info.value.message
    with pytest.raises(SizeLimitError):  # even a view: showing it would copy 8 GiB
        make_alias(workspace, "wide", "view", "v", view_shape="-1")
    with pytest.raises(SizeLimitError):
        edit_cell(workspace, "wide", "0", "1")
    assert "v" not in workspace


def test_shape_arguments_accept_products_as_in_the_note():
    from engine.tensors.ops.shape import parse_int_list

    assert parse_int_list("6 * 20 * 20") == (2400,)
    assert parse_int_list("(6 * 20 * 20,)") == (2400,)
    assert parse_int_list("2*3, -1") == (6, -1)
    for text in ("6 *", "2 ** 3", "*", "9999999999999*9999999999999*9999999999999"):
        with pytest.raises(InputError):
            parse_int_list(text)


def test_numpy_bridge_describes_arrays_with_numpy_facts():
    bridge = NumpyBridge()
    result = bridge_start(bridge, "2, 3")
    arr, back = result.view("arr").snapshot.array, result.view("back").snapshot.array
    assert arr is not None and back is not None
    assert result.view("t_shared").snapshot.array is None  # tensors keep tensor facts
    assert result.view("t_copy").snapshot.array is None
    real = bridge.objects["arr"]
    assert arr.shape == (2, 3) and arr.dtype == "float32" and arr.strides == real.strides
    assert (arr.c_contiguous, arr.owndata, arr.writeable) == (True, False, True)
    assert arr.data_ptr == bridge.objects["t_shared"].data_ptr()
    assert arr.shares_with == ("t_shared",) and back.shares_with == ("t_shared",)
    assert result.view("arr").snapshot.printed.startswith("array(")
    moved = bridge_start(bridge, "3, 4").view("arr").snapshot.array
    assert moved is not None and moved.strides == (16, 4)  # bytes: 4 float32 per row

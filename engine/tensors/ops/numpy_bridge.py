"""The NumPy bridge: ``torch.from_numpy`` and ``.numpy()`` share memory, ``torch.tensor`` copies.

``bridge_start`` builds ``arr`` (a NumPy array), ``t_shared = torch.from_numpy(arr)``,
``t_copy = torch.tensor(arr)`` and ``back = t_shared.numpy()``; ``bridge_edit`` changes one
element of any of them and reports which of the others changed. The objects live in a
``NumpyBridge`` that only jobs touch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from engine.core.limits import check_allocation, numel_of
from engine.core.parsing import parse_shape
from engine.core.snapshot import TensorSnapshot, array_snapshot, snapshot
from engine.i18n.messages import msg
from engine.tensors.memory import assign_element, changed_cells, index_code
from engine.tensors.ops.shape import parse_int_list
from engine.tensors.ops.support import number_code, parse_number

BRIDGE_NAMES = ("arr", "t_shared", "t_copy", "back")
_ARRAYS = ("arr", "back")


Bridged = np.ndarray | torch.Tensor  # arr and back are arrays, t_shared and t_copy tensors


class NumpyBridge:
    """Holds the demo's arrays and tensors between jobs (read and written only in jobs)."""

    def __init__(self) -> None:
        self.objects: dict[str, Bridged] = {}


@dataclass(frozen=True)
class BridgeView:
    name: str
    snapshot: TensorSnapshot
    shares_with_arr: bool
    changed: bool
    changed_mask: np.ndarray | None = None


@dataclass(frozen=True)
class BridgeResult:
    step: CodeStep
    views: tuple[BridgeView, ...]
    summary: str = ""
    shown: str = "t_shared"  # the object the viewer shows first (the one just edited)
    name: str | None = None  # nothing is kept in the workspace
    tensor: torch.Tensor | None = None
    extra_tensors: tuple[tuple[str, torch.Tensor], ...] = ()

    def view(self, name: str) -> BridgeView:
        return next(v for v in self.views if v.name == name)

    @property
    def snapshot(self) -> TensorSnapshot:
        return self.view(self.shown).snapshot

    @property
    def extra_snapshots(self) -> tuple[TensorSnapshot, ...]:
        """All four objects, so that the viewer can show any of them."""
        return tuple(view.snapshot for view in self.views)


def _address(value: Bridged) -> int:
    if isinstance(value, np.ndarray):
        return int(value.__array_interface__["data"][0])
    return int(value.data_ptr())


def _view_snapshot(name: str, value: Bridged,
                   objects: dict[str, Bridged] | None = None) -> TensorSnapshot:
    """A tensor's snapshot, or an array's with NumPy's own facts: the tensors listed in
    ``shares_with`` are those whose ``data_ptr()`` is the array's data address."""
    if not isinstance(value, np.ndarray):
        return snapshot(value, name)
    others = objects or {}
    shares = tuple(other for other, obj in others.items()
                   if isinstance(obj, torch.Tensor) and _address(obj) == _address(value))
    return array_snapshot(value, name, shares)


def _shares(value: Bridged, arr: Bridged) -> bool:
    other = value if isinstance(value, np.ndarray) else value.numpy()
    return bool(np.shares_memory(other, arr))


def _views(bridge: NumpyBridge,
           before: dict[str, np.ndarray] | None = None) -> tuple[BridgeView, ...]:
    arr = bridge.objects["arr"]
    views = []
    for name in BRIDGE_NAMES:
        value = bridge.objects[name]
        shot = _view_snapshot(name, value, bridge.objects)
        mask = changed_cells(before[name], shot.values) if before is not None else None
        changed = mask is not None and bool(mask.any())
        views.append(BridgeView(name, shot, _shares(value, arr), changed, mask))
    return tuple(views)


def bridge_start(bridge: NumpyBridge, shape_text: str = "2, 3") -> BridgeResult:
    """arr = np.arange(n).reshape(shape); t_shared = from_numpy; t_copy = tensor; back = numpy."""
    shape = parse_shape(shape_text, field="shape") or (1,)
    check_allocation(shape, 4 * 4, field="shape")  # four float32 objects
    arr = np.arange(numel_of(shape), dtype=np.float32).reshape(shape)
    shared = torch.from_numpy(arr)
    bridge.objects = {"arr": arr, "t_shared": shared, "t_copy": torch.tensor(arr),
                      "back": shared.numpy()}
    dims = ", ".join(str(s) for s in shape)
    code = (f"import numpy as np\n\narr = np.arange({numel_of(shape)}, dtype=np.float32)"
            f".reshape({dims}{',' if len(shape) == 1 else ''})\n"
            "t_shared = torch.from_numpy(arr)  # shares arr's memory\n"
            "t_copy = torch.tensor(arr)  # copies the values into new memory\n"
            "back = t_shared.numpy()  # shares memory again")
    text = msg("from_numpy and .numpy() share memory with arr; torch.tensor(arr) copies.")
    return BridgeResult(CodeStep(msg("NumPy bridge"), code, text), _views(bridge))


def bridge_edit(bridge: NumpyBridge, target: str, index_text: str,
                value_text: str) -> BridgeResult:
    """``target[i, j] = v`` on one of arr, t_shared, t_copy, back."""
    if not bridge.objects:
        raise InputError(msg("Build the NumPy demo first."), field="target")
    if target not in BRIDGE_NAMES:
        raise InputError(msg("'{name}' is not one of: {choices}.", name=target,
                             choices=", ".join(BRIDGE_NAMES)), field="target")
    value = parse_number(value_text, field="value")
    obj = bridge.objects[target]
    index = parse_int_list(index_text, field="index")
    shape = obj.shape
    if len(index) != len(shape) or any(not -s <= i < s for i, s in zip(index, shape,
                                                                         strict=False)):
        raise InputError(msg("Give one index per dimension inside the shape {shape}.",
                             shape=tuple(shape)), field="index")
    before = {n: _view_snapshot(n, bridge.objects[n]).values for n in BRIDGE_NAMES}
    if isinstance(obj, np.ndarray):
        obj[index] = value
    else:
        assign_element(obj, index, value, target)
    code = f"{target}[{index_code(index)}] = {number_code(value)}"
    views = _views(bridge, before)
    changed = [v.name for v in views if v.changed]
    text = msg("Changed: {names}.", names=", ".join(changed) or "-")
    return BridgeResult(CodeStep(msg("Edit {name}", name=target), code, text), views,
                        shown=target)

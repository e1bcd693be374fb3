"""The facts of a tensor (shape, dtype, strides, data_ptr, _version...) as a small form.

A NumPy array gets NumPy's own facts instead: ``shape``, ``dtype``, ``strides`` in bytes,
the ``flags`` and its data address, with the tensors that share it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from gui.core.retranslate import Retranslatable
from gui.widgets.tensor_slicing import format_value

# The attribute as PyTorch code (never translated), and how its value is written.
FACT_ROWS: tuple[tuple[str, str], ...] = (
    ("shape", "t.shape"),
    ("dtype", "t.dtype"),
    ("device", "t.device"),
    ("numel", "t.numel()"),
    ("element_size", "t.element_size()"),
    ("nbytes", "t.nbytes"),
    ("stride", "t.stride()"),
    ("storage_offset", "t.storage_offset()"),
    ("is_contiguous", "t.is_contiguous()"),
    ("data_ptr", "t.data_ptr()"),
    ("version", "t._version"),
    ("requires_grad", "t.requires_grad"),
    ("is_leaf", "t.is_leaf"),
    ("grad_fn", "t.grad_fn"),
)

# NumPy's facts of an ndarray: (key, attribute after "name.").
ARRAY_ROWS: tuple[tuple[str, str], ...] = (
    ("a_shape", "shape"),
    ("a_dtype", "dtype"),
    ("a_strides", "strides"),
    ("a_itemsize", "itemsize"),
    ("a_nbytes", "nbytes"),
    ("a_c_contiguous", "flags.c_contiguous"),
    ("a_owndata", "flags.owndata"),
    ("a_writeable", "flags.writeable"),
    ("a_data", "ctypes.data"),
    ("a_shared", ""),
)
_RANGE_CHARS = 11  # significant digits are dropped rather than the value cut short


def _tuple_text(value: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(s) for s in value) + ("," if len(value) == 1 else "") + ")"


def format_array_fact(key: str, facts) -> str:
    """An ``engine.core.snapshot.ArrayFacts`` field as NumPy prints it."""
    attribute = key.removeprefix("a_")
    if attribute == "data":
        return str(facts.data_ptr)
    if attribute == "shared":
        return ", ".join(f"{name}.data_ptr()" for name in facts.shares_with) or "–"
    value = getattr(facts, attribute)
    return _tuple_text(value) if isinstance(value, tuple) else str(value)


def format_fact(key: str, facts) -> str:
    value = getattr(facts, key)
    if key == "shape":
        return "torch.Size([" + ", ".join(str(s) for s in value) + "])"
    if key == "dtype":
        return f"torch.{value}"
    if key == "stride":
        return _tuple_text(value)
    if key == "data_ptr":
        return str(value)
    if key == "grad_fn":
        return "None" if value is None else f"<{value}>"
    return str(value)


class TensorFactsView(Retranslatable, QWidget):
    """One row per fact; values are selectable so they can be copied. A tensor shows
    ``FACT_ROWS``; a NumPy array shows ``ARRAY_ROWS`` under its own name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        self._array_name = ""
        self.form = QFormLayout(self)
        self.form.setContentsMargins(4, 4, 4, 4)
        self.form.setVerticalSpacing(2)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, code in (*FACT_ROWS, *ARRAY_ROWS, ("nonfinite", ""), ("range", "")):
            name = QLabel(code)
            name.setFont(mono)
            value = QLabel("–")
            value.setFont(mono)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._names[key], self._values[key] = name, value
            self.form.addRow(name, value)
        self._array_rows_shown: bool | None = None
        self._show_array_rows(False)
        self._retranslate()

    def _retranslate(self) -> None:
        tips = {
            "shape": self.tr("Size of each dimension"),
            "dtype": self.tr("Type of every element"),
            "device": self.tr("Where the memory lives (cpu, cuda, mps)"),
            "numel": self.tr("Number of elements: the product of the shape"),
            "element_size": self.tr("Bytes per element"),
            "nbytes": self.tr("numel × element_size: bytes of the elements"),
            "stride": self.tr("Elements to skip in storage to move one step along each dim"),
            "storage_offset": self.tr("Position of the first element in the storage"),
            "is_contiguous": self.tr("True when the elements lie in storage in row-major order"),
            "data_ptr": self.tr("Memory address of the first element: equal addresses mean "
                                "shared memory"),
            "version": self.tr("Counter that goes up with every in-place change"),
            "requires_grad": self.tr("Whether autograd records operations on this tensor"),
            "is_leaf": self.tr("True for tensors created by the user, not by an operation"),
            "grad_fn": self.tr("The operation that created it (None for leaves)"),
            "nonfinite": self.tr("Counts of NaN, +inf and -inf. The heatmap shows them in magenta "
                                 "(NaN), red (+inf) and cyan (-inf)."),
            "range": self.tr("Smallest and largest finite value"),
            **self._array_tips(),
        }
        self._names["nonfinite"].setText(self.tr("NaN / ±inf"))
        self._names["range"].setText(self.tr("min … max"))
        self._names["a_shared"].setText(self.tr("same memory as"))
        for key, tip in tips.items():
            self._names[key].setToolTip(tip)
            self._values[key].setToolTip(tip)

    def _array_tips(self) -> dict[str, str]:
        return {
            "a_shape": self.tr("NumPy's shape: a plain tuple, not a torch.Size"),
            "a_dtype": self.tr("NumPy's element type"),
            "a_strides": self.tr("Bytes (not elements) to skip to move one step along each "
                                 "dim"),
            "a_itemsize": self.tr("Bytes per element"),
            "a_nbytes": self.tr("Bytes of the elements"),
            "a_c_contiguous": self.tr("True when the elements lie in memory in row-major (C) "
                                      "order"),
            "a_owndata": self.tr("False when the array borrows its memory from another object "
                                 "(a base array or a tensor)"),
            "a_writeable": self.tr("Whether the values may be changed in place"),
            "a_data": self.tr("Memory address of the first element"),
            "a_shared": self.tr("Tensors whose data_ptr() is this same address: changing one "
                                "changes the other"),
        }

    def _show_array_rows(self, array: bool) -> None:
        """Tensor rows or NumPy rows; only on a change: each of the 24 ``setRowVisible``
        calls relays the form out (together ~4 ms of the GUI thread per tensor shown)."""
        if array == self._array_rows_shown:
            return
        self._array_rows_shown = array
        for key, _code in FACT_ROWS:
            self.form.setRowVisible(self._names[key], not array)
        for key, _code in ARRAY_ROWS:
            self.form.setRowVisible(self._names[key], array)

    def set_facts(self, facts, levels=None, kind: str = "float", array=None,
                  name: str = "arr") -> None:
        """Show ``facts`` (engine.core.snapshot.TensorFacts), or NumPy's ``array`` facts
        (ArrayFacts) under ``name``; ``levels`` adds NaN/inf and the range."""
        self._show_array_rows(array is not None)
        if array is not None:
            for key, code in ARRAY_ROWS:
                if code:
                    self._names[key].setText(f"{name}.{code}")
                self._values[key].setText(format_array_fact(key, array))
        else:
            for key, _code in FACT_ROWS:
                self._values[key].setText(format_fact(key, facts))
        self._set_levels(levels if facts.numel else None, kind)

    def _set_levels(self, levels, kind: str) -> None:
        if levels is None:
            self._values["nonfinite"].setText("–")
            self._values["range"].setText("–")
            return
        self._values["nonfinite"].setText(
            f"{levels.nan_count} / +{levels.posinf_count} / -{levels.neginf_count}")
        low, high = (format_value(v, kind, _RANGE_CHARS) for v in (levels.low, levels.high))
        self._values["range"].setText(f"{low} … {high}")

    def text_extent(self) -> tuple[int, int]:
        """(characters of the longest name, of the longest value) among the rows shown.
        Names and values are set in a fixed-width font, so the form is never wider than
        for the largest extent seen: measuring it again (a layout of every row, ~0.7 ms)
        is needed only when a text got longer."""
        shown = [key for key in self._names if self.form.isRowVisible(self._names[key])]
        return (max((len(self._names[key].text()) for key in shown), default=0),
                max((len(self._values[key].text()) for key in shown), default=0))

    def clear(self) -> None:
        for label in self._values.values():
            label.setText("–")

    def value_text(self, key: str) -> str:
        return self._values[key].text()

    def row_name(self, key: str) -> str:
        return self._names[key].text()

    def is_row_shown(self, key: str) -> bool:
        return self.form.isRowVisible(self._names[key])

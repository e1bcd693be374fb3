"""The facts of a tensor (shape, dtype, strides, data_ptr, _version...) as a small form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from gui.core.retranslate import Retranslatable

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


def format_fact(key: str, facts) -> str:
    value = getattr(facts, key)
    if key == "shape":
        return "torch.Size([" + ", ".join(str(s) for s in value) + "])"
    if key == "dtype":
        return f"torch.{value}"
    if key == "stride":
        return "(" + ", ".join(str(s) for s in value) + ("," if len(value) == 1 else "") + ")"
    if key == "data_ptr":
        return str(value)
    if key == "grad_fn":
        return "None" if value is None else f"<{value}>"
    return str(value)


class TensorFactsView(Retranslatable, QWidget):
    """One row per fact; values are selectable so they can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setVerticalSpacing(2)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, code in (*FACT_ROWS, ("nonfinite", ""), ("range", "")):
            name = QLabel(code)
            name.setFont(mono)
            value = QLabel("–")
            value.setFont(mono)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._names[key], self._values[key] = name, value
            layout.addRow(name, value)
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
        }
        self._names["nonfinite"].setText(self.tr("NaN / ±inf"))
        self._names["range"].setText(self.tr("min … max"))
        for key, tip in tips.items():
            self._names[key].setToolTip(tip)
            self._values[key].setToolTip(tip)

    def set_facts(self, facts, levels=None, kind: str = "float") -> None:
        """Show ``facts`` (engine.core.snapshot.TensorFacts); ``levels`` adds NaN/inf and range."""
        for key, _code in FACT_ROWS:
            self._values[key].setText(format_fact(key, facts))
        if levels is None or facts.numel == 0:
            self._values["nonfinite"].setText("–")
            self._values["range"].setText("–")
            return
        self._values["nonfinite"].setText(
            f"{levels.nan_count} / +{levels.posinf_count} / -{levels.neginf_count}")
        low, high = levels.low, levels.high
        if kind == "bool":
            self._values["range"].setText(f"{bool(low)} … {bool(high)}")
        elif kind == "int" or levels.low == levels.high:
            self._values["range"].setText(f"{low:g} … {high:g}")
        else:
            self._values["range"].setText(f"{low:.6g} … {high:.6g}")

    def clear(self) -> None:
        for label in self._values.values():
            label.setText("–")

    def value_text(self, key: str) -> str:
        return self._values[key].text()

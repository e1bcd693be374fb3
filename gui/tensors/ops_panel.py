"""The Operate section of the Tensors tab: the operations catalogue and arithmetic expressions.

The fields build an ``engine.tensors.ops.catalogue.OpRequest``, or the expression typed in
the PyTorch language for ``engine.tensors.ops.arith.run_expression`` (``torch.sin(a) * 2``,
``a.sum(dim=0)``, ``a @ b.T``...); the job runs on the worker and its result goes to the
tab's ``show_result``. Errors appear beside the field that caused them and leave the
fields as typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from engine.tensors.ops.arith import run_expression
from engine.tensors.ops.catalogue import SPECS, OpRequest, ops_in, run_op
from gui.core.retranslate import Retranslatable
from gui.tensors.form import (
    ErrorLabel,
    FieldBox,
    clear_errors,
    default_result_name,
    refill_names,
    route_error,
    shown_error,
)
from gui.tensors.ops_fields import DimRow, ModeChooser

EXPRESSION = "expression"
SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**", "eq": "==", "ne": "!=",
           "gt": ">", "lt": "<", "ge": ">=", "le": "<=", "bitwise_and": "&", "bitwise_or": "|",
           "bitwise_xor": "^", "bitwise_not": "~", "matmul": "@"}
ROWS = ("expression", "op", "source", "other", "low", "high", "decimals", "dim", "mode",
        "result")
KIND_ROWS = {"unary": set(), "binary": {"other"}, "clamp": {"low", "high"},
             "round": {"decimals"}, "reduce": {"dim"}, "matmul": {"other"},
             "cross": {"other", "dim"}, "svd": set(), "det": set(), "inverse": set(),
             "transpose": set()}


def op_label(key: str) -> str:
    symbol = SYMBOLS.get(key)
    return f"{key}   ({symbol})" if symbol else key


class OperationsPanel(Retranslatable, QWidget):
    """See the module docstring. ``run()`` starts the chosen operation."""

    def __init__(self, ctx, show_result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result = ctx, show_result
        self.group_combo = QComboBox()
        self.fields: dict[str, QWidget] = {
            "expression": QLineEdit(), "op": QComboBox(), "source": QComboBox(),
            "other": QComboBox(), "low": QLineEdit("-0.5"), "high": QLineEdit("0.5"),
            "decimals": QLineEdit(), "dim": DimRow(), "mode": ModeChooser(),
            "result": QLineEdit("r")}
        self.mode_chooser: ModeChooser = self.fields["mode"]
        self.mode_buttons, self.out_combo = self.mode_chooser.buttons, self.mode_chooser.out_combo
        dim_row: DimRow = self.fields["dim"]
        self.dim_edit, self.keepdim_check = dim_row.dim_edit, dim_row.keepdim_check
        self.item_check = dim_row.item_check
        self.fields["other"].setEditable(True)
        self.boxes = {key: FieldBox(widget) for key, widget in self.fields.items()}
        self.labels = {key: QLabel() for key in ROWS}
        self.group_label = QLabel()
        self.run_button = QPushButton()
        self.error_label = ErrorLabel()
        self._build_layout()
        self._connect()
        self._retranslate()
        self._names: list[str] | None = None  # the names the combos hold
        self._update_names()
        self._on_group_changed()

    # --- construction -------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.group_label, self.group_combo)
        for key in ROWS:
            self.form.addRow(self.labels[key], self.boxes[key])
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.group_combo.currentIndexChanged.connect(self._on_group_changed)
        self.fields["op"].currentIndexChanged.connect(self._on_op_changed)
        self.run_button.clicked.connect(self.run)
        for key in ("expression", "low", "high", "decimals", "result"):
            self.fields[key].returnPressed.connect(self.run)
        self.dim_edit.returnPressed.connect(self.run)
        self.fields["other"].lineEdit().returnPressed.connect(self.run)
        self.mode_chooser.changed.connect(self._on_mode_changed)
        self.fields["source"].currentIndexChanged.connect(self._on_source_changed)
        if self._ctx.workspace is not None:
            self._ctx.workspace.changed.connect(self._update_names)

    def _group_titles(self) -> dict[str, str]:
        return {EXPRESSION: self.tr("Arithmetic expression"),
                "arithmetic": self.tr("Arithmetic (+ - * / **)"),
                "common": self.tr("Common functions"),
                "trig": self.tr("Trigonometry and inverses"),
                "bitwise": self.tr("Bitwise (integers and bool)"),
                "comparison": self.tr("Comparisons (→ bool)"),
                "reduction": self.tr("Reductions"), "linalg": self.tr("Linear algebra")}

    def _retranslate(self) -> None:
        self.group_label.setText(self.tr("Group"))
        current = self.group_combo.currentData()
        with signals_blocked(self.group_combo):
            self.group_combo.clear()
            for key, title in self._group_titles().items():
                self.group_combo.addItem(title, key)
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current)))
        texts = {"expression": self.tr("Expression"), "op": self.tr("Operation"),
                 "source": self.tr("Input"), "other": self.tr("Other"),
                 "low": self.tr("min"), "high": self.tr("max"),
                 "decimals": self.tr("decimals"), "dim": self.tr("dim"),
                 "mode": self.tr("Result"), "result": self.tr("Keep as")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.fields["expression"].setPlaceholderText(
            self.tr("e.g. torch.sin(x) * 2, x.sum(dim=0) or x @ x.T"))
        self.fields["expression"].setToolTip(self.tr(
            "A PyTorch expression over the workspace tensors, as the note writes it: "
            "torch.sin(a) * 2, a.sum(dim=0), a @ b.T, a.view(2, 3), math.pi * a. "
            "TorchScope runs it through its safe PyTorch language, never as plain Python."))
        self.fields["other"].setToolTip(self.tr("A workspace tensor or a number such as 2.5"))
        self.fields["decimals"].setPlaceholderText(self.tr("optional"))
        self.dim_edit.setPlaceholderText(self.tr("all elements"))
        self.fields["result"].setToolTip(self.tr("The name of the new tensor in the workspace"))
        self.run_button.setText(self.tr("Run"))
        self._update_mode_texts()

    # --- state --------------------------------------------------------------------------
    def group(self) -> str:
        return self.group_combo.currentData() or EXPRESSION

    def op(self) -> str:
        return self.fields["op"].currentData() or ""

    def mode(self) -> str:
        return self.mode_chooser.mode()

    def set_group(self, group: str) -> None:
        self.group_combo.setCurrentIndex(self.group_combo.findData(group))

    def set_op(self, key: str) -> None:
        self.set_group(SPECS[key].group)
        self.fields["op"].setCurrentIndex(self.fields["op"].findData(key))

    def set_mode(self, mode: str) -> None:
        self.mode_chooser.set_mode(mode)

    def set_current_name(self, name: str) -> None:
        """The tab's current tensor (picked or just made) becomes the input."""
        combo = self.fields["source"]
        if name and combo.findText(name) >= 0:
            combo.setCurrentIndex(combo.findText(name))

    def request(self) -> OpRequest:
        return OpRequest(op=self.op(), source=self.fields["source"].currentText(),
                         other=self.fields["other"].currentText(),
                         result=self.fields["result"].text(), mode=self.mode(),
                         out_name=self.out_combo.currentText(), dim=self.dim_edit.text(),
                         keepdim=self.keepdim_check.isChecked(),
                         item=self.item_check.isChecked(), low=self.fields["low"].text(),
                         high=self.fields["high"].text(),
                         decimals=self.fields["decimals"].text())

    # --- updates ------------------------------------------------------------------------
    def _visible_rows(self) -> set[str]:
        if self.group() == EXPRESSION:
            return {"expression", "result"}
        spec = SPECS.get(self.op())
        rows = {"op", "source", "result"} | (KIND_ROWS[spec.kind] if spec else set())
        if spec is not None and len(spec.modes) > 1:
            rows.add("mode")
        return rows

    def _update_rows(self) -> None:
        visible = self._visible_rows()
        for key in ROWS:
            self.form.setRowVisible(self.boxes[key], key in visible)
        spec = SPECS.get(self.op())
        self.mode_chooser.set_available(spec.modes if spec is not None else ("new",))
        self.fields["dim"].set_reduction(spec is not None and spec.kind == "reduce")
        self.fields["result"].setEnabled(self.group() == EXPRESSION or self.mode() == "new")

    def _on_source_changed(self) -> None:
        default_result_name(self.fields["result"], self._source_name(), "r")
        self._update_mode_texts()

    def _update_mode_texts(self) -> None:
        key = self.op() or "op"
        self.mode_chooser.set_method(f"{self._source_name()}.{key}_()")

    def _source_name(self) -> str:
        return self.fields["source"].currentText() or "a"

    def _update_names(self) -> None:
        """Refill the name fields when the workspace's names changed (most results only
        change a tensor's values: refilling three combos then costs ~5 ms for nothing)."""
        names = self._ctx.workspace.names() if self._ctx.workspace is not None else []
        if names == self._names:
            return
        self._names = list(names)
        for combo in (self.fields["source"], self.fields["other"], self.out_combo):
            if not combo.isEditable():
                refill_names(combo, names)
                continue
            previous = combo.currentText()
            with signals_blocked(combo):
                combo.clear()
                combo.addItems(names)
                combo.setEditText(previous or (names[1] if len(names) > 1 else "2"))
        expression = self.fields["expression"]
        if not expression.isModified() and names:
            expression.setText(f"({names[-1]} + 1) * 2")  # a suggestion until the user types
        self._on_source_changed()

    def _on_group_changed(self) -> None:
        combo = self.fields["op"]
        with signals_blocked(combo):
            combo.clear()
            if self.group() != EXPRESSION:
                for spec in ops_in(self.group()):
                    combo.addItem(op_label(spec.key), spec.key)
        self._on_op_changed()

    def _on_op_changed(self) -> None:
        self._update_rows()
        self._update_mode_texts()
        self._clear_errors()

    def _on_mode_changed(self, *_args) -> None:
        self._update_rows()

    # --- running ------------------------------------------------------------------------
    def run(self) -> None:
        if self._ctx.workspace is None:
            return
        workspace = self._ctx.workspace.workspace
        self._clear_errors()
        self.run_button.setEnabled(False)
        if self.group() == EXPRESSION:
            job, args = run_expression, (workspace, self.fields["expression"].text(),
                                         self.fields["result"].text())
        else:
            job, args = run_op, (workspace, self.request())
        self._ctx.runner.run(job, *args, title=self.tr("Operation"),
                             on_result=self._on_result, on_error=self._on_error,
                             on_done=lambda: self.run_button.setEnabled(True))

    def _on_result(self, result) -> None:
        self._clear_errors()
        self._show_result(result)

    def _on_error(self, message: str, exc: BaseException) -> None:
        boxes = dict(self.boxes)
        boxes["out_name"] = boxes["mode"]
        boxes["item"] = boxes["dim"]
        route_error(message, exc, boxes, self.error_label)

    def _clear_errors(self) -> None:
        clear_errors(self.boxes, self.error_label)

    def error_text(self, field: str | None = None) -> str:
        return shown_error(self.boxes, self.error_label, field)


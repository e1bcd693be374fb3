"""Shape operations with the storage strip: the N-D view above the flat storage it reads."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.tensors.ops.shape import SHAPE_OPS, ShapeRequest, run_shape_op
from gui.core.retranslate import Retranslatable
from gui.tensors.form import (
    ErrorLabel,
    FieldBox,
    ToneLabel,
    default_result_name,
    refill_names,
    route_error,
    shown_error,
)
from gui.tensors.storage_grid import format_cell
from gui.tensors.storage_strip import StorageStrip
from gui.widgets.tensor_colors import OWN, SHARED

DEFAULT_ARGS = {"unsqueeze": "0", "squeeze": "0", "reshape": "-1", "view": "-1",
                "flatten": "", "transpose": "0, 1", "permute": "1, 0", "contiguous": "",
                "expand": "2, -1, -1"}


def layout_text(storage_map) -> str:
    return f"stride {storage_map.stride}, offset {storage_map.storage_offset}"


def _element_value(mapping, element: int, cell: int) -> str:
    value = mapping.storage_value(cell)
    if value is None and mapping.element_index is not None:  # condensed: the element's own
        value = mapping.element_values[int(np.flatnonzero(mapping.element_index == element)[0])]
    return format_cell(value)


class ShapeSection(Retranslatable, QWidget):
    """Pick a tensor and a shape operation; both storage strips show what happened."""

    def __init__(self, ctx, show_result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result = ctx, show_result
        self._last = None
        self._last_source = ""
        self._failed = False
        self.fields = {"source": QComboBox(), "op": QComboBox(), "args": QLineEdit("0, 1"),
                       "result": QLineEdit("b")}
        for op in SHAPE_OPS:
            self.fields["op"].addItem(f".{op}()", op)
        self.fields["op"].setCurrentIndex(SHAPE_OPS.index("transpose"))
        self.boxes = {key: FieldBox(widget) for key, widget in self.fields.items()}
        self.labels = {key: QLabel() for key in self.fields}
        self.apply_button = QPushButton()
        self.error_label = ErrorLabel()
        self.verdict_label = ToneLabel()
        self.note_label = QLabel()
        self.source_strip, self.result_strip = StorageStrip(), StorageStrip()
        self.hover_label = QLabel()
        self.legend_label = QLabel()
        self._strip_names = {self.source_strip: "a", self.result_strip: "b"}
        self._build_layout()
        for strip in (self.source_strip, self.result_strip):
            strip.hovered.connect(lambda element, cell, s=strip: self._on_hovered(s, element,
                                                                                 cell))
        self.apply_button.clicked.connect(self.apply)
        self.fields["args"].returnPressed.connect(self.apply)
        self.fields["op"].currentIndexChanged.connect(self._on_op_changed)
        if ctx.workspace is not None:
            ctx.workspace.changed.connect(self._update_names)
        self._retranslate()
        self._update_names()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in self.fields:
            form.addRow(self.labels[key], self.boxes[key])
        for label in (self.verdict_label, self.note_label, self.hover_label, self.legend_label):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.source_strip)
        layout.addWidget(self.result_strip)
        layout.addWidget(self.hover_label)
        layout.addWidget(self.legend_label)

    def _retranslate(self) -> None:
        texts = {"source": self.tr("Tensor"), "op": self.tr("Operation"),
                 "args": self.tr("Arguments"), "result": self.tr("Keep as")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.fields["args"].setToolTip(self.tr(
            "Integers separated by commas: dims for unsqueeze/squeeze/transpose/permute, "
            "a shape for reshape/view/expand (-1 = infer)"))
        self.apply_button.setText(self.tr("Apply"))
        self.hover_label.setText(self.tr("Hover an element or a storage cell."))
        self.source_strip.setToolTip(self.tr(
            "Hover or click an element to see the storage cell it reads"))
        self.result_strip.setToolTip(self.source_strip.toolTip())
        self._update_result()

    def set_current_name(self, name: str) -> None:
        """Follow the tab's current tensor, picked or just made."""
        combo = self.fields["source"]
        if name and combo.findText(name) >= 0:
            combo.setCurrentIndex(combo.findText(name))
        default_result_name(self.fields["result"], combo.currentText(), "b")

    def set_op(self, op: str, args: str | None = None) -> None:
        self.fields["op"].setCurrentIndex(SHAPE_OPS.index(op))
        if args is not None:
            self.fields["args"].setText(args)

    def _on_op_changed(self) -> None:
        self.fields["args"].setText(DEFAULT_ARGS[self.fields["op"].currentData()])

    def _update_names(self) -> None:
        combo = self.fields["source"]
        workspace = self._ctx.workspace
        refill_names(combo, workspace.names() if workspace is not None else [])
        default_result_name(self.fields["result"], combo.currentText(), "b")

    def apply(self) -> None:
        request = ShapeRequest(self.fields["op"].currentData(),
                               self.fields["source"].currentText(),
                               self.fields["args"].text(), self.fields["result"].text())
        self._ctx.runner.run(run_shape_op, self._ctx.workspace.workspace, request,
                             title=self.tr("Shape operation"),
                             on_result=lambda result: self._on_result(result, request.source),
                             on_error=self._on_error)

    def _on_result(self, result, source: str = "") -> None:
        for box in self.boxes.values():
            box.error.clear_message()
        self.error_label.clear_message()
        self._last, self._last_source, self._failed = result, source, False
        self._update_result()
        self._show_result(result)

    def _update_result(self) -> None:
        result = self._last
        if result is None:
            self.verdict_label.setText("" if self._failed else self.tr(
                "Apply an operation to see the storage."))
            self.note_label.setText("")
            for strip in (self.source_strip, self.result_strip):
                strip.clear()
                strip.set_labels("", "")
                strip.setVisible(False)
            self.hover_label.setVisible(False)
            self._update_legend()
            return
        if result.shares_storage:
            verdict = self.tr("{name} is a view of the same storage: same memory, new "
                              "shape and strides.")
        else:
            verdict = self.tr("{name} is a copy: new storage.")
        self.verdict_label.setText(verdict.format(name=result.name))
        self.hover_label.setVisible(True)
        self.verdict_label.set_tone(SHARED if result.shares_storage else OWN, bold=True)
        self.note_label.setText(result.note)
        source = self._last_source.strip() or "a"
        for strip, mapping, name in ((self.source_strip, result.source_storage, source),
                                     (self.result_strip, result.result_storage, result.name)):
            self._strip_names[strip] = name
            strip.setVisible(True)
            strip.set_map(mapping)
            strip.set_labels(*self._strip_labels(mapping, name))
        self._update_legend()

    def _strip_labels(self, mapping, name: str) -> tuple[str, str]:
        if mapping is None:
            return self.tr("{name}: too large to draw").format(name=name), ""
        shape = "×".join(str(s) for s in mapping.shape) or "()"
        view = f"{name}  {shape}   {layout_text(mapping)}"
        if mapping.is_condensed:
            return view, self.tr("storage of {name}: {count} elements, first and last shown"
                                 ).format(name=name, count=mapping.storage_size)
        return view, self.tr("storage of {name}: {count} elements").format(
            name=name, count=mapping.storage_size)

    def _update_legend(self) -> None:
        self.legend_label.setVisible(self._last is not None)
        self.legend_label.setText(self.tr(
            "Colours: each storage cell has its own colour and every element of the view "
            "takes the colour of the cell it reads (→n: that cell's index). Grey: storage "
            "the view does not read. The bar marks the storage offset; … stands for the "
            "elements not drawn."))

    def _on_hovered(self, strip: StorageStrip, element: int, cell: int) -> None:
        mapping, name = strip.storage_map(), self._strip_names[strip]
        if mapping is None or (element < 0 and cell < 0):
            self.hover_label.setText(self.tr("Hover an element or a storage cell."))
            return
        if element >= 0:
            index = np.unravel_index(element, mapping.shape) if mapping.shape else ()
            cell = mapping.element_offset(element)
            position = ", ".join(str(int(i)) for i in index)
            self.hover_label.setText(self.tr("{name}[{index}] reads storage[{cell}] = {value}")
                                     .format(name=name, index=position, cell=cell,
                                             value=_element_value(mapping, element, cell)))
            return
        if mapping.is_condensed:  # the readers of one cell are not counted for big tensors
            self.hover_label.setText(f"storage[{cell}] = "
                                     f"{format_cell(mapping.storage_value(cell))}")
            return
        readers = int((mapping.offsets == cell).sum())
        self.hover_label.setText(self.tr("storage[{cell}] is read by %n element(s) of {name}",
                                         "", readers).format(cell=cell, name=name))

    def _on_error(self, message: str, exc: BaseException) -> None:
        """The error replaces the previous result: no old success line stays beside it."""
        route_error(message, exc, self.boxes, self.error_label)
        self._last, self._failed = None, True
        self._update_result()

    def error_text(self, field: str | None = None) -> str:
        return shown_error(self.boxes, self.error_label, field)

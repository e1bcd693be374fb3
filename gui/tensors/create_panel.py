"""The Create section of the Tensors tab: every constructor, its fields and a seed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from engine.core.parsing import DTYPE_NAMES
from engine.tensors.create import (
    CONSTRUCTORS,
    LIKE,
    OUT_KINDS,
    RANDOM,
    SHAPED,
    SUGGESTED_DTYPES,
    CreateRequest,
    available_devices,
    create_tensor,
)
from gui.core.retranslate import Retranslatable
from gui.tensors.form import ErrorLabel, FieldBox, clear_errors, route_error, shown_error

TEXT_FIELDS = {"name": "x", "shape": "2, 3", "fill_value": "7", "low": "0", "high": "10",
               "step": "1", "steps": "5", "data": "[[1, 2], [3, 4]]"}
ROWS = ("name", "shape", "fill_value", "low", "high", "step", "steps", "data", "source",
        "dtype", "device", "requires_grad", "seed", "out")
ALWAYS = {"name", "dtype", "device", "requires_grad"}
EXTRA_ROWS = {"full": {"shape", "fill_value"}, "randint": {"shape", "low", "high"},
              "arange": {"low", "high", "step"}, "linspace": {"low", "high", "steps"},
              "eye": {"shape"}, "tensor": {"data"}}
DEFAULT_SEED = 1729


def rows_for(kind: str) -> set[str]:
    if kind == "to":
        return {"name", "source", "dtype"}
    rows = set(ALWAYS) | EXTRA_ROWS.get(kind, set())
    if kind in SHAPED:
        rows.add("shape")
    if kind in LIKE:
        rows.add("source")
    if kind in RANDOM:
        rows.add("seed")
    if kind in OUT_KINDS:
        rows.add("out")
    return rows


class CreatePanel(Retranslatable, QWidget):
    """Builds a ``CreateRequest`` from the fields and runs it; results go to ``show_result``."""

    def __init__(self, ctx, show_result, current_name=lambda: None, parent=None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result, self._current_name = ctx, show_result, current_name
        self._pinned = ("", "")  # (source, result made from it): Create keeps the source
        self.kind_combo = QComboBox()
        for kind in CONSTRUCTORS:
            self.kind_combo.addItem(".to(dtype)" if kind == "to" else f"torch.{kind}", kind)
        self.fields: dict[str, QWidget] = {key: QLineEdit(text) for key, text in
                                           TEXT_FIELDS.items()}
        self.fields["source"] = QComboBox()
        self.fields["dtype"] = QComboBox()
        self.fields["device"] = QComboBox()
        self.fields["device"].addItems(available_devices())
        self.fields["requires_grad"] = QCheckBox("requires_grad")
        self.seed_check = QCheckBox()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(DEFAULT_SEED)
        self.fields["seed"] = self._seed_row()
        self.out_check = QCheckBox("out=")
        self.out_combo = QComboBox()
        self.fields["out"] = self._out_row()
        self.boxes = {key: FieldBox(widget) for key, widget in self.fields.items()}
        self.labels = {key: QLabel() for key in ROWS}
        self.create_button = QPushButton()
        self.error_label = ErrorLabel()
        self._build_layout()
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.create_button.clicked.connect(self._on_create)
        for key in TEXT_FIELDS:
            self.fields[key].returnPressed.connect(self._on_create)
        if ctx.workspace is not None:
            ctx.workspace.changed.connect(self._update_sources)
        self._retranslate()
        self._update_sources()
        self.set_kind("rand")
        self._on_kind_changed()

    def _seed_row(self) -> QWidget:
        self.seed_check.setChecked(True)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.seed_check)
        layout.addWidget(self.seed_spin, 1)
        self.seed_check.toggled.connect(self.seed_spin.setEnabled)
        return row

    def _out_row(self) -> QWidget:
        self.out_combo.setEnabled(False)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.out_check)
        layout.addWidget(self.out_combo, 1)
        self.out_check.toggled.connect(self._on_out_toggled)
        return row

    def _on_out_toggled(self, _checked: bool = False) -> None:
        into = self.kind() in OUT_KINDS and self.out_check.isChecked()
        self.out_combo.setEnabled(into)
        self.fields["name"].setEnabled(not into)

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._kind_label = QLabel()
        self.form.addRow(self._kind_label, self.kind_combo)
        for key in ROWS:
            self.form.addRow(self.labels[key], self.boxes[key])
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.create_button)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _retranslate(self) -> None:
        self._kind_label.setText(self.tr("Constructor"))
        texts = {"name": self.tr("Keep as"), "shape": self.tr("Shape"),
                 "fill_value": self.tr("Fill value"), "step": self.tr("Step"),
                 "steps": self.tr("Steps"), "data": self.tr("Data"),
                 "dtype": self.tr("dtype"),
                 "device": self.tr("Device"), "requires_grad": "", "seed": self.tr("Seed")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self._update_range_labels()
        self.fields["shape"].setToolTip(self.tr("Sizes such as 2, 3 or (2, 3) or 2x3 or [2,3]"))
        self.fields["data"].setToolTip(self.tr("Nested lists or tuples, e.g. [[1, 2], [3, 4]]"))
        self.fields["name"].setToolTip(self.tr("The variable name in the code and the workspace"))
        self.seed_check.setToolTip(self.tr("Call torch.manual_seed(seed) right before creating, "
                                           "so that the code reproduces the same numbers"))
        self.seed_spin.setToolTip(self.seed_check.toolTip())
        self.labels["out"].setText(self.tr("Write into"))
        self.out_check.setToolTip(self.tr("Write the values into an existing tensor of the same "
                                          "shape (torch.rand(2, 2, out=c)): same object, same "
                                          "memory"))
        self.out_combo.setToolTip(self.out_check.toolTip())
        self.create_button.setText(self.tr("Create"))
        dtype_combo = self.fields["dtype"]
        current = dtype_combo.currentData()
        with signals_blocked(dtype_combo):
            dtype_combo.clear()
            dtype_combo.addItem(self.tr("default"), None)
            for name in DTYPE_NAMES:
                dtype_combo.addItem(f"torch.{name}", name)
            dtype_combo.setCurrentIndex(max(0, dtype_combo.findData(current)))

    def _update_range_labels(self) -> None:
        """Labels that depend on the constructor: Start/End or Low/High, Source or Like."""
        self.labels["source"].setText(self.tr("Source") if self.kind() == "to"
                                      else self.tr("Like"))
        ranged = self.kind() in ("arange", "linspace")
        self.labels["low"].setText(self.tr("Start") if ranged else self.tr("Low"))
        self.labels["high"].setText(self.tr("End") if ranged else self.tr("High"))

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        visible = rows_for(kind)
        for key in ROWS:
            self.form.setRowVisible(self.boxes[key], key in visible)
        if kind in SUGGESTED_DTYPES:
            combo = self.fields["dtype"]
            combo.setCurrentIndex(max(0, combo.findData(SUGGESTED_DTYPES[kind])))
        self._update_range_labels()
        self._clear_errors()
        self._update_sources()
        self._on_out_toggled()

    def _update_sources(self) -> None:
        combo = self.fields["source"]
        previous = combo.currentText() or self._current_name()
        names = self._ctx.workspace.names() if self._ctx.workspace is not None else []
        with signals_blocked(combo):
            combo.clear()
            combo.addItems(names)
            follows = self.kind() in (*LIKE, "to")
            preferred = (self._pinned[0] or self._current_name()) if follows else previous
            index = combo.findText(preferred or previous or "")
            combo.setCurrentIndex(index if index >= 0 else 0)
        previous_out = self.out_combo.currentText()
        self.out_combo.clear()
        self.out_combo.addItems(names)
        self.out_combo.setCurrentIndex(max(0, self.out_combo.findText(previous_out)))

    def set_current_name(self, name: str) -> None:
        """The workspace selection changed: *_like constructors copy the current tensor,
        except the result just made from the source (a second Create must not convert the
        converted tensor)."""
        combo = self.fields["source"]
        source, made = self._pinned
        if source and name == made:
            name = source
        else:
            self._pinned = ("", "")
        index = combo.findText(name)
        if index >= 0:
            combo.setCurrentIndex(index)

    def request(self) -> CreateRequest:
        text = {key: self.fields[key].text() for key in TEXT_FIELDS}
        seed = self.seed_spin.value() if self.seed_check.isChecked() else None
        out = self.out_combo.currentText() if self.kind() in OUT_KINDS and \
            self.out_check.isChecked() else ""
        return CreateRequest(kind=self.kind(), dtype=self.fields["dtype"].currentData(), out=out,
                             requires_grad=self.fields["requires_grad"].isChecked(),
                             device=self.fields["device"].currentText(), seed=seed,
                             source=self.fields["source"].currentText(), **text)

    def _on_create(self) -> None:
        workspace = self._ctx.workspace.workspace if self._ctx.workspace is not None else None
        request = self.request()
        source = request.source if request.kind in (*LIKE, "to") else ""
        self._clear_errors()
        self._ctx.runner.run(create_tensor, request, workspace,
                             title=self.tr("Create a tensor"),
                             on_result=lambda result: self._on_created(result, source),
                             on_error=self._on_error)

    def _on_created(self, result, source: str = "") -> None:
        self._clear_errors()
        if source and result.name:
            self._pinned = (source, result.name)
        self._show_result(result)

    def _on_error(self, message: str, exc: BaseException) -> None:
        route_error(message, exc, self.boxes, self.error_label)

    def _clear_errors(self) -> None:
        clear_errors(self.boxes, self.error_label)

    def error_text(self, field: str | None = None) -> str:
        return shown_error(self.boxes, self.error_label, field)

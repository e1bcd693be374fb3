"""The NumPy bridge side by side: arr, torch.from_numpy(arr), torch.tensor(arr)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.tensors.ops.numpy_bridge import BRIDGE_NAMES, NumpyBridge, bridge_edit, bridge_start
from gui.core.retranslate import Retranslatable
from gui.tensors.form import ErrorLabel, FieldBox, ToneLabel, route_error, shown_error
from gui.tensors.storage_grid import ValueGrid
from gui.widgets.tensor_colors import OWN, SHARED

COLUMNS = ("arr", "t_shared", "t_copy")


class NumpySection(Retranslatable, QWidget):
    """Build the three objects, then change one element of any and watch the others."""

    def __init__(self, ctx, show_result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result = ctx, show_result
        self._bridge = NumpyBridge()  # touched only inside jobs
        self._views: dict = {}
        self.fields = {"shape": QLineEdit("2, 3"), "target": QComboBox(),
                       "index": QLineEdit("0, 0"), "value": QLineEdit("100")}
        self.fields["target"].addItems(BRIDGE_NAMES)
        self.boxes = {key: FieldBox(widget) for key, widget in self.fields.items()}
        self.labels = {key: QLabel() for key in self.fields}
        self.build_button, self.edit_button = QPushButton(), QPushButton()
        self.error_label = ErrorLabel()
        self.titles = {name: QLabel(name) for name in COLUMNS}
        self.grids = {name: ValueGrid() for name in COLUMNS}
        self.states = {name: ToneLabel() for name in COLUMNS}
        self.back_label = QLabel()
        self.explain_label = QLabel()
        self._build_layout()
        self.build_button.clicked.connect(self.build)
        self.edit_button.clicked.connect(self.edit)
        self.fields["value"].returnPressed.connect(self.edit)
        self._retranslate()

    def _build_layout(self) -> None:
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top.addRow(self.labels["shape"], self.boxes["shape"])
        grid = QGridLayout()
        for col, name in enumerate(COLUMNS):
            self.states[name].setWordWrap(True)
            grid.addWidget(self.titles[name], 0, col)
            grid.addWidget(self.grids[name], 1, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.states[name], 2, col, Qt.AlignmentFlag.AlignTop)
        edit = QFormLayout()
        edit.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in ("target", "index", "value"):
            edit.addRow(self.labels[key], self.boxes[key])
        for label in (self.back_label, self.explain_label):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.build_button)
        layout.addWidget(self.explain_label)
        layout.addLayout(grid)
        layout.addWidget(self.back_label)
        layout.addLayout(edit)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.error_label)

    def _retranslate(self) -> None:
        texts = {"shape": self.tr("Shape of arr"), "target": self.tr("Change"),
                 "index": self.tr("Index"), "value": self.tr("New value")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.build_button.setText(self.tr("Build arr, from_numpy, tensor"))
        self.edit_button.setText(self.tr("Change one element"))
        self.explain_label.setText(self.tr(
            "arr is a NumPy array; t_shared = torch.from_numpy(arr) shares its memory; "
            "t_copy = torch.tensor(arr) copies it; back = t_shared.numpy() shares it again."))
        for name in COLUMNS:
            self.titles[name].setToolTip({"arr": "np.arange(...).reshape(...)",
                                          "t_shared": "torch.from_numpy(arr)",
                                          "t_copy": "torch.tensor(arr)"}[name])
        self._update_states()

    def build(self) -> None:
        self._ctx.runner.run(bridge_start, self._bridge, self.fields["shape"].text(),
                             title=self.tr("NumPy bridge"), on_result=self._on_result,
                             on_error=self._on_error)

    def edit(self) -> None:
        self._ctx.runner.run(bridge_edit, self._bridge, self.fields["target"].currentText(),
                             self.fields["index"].text(), self.fields["value"].text(),
                             title=self.tr("NumPy bridge"), on_result=self._on_result,
                             on_error=self._on_error)

    def _on_result(self, result) -> None:
        for box in self.boxes.values():
            box.error.clear_message()
        self.error_label.clear_message()
        for view in result.views:
            if view.name in self.grids:
                self.grids[view.name].set_values(view.snapshot.values, view.changed_mask)
        self._views = {view.name: view for view in result.views}
        self._update_states()
        self._show_result(result)

    def _update_states(self) -> None:
        views = self._views
        for name in COLUMNS:
            view = views.get(name)
            if view is None:
                self.states[name].setText("")
                continue
            text = self.tr("shares memory") if view.shares_with_arr else self.tr("own memory")
            if view.changed:
                text += "\n" + self.tr("changed!")
            self.states[name].setText(text)
            self.states[name].set_tone(SHARED if view.shares_with_arr else OWN, bold=True)
        back = views.get("back")
        self.back_label.setText("" if back is None else self.tr(
            "back = t_shared.numpy() shares memory with arr: {shares}").format(
                shares=self.tr("yes") if back.shares_with_arr else self.tr("no")))

    def _on_error(self, message: str, exc: BaseException) -> None:
        route_error(message, exc, self.boxes, self.error_label)

    def error_text(self, field: str | None = None) -> str:
        return shown_error(self.boxes, self.error_label, field)

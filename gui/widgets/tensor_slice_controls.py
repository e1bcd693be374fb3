"""For tensors of 3 or more dims: which two dims are shown, and a slider per other dim."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSlider, QWidget
from superqt.utils import qdebounced, signals_blocked

from gui.core.retranslate import Retranslatable
from gui.widgets.tensor_slicing import SliceSpec, default_spec

DEBOUNCE_MS = 150


class TensorSliceControls(Retranslatable, QWidget):
    """Emits ``spec_changed(SliceSpec)`` (debounced for sliders)."""

    spec_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape: tuple[int, ...] = ()
        self._spec = default_spec(())
        self._rows_label, self._cols_label = QLabel(), QLabel()
        self._row_combo, self._col_combo = QComboBox(), QComboBox()
        self._sliders: dict[int, tuple[QLabel, QSlider]] = {}
        self._slider_grid = QGridLayout()
        self._slider_grid.setContentsMargins(0, 0, 0, 0)
        self._emit_soon = qdebounced(self._emit, timeout=DEBOUNCE_MS, parent=self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (self._rows_label, self._row_combo, self._cols_label, self._col_combo):
            top.addWidget(widget)
        top.addStretch(1)
        for combo in (self._row_combo, self._col_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top, 0, 0)
        outer.addLayout(self._slider_grid, 1, 0)
        self._row_combo.currentIndexChanged.connect(self._on_dims_chosen)
        self._col_combo.currentIndexChanged.connect(self._on_dims_chosen)
        self._retranslate()
        self.setVisible(False)

    def _retranslate(self) -> None:
        self._rows_label.setText(self.tr("Rows: dim"))
        self._cols_label.setText(self.tr("Columns: dim"))
        self._row_combo.setToolTip(self.tr("Dimension shown down the rows"))
        self._col_combo.setToolTip(self.tr("Dimension shown across the columns"))
        self._update_slider_labels()

    def spec(self) -> SliceSpec:
        return self._spec

    def set_shape(self, shape: tuple[int, ...]) -> SliceSpec:
        """Adopt a new shape; positions are kept when the shape did not change."""
        if shape == self._shape:
            return self._spec
        same_dims = len(shape) == len(self._shape)  # the combos keep their items
        self._shape = tuple(shape)
        self._spec = default_spec(self._shape)
        self.setVisible(len(shape) >= 3)
        chosen = (self._spec.row_dim, self._spec.col_dim) if len(shape) >= 2 else (-1, -1)
        for combo, dim in zip((self._row_combo, self._col_combo), chosen, strict=True):
            with signals_blocked(combo):
                if not same_dims:
                    combo.clear()
                    combo.addItems([str(d) for d in range(len(shape))])
                combo.setCurrentIndex(dim)
        self._rebuild_sliders()
        return self._spec

    def set_spec(self, spec: SliceSpec) -> None:
        """Choose dims and positions programmatically (emits spec_changed at once)."""
        with signals_blocked(self._row_combo), signals_blocked(self._col_combo):
            self._row_combo.setCurrentIndex(spec.row_dim)
            self._col_combo.setCurrentIndex(spec.col_dim)
        self._spec = spec
        self._rebuild_sliders()
        self._emit()

    def _rebuild_sliders(self) -> None:
        for widgets in self._sliders.values():
            for widget in widgets:
                self._slider_grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self._sliders.clear()
        if len(self._shape) < 3:
            return
        for row, dim in enumerate(d for d in range(len(self._shape))
                                  if d not in (self._spec.row_dim, self._spec.col_dim)):
            label = QLabel()
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, max(0, self._shape[dim] - 1))
            slider.setValue(min(self._spec.fixed[dim], self._shape[dim] - 1))
            slider.valueChanged.connect(lambda value, d=dim: self._on_slider(d, value))
            self._slider_grid.addWidget(label, row, 0)
            self._slider_grid.addWidget(slider, row, 1)
            self._sliders[dim] = (label, slider)
        self._update_slider_labels()

    def _update_slider_labels(self) -> None:
        for dim, (label, slider) in self._sliders.items():
            label.setText(self.tr("dim {dim} = {index} of {size}").format(
                dim=dim, index=slider.value(), size=self._shape[dim]))

    def _on_dims_chosen(self) -> None:
        row, col = self._row_combo.currentIndex(), self._col_combo.currentIndex()
        if row < 0 or col < 0:
            return
        if row == col:  # the user picked the other combo's dim: swap the two
            if self.sender() is self._row_combo:
                col = self._spec.row_dim
            else:
                row = self._spec.col_dim
        self.set_spec(SliceSpec(row, col, self._spec.fixed))

    def _on_slider(self, dim: int, value: int) -> None:
        fixed = list(self._spec.fixed)
        fixed[dim] = value
        self._spec = SliceSpec(self._spec.row_dim, self._spec.col_dim, tuple(fixed))
        self._update_slider_labels()
        self._emit_soon()

    def _emit(self) -> None:
        self.spec_changed.emit(self._spec)

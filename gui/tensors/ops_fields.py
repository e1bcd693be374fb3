"""Compound fields of the Operate section: the result form (new / in place / out=) and dim."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.retranslate import Retranslatable

MODES = ("new", "inplace", "out")


class ModeChooser(Retranslatable, QWidget):
    """``new tensor`` / ``in place: a.sin_()`` / ``out= [tensor]``; ``changed`` on toggles."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._method = "a.op_()"
        self.buttons = {mode: QRadioButton() for mode in MODES}
        self.group = QButtonGroup(self)
        self.out_combo = QComboBox()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        out_row = QHBoxLayout()
        for mode, button in self.buttons.items():
            self.group.addButton(button)
            if mode == "out":
                out_row.addWidget(button)
                out_row.addWidget(self.out_combo, 1)
            else:
                layout.addWidget(button)
        layout.addLayout(out_row)
        self.buttons["new"].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        self._retranslate()

    def _retranslate(self) -> None:
        self.buttons["new"].setText(self.tr("new tensor"))
        self.buttons["inplace"].setText(self.tr("in place: {method}").format(
            method=self._method))
        self.buttons["out"].setText("out=")
        self.out_combo.setToolTip(self.tr("An existing tensor that receives the result"))

    def mode(self) -> str:
        return next(m for m, b in self.buttons.items() if b.isChecked())

    def set_mode(self, mode: str) -> None:
        self.buttons[mode].setChecked(True)

    def set_method(self, method: str) -> None:
        """The in-place call shown on its button, e.g. ``x.sin_()``."""
        self._method = method
        self._retranslate()

    def set_available(self, modes: tuple[str, ...]) -> None:
        for mode, button in self.buttons.items():
            button.setVisible(mode in modes)
        if self.mode() not in modes:
            self.buttons["new"].setChecked(True)
        self.out_combo.setVisible("out" in modes)
        self.out_combo.setEnabled(self.mode() == "out")


class DimRow(QWidget):
    """``dim`` text with ``keepdim`` and ``.item()`` checkboxes (the last two for reductions)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dim_edit = QLineEdit()
        self.keepdim_check = QCheckBox("keepdim")
        self.item_check = QCheckBox(".item()")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dim_edit, 1)
        layout.addWidget(self.keepdim_check)
        layout.addWidget(self.item_check)

    def set_reduction(self, reduction: bool) -> None:
        self.keepdim_check.setVisible(reduction)
        self.item_check.setVisible(reduction)

"""The Seeds section: set the manual seed, and the same-seed-same-numbers demo."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.tensors.seeds import reproducibility_demo, set_seed
from gui.core.retranslate import Retranslatable
from gui.tensors.form import ErrorLabel, FieldBox, clear_errors, route_error


class SeedPanel(Retranslatable, QWidget):
    """``torch.manual_seed`` as a step of its own, and the reproducibility demo."""

    def __init__(self, ctx, show_result, parent=None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result = ctx, show_result
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(1729)
        self.shape_edit = QLineEdit("2, 3")
        self.boxes = {"seed": FieldBox(self.seed_spin), "shape": FieldBox(self.shape_edit)}
        self.set_button = QPushButton()
        self.demo_button = QPushButton()
        self.error_label = ErrorLabel()
        self._seed_label, self._shape_label = QLabel(), QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._seed_label, self.boxes["seed"])
        form.addRow(self._shape_label, self.boxes["shape"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.set_button.clicked.connect(self._on_set_seed)
        self.demo_button.clicked.connect(self._on_demo)
        self._retranslate()

    def _retranslate(self) -> None:
        self.intro.setText(self.tr(
            "A seed fixes the sequence of random numbers. The demo draws rand twice, sets the "
            "same seed again and draws twice more: compare random1 with random3."))
        self._seed_label.setText(self.tr("Seed"))
        self._shape_label.setText(self.tr("Shape"))
        self.set_button.setText(self.tr("Set seed"))
        self.set_button.setToolTip(self.tr("Run torch.manual_seed(seed) as a step"))
        self.demo_button.setText(self.tr("Run demo"))
        self.demo_button.setToolTip(self.tr("seed → rand, rand; same seed → rand, rand"))

    def _clear_messages(self) -> None:
        """A new step replaces the old messages of the panel."""
        clear_errors(self.boxes, self.error_label)

    def _on_set_seed(self) -> None:
        self._clear_messages()
        self._ctx.runner.run(set_seed, self.seed_spin.value(), title=self.tr("Set the seed"),
                             on_result=self._on_result, on_error=self._on_error)

    def _on_demo(self) -> None:
        self._clear_messages()
        self._ctx.runner.run(reproducibility_demo, self.seed_spin.value(),
                             self.shape_edit.text(), title=self.tr("Seed demo"),
                             on_result=self._on_result, on_error=self._on_error)

    def _on_result(self, result) -> None:
        """The summary and its meaning are shown once, under the viewer (the tab's note)."""
        self._clear_messages()
        self._show_result(result)

    def _on_error(self, message: str, exc: BaseException) -> None:
        route_error(message, exc, self.boxes, self.error_label)

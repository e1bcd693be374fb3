"""Choosing and explaining an Autograd preset: autograd off/on, errors, large graphs.

``run_requested(key)`` asks the tab to run a preset; ``set_result`` shows its tensors
(requires_grad, is_leaf, grad_fn), its explanation and PyTorch's exact error text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.autograd.colors import AccentText
from gui.core.retranslate import Retranslatable
from gui.widgets.engine_text import EngineTextLabel

PRESET_KEYS = (
    "requires_grad", "no_grad", "enable_grad", "inference_mode", "decorator", "detach",
    "accumulation", "second_backward", "inplace_leaf", "inplace_saved", "nonscalar_backward",
    "numpy_requires_grad", "note", "tiny", "resnet18", "resnet50", "resnet152", "densenet121",
    "densenet201", "mobilenet_v3_small", "vit_b_16", "transformer", "chain2000",
)


VALUES = 4  # the column of shapes, dtypes and values (wraps; full text in its tooltip)


class PresetsPanel(Retranslatable, QWidget):
    """See the module docstring."""

    run_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(12)
        for key in PRESET_KEYS:
            self.choice.addItem(key, key)
        self.run_button = QPushButton()
        self.explanation = EngineTextLabel()  # re-renders the engine's text on a switch
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_title = QLabel()
        AccentText(self.error_title, bold=True)
        self.error_text = QPlainTextEdit()
        self.error_text.setReadOnly(True)
        AccentText(self.error_text)
        self.error_text.setMaximumHeight(90)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUES, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.run_button.clicked.connect(self._on_run)
        self._build_layout()
        self._retranslate()
        self._show_error(None)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error_title)
        layout.addWidget(self.error_text)
        layout.addWidget(self.table, 1)

    def _titles(self) -> dict[str, str]:
        return {
            "requires_grad": self.tr("Off/on: a.requires_grad = False"),
            "no_grad": self.tr("Off/on: with torch.no_grad()"),
            "enable_grad": self.tr("Off/on: torch.enable_grad() inside no_grad"),
            "inference_mode": self.tr("Off/on: torch.inference_mode()"),
            "decorator": self.tr("Off/on: @torch.no_grad() decorator"),
            "detach": self.tr("Off/on: x.detach()"),
            "accumulation": self.tr("Gradients accumulate; grad.zero_()"),
            "second_backward": self.tr("Error: backward twice without retain_graph"),
            "inplace_leaf": self.tr("Error: in-place sin_ on a leaf"),
            "inplace_saved": self.tr("Error: in-place change of a saved tensor"),
            "nonscalar_backward": self.tr("Error: backward() on a non-scalar"),
            "numpy_requires_grad": self.tr("Error: .numpy() on a tensor that requires grad"),
            "note": self.tr("Graph: the note's example"),
            "tiny": self.tr("Model: a tiny nested MLP"),
            "resnet18": self.tr("Large graph: ResNet-18"),
            "resnet50": self.tr("Large graph: ResNet-50"),
            "resnet152": self.tr("Large graph: ResNet-152"),
            "densenet121": self.tr("Large graph: DenseNet-121"),
            "densenet201": self.tr("Large graph: DenseNet-201"),
            "mobilenet_v3_small": self.tr("Large graph: MobileNetV3-Small"),
            "vit_b_16": self.tr("Large graph: ViT-B/16"),
            "transformer": self.tr("Model: a small TransformerEncoder"),
            "chain2000": self.tr("Large graph: a chain of 2,000 operations"),
        }

    def _retranslate(self) -> None:
        for key, title in self._titles().items():
            self.choice.setItemText(PRESET_KEYS.index(key), title)
        self.run_button.setText(self.tr("Run preset"))
        self.error_title.setText(self.tr("PyTorch says:"))
        self.table.setHorizontalHeaderLabels([self.tr("Tensor"), self.tr("requires_grad"),
                                              self.tr("is_leaf"), self.tr("grad_fn"),
                                              self.tr("Values")])
        self.table.horizontalHeaderItem(VALUES).setToolTip(self.tr("Shape, dtype and values"))

    def title(self, key: str) -> str:
        """The preset's title as listed (in the current language)."""
        return self._titles().get(key, key)

    def current_key(self) -> str:
        return self.choice.currentData()

    def set_current_key(self, key: str) -> None:
        self.choice.setCurrentIndex(PRESET_KEYS.index(key))

    def set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)

    def set_result(self, result) -> None:
        self.explanation.set_engine_text(result.explanation)
        self._show_error(result.error)
        self.table.setRowCount(len(result.rows))
        for index, row in enumerate(result.rows):
            shape = "" if row.shape is None else str(list(row.shape))
            values = (row.name, str(row.requires_grad), str(row.is_leaf), row.grad_fn or "None",
                      f"{shape} {row.text}".strip())
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)

    def show_failure(self, message: str) -> None:
        self.explanation.set_engine_text("")
        self._show_error(message)

    def _show_error(self, text: str | None) -> None:
        self.error_title.setVisible(bool(text))
        self.error_text.setVisible(bool(text))
        self.error_text.setPlainText(text or "")

    def table_texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _on_run(self) -> None:
        self.run_requested.emit(self.current_key())

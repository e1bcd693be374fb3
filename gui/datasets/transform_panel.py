"""The transforms page: the chain's settings and one item before/after it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import qdebounced

from engine.core.errors import InputError
from engine.datasets.transforms import MAX_RESIZE, TO_TENSOR, V2, TransformSpec, parse_normalize
from gui.core.retranslate import Retranslatable
from gui.datasets.image_grid import ImageGrid
from gui.datasets.look import ErrorLabel

DEBOUNCE_MS = 200


class TransformPanel(Retranslatable, QWidget):
    """Emits ``changed`` (debounced) when the chain or the previewed item changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = QComboBox()
        self.api.addItem("ToTensor()", TO_TENSOR)
        self.api.addItem("v2: ToImage() + ToDtype(float32, scale=True)", V2)
        self.api.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.api.setMinimumContentsLength(12)
        self.resize = QSpinBox()
        self.resize.setRange(0, MAX_RESIZE)
        self.hflip = QDoubleSpinBox()
        self.hflip.setRange(0.0, 1.0)
        self.hflip.setSingleStep(0.1)
        self.rotation = QDoubleSpinBox()
        self.rotation.setRange(0.0, 180.0)
        self.normalize = QCheckBox("Normalize(mean, std)")
        self.mean = QLineEdit("0.5")
        self.std = QLineEdit("0.5")
        self.one_hot = QCheckBox()
        self.index = QSpinBox()
        self.preview_seed = QSpinBox()
        self.preview_seed.setRange(0, 2**31 - 1)
        self.error_label = ErrorLabel()
        self.random_note = QLabel()
        self.random_note.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        self.preview = ImageGrid(min_side=56)
        self._build_layout()
        self._connect()
        self._retranslate()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.api_label, self.resize_label, self.hflip_label = QLabel(), QLabel(), QLabel()
        self.rotation_label, self.index_label = QLabel(), QLabel()
        self.mean_label, self.std_label, self.seed_label = QLabel(), QLabel(), QLabel()
        norm = QHBoxLayout()
        norm.addWidget(self.mean_label)
        norm.addWidget(self.mean, 1)
        norm.addWidget(self.std_label)
        norm.addWidget(self.std, 1)
        form.addRow(self.api_label, self.api)
        form.addRow(self.resize_label, self.resize)
        form.addRow(self.hflip_label, self.hflip)
        form.addRow(self.rotation_label, self.rotation)
        form.addRow(self.normalize, norm)
        form.addRow(self.one_hot)
        form.addRow(self.index_label, self.index)
        form.addRow(self.seed_label, self.preview_seed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.random_note)
        left_layout.addWidget(self.error_label)
        left_layout.addWidget(self.facts)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(left)
        scroll.setMinimumWidth(220)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 420])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        for spin in (self.resize, self.hflip, self.rotation, self.index, self.preview_seed):
            spin.valueChanged.connect(self._emit_changed)
        for check in (self.normalize, self.one_hot):
            check.toggled.connect(self._emit_changed)
        for edit in (self.mean, self.std):
            edit.textChanged.connect(self._emit_changed)
        self.api.currentIndexChanged.connect(self._emit_changed)
        for spin in (self.hflip, self.rotation):
            spin.valueChanged.connect(self._update_random_note)
        self._update_random_note()

    @qdebounced(timeout=DEBOUNCE_MS)
    def _emit_changed(self, *_args: object) -> None:
        """The chain changed: tell the tab once typing or dragging pauses."""
        self.changed.emit()

    def _retranslate(self) -> None:
        self.api_label.setText(self.tr("To tensor"))
        self.resize_label.setText("Resize")
        self.resize.setSpecialValueText(self.tr("off"))
        self.hflip_label.setText("RandomHorizontalFlip p")
        self.rotation_label.setText(self.tr("RandomRotation degrees"))
        self.rotation.setSpecialValueText(self.tr("off"))
        self.mean_label.setText("mean")
        self.std_label.setText("std")
        self.one_hot.setText(self.tr("target_transform: one-hot label (Lambda)"))
        self.index_label.setText(self.tr("Preview item"))
        self.seed_label.setText(self.tr("Preview seed"))
        self.random_note.setText(self.tr(
            "Random transforms draw from torch's global generator (they take no "
            "torch.Generator). The preview seeds it with the preview seed inside "
            "torch.random.fork_rng(); batches start from torch.manual_seed(seed) with the "
            "DataLoader's seed. Neither changes the random numbers of the other tabs, and the "
            "code reproduces these values."))

    def _update_random_note(self) -> None:
        self.random_note.setVisible(self.hflip.value() > 0 or self.rotation.value() > 0)

    def set_length(self, length: int) -> None:
        self.index.setRange(0, max(length - 1, 0))

    def spec(self) -> TransformSpec:
        """The chain as typed; raises InputError (field mean/std) on bad numbers."""
        normalize = parse_normalize(self.mean.text(), self.std.text()) \
            if self.normalize.isChecked() else None
        return TransformSpec(self.api.currentData(), self.resize.value(), self.hflip.value(),
                             self.rotation.value(), normalize, self.one_hot.isChecked())

    def safe_spec(self) -> TransformSpec | None:
        try:
            spec = self.spec()
        except InputError as exc:
            self.show_error(exc.describe())
            return None
        self.show_error("")
        return spec

    def show_error(self, message: str) -> None:
        self.error_label.show_message(message)

    def clear_preview(self) -> None:
        """No preview: a new dataset, or the chain failed on the item (never a stale one)."""
        self.preview.clear()
        self.facts.setText("")

    def show_preview(self, result) -> None:
        self.show_error("")
        before = self.tr("before {height}×{width}").format(
            height=result.before.shape[0], width=result.before.shape[1])
        after = self.tr("after {height}×{width}").format(
            height=result.after.shape[0], width=result.after.shape[1])
        self.preview.set_items([result.before, result.after], [before, after], columns=2,
                               true_scale=True)
        low, high = result.value_range
        self.facts.setText(self.tr(
            "shape {shape}\ndtype {dtype}\nvalues {low:.4g} … {high:.4g}\n"
            "label {before} → target {after}").format(
                shape=result.shape, dtype=result.dtype, low=low, high=high,
                before=result.target_before, after=result.target_after))

"""The note's 3×3 figure: random samples titled with the label map, a seed and a re-roll."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable
from gui.datasets.image_grid import ImageGrid


def titles_for(labels, names) -> list[str]:
    return [names[label] if 0 <= label < len(names) else str(label) for label in labels]


class SampleGridPanel(Retranslatable, QWidget):
    """Emits ``seed_changed(int)``; the tab draws the samples and calls ``show_grid``."""

    seed_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = None
        self.grid = ImageGrid(min_side=40)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.builtin_label = QLabel()
        self.builtin_label.setWordWrap(True)
        self.builtin_label.hide()
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed_label = QLabel()
        self.reroll_button = QPushButton()
        controls = QHBoxLayout()
        controls.addWidget(self.seed_label)
        controls.addWidget(self.seed)
        controls.addWidget(self.reroll_button)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.builtin_label)
        layout.addLayout(controls)
        layout.addWidget(self.grid, 1)
        self.seed.valueChanged.connect(self.seed_changed)
        self.reroll_button.clicked.connect(lambda: self.seed.setValue(self.seed.value() + 1))
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("9 random samples, titled with the label map"))
        self.seed_label.setText(self.tr("seed"))
        self.reroll_button.setText(self.tr("Re-roll"))
        self.reroll_button.setToolTip(self.tr("Draw 9 other samples (the next seed)"))
        self.builtin_label.setText(self.tr(
            "Built-in excerpt: the first 1,000 training images of Fashion-MNIST (Zalando "
            "Research, MIT licence)."))

    def set_builtin(self, builtin: bool) -> None:
        self.builtin_label.setVisible(builtin)

    def clear(self) -> None:
        self.result = None
        self.grid.clear()

    def show_grid(self, result, names) -> None:
        self.result = result
        self.grid.set_items(list(result.images), titles_for(result.labels, names), columns=3)

    def set_names(self, names) -> None:
        if self.result is not None:
            self.grid.set_titles(titles_for(self.result.labels, names))

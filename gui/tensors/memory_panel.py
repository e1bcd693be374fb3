"""The Memory & shape section of the Tensors tab.

Three demonstrations, one at a time: alias versus copy (``b = a``, ``clone``, ``view``,
``detach`` and an edit of ``a``), shape operations over the storage strip, and the NumPy
bridge. In-place versus new and ``out=`` live in the Operate section, next to the
operations that have those forms.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from superqt.utils import signals_blocked

from gui.core.retranslate import Retranslatable
from gui.tensors.memory_alias import AliasSection
from gui.tensors.memory_numpy import NumpySection
from gui.tensors.memory_shape import ShapeSection

DEMOS = ("shape", "alias", "numpy")


class MemoryPanel(Retranslatable, QWidget):
    """A chooser above the three demonstrations, one shown at a time."""

    def __init__(self, ctx, show_result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shape_section = ShapeSection(ctx, show_result)
        self.alias_section = AliasSection(ctx, show_result)
        self.numpy_section = NumpySection(ctx, show_result)
        self.sections = {"shape": self.shape_section, "alias": self.alias_section,
                         "numpy": self.numpy_section}
        self._current = DEMOS[0]
        self.demo_combo = QComboBox()
        self.demo_label = QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.demo_label, self.demo_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for key in DEMOS:  # one shown at a time; hidden ones take no height (unlike a stack)
            layout.addWidget(self.sections[key])
        layout.addStretch(1)
        self.demo_combo.currentIndexChanged.connect(self._on_demo_chosen)
        self._retranslate()
        self._on_demo_chosen(0)

    def _retranslate(self) -> None:
        self.demo_label.setText(self.tr("Show"))
        current = max(0, self.demo_combo.currentIndex())
        with signals_blocked(self.demo_combo):
            self.demo_combo.clear()
            self.demo_combo.addItems([self.tr("Shape and storage"), self.tr("Alias or copy"),
                                      self.tr("NumPy bridge")])
            self.demo_combo.setCurrentIndex(current)

    def _on_demo_chosen(self, index: int) -> None:
        """Show one demonstration; the panel is only as tall as that one needs."""
        self._current = DEMOS[max(0, index)]
        for key, section in self.sections.items():
            section.setVisible(key == self._current)

    def show_demo(self, key: str) -> None:
        self.demo_combo.setCurrentIndex(DEMOS.index(key))

    def set_current_name(self, name: str) -> None:
        self.shape_section.set_current_name(name)
        self.alias_section.set_current_name(name)

"""``print(t)`` as text: a fixed-width box that never hides part of a line silently.

Long lines scroll sideways with a visible hint under the box, or wrap at its edge when
"Wrap lines" is ticked.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable


class TensorPrintedView(Retranslatable, QWidget):
    """``set_text(name, printed)`` shows what ``print(name)`` prints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("print(t)")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.wrap_check = QCheckBox()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.label)
        header.addStretch(1)
        header.addWidget(self.wrap_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        self.wrap_check.toggled.connect(self._on_wrap_toggled)
        self.text.horizontalScrollBar().rangeChanged.connect(self._update_hint)
        self._retranslate()
        self._update_hint()

    def _retranslate(self) -> None:
        self.text.setToolTip(self.tr("The tensor as print(t) shows it"))
        self.wrap_check.setText(self.tr("Wrap lines"))
        self.wrap_check.setToolTip(self.tr("Break long lines at the box's edge instead of "
                                           "scrolling sideways"))
        self.hint.setText(self.tr("Lines are wider than the box: scroll sideways → or tick "
                                  "Wrap lines."))

    def set_text(self, name: str, printed: str) -> None:
        self.label.setText(f"print({name if name.isidentifier() else 't'})")
        self.text.setPlainText(printed)

    def clear(self) -> None:
        self.label.setText("print(t)")
        self.text.clear()

    def _on_wrap_toggled(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode
        self.text.setLineWrapMode(mode.WidgetWidth if wrap else mode.NoWrap)
        self._update_hint()

    def _update_hint(self, *_range: int) -> None:
        """Say so when lines run past the right edge."""
        cut = self.text.horizontalScrollBar().maximum() > 0
        self.hint.setVisible(cut and not self.wrap_check.isChecked())

    def is_cut(self) -> bool:
        """True when part of a line is out of view without a visible hint."""
        return self.text.horizontalScrollBar().maximum() > 0 and self.hint.isHidden()

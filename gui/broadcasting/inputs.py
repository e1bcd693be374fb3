"""One operand of the Broadcasting tab: a typed shape or a tensor from the workspace."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget
from superqt.utils import qdebounced, signals_blocked

from engine.broadcasting.state import Operand
from engine.core.errors import InputError
from engine.core.parsing import format_shape, parse_shape
from gui.broadcasting.colors import style, tab_colors
from gui.core.retranslate import Retranslatable
from gui.core.workspace_model import WorkspaceModel
from gui.widgets.engine_text import EngineTextLabel

VALIDATE_DELAY_MS = 200


class OperandInput(Retranslatable, QWidget):
    """Shape field + source chooser + a message line under them.

    ``submitted`` fires on Enter or when a workspace tensor is chosen. ``shape()`` parses
    the field (raising InputError); ``tensor_name()`` is the chosen workspace name or None;
    ``operand()`` is both, for the engine. Typing is checked once the user pauses.

    The source list follows the workspace; a change while the input is hidden inside a
    shown window (another tab is current) only marks the list stale, and it is rebuilt when
    shown or read: a session keeping tensors in the Tensors tab rebuilt both lists for
    every keep, for nobody to see.
    """

    submitted = Signal()

    def __init__(self, key: str, field_name: str, workspace: WorkspaceModel | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.field_name, self._workspace = key, field_name, workspace
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setMinimumWidth(110)
        self.source = QComboBox()
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.message = EngineTextLabel()
        self._message_is_error = True
        self._sources_stale = False
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.field, 0, 1)
        layout.addWidget(self.source, 0, 2)
        layout.addWidget(self.message, 1, 1, 1, 2)
        layout.setColumnStretch(1, 1)
        self.field.returnPressed.connect(self.submitted)
        self.field.textEdited.connect(self._on_edited)
        self.source.activated.connect(self._on_source_chosen)
        if workspace is not None:
            workspace.changed.connect(self._on_workspace_changed)
        self._retranslate()
        self._update_sources()

    def _retranslate(self) -> None:
        self.label.setText(self.key)
        self.field.setPlaceholderText(self.tr("shape, e.g. 4, 3, 2"))
        self.field.setToolTip(self.tr("Write a shape as 2, 3 or (2, 3) or 2x3; () is a 0-d "
                                      "tensor (a single number)"))
        self.source.setToolTip(self.tr("Use a typed shape, or a tensor kept in the Tensors tab"))
        if self.source.count():
            self.source.setItemText(0, self.tr("typed shape"))

    # --- values -------------------------------------------------------------------------
    def tensor_name(self) -> str | None:
        self._ensure_sources()
        return self.source.currentData() or None

    def operand(self) -> Operand:
        """What the engine computes with: the chosen tensor, else the parsed shape."""
        name = self.tensor_name()
        return Operand(tensor_name=name) if name else Operand(self.shape())

    def shape(self) -> tuple[int, ...]:
        """The typed shape (the field shows a workspace tensor's shape when one is chosen)."""
        return parse_shape(self.field.text(), field=self.field_name)

    def set_shape(self, shape: tuple[int, ...]) -> None:
        self._ensure_sources()
        self.source.setCurrentIndex(0)
        self.field.setReadOnly(False)
        self.field.setText(format_shape(shape))
        self.show_message("")

    def show_message(self, text: str, error: bool = True) -> None:
        """Show ``text`` under the field (an engine Text re-renders on a language switch)."""
        self.message.set_engine_text(text)
        self._message_is_error = error
        self._update_message_style()
        self.message.setVisible(bool(text))

    def _update_message_style(self) -> None:
        colors = tab_colors(self.palette())
        self.message.setStyleSheet(style(colors.fail if self._message_is_error else colors.note))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._update_message_style()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_sources()
        super().showEvent(event)

    def sources_stale(self) -> bool:
        """True while workspace changes wait for the input to be shown (or read)."""
        return self._sources_stale

    def validate(self) -> bool:
        """Parse the field now; show the problem beside it. True when it is usable."""
        if self.tensor_name():
            return True
        try:
            self.shape()
        except InputError as exc:
            self.show_message(exc.message)
            return False
        self.show_message("")
        return True

    # --- handlers -----------------------------------------------------------------------
    @qdebounced(timeout=VALIDATE_DELAY_MS)
    def _on_edited(self, _text: str = "") -> None:
        self.validate()

    def _on_source_chosen(self, _index: int) -> None:
        name = self.tensor_name()
        self.field.setReadOnly(bool(name))
        if name and self._workspace is not None:
            entry = self._workspace.entry(name)
            if entry is not None:
                self.field.setText(format_shape(entry.shape))
        self.show_message("")
        self.submitted.emit()

    def _on_workspace_changed(self) -> None:
        if self._hidden_in_shown_window():
            self._sources_stale = True
        else:
            self._update_sources()

    def _hidden_in_shown_window(self) -> bool:
        """Hidden behind another tab; a widget whose window is not shown (a test's) is
        kept up to date at once, as Retranslatable does."""
        return not self.isVisible() and self.window().isVisible()

    def _ensure_sources(self) -> None:
        if self._sources_stale:
            self._update_sources()

    def _update_sources(self) -> None:
        self._sources_stale = False
        current = self.source.currentData() or None
        names = self._workspace.names() if self._workspace is not None else []
        with signals_blocked(self.source):
            self.source.clear()
            self.source.addItem(self.tr("typed shape"), "")
            for name in names:
                self.source.addItem(name, name)
            index = self.source.findData(current) if current in names else 0
            self.source.setCurrentIndex(max(index, 0))
        if current and current not in names:  # the tensor was deleted: back to typing
            self.field.setReadOnly(False)
        elif current and self._workspace is not None:
            entry = self._workspace.entry(current)
            if entry is not None:
                self.field.setText(format_shape(entry.shape))

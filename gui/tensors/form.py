"""Small form helpers of the Tensors tab: a field with its own red error line."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget
from superqt.utils import signals_blocked

from gui.widgets.tensor_colors import ERROR, PaletteAware, set_text_tone


class ToneLabel(PaletteAware, QLabel):
    """A label in an accent colour (a light/dark pair) that follows the palette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tone: tuple[tuple[str, str], bool] | None = None

    def set_tone(self, pair: tuple[str, str], bold: bool = False) -> None:
        self._tone = (pair, bold)
        self._update_colors()

    def _update_colors(self) -> None:
        if self._tone is not None:
            set_text_tone(self, *self._tone)


class ErrorLabel(ToneLabel):
    """A red, word-wrapped message that hides itself when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_tone(ERROR)
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


class FieldBox(QWidget):
    """An input widget with an ErrorLabel right under it (beside the field that failed)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        layout.addWidget(self.error)


def refill_names(combo: QComboBox, names: list[str]) -> None:
    """Put the workspace's ``names`` in ``combo``, keeping the chosen name where it still
    exists (else the first), without emitting the combo's change signals."""
    previous = combo.currentText()
    with signals_blocked(combo):
        combo.clear()
        combo.addItems(names)
        combo.setCurrentIndex(max(0, combo.findText(previous)))


def default_result_name(field, source: str, preferred: str) -> None:
    """Suggest ``preferred`` as a result name (``preferred2`` when that is the input's own
    name) unless the user typed a name."""
    if field.isModified():
        return
    field.setText(preferred if source.strip() != preferred else f"{preferred}2")


def clear_errors(boxes: dict, fallback: ErrorLabel) -> None:
    """Hide every field's message and the general one."""
    for box in boxes.values():
        box.error.clear_message()
    fallback.clear_message()


def shown_error(boxes: dict, fallback: ErrorLabel, field: str | None = None) -> str:
    """The message shown beside ``field`` (or the general one), as the user sees it."""
    label = boxes[field].error if field else fallback
    return label.text() if not label.isHidden() else ""


def route_error(message: str, exc: BaseException, boxes: dict, fallback: ErrorLabel) -> str:
    """Show ``message`` beside the field named by ``exc.field``; return the key used."""
    field = getattr(exc, "field", None)
    clear_errors(boxes, fallback)
    if field in boxes and not boxes[field].isHidden():
        boxes[field].error.show_message(message)
        return field
    fallback.show_message(message)
    return ""

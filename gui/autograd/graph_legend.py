"""What the graph's colours mean, on screen under the graph.

``GraphLegend`` is one wrapped line of coloured marks, each followed by what it stands for:
the root backward() starts from, an operation (a grad_fn node), a leaf (AccumulateGrad), a
node backward() already ran, a closed module group, and the selected node. Entries never
break inside; the line wraps between them in a narrow window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from gui.autograd.colors import SELECTED, tone
from gui.autograd.graph_picture import DONE_COLOR, KIND_COLORS
from gui.core.retranslate import Retranslatable


def _hex(rgb: tuple[int, int, int] | QColor) -> str:
    return (rgb if isinstance(rgb, QColor) else QColor(*rgb)).name()


class GraphLegend(Retranslatable, QLabel):
    """See the module docstring; ``set_groups(True)`` adds the module group entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups = False
        self.setWordWrap(True)
        self._retranslate()

    def set_groups(self, shown: bool) -> None:
        if shown != self._groups:
            self._groups = shown
            self._retranslate()

    def entries(self) -> list[str]:
        """The explained marks, as plain text."""
        return [text for _color, _mark, text in self._parts()]

    def _parts(self) -> list[tuple[str, str, str]]:
        parts = [(_hex(KIND_COLORS["root"]), "■", self.tr("root: backward() starts here")),
                 (_hex(KIND_COLORS["op"]), "■", self.tr("operation (grad_fn)")),
                 (_hex(KIND_COLORS["leaf"]), "■", self.tr("leaf (AccumulateGrad)")),
                 (_hex(DONE_COLOR), "■", self.tr("done by backward()"))]
        if self._groups:
            parts.append((_hex(KIND_COLORS["group"]), "▬", self.tr("module group")))
        parts.append((_hex(tone(self.palette(), SELECTED)), "○", self.tr("selected")))
        return parts

    def _retranslate(self) -> None:
        self.setText("&nbsp; ".join(  # a break only between two entries
            f'<span style="color:{color}">{mark}</span>&nbsp;'
            + html.escape(text).replace(" ", "&nbsp;") for color, mark, text in self._parts()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._retranslate()

"""How the tensor viewer's parts are laid out: header, slice controls, then the heatmap /
values tabs beside the facts and ``print(t)``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from superqt import QElidingLabel

MAX_FACTS_WIDTH = 420


def build_header_labels() -> tuple[QLabel, QElidingLabel]:
    """The header's title (bold) and info line (right-aligned; it ends with … when narrow,
    and its tooltip has it all)."""
    title = QLabel()
    bold = QFont(title.font())
    bold.setBold(True)
    title.setFont(bold)
    info = QElidingLabel()
    info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    info.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return title, info


def build_viewer_layout(viewer, show_facts: bool) -> tuple[QScrollArea, QSplitter, QSplitter]:
    """Lay ``viewer``'s widgets out; returns (facts scroll area, side splitter, splitter)."""
    header = QHBoxLayout()
    header.addWidget(viewer.title_label)
    header.addWidget(viewer.info_label, 1)
    scroll = QScrollArea()
    scroll.setWidget(viewer.facts)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    side = _splitter(Qt.Orientation.Vertical, (scroll, 0), (viewer.printed_view, 1))
    splitter = _splitter(Qt.Orientation.Horizontal, (viewer.views, 3), (side, 1))
    side.setVisible(show_facts)
    layout = QVBoxLayout(viewer)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(header)
    layout.addWidget(viewer.slice_controls)
    layout.addWidget(splitter, 1)
    return scroll, side, splitter


def _splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    splitter = QSplitter(orientation)
    for index, (widget, stretch) in enumerate(parts):
        splitter.addWidget(widget)
        splitter.setStretchFactor(index, stretch)
    splitter.setChildrenCollapsible(False)
    return splitter


def facts_width(scroll: QScrollArea, facts: QWidget) -> int:
    """The width the facts need (with the scroll bar), at most MAX_FACTS_WIDTH."""
    bar = scroll.verticalScrollBar().sizeHint().width()
    return min(MAX_FACTS_WIDTH, facts.sizeHint().width() + bar + 6)


class FactsWidth:
    """Widens the facts' scroll area to fit their longest texts; it never narrows, so the
    plot beside it does not jump from one tensor to the next."""

    def __init__(self, scroll: QScrollArea, facts) -> None:
        self._scroll, self._facts = scroll, facts
        self._extent = (-1, -1)  # the facts' text extent when their width was measured

    def update(self) -> None:
        extent = self._facts.text_extent()
        if all(now <= seen for now, seen in zip(extent, self._extent, strict=True)):
            return  # no text got longer than when last measured: the width still fits
        self._extent = (max(extent[0], self._extent[0]), max(extent[1], self._extent[1]))
        wanted = facts_width(self._scroll, self._facts)
        if wanted > self._scroll.minimumWidth():
            self._scroll.setMinimumWidth(wanted)

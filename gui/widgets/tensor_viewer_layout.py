"""How the tensor viewer's parts are laid out: header, slice controls, then the heatmap /
values tabs beside the facts and ``print(t)``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

MAX_FACTS_WIDTH = 420


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

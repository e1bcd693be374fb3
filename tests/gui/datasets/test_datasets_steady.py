"""Progress texts and arriving thumbnails do not make the GUI thread redo the window."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from gui.datasets.loader_panel import SteadyLabel
from gui.datasets.thumbnails import BLOCK_SIZE, ThumbnailView


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _shown_label(qtbot, width: int) -> tuple[QWidget, SteadyLabel]:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = SteadyLabel()
    QVBoxLayout(parent).addWidget(label)
    parent.resize(width, 200)
    parent.show()
    qtbot.waitExposed(parent)
    return parent, label


def _requests_while_counting(parent: QWidget, set_text) -> int:
    requests = LayoutRequests()
    parent.installEventFilter(requests)
    for batches in range(4, 40):
        set_text(f"{batches} batches, 120.5 batches/s, 7712 samples/s")
        QApplication.processEvents()  # the posted layout requests are delivered
    parent.removeEventFilter(requests)
    return requests.count


def test_a_new_text_of_the_same_height_asks_for_no_layout(qtbot):
    parent, label = _shown_label(qtbot, 400)
    label.setText("3 batches, 120.5 batches/s, 7712 samples/s")
    qtbot.waitUntil(lambda: label.label.height() == label.height())
    QApplication.processEvents()  # the first text's own layout is done
    assert _requests_while_counting(parent, label.setText) == 0
    assert label.text().startswith("39 batches")
    plain = QLabel(parent)  # what a QLabel does: a layout request for every text
    plain.setWordWrap(True)
    parent.layout().addWidget(plain)
    QApplication.processEvents()
    assert _requests_while_counting(parent, plain.setText) > 0


def test_a_longer_text_gets_the_lines_it_needs(qtbot):
    parent, label = _shown_label(qtbot, 160)
    label.setText("short")
    one_line = label.height()
    label.setText("Epoch: 938 batches, 60000 samples in 4.20 s: 223.3 batches/s, 14286 "
                  "samples/s")
    qtbot.waitUntil(lambda: label.label.height() > 2 * one_line)  # nothing cut
    assert label.label.height() >= label.label.heightForWidth(label.label.width())


def test_a_block_of_thumbnails_becomes_pixmaps_only_where_drawn(qtbot):
    view = ThumbnailView()
    qtbot.addWidget(view)
    model = view.thumbnail_model
    model.reset(np.zeros(BLOCK_SIZE, dtype=int), ["zero"])
    model.add_block(0, [np.full((28, 28), 200, np.uint8)] * BLOCK_SIZE)
    block = model._blocks[0]
    assert block._pixmaps.count(None) == BLOCK_SIZE  # nothing converted on arrival
    pixmap = model.data(model.index(7), Qt.ItemDataRole.DecorationRole)
    assert pixmap.width() == 56 and block._pixmaps.count(None) == BLOCK_SIZE - 1
    assert model.data(model.index(7), Qt.ItemDataRole.DecorationRole) is pixmap  # kept

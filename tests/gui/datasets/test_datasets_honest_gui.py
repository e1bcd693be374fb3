"""Issue 12 point 6 in the tab: a landmarks CSV asks for its label column, EXIF rotation is
said in the item view, a damaged PNG is in the report, long paths elide in the middle, and a
failed load replaces the panel's old messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle
from tests.engine.datasets.test_datasets_fixtures import (
    bad_crc_png,
    exif_rotated_jpeg,
    landmarks_csv,
)


@pytest.fixture
def tab(qtbot, ctx):
    widget = DatasetsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget


def test_a_landmarks_csv_lists_its_columns_and_chooses_none(qtbot, tab, tmp_path):
    csv_path, _ = landmarks_csv(tmp_path / "faces")
    before = tab.state.loaded
    tab.open_path(csv_path)
    wait_idle(qtbot, tab.ctx.runner)
    panel = tab.source_panel
    assert tab.state.loaded is before  # nothing was guessed
    assert "136 numeric columns" in panel.error_label.text() and not panel.error_label.isHidden()
    assert panel.label_combo.count() == 138 and panel.label_combo.currentIndex() == 0
    assert panel.label_combo.currentText() == "(none: choose the label column)"
    assert panel.filename_combo.currentText() == "image_name"
    assert panel.info_label.text().startswith("Not loaded. The dataset shown is still")
    assert panel.report.toPlainText() == "" and "Fashion" not in panel.report.toPlainText()
    panel.label_combo.setCurrentIndex(panel.label_combo.findData("part_0_x"))
    panel.load_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.state.loaded.spec.label_column == "part_0_x" and tab.state.loaded.length == 6
    assert panel.error_label.isHidden()
    assert panel.label_combo.itemText(0) == "(automatic)"


def test_the_item_view_says_the_exif_rotation(qtbot, tab, tmp_path):
    folder = tmp_path / "phone"
    (folder / "cats").mkdir(parents=True)
    exif_rotated_jpeg(folder / "cats" / "sideways.jpg")
    exif_rotated_jpeg(folder / "cats" / "upright.jpg", orientation=1)
    tab.open_path(folder)
    wait_idle(qtbot, tab.ctx.runner)
    browse = tab.browse_panel
    tab.open_item(0)  # sideways.jpg (sorted first)
    wait_idle(qtbot, tab.ctx.runner)
    assert browse.orientation_label.isVisibleTo(browse)
    assert "Rotated by EXIF orientation 6" in browse.orientation_label.text()
    tab.open_item(1)
    wait_idle(qtbot, tab.ctx.runner)
    assert not browse.orientation_label.isVisibleTo(browse)


def test_a_png_with_a_wrong_checksum_is_reported_damaged(qtbot, tab, tmp_path):
    root = tmp_path / "shapes"
    (root / "a").mkdir(parents=True)
    exif_rotated_jpeg(root / "a" / "fine.jpg", orientation=1)
    bad_crc_png(root / "a" / "xcsn0g01.png")
    tab.open_path(root)
    wait_idle(qtbot, tab.ctx.runner)
    report = tab.source_panel.report.toPlainText()
    assert "a/xcsn0g01.png: xcsn0g01.png is damaged: the CRC checksum of chunk IDAT" in report
    assert "1 skipped" in tab.source_panel.info_label.text()


def test_long_paths_elide_in_the_middle_with_the_full_path_in_the_tooltip(qtbot, tab):
    panel = tab.source_panel
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("csv"))
    tab.show()
    qtbot.waitExposed(tab)
    field = panel.csv_field
    path = "/home/learner/" + "very_long_folder_name/" * 8 + "annotations.csv"
    field.set_text(path)
    qtbot.waitUntil(lambda: field.edit.displayText() != path)
    width = field.edit.width()
    shown = field.edit.displayText()
    assert shown != path and "…" in shown
    head, tail = shown.split("…")
    assert shown.startswith("/home") and tail.endswith(".csv")  # both ends, the middle gone
    assert path.startswith(head) and path.endswith(tail)
    assert field.text() == path and field.edit.toolTip() == path
    assert field.edit.elideMode() == Qt.TextElideMode.ElideMiddle
    assert QFontMetrics(field.edit.font()).horizontalAdvance(shown) <= width

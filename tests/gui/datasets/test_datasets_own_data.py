"""Your own photos in the tab: their own class names everywhere, no stale panel after a
failed batch, and the one-click Resize fix for images of different sizes."""

from __future__ import annotations

import pytest

from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle
from tests.engine.datasets.test_datasets_fixtures import make_photo_folder


@pytest.fixture
def tab(qtbot, ctx):
    widget = DatasetsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget


def test_two_class_photos_get_their_own_names_and_a_failed_batch_leaves_nothing_stale(
        qtbot, tab, tmp_path):
    assert tab.loader_panel.grid.count() == 64  # the excerpt's first batch
    tab.loader_panel.epoch_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.loader_panel.rate_label.text().startswith("Epoch:")
    csv_path, _img_dir, labels = make_photo_folder(tmp_path)
    tab.open_path(csv_path)  # annotations.csv beside images/: the folder is found
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.state.loaded.length == 12 and not tab.state.loaded.skipped
    assert "12 items, 2 classes." in tab.source_panel.info_label.text()
    assert tab.source_panel.class_names() == ("0", "1")
    assert set(tab.grid.titles()) == {"0", "1"}
    assert tab.source_panel.csv_field.edit.toolTip() == str(csv_path)  # the full path
    assert tab.class_chart.bars.opts["width"].tolist() == [6, 6]
    # the photos have different sizes: the batch fails, and the old batch is gone
    panel = tab.loader_panel
    assert "different sizes" in panel.error_label.text()
    assert panel.result is None and panel.grid.count() == 0
    assert panel.shapes_label.text() == "" and "Batch 1 of" not in panel.shapes_label.text()
    assert panel.rate_label.text().startswith("Run one epoch")  # no older step's rate
    assert panel.fix_button.isVisibleTo(panel) and "Resize(40, 40)" in panel.fix_button.text()
    panel.fix_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.transform_panel.resize.value() == 40
    assert "torch.Size([12, 3, 40, 40])" in panel.shapes_label.text()
    assert not panel.fix_button.isVisibleTo(panel) and panel.error_label.isHidden()
    assert set(panel.grid.titles()) == {"0", "1"}
    assert panel.legend_label.lines() == ["Labels: 0\u00a00   1\u00a01"]


def test_names_given_to_a_custom_source_are_used_everywhere_and_kept(qtbot, tab, tmp_path):
    csv_path, _img_dir, labels = make_photo_folder(tmp_path)
    tab.open_path(csv_path)
    wait_idle(qtbot, tab.ctx.runner)
    tab.source_panel.names_edit.setPlainText("boot\nshirt")
    qtbot.waitUntil(lambda: set(tab.grid.titles()) == {"boot", "shirt"}, timeout=5000)
    wait_idle(qtbot, tab.ctx.runner)
    ticks = tab.class_chart.plot.getAxis("left")._tickLevels[0]
    assert [t[1] for t in ticks] == ["0 boot  (6)", "1 shirt  (6)"]
    assert "labels_map = {\n    0: 'boot',\n    1: 'shirt',\n}" in tab.code_panel.code()
    tab.source_panel.kind_combo.setCurrentIndex(0)  # back to the excerpt: its own names
    tab.source_panel.load_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.source_panel.class_names()[0] == "T-shirt/top"
    tab.open_path(csv_path)  # and the photos again: the names came back with them
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.source_panel.class_names() == ("boot", "shirt")
    assert set(tab.grid.titles()) == {"boot", "shirt"}

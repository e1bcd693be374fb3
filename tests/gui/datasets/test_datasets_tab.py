"""The Datasets tab as a user sees it: sample grid, batches, epochs, custom data, errors."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from engine.datasets.excerpt import TRAIN_COUNT
from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle
from tests.engine.datasets.test_datasets_fixtures import (
    corrupt_png,
    make_csv_dataset,
    make_image_folder,
)

FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                 "Sneaker", "Bag", "Ankle boot"]


@pytest.fixture
def tab(qtbot, ctx):
    widget = DatasetsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget


def click_tile(qtbot, grid, position):
    grid.repaint()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.tile_rect(position).center())


def test_first_start_shows_the_real_excerpt_grid_and_a_batch(tab):
    assert tab.state.loaded.length == TRAIN_COUNT and tab.state.loaded.builtin
    assert type(tab.state.loaded.dataset).__name__ == "FashionMNIST"
    assert tab.grid_panel.builtin_label.isVisibleTo(tab.grid_panel)
    assert "Fashion-MNIST" in tab.grid_panel.builtin_label.text()
    assert "MIT" in tab.grid_panel.builtin_label.text()
    assert tab.grid.count() == 9
    labels = tab.state.grid.labels
    assert tab.grid.titles() == [FASHION_NAMES[label] for label in labels]
    shapes = tab.loader_panel.shapes_label.text()
    assert "torch.Size([64, 1, 28, 28])" in shapes and "torch.Size([64])" in shapes
    assert tab.loader_panel.grid.count() == 64
    assert "1,000 items, 10 classes." in tab.source_panel.info_label.text()
    assert tab.class_chart.bars.opts["width"].tolist() == [107, 104, 86, 92, 95, 100, 100,
                                                           115, 102, 99]


def test_code_panel_code_reproduces_the_shown_batch(tab):
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    assert namespace["train_labels"].tolist() == list(tab.state.batch.labels)
    assert str(namespace["train_features"].size()) == tab.state.batch.features_shape
    assert namespace["sample_idx"].tolist() == list(tab.state.grid.indices)
    steps = tab.ctx.session.steps("datasets")
    assert [s.title for s in steps] == [s.title for s in tab.code_panel.steps()]


def test_next_batch_advances_and_settings_change_the_loader(qtbot, tab):
    first = tab.state.batch
    tab.loader_panel.next_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.state.batch.batch_number == 2
    assert not set(first.indices) & set(tab.state.batch.indices)
    tab.loader_panel.batch_size.setValue(10)
    tab.loader_panel.next_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert "torch.Size([10, 1, 28, 28])" in tab.loader_panel.shapes_label.text()
    assert tab.state.batch.batch_number == 1


def test_epoch_reports_rates_and_order(qtbot, tab):
    tab.loader_panel.batch_size.setValue(50)
    tab.loader_panel.epoch_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    text = tab.loader_panel.rate_label.text()
    assert "20 batches" in text and "batches/s" in text and "samples/s" in text
    lines = tab.order_view.toPlainText().splitlines()
    assert len(lines) == 20 and lines[0].startswith("batch 1: ")
    indices = [int(i) for line in lines for i in line.split(": ")[1].split(", ")]
    assert sorted(indices) == list(range(TRAIN_COUNT))
    assert tab.loader_panel.progress.value() == 20


def test_epoch_can_be_cancelled(qtbot, tab, monkeypatch):
    import engine.datasets.loader as loader

    monkeypatch.setattr(loader, "PROGRESS_EVERY_S", 0.0)
    tab.loader_panel.batch_size.setValue(1)
    with qtbot.waitSignal(tab.ctx.runner.job_progress, timeout=20000):
        tab.loader_panel.epoch_button.click()
    assert tab.loader_panel.cancel_button.isEnabled()
    tab.loader_panel.cancel_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.loader_panel.next_button.isEnabled()
    assert "cancelled" in tab.loader_panel.rate_label.text()
    assert tab.order_view.toPlainText() == ""
    tab.loader_panel.next_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.state.batch.batch_number == 1


def test_label_map_edits_rename_every_title(qtbot, tab):
    names = [f"class {i}" for i in range(10)]
    tab.source_panel.names_edit.setPlainText("\n".join(names))  # as the user types them
    expected = [names[label] for label in tab.state.grid.labels]
    qtbot.waitUntil(lambda: tab.grid.titles() == expected, timeout=5000)
    batch_titles = tab.loader_panel.grid.titles()
    assert batch_titles == [names[label] for label in tab.state.batch.labels]
    assert "9\u00a0class\u00a09" in tab.loader_panel.legend_label.text()
    ticks = tab.class_chart.plot.getAxis("left")._tickLevels[0]
    assert ticks[0][1].startswith("0 class 0")
    model = tab.browse_panel.thumbnails.thumbnail_model
    tooltip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith(names[tab.state.loaded.labels[0]])


def test_reroll_draws_other_samples(qtbot, tab):
    before = tab.state.grid.indices
    tab.grid_panel.reroll_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.grid_panel.seed.value() == 1 and tab.state.grid.indices != before


def test_clicking_an_image_opens_its_tensor(qtbot, tab):
    click_tile(qtbot, tab.grid, 4)
    wait_idle(qtbot, tab.ctx.runner)
    snapshot = tab.browse_panel.viewer.snapshot()
    assert snapshot.facts.shape == (1, 28, 28) and snapshot.facts.dtype == "float32"
    index = tab.state.grid.indices[4]
    expected = np.asarray(tab.state.loaded.dataset[index][0], dtype=np.float32) / 255
    assert np.allclose(snapshot.values[0], expected)
    assert tab.pages.currentWidget() is tab.browse_panel
    heights = tab.browse_panel.histogram.bars.opts["height"]
    assert int(np.sum(heights)) == 28 * 28


def test_thumbnails_load_only_requested_blocks(qtbot, tab):
    model = tab.browse_panel.thumbnails.thumbnail_model
    assert model.rowCount() == TRAIN_COUNT
    model.data(model.index(300), Qt.ItemDataRole.DecorationRole)
    wait_idle(qtbot, tab.ctx.runner)
    assert 256 in model.loaded_blocks()
    pixmap = model.data(model.index(300), Qt.ItemDataRole.DecorationRole)
    assert not pixmap.isNull() and pixmap.width() > 28


def test_transform_preview_and_bad_normalize_input(qtbot, tab):
    panel = tab.transform_panel
    panel.resize.setValue(32)
    panel.one_hot.setChecked(True)
    qtbot.waitUntil(lambda: "(1, 32, 32)" in panel.facts.text(), timeout=20000)
    assert "1.0" in panel.facts.text()
    panel.normalize.setChecked(True)
    panel.std.setText("0")
    qtbot.waitUntil(lambda: "std" in panel.error_label.text(), timeout=5000)
    assert "(1, 32, 32)" in panel.facts.text()  # the last good preview stays


def test_offline_download_shows_where_to_put_files(qtbot, tab, tmp_path):
    panel = tab.source_panel
    panel.kind_combo.setCurrentIndex(1)
    panel.root_field.set_text(str(tmp_path))
    panel.download_check.setChecked(True)
    panel.load_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert "FashionMNIST/raw" in panel.error_label.text()
    assert not panel.error_label.isHidden()
    assert tab.state.loaded.builtin  # the excerpt is still there
    assert list(tmp_path.iterdir()) == []  # the folders made for the download are gone


def test_dropping_a_csv_loads_the_valid_rest(qtbot, tab, tmp_path):
    csv_path, img_dir, labels = make_csv_dataset(tmp_path, count=6)
    corrupt_png(img_dir / "bad.png")
    csv_path.write_text(csv_path.read_text() + "bad.png,1\n../x.png,2\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(csv_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(event)
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.state.loaded.spec.kind == "csv" and tab.state.loaded.length == 6
    report = tab.source_panel.report.toPlainText()
    assert "line 8" in report and "bad.png" in report and "line 9" in report
    assert "2 skipped" in tab.source_panel.info_label.text()
    assert tab.state.loaded.labels.tolist() == labels.tolist()
    assert "torch.Size([6, 1, 28, 28])" in tab.loader_panel.shapes_label.text()
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    assert namespace["train_labels"].tolist() == list(tab.state.batch.labels)


def test_image_folder_uses_folder_names(qtbot, tab, tmp_path):
    root = make_image_folder(tmp_path)
    tab.open_path(root)
    wait_idle(qtbot, tab.ctx.runner)
    assert tab.source_panel.class_names() == ("class_0", "class_1", "class_2")
    assert set(tab.grid.titles()) <= {"class_0", "class_1", "class_2"}


def test_dropping_something_else_is_explained(tab, tmp_path):
    (tmp_path / "x.bin").write_bytes(b"1")
    tab.open_path(tmp_path / "x.bin")
    assert "neither" in tab.source_panel.error_label.text()


def test_spanish_interface_and_class_names(qtbot, ctx):
    from gui.shell.language import install_language

    install_language("es")
    try:
        widget = DatasetsTab(ctx)
        qtbot.addWidget(widget)
        wait_idle(qtbot, ctx.runner)
        assert widget.pages.tabText(0) == "Muestras y lotes"
        assert widget.loader_panel.next_button.text() == "Siguiente lote"
        names = widget.source_panel.class_names()
        assert names[0] == "Camiseta/top" and names[9] == "Botín"
        assert widget.grid.titles() == [names[label] for label in widget.state.grid.labels]
        assert "Forma del lote de imágenes: torch.Size([64, 1, 28, 28])" in \
            widget.loader_panel.shapes_label.text()
    finally:
        install_language("en")


def test_default_label_map_follows_the_language_but_edits_stay(qtbot, tab):
    from gui.shell.language import install_language

    try:
        install_language("es")
        qtbot.waitUntil(lambda: tab.source_panel.class_names()[9] == "Botín", timeout=5000)
        names = [f"c{i}" for i in range(10)]
        tab.source_panel.names_edit.setPlainText("\n".join(names))
        qtbot.waitUntil(lambda: tab.grid.titles()[0].startswith("c"), timeout=5000)
        install_language("en")
        qtbot.waitUntil(lambda: tab.pages.tabText(0) == "Samples and batches")
        assert list(tab.source_panel.class_names()) == names
    finally:
        install_language("en")

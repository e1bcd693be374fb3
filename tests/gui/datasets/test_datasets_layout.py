"""The Datasets tab fits a 1024-pixel-wide window, and changed transforms redraw the batch."""

from __future__ import annotations

import pytest
import torch

from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle

MAX_MIN_WIDTH = 1000  # the window must work at 1024 × 700


@pytest.mark.parametrize("language", ["en", "es"])
def test_tab_fits_a_1024_pixel_window(qtbot, ctx, language):
    from gui.shell.language import install_language

    install_language(language)
    try:
        widget = DatasetsTab(ctx)
        qtbot.addWidget(widget)
        wait_idle(qtbot, ctx.runner)
        widget.loader_panel.epoch_button.click()  # longer texts: rates, the order
        wait_idle(qtbot, ctx.runner)
        if language == "es":
            assert widget.pages.tabText(1) == "Transformaciones"
        assert widget.minimumSizeHint().width() < MAX_MIN_WIDTH
        widget.resize(1010, 640)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.waitUntil(lambda: widget.loader_panel.grid.width() > 200)  # the batch stays visible
    finally:
        install_language("en")


@pytest.fixture
def tab(qtbot, ctx):
    widget = DatasetsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    return widget


def test_changed_transforms_redraw_the_shown_batch(qtbot, tab):
    tab.loader_panel.next_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    shown = tab.state.batch
    assert shown.batch_number == 2
    tab.transform_panel.resize.setValue(20)
    qtbot.waitUntil(lambda: tab.state.batch.features_shape
                    == "torch.Size([64, 1, 20, 20])", timeout=20000)
    wait_idle(qtbot, tab.ctx.runner)
    redrawn = tab.state.batch
    assert redrawn.batch_number == 2 and redrawn.indices == shown.indices
    assert "[64, 1, 20, 20]" in tab.loader_panel.shapes_label.text()
    assert "(1, 20, 20)" in tab.transform_panel.facts.text()
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    pixels = (namespace["train_features"][:, 0] * 255).round().to(torch.uint8).numpy()
    assert (pixels == redrawn.images).all()


def test_random_transforms_leave_the_global_generator_alone(qtbot, tab):
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    panel = tab.transform_panel
    panel.rotation.setValue(40)
    panel.hflip.setValue(0.5)
    assert panel.random_note.isVisibleTo(panel)
    qtbot.waitUntil(lambda: tab.state.loader is not None
                    and tab.state.loader.transforms.is_random(),
                    timeout=20000)
    wait_idle(qtbot, tab.ctx.runner)
    tab.loader_panel.next_button.click()
    wait_idle(qtbot, tab.ctx.runner)
    assert torch.equal(torch.rand(3), expected)
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    pixels = (namespace["train_features"][:, 0] * 255).round().to(torch.uint8).numpy()
    assert (pixels == tab.state.batch.images).all()
    preview = tab.transform_panel
    assert namespace["x"].shape == torch.Size([1, 28, 28])
    assert preview.facts.text().startswith("shape (1, 28, 28)")

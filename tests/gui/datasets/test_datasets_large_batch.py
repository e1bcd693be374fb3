"""A large batch on screen: its grid draws a shrunk copy, and the panel says so in the
current language; the code panel's batch, shrunk the same way, gives the same pictures."""

from __future__ import annotations

import numpy as np
import torch

from gui.core.retranslate import retranslate_pending
from gui.datasets.tab import DatasetsTab
from gui.shell.language import install_language
from tests.conftest import wait_idle


def test_a_large_batch_is_drawn_shrunk_and_says_so(qtbot, ctx):
    tab = DatasetsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    wait_idle(qtbot, ctx.runner)
    tab.loader_panel.batch_size.setValue(256)
    tab.transform_panel.resize.setValue(256)
    qtbot.waitUntil(lambda: tab.state.batch is not None and tab.state.batch.features_shape
                    == "torch.Size([256, 1, 256, 256])", timeout=30000)
    wait_idle(qtbot, ctx.runner)
    shown = tab.state.batch
    assert tab.loader_panel.grid.count() == 256
    assert "Pictures drawn at 128×128 px to fit" in tab.loader_panel.shapes_label.text()
    namespace: dict = {}
    exec(tab.code_panel.code(), namespace)
    shrunk = torch.nn.functional.interpolate(namespace["train_features"], size=(128, 128),
                                             mode="area")
    np.testing.assert_array_equal(
        (shrunk[:, 0] * 255).round().clamp(0, 255).to(torch.uint8).numpy(), shown.images)
    try:
        install_language("es")
        retranslate_pending()  # the tab is hidden: it would follow when shown
        qtbot.waitUntil(lambda: "Imágenes dibujadas a 128×128 px"
                        in tab.loader_panel.shapes_label.text())
        assert tab.loader_panel.shapes_label.text().startswith("Lote 1 de 4")
    finally:
        install_language("en")
        retranslate_pending()

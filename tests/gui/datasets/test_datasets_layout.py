"""The Datasets tab fits 1024×700, 1280×800 and 1920×1080 windows in English and Spanish,
and changed transforms redraw the batch."""

from __future__ import annotations

import pytest
import torch

from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle

SIZES = ((1024, 700), (1280, 800), (1920, 1080))
CHROME = (24, 80)  # the main window's frame, menu bar, tab bar and status bar


def _shown_leaves(tab):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QWidget,
    )

    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    return [w for w in tab.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
            and w.width() > 0]


def _cut(widget) -> str:
    """Why ``widget`` is cut (narrower than its text, wrapped text taller than it), or ""."""
    from PySide6.QtWidgets import QLabel

    if isinstance(widget, QLabel) and widget.wordWrap():
        need = widget.heightForWidth(widget.width())
        return f"needs {need} px of height" if widget.text() and widget.height() < need - 2 \
            else ""
    need = widget.minimumSizeHint().width()
    return f"{widget.width()} px wide, needs {need}" if widget.width() < need - 1 else ""


def _overlaps(widgets) -> list[str]:
    found = []
    for i, a in enumerate(widgets):
        for b in widgets[i + 1:]:
            if a.parentWidget() is b.parentWidget():
                shared = a.geometry().intersected(b.geometry())
                if shared.width() > 2 and shared.height() > 2:
                    found.append(f"{a.objectName() or type(a).__name__} over "
                                 f"{type(b).__name__}")
    return found


def _problems(tab, where: str) -> list[str]:
    leaves = _shown_leaves(tab)
    text = lambda w: (getattr(w, "text", lambda: "")()[:30]  # noqa: E731
                      + "<" + type(w.parentWidget()).__name__ + "<"
                      + type(w.parentWidget().parentWidget()).__name__)
    found = [f"{where}: {type(w).__name__}({text(w)!r}) {_cut(w)}" for w in leaves if _cut(w)]
    return found + [f"{where}: {o}" for o in _overlaps(leaves)]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits_each_window_size(qtbot, ctx, language, size):
    """Each page of the tab, after a batch and an epoch, at 1024×700, 1280×800 and
    1920×1080 in English and Spanish: nothing cut or overlapping, the batch visible with
    class names on its tiles and a legend whose lines hold whole entries."""
    from gui.shell.language import install_language

    width, height = size[0] - CHROME[0], size[1] - CHROME[1]
    install_language(language)
    try:
        tab = DatasetsTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        qtbot.waitExposed(tab)
        wait_idle(qtbot, ctx.runner)
        tab.loader_panel.epoch_button.click()  # longer texts: rates, the order
        wait_idle(qtbot, ctx.runner)
        tab.open_item(0)
        wait_idle(qtbot, ctx.runner)
        hint = tab.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, hint
        problems: list[str] = []
        for page in range(tab.pages.count()):
            tab.pages.setCurrentIndex(page)
            qtbot.waitUntil(lambda: tab.pages.currentWidget().isVisible())
            qtbot.wait(30)  # one paint: layouts settle
            problems += _problems(tab, f"{language} {size} page {page}")
        assert not problems, "\n".join(problems)
        tab.pages.setCurrentIndex(0)
        qtbot.wait(30)
        batch = tab.loader_panel
        assert batch.grid.width() > 200 and batch.grid.height() > 150
        names = set(tab.class_names())
        assert all(t and not t.isdigit() for t in batch.grid.shown_titles())
        assert any(t in names for t in batch.grid.shown_titles()) or size[0] < 1280
        lines = batch.legend_label.lines()
        assert lines and all(batch.legend_label.fontMetrics().horizontalAdvance(line)
                             <= batch.legend_label.width() for line in lines)
        assert "9\u00a0" in lines[-1] and lines[-1].count("\u00a0") > 1  # not alone
        if language == "es":
            assert tab.pages.tabText(1) == "Transformaciones"
        tab.hide()
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

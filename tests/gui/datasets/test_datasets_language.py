"""A language switch re-renders the engine texts the Datasets tab already shows."""

from __future__ import annotations

import pytest

from gui.datasets.tab import DatasetsTab
from tests.conftest import wait_idle
from tests.engine.datasets.test_datasets_fixtures import make_csv_dataset


@pytest.fixture
def tab(qtbot, ctx):
    widget = DatasetsTab(ctx)
    qtbot.addWidget(widget)
    wait_idle(qtbot, ctx.runner)
    return widget


def _switch(qtbot, tab, language: str, tab_title: str) -> None:
    from gui.shell.language import install_language

    install_language(language)
    qtbot.waitUntil(lambda: tab.pages.tabText(0) == tab_title)


def _source_texts(panel) -> str:
    """What the source panel says about the loaded dataset: summary line and description."""
    return f"{panel.info_label.text()}\n{panel.explanation_label.text()}"


def test_the_source_panel_says_the_item_count_once(qtbot, tab):
    panel = tab.source_panel
    assert panel.info_label.text() == "1,000 items, 10 classes."  # as the description writes it
    assert _source_texts(panel).count("1,000 items") == 1
    load = next(s for s in tab.code_panel.steps() if s.title == "Load training_data")
    assert load.explanation.endswith("1,000 items.")  # exported sessions still say it
    try:
        _switch(qtbot, tab, "es", "Muestras y lotes")
        assert panel.info_label.text() == "1.000 elementos, 10 clases."
        assert _source_texts(panel).count("1.000 elementos") == 1
        assert load.explanation.in_language("es").endswith("1.000 elementos.")
    finally:
        _switch(qtbot, tab, "en", "Samples and batches")


def test_explanation_and_code_comments_follow_the_language(qtbot, tab):
    panel = tab.source_panel
    assert panel.explanation_label.text().startswith("The built-in excerpt: the first 1,000")
    assert "# shuffle=True with a seeded generator" in tab.code_panel.code()
    steps = len(tab.code_panel.steps())
    try:
        _switch(qtbot, tab, "es", "Muestras y lotes")
        assert panel.explanation_label.text().startswith("El extracto incluido: las primeras")
        assert "1.000 elementos, 10 clases." in panel.info_label.text()
        assert _source_texts(panel).count("1.000 elementos") == 1
        code = tab.code_panel.code()
        assert "# el extracto de Fashion-MNIST incluido en TorchScope" in code
        assert "# shuffle=True con un generador con semilla" in code
        assert "# shuffle=True with a seeded generator" not in code
        assert len(tab.code_panel.steps()) == steps and not tab.ctx.runner.is_busy()
    finally:
        _switch(qtbot, tab, "en", "Samples and batches")
    assert panel.explanation_label.text().startswith("The built-in excerpt: the first 1,000")
    assert "# shuffle=True with a seeded generator" in tab.code_panel.code()


def test_skip_report_follows_the_language(qtbot, tab, tmp_path):
    csv_path, _img_dir, _labels = make_csv_dataset(tmp_path, count=4)
    csv_path.write_text(csv_path.read_text() + "gone.png,1\n")
    tab.open_path(csv_path)
    wait_idle(qtbot, tab.ctx.runner)
    report = tab.source_panel.report.toPlainText()
    assert "line 6: 'gone.png' does not exist in the image folder" in report
    try:
        _switch(qtbot, tab, "es", "Muestras y lotes")
        report = tab.source_panel.report.toPlainText()
        assert "line 6" not in report and "gone.png" in report
        assert "CustomImageDataset" in tab.code_panel.code()
    finally:
        _switch(qtbot, tab, "en", "Samples and batches")
    assert "line 6: 'gone.png'" in tab.source_panel.report.toPlainText()

"""Issue 14, Broadcasting: 4-D pictures, the failing dimension marked, legends, Spanish names."""

from __future__ import annotations

import numpy as np
import pytest

from gui.broadcasting.picture import DRAWN_MAX_CELLS
from gui.broadcasting.tab import BroadcastingTab
from tests.conftest import wait_idle
from tests.gui.broadcasting.test_broadcasting_tab import _compute, _run, _scene_text, _texts


@pytest.fixture
def tab(qtbot, ctx):
    widget = BroadcastingTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 740)
    wait_idle(qtbot, ctx.runner)
    return widget


@pytest.fixture
def spanish(qtbot):
    from gui.shell.language import install_language

    install_language("es")
    yield
    install_language("en")


def _marked(view, key: str) -> list[int]:
    return [cell.index for cell in view.cells(key) if cell.failing]


def test_a_4d_case_is_drawn_as_3d_blocks_with_highlights_and_code(tab, qtbot):
    _compute(qtbot, tab, "2, 1, 3, 2", "3, 1")
    view = tab.picture
    assert [len(view.cells(k)) for k in ("a", "b", "result")] == [12, 12, 12]
    text = _scene_text(view)
    assert "[1, 0, :, :]" in text and "dimensions" not in text  # no refusal note
    assert sum(cell.faded for cell in view.cells("b")) == 9  # 3 values in memory, 9 copies
    view.highlight_result_cell(9)
    assert tab.cell_label.text() == "c[1, 0, 1, 1] = a[1, 0, 1, 1] * b[1, 0] = 10 * 20 = 200"
    lit = view.highlighted()
    assert not lit["b"][0].faded and lit["b"][0].text == "20"
    namespace, _ = _run(tab.code_panel.steps()[-1].code)
    shown = [float(t) for t in _texts(view.cells("result"))]
    assert namespace["c"].shape == (2, 1, 3, 2) and namespace["c"].reshape(-1).tolist() == shown


def test_4d_beyond_the_cell_limit_draws_the_first_blocks_and_says_what_is_left(tab, qtbot):
    _compute(qtbot, tab, "10, 2, 3, 2", "3, 1")  # blocks of 12 cells: 8 fit in 96
    drawn = DRAWN_MAX_CELLS // 12
    assert [len(tab.picture.cells(k)) for k in ("a", "b", "result")] == [drawn * 12] * 3
    text = _scene_text(tab.picture)
    assert "[8:10, :, :, :] not drawn: 2 more blocks of shape (2, 3, 2)" in text
    tab.picture.highlight_result_cell(95)  # the last drawn cell still lights its sources
    assert tab.picture.highlighted()["a"][0].index == 95
    _compute(qtbot, tab, "9, 2, 3, 2", "1, 3, 1")
    assert "[8:9, :, :, :] not drawn: 1 more block of shape (2, 3, 2)" in \
        _scene_text(tab.picture)


def test_blocks_left_out_are_counted_in_spanish_plural_forms(tab, qtbot, spanish):
    _compute(qtbot, tab, "10, 2, 3, 2", "3, 1")
    assert "sin dibujar: 2 bloques más de forma (2, 3, 2)" in _scene_text(tab.picture)
    _compute(qtbot, tab, "9, 2, 3, 2", "3, 1")
    assert "sin dibujar: 1 bloque más de forma (2, 3, 2)" in _scene_text(tab.picture)


def test_4d_blocks_too_big_and_5d_are_explained_not_drawn(tab, qtbot):
    _compute(qtbot, tab, "2, 5, 5, 5", "5")
    assert tab.picture.cells("a") == []
    assert "3-D blocks of up to 64 elements" in _scene_text(tab.picture)
    _compute(qtbot, tab, "2, 1, 1, 2, 2", "2")
    assert "up to 4 dimensions" in _scene_text(tab.picture)
    assert tab.table.rowCount() == 5 and "✓" in tab.verdict_label.text()


def test_mismatch_outlines_the_failing_dimension_in_both_operands(tab, qtbot):
    tab.load_preset("mismatch")  # (2, 3) + (3, 2): dimension 1 fails (3 against 2)
    wait_idle(qtbot, tab.ctx.runner)
    assert _marked(tab.picture, "a") == [0, 1, 2]  # a's first row: 3 cells along dim 1
    assert _marked(tab.picture, "b") == [0, 1]     # b's first row: 2 cells
    text = _scene_text(tab.picture)
    assert "a: dimension 1 has size 3 (outlined) ✗" in text
    assert "b: dimension 1 has size 2 (outlined) ✗" in text
    assert "outlined cells: dimension 1, where the sizes differ and neither is 1" in text
    _compute(qtbot, tab, "2, 3, 2, 2", "2, 1, 2")  # dimension 1 (-3): 3 against 2
    assert _marked(tab.picture, "a") == [0, 4, 8] and _marked(tab.picture, "b") == [0, 2]
    _compute(qtbot, tab, "4, 3, 2", "3, 1")  # it broadcasts: nothing outlined
    assert _marked(tab.picture, "a") == [] and "outlined" not in _scene_text(tab.picture)


def test_legend_explains_fading_memory_and_highlight(tab, qtbot):
    text = _scene_text(tab.picture)
    for words in ("solid cells: values stored in memory",
                  "faded, dashed cells: stretched copies, not copied in memory (stride 0)",
                  "point at or click a result cell"):
        assert words in text
    legend_faded = [c for c in tab.picture.scene().items()
                    if getattr(c, "index", 0) == -1 and getattr(c, "faded", False)]
    assert len(legend_faded) == 1  # the sample cell drawn like the copies it explains


def test_spanish_preset_names_are_nouns_not_verbs(tab, qtbot, spanish):
    qtbot.waitUntil(lambda: tab.presets_label.text() == "Ejemplos:")
    names = [button.text() for button in tab.preset_buttons.values()]
    assert tab.preset_buttons["scalar"].text() == "Un escalar"
    assert tab.preset_buttons["compare"].text() == "Comparación =="
    # a first word in -ar/-er/-ir reads as an infinitive ("Escalar" = to scale)
    verbs = [n for n in names if n.split()[0].lower().endswith(("ar", "er", "ir"))]
    assert verbs == []


def test_block_layout_keeps_flat_indices_in_c_order(tab, qtbot):
    _compute(qtbot, tab, "2, 2, 2, 3", "1")
    cells = tab.picture.cells("a")
    assert [c.index for c in cells] == list(range(24))
    assert [float(c.text) for c in cells] == list(np.arange(1, 25, dtype=float))

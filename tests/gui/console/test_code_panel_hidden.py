"""Steps added to a hidden code panel (the console's Code tab behind its Tensor tab) wait
until it is shown or read; nothing is lost or reordered."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from engine.core.codegen import CodeStep
from gui.widgets.code_panel import CodePanel


def _steps(first: int, count: int) -> list[CodeStep]:
    return [CodeStep(f"Step {i}", f"t{i} = torch.ones({i})", "") for i in range(first,
                                                                               first + count)]


def test_steps_added_while_hidden_reach_the_view_when_it_is_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Tensor")
    panel = CodePanel()
    tabs.addTab(panel, "Code")
    tabs.show()
    qtbot.waitExposed(tabs)
    panel.add_steps(_steps(0, 200))
    document = panel._editor.document()  # the view itself, not code(), which would flush
    assert "t199 = torch.ones(199)" not in document.toPlainText()
    tabs.setCurrentIndex(1)
    assert "t199 = torch.ones(199)" in document.toPlainText()
    panel.add_steps(_steps(200, 1))  # shown: at once
    assert document.toPlainText().rstrip().endswith("t200 = torch.ones(200)")


def test_reading_a_hidden_panel_gives_every_step_in_order(qtbot):
    panel = CodePanel()
    qtbot.addWidget(panel)
    panel.add_steps(_steps(0, 3))
    panel.add_steps(_steps(3, 2))
    code = panel.code()
    positions = [code.index(f"t{i} = torch.ones({i})") for i in range(5)]
    assert positions == sorted(positions)
    line = panel.editor().document().find("t3 = torch.ones(3)").blockNumber()
    assert panel.step_at_line(line).title == "Step 3"

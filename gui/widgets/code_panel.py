"""The code panel: every step's PyTorch code, highlighted, copyable, in order.

Steps added while the panel is hidden (the console's Code tab behind its Tensor tab) are
kept and put into the view when it is shown or read: inserting and highlighting a pasted
cell's 200 steps would otherwise hold the GUI thread for nothing on screen.

The view shows the latest ``SHOWN_STEPS`` steps (up to ``SHOWN_STEPS + STEPS_SLACK``; past
that the oldest leave the view at once) under a line that counts the earlier ones; "Copy
all" and ``code()`` still give every step. A shown step costs ~20 KB of Qt's text layout
(its whole text is laid out for the scroll bars), ~10x its text: a monkey session's 2,000
steps held ~40 MiB in the panels.

The code view wraps long lines and marks each continuation (``↪``); its context menu copies
the step under the cursor (title and code) or all the code, turns wrapping off and on, and
asks for the current tab's code as a Jupyter notebook: ``export_requested`` is emitted and
the shell, which owns the session export, answers it (this module knows no session).
"""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QPoint, Signal
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from gui.core.retranslate import Retranslatable, render
from gui.widgets.code_view import CodeView, PythonHighlighter

__all__ = ["CodePanel", "PythonHighlighter"]

SHOWN_STEPS = 50  # the latest steps in the view; older ones leave it in batches:
STEPS_SLACK = 25  # re-rendering the view for each new step would cost a whole render each


class CodePanel(Retranslatable, QWidget):
    """Shows the code of the steps taken so far; ``add_step`` appends one ``CodeStep``."""

    export_requested = Signal(str)  # "notebook": export this tab's code (the shell answers)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list = []
        self._shown_from = 0  # index in _steps of the first step in the view
        self._stale = False  # steps left the view while hidden: render when shown or read
        self._step_blocks: list[int] = []  # first block (line) of each step in the view
        self._next_line = 0  # first block of the next step added (set by _render)
        self._pending: list[str] = []  # texts of steps added while hidden, not yet shown
        self._step_under_menu: object | None = None
        self._title = QLabel()
        self._copy_button = QPushButton()
        self._clear_button = QPushButton()
        self._editor = CodeView()
        self._highlighter = self._editor.highlighter
        self._editor.document().setUndoRedoEnabled(False)  # read-only: add_steps keeps no undo
        self._create_actions()
        self._build_layout()
        self._copy_button.clicked.connect(self._on_copy)
        self._clear_button.clicked.connect(self.clear)
        self._editor.customContextMenuRequested.connect(self._on_context_menu)
        self._retranslate()

    def _create_actions(self) -> None:
        self.copy_step_action = QAction(self)
        self.copy_all_action = QAction(self)
        self.wrap_action = QAction(self, checkable=True, checked=True)
        self.export_action = QAction(self)
        self.copy_all_action.triggered.connect(self._on_copy)
        self.copy_step_action.triggered.connect(self._on_copy_step)
        self.wrap_action.toggled.connect(self._editor.set_wrapping)
        self.export_action.triggered.connect(lambda: self.export_requested.emit("notebook"))
        self._editor.setContextMenuPolicy(self._editor.contextMenuPolicy().CustomContextMenu)

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._copy_button)
        header.addWidget(self._clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self._editor)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("PyTorch code"))
        self._copy_button.setText(self.tr("Copy"))
        self._copy_button.setToolTip(self.tr("Copy all the code to the clipboard"))
        self._clear_button.setText(self.tr("Clear"))
        self.copy_step_action.setText(self.tr("Copy this &step"))
        self.copy_all_action.setText(self.tr("Copy &all"))
        self.wrap_action.setText(self.tr("&Wrap long lines"))
        self.export_action.setText(self.tr("Open as Jupyter &notebook…"))
        self.export_action.setToolTip(self.tr("Export this tab's code as a notebook"))
        self._render()  # titles, code comments and explanations follow the language

    def add_step(self, step) -> None:
        self.add_steps([step])

    def add_steps(self, steps) -> None:
        """Append ``CodeStep``s: only their text is added (and highlighted), at the end;
        while the panel is hidden, when it is next shown or read."""
        self._steps.extend(steps)
        if len(self._steps) - self._shown_from > SHOWN_STEPS + STEPS_SLACK:
            self._shown_from = len(self._steps) - SHOWN_STEPS  # the oldest leave the view
            self._stale = True  # the view is made anew when next shown or read
        elif not self._stale:
            for step in steps:
                self._step_blocks.append(self._next_line)
                self._pending.append(self.step_text(step))
                self._next_line += self._pending[-1].count("\n") + 2
        if self.isVisible():
            self._flush()

    def _flush(self) -> None:
        """Put the pending steps' text at the end of the view (or make it anew)."""
        if self._stale:
            self._render()
            return
        if not self._pending:
            return
        texts, self._pending = self._pending, []
        cursor = QTextCursor(self._editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("".join(f"\n{text}\n" for text in texts))  # blank line between
        bar = self._editor.verticalScrollBar()
        bar.setValue(bar.maximum())

    def showEvent(self, event) -> None:
        self._flush()
        super().showEvent(event)

    def set_steps(self, steps: list) -> None:
        self._steps = list(steps)
        self._shown_from = max(0, len(self._steps) - SHOWN_STEPS)
        self._render()

    def steps(self) -> list:
        return list(self._steps)

    def clear(self) -> None:
        self._steps.clear()
        self._shown_from = 0
        self._render()

    def code(self) -> str:
        """Every step's code: the view's text while it holds them all (it follows a language
        switch as the switch reaches it), else made from the steps."""
        if not self._shown_from:
            self._flush()
            return self._editor.toPlainText()
        from engine.core.codegen import PREAMBLE  # engine.core.codegen imports no torch

        blocks = [PREAMBLE.rstrip(), *(self.step_text(step) for step in self._steps)]
        return "\n\n".join(blocks) + "\n"

    def editor(self) -> CodeView:
        self._flush()
        return self._editor

    @staticmethod
    def step_text(step) -> str:
        return f"# {render(step.title)}\n{render(step.code).rstrip()}"

    def _render(self) -> None:
        from engine.core.codegen import PREAMBLE  # engine.core.codegen imports no torch

        blocks = [PREAMBLE.rstrip()]
        if self._shown_from:
            blocks.append("# " + self.tr("… {count} earlier steps: Copy gives them all").format(
                count=self._shown_from))
        self._step_blocks = []
        line = sum(block.count("\n") + 2 for block in blocks)  # a blank line between blocks
        for step in self._steps[self._shown_from:]:
            self._step_blocks.append(line)
            blocks.append(self.step_text(step))
            line += blocks[-1].count("\n") + 2
        self._next_line = line  # where add_steps puts the next step
        self._pending, self._stale = [], False
        text = "\n\n".join(blocks) + "\n"
        if text != self._editor.toPlainText():  # e.g. a language whose texts read the same
            self._editor.set_code(text)

    def step_at_line(self, line: int):
        """The step whose text holds ``line`` (0-based), or None (the preamble)."""
        found = None
        shown = self._steps[self._shown_from:]
        for step, first in zip(shown, self._step_blocks, strict=True):
            if first <= line:
                found = step
        return found

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self._editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The editor's menu plus the panel's actions, for the point ``pos`` (viewport)."""
        self._flush()
        menu = self._editor.createStandardContextMenu(pos)
        step = self.step_at_line(self._editor.cursorForPosition(pos).blockNumber())
        self.copy_step_action.setEnabled(step is not None)
        self._step_under_menu = step
        menu.addSeparator()
        for action in (self.copy_step_action, self.copy_all_action, self.wrap_action):
            menu.addAction(action)
        if self.receivers(SIGNAL("export_requested(QString)")) > 0:  # once the shell answers
            menu.addSeparator()
            menu.addAction(self.export_action)
        return menu

    def _on_copy_step(self) -> None:
        if self._step_under_menu is not None:
            QGuiApplication.clipboard().setText(self.step_text(self._step_under_menu) + "\n")

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(max(hint.height(), 160))
        return hint

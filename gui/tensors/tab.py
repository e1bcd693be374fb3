"""The Tensors tab: create tensors, keep them in the workspace, see them, operate on them.

Left: the sections (Create, Seeds, and Tensors-B's Operate and Memory & shape panels when
they are importable) above the workspace list. Right: the viewer of the current tensor,
what the last step means, and the code panel. Every section hands its results
(``engine.tensors.result.TensorsResult``) to ``show_result``; the current tensor and the
step whose meaning is shown live in a Qt-free ``TensorsState`` that the tab observes.
Engine texts stay Texts and are rendered again on a language switch.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from engine.core.codegen import CodeStep
from engine.core.snapshot import TensorSnapshot
from engine.tensors.create import CreateResult, demo_results
from engine.tensors.result import TensorsResult
from engine.tensors.state import TensorsState
from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable, render
from gui.tensors.create_panel import CreatePanel
from gui.tensors.memory_panel import MemoryPanel
from gui.tensors.ops_panel import OperationsPanel
from gui.tensors.seed_panel import SeedPanel
from gui.tensors.workspace_panel import WorkspacePanel
from gui.widgets.code_panel import CodePanel
from gui.widgets.tensor_viewer import TensorViewer

if TYPE_CHECKING:
    import torch

TAB_KEY = "tensors"
# The sections after Create: (key, class); each takes (ctx, show_result).
PLUGIN_SECTIONS = (("operate", OperationsPanel), ("memory", MemoryPanel))


def _scrolled(widget: QWidget) -> QScrollArea:
    """A section scrolls vertically; it is never narrower than its content needs."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(widget.minimumSizeHint().width() + bar)
    return area


class TensorsTab(Retranslatable, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        workspace = ctx.workspace.workspace if ctx.workspace is not None else None
        self.state = TensorsState(workspace)  # the current tensor and the shown step
        self._shown_name = ""  # workspace name whose snapshot the viewer shows
        self._shown_tensor: weakref.ref | None = None  # the kept tensor that snapshot is of
        self._applying_result = False  # show_result's own workspace refresh is not news
        self._view_token = 0
        self._extras: list[TensorSnapshot] = []
        self.viewer = TensorViewer()
        self.code_panel = CodePanel()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Two lines kept for the note: a two-line note (a view's "shares memory with")
        # after a one-line one must not shrink the viewer, which repaints it whole.
        self.note_label.setMinimumHeight(2 * self.note_label.fontMetrics().lineSpacing())
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.extras_label = QLabel()
        self.extras_combo = QComboBox()
        self.workspace_panel = WorkspacePanel(ctx.workspace)
        self.create_panel = CreatePanel(ctx, self.show_result, self.current_name)
        self.seed_panel = SeedPanel(ctx, self.show_result)
        self.sections = QTabWidget()
        self.sections.setUsesScrollButtons(True)
        self.section_keys: list[str] = []
        self._add_section("create", self.create_panel)
        self._add_section("seeds", self.seed_panel)
        self.plugins: dict[str, OperationsPanel | MemoryPanel] = {}
        self._load_plugins()
        self._build_layout()
        self.workspace_panel.current_changed.connect(self._on_current_changed)
        if ctx.workspace is not None:  # after the panel's slot: its selection is settled
            ctx.workspace.changed.connect(self._on_workspace_changed)
        self.workspace_panel.step_made.connect(self._add_step)
        self.extras_combo.currentIndexChanged.connect(self._on_extra_chosen)
        self.state.subscribe(self._update_note)
        self._retranslate()
        self._update_extras([])
        self._load_demo()

    # --- construction -------------------------------------------------------------------
    def _add_section(self, key: str, widget: QWidget) -> None:
        self.sections.addTab(_scrolled(widget), "")
        self.section_keys.append(key)

    def _load_plugins(self) -> None:
        for key, section_class in PLUGIN_SECTIONS:
            panel = section_class(self.ctx, self.show_result)
            self.plugins[key] = panel
            self._add_section(key, panel)

    def _build_layout(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.sections)
        left.addWidget(self.workspace_panel)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        extras_row = QHBoxLayout()
        extras_row.addWidget(self.extras_label)
        extras_row.addWidget(self.extras_combo)
        extras_row.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(extras_row)
        top_layout.addWidget(self.viewer, 1)
        top_layout.addWidget(self.note_label)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top)
        right.addWidget(self.code_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 200])
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

    def _retranslate(self) -> None:
        titles = {"create": self.tr("Create"), "seeds": self.tr("Seeds"),
                  "operate": self.tr("Operate"), "memory": self.tr("Memory and shape")}
        for index, key in enumerate(self.section_keys):
            self.sections.setTabText(index, titles[key])
        self.extras_label.setText(self.tr("Show:"))
        self.extras_combo.setToolTip(self.tr("This step produced several tensors"))
        self._update_note()

    def _load_demo(self) -> None:
        workspace = self.ctx.workspace.workspace if self.ctx.workspace is not None else None
        self.ctx.runner.run(demo_results, workspace, title=self.tr("Tensors demo"),
                            on_result=self._on_demo_ready)

    def _on_demo_ready(self, results: list[CreateResult]) -> None:
        for result in results:
            self.show_result(result)

    # --- results ------------------------------------------------------------------------
    def current_name(self) -> str:
        return self.workspace_panel.current_name()

    def show_result(self, result: TensorsResult) -> None:
        """Show one section result: code, workspace, viewer and what it means."""
        self._add_step(result.step)
        self._view_token += 1
        self.state.apply(result)
        if self.ctx.workspace is not None:
            self._applying_result = True
            try:
                self.ctx.workspace.refresh()
            finally:
                self._applying_result = False
        name, snap = result.name, result.snapshot
        if name and self.state.current == name:
            self._remember_shown(name)
            self.workspace_panel.select(name)
        elif snap is not None:
            self._shown_name = ""  # the viewer shows something that is not kept
        if snap is not None:
            self._show_snapshot(snap, name or snap.name)
        self._update_extras(list(result.extra_snapshots), snap)

    def _update_note(self) -> None:
        """What the current result means, rendered in the language now active."""
        self.note_label.setText("\n".join(render(text) for text in self.state.notes()))

    def _add_step(self, step: CodeStep) -> None:
        self.code_panel.add_step(step)
        self.ctx.session.add(TAB_KEY, step)

    def _show_snapshot(self, snap: TensorSnapshot, title: str) -> None:
        self.viewer.set_title(title or "")
        self.viewer.set_snapshot(snap)

    def _update_extras(self, extras: list[TensorSnapshot],
                       main: TensorSnapshot | None = None) -> None:
        self._extras = extras
        with signals_blocked(self.extras_combo):
            self.extras_combo.clear()
            for snap in extras:
                self.extras_combo.addItem(snap.name or "?")
            index = next((i for i, snap in enumerate(extras) if snap is main), -1)
            if index >= 0:  # identity: snapshots hold arrays, so == would be ambiguous
                self.extras_combo.setCurrentIndex(index)
        visible = len(extras) > 1
        self.extras_label.setVisible(visible)
        self.extras_combo.setVisible(visible)

    def _on_extra_chosen(self, index: int) -> None:
        if 0 <= index < len(self._extras):
            snap = self._extras[index]
            self._show_snapshot(snap, snap.name)

    def _on_current_changed(self, name: str) -> None:
        self.create_panel.set_current_name(name)
        for panel in self.plugins.values():
            panel.set_current_name(name)
        self.state.select(name)
        if not name or name == self._shown_name:
            return
        self._remember_shown(name)
        self._view_token += 1
        token = self._view_token
        self.ctx.runner.run(self.state.inspect, name, title=self.tr("Show a tensor"),
                            on_result=lambda snap: self._on_selected_snapshot(token, snap))

    def _remember_shown(self, name: str) -> None:
        self._shown_name = name
        tensor = self._kept_tensor(name)
        self._shown_tensor = weakref.ref(tensor) if tensor is not None else None

    def _kept_tensor(self, name: str) -> torch.Tensor | None:
        workspace = self.ctx.workspace
        if workspace is None or name not in workspace.names():
            return None
        return workspace.workspace.get(name)

    def _on_workspace_changed(self) -> None:
        """A kept name now holding another tensor (a workspace opened, the console
        assigning it) is shown again: the viewer would show the old values."""
        if self._applying_result or not self._shown_name:
            return
        shown = self._shown_tensor() if self._shown_tensor is not None else None
        if self._kept_tensor(self._shown_name) is shown:
            return
        self._shown_name = ""
        self._on_current_changed(self.workspace_panel.current_name())

    def _on_selected_snapshot(self, token: int, snap: TensorSnapshot) -> None:
        if token != self._view_token:
            return  # a newer result or selection won
        self._update_extras([])
        self.state.forget_result()
        self._show_snapshot(snap, snap.name)

"""The Autograd tab: PyTorch lines, their grad_fn graph, backward step by step, presets.

Left: the lines (default: the note's sine example, as the note writes it; a line
``out.backward()`` asks for the backward pass, the lines after it run once the gradients
are there), what they bound and printed, presets and the tiny model.
Centre: the graph (click a node) with the backward controls, and the two curves.
Right: the clicked node's details and the code panel. All torch work runs on the worker,
started by the tab's jobs objects: ``LineJobs`` (the lines), ``NodeJobs`` (node details),
``BackwardJobs``, ``GroupJobs``, ``PresetJobs`` and ``ModelJobs``.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.autograd.grouped import plain_view
from engine.autograd.program import GRAD_MODES, NOTE_EXAMPLE
from engine.autograd.state import AutogradState
from gui.autograd.backward_jobs import BackwardJobs
from gui.autograd.backward_player import BackwardPlayer
from gui.autograd.colors import ERROR, AccentText
from gui.autograd.curves import AutogradCurves
from gui.autograd.details import NodeDetailsPanel
from gui.autograd.graph_release import GraphReleases
from gui.autograd.graph_view import GraphView
from gui.autograd.group_jobs import GroupJobs
from gui.autograd.line_jobs import LineJobs
from gui.autograd.model_panel import ModelPanel
from gui.autograd.node_jobs import NodeJobs
from gui.autograd.presets_panel import PresetsPanel
from gui.autograd.side_jobs import ModelJobs, PresetJobs
from gui.autograd.steps import StepsEditor
from gui.autograd.tab_page import TabPage
from gui.core.retranslate import Retranslatable
from gui.widgets.code_panel import CodePanel

DEFAULT_NODE_CLASS = "MulBackward0"
COLUMN_SIZES = [440, 380, 360]
PAGE_MARGINS = QMargins(4, 4, 4, 4)


def _scrolling(page: QWidget) -> QScrollArea:
    """A side page in a scroll area: short windows scroll instead of squashing it."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setMinimumHeight(120)
    return area


class AutogradTab(Retranslatable, TabPage):
    """See the module docstring."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = AutogradState()  # program, graph shown, backward, replay (no Qt)
        self._backward_text = ""
        self._program_steps: list = []  # the code of the lines' latest run (forward, backward)
        self._create_widgets()
        self._build_layout()
        self._connect_signals()
        self._retranslate()
        self.steps_editor.set_source(NOTE_EXAMPLE)
        self.line_jobs.run(select_class=DEFAULT_NODE_CLASS)

    # --- construction -------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.steps_editor = StepsEditor()
        self.run_button = QPushButton()
        self.mode_label = QLabel()
        self.mode_choice = QComboBox()
        for mode in GRAD_MODES:
            self.mode_choice.addItem("", mode)
        self.track_box = QCheckBox()
        self.track_box.setChecked(True)
        self.language_help = QLabel()
        self.language_help.setWordWrap(True)
        self.language_help.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.presets = PresetsPanel()
        self.model_panel = ModelPanel()
        self.modes = QTabWidget()
        self.graph_view = GraphView()
        self.player = BackwardPlayer(self.graph_view, self.state)
        self.backward_button = QPushButton()
        self.backward_label = QLabel()
        self.backward_label.setWordWrap(True)
        self.backward_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Two lines kept for it: a new text of one or two lines never resizes the graph
        # above it (a resize redraws the whole graph).
        self.backward_label.setMinimumHeight(2 * self.backward_label.fontMetrics().lineSpacing())
        self._backward_tone = AccentText(self.backward_label, None)
        self.curves = AutogradCurves()
        self.details = NodeDetailsPanel()
        self.code_panel = CodePanel()
        self.preset_jobs = PresetJobs(self)
        self.model_jobs = ModelJobs(self)
        self.backward_jobs = BackwardJobs(self)
        self.group_jobs = GroupJobs(self)
        self.line_jobs = LineJobs(self)
        self.node_jobs = NodeJobs(self)
        self.releases = GraphReleases(self)

    def _build_layout(self) -> None:
        lines = QWidget()
        column = QVBoxLayout(lines)
        column.setContentsMargins(4, 4, 4, 4)
        switches = QHBoxLayout()
        switches.addWidget(self.mode_label)
        switches.addWidget(self.mode_choice, 1)
        column.addLayout(switches)
        column.addWidget(self.track_box)
        column.addWidget(self.steps_editor, 1)
        column.addWidget(self.language_help)
        column.addWidget(self.run_button)
        for page in (lines, self.presets, self.model_panel):
            self.modes.addTab(_scrolling(page), "")
        graph_box = QWidget()
        graph_layout = QVBoxLayout(graph_box)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.addWidget(self.graph_view, 1)
        controls = self.player.controls()
        controls.insertWidget(0, self.backward_button)
        graph_layout.addLayout(controls)
        graph_layout.addWidget(self.backward_label)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(graph_box)
        centre.addWidget(self.curves)
        centre.setSizes([430, 260])
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.details)
        right.addWidget(self.code_panel)
        right.setSizes([460, 230])
        main = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.modes, centre, right):
            main.addWidget(widget)
            main.setCollapsible(main.indexOf(widget), False)
        for index, stretch in enumerate((1, 1, 1)):
            main.setStretchFactor(index, stretch)
        main.setSizes(COLUMN_SIZES)  # lines (grad_fn column), graph, details and code
        self.splitter = main
        self.hold(main, PAGE_MARGINS)  # no layout: see gui.autograd.tab_page

    def _connect_signals(self) -> None:
        self.steps_editor.edited.connect(self.line_jobs.run_debounced)
        self.run_button.clicked.connect(self.line_jobs.run)
        self.mode_choice.currentIndexChanged.connect(self.line_jobs.run)
        self.track_box.toggled.connect(self.line_jobs.on_track_toggled)
        self.backward_button.clicked.connect(self.backward_jobs.run)
        self.graph_view.node_clicked.connect(self.node_jobs.request_details)
        self.player.position_changed.connect(self.node_jobs.on_player_moved)
        self.modes.currentChanged.connect(self.backward_jobs.on_mode_changed)
        self.presets.run_requested.connect(self.preset_jobs.run)
        self.model_panel.build_requested.connect(self.model_jobs.build)
        self.model_panel.train_requested.connect(self.model_jobs.train)
        self.model_panel.cancel_requested.connect(self.model_jobs.cancel)

    def _retranslate(self) -> None:
        self.modes.setTabText(0, self.tr("Lines"))
        self.modes.setTabText(1, self.tr("Presets"))
        self.modes.setTabText(2, self.tr("Tiny model"))
        self.language_help.setText(
            self.tr(
                "PyTorch as the note writes it, one statement per line (torch and math are "
                "imported). requires_grad=True makes a leaf that autograd tracks. The line "
                "out.backward() runs the backward pass node by node; the lines after it "
                "(a.grad, print(d.grad_fn.next_functions)) run once the gradients are there."
            )
        )
        self.mode_label.setText(self.tr("Autograd:"))
        for index, text in enumerate(
            (
                self.tr("on (tracked)"),
                self.tr("with torch.no_grad()"),
                self.tr("with torch.inference_mode()"),
            )
        ):
            self.mode_choice.setItemText(index, text)
        self.mode_choice.setToolTip(
            self.tr("Run the lines normally or inside a block that turns autograd off")
        )
        self.track_box.setText(self.tr("requires_grad=True"))
        self.track_box.setToolTip(
            self.tr("Switch requires_grad between True and False in every line that sets it")
        )
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(
            self.tr("Run the lines and draw the grad_fn graph of the tensor to differentiate")
        )
        self.backward_button.setText(self.tr("backward()"))
        self.update_backward_button()
        self._update_backward_text()

    # --- shared helpers (also used by the preset and model jobs) ----------------------
    def add_step(self, step) -> None:
        self.code_panel.add_step(step)
        self.ctx.session.add("autograd", step)

    def add_program_step(self, step, *, new_run: bool = False) -> None:
        """A step of the lines' program; a new run replaces the previous run's steps in the
        code panel and the session, so typing leaves one program there, the latest."""
        old = self._program_steps if new_run else []
        if old:
            self.code_panel.set_steps([s for s in self.code_panel.steps()
                                       if all(s is not o for o in old)])
        self._program_steps = [] if new_run else self._program_steps
        self._program_steps.append(step)
        self.code_panel.add_step(step)
        self.ctx.session.replace("autograd", old, step)

    def show_graph(
        self,
        graph,
        layout,
        live,
        *,
        select: int | None = None,
        seconds: float | None = None,
        backward_root: str | None = None,
        view=None,
        sliced: bool | None = None,
    ) -> None:
        """Show a graph (``view``: which of it, for a model grouped by module);
        ``backward_root`` names a scalar root backward() may run on; ``sliced``: see
        ``GraphView.set_view``."""
        view = view if view is not None else plain_view(graph, layout)
        replaced = self.state.live
        self.state.show_graph(live, backward_root, view)
        if replaced is not None and replaced is not live:
            self.releases.release(replaced)  # freed over the next turns, not in this one
            del replaced
        self.update_backward_button()
        self.curves.setVisible(self.state.shows_program)
        self.player.refresh()
        self.graph_view.set_view(view, seconds, sliced=sliced)
        self.details.clear()
        if select is not None:
            self.graph_view.select_node(select)
            self.request_details(select)

    def request_details(self, index: int, prefer_gradient: bool = False) -> None:
        """Read and show the details of node ``index`` (see ``NodeJobs``)."""
        self.node_jobs.request_details(index, prefer_gradient)

    def update_backward_button(self) -> None:
        """Enabled when backward() can run on the graph shown; the tooltip says why not."""
        state = self.state
        self.backward_button.setEnabled(state.can_backward)
        if state.tracks_nothing and self.mode_choice.currentData() != "on":
            tip = self.tr("Autograd is off ({mode}): nothing was tracked, so backward() has "
                          "no graph to run. Choose \"on (tracked)\" to use it.").format(
                              mode=self.mode_choice.currentText())
        elif state.tracks_nothing:
            tip = self.tr("Nothing is tracked: no line made a tensor with a grad_fn. Give a "
                          "leaf requires_grad=True to use backward().")
        elif state.shows_program and state.backward is not None:
            tip = self.tr("backward() already ran on this graph: a second call would add to "
                          ".grad. Edit or run the lines again.")
        else:
            tip = self.tr("Call backward() on the graph's root, recording every node it runs")
        self.backward_button.setToolTip(tip)

    def set_backward_text(self, text, error: bool = False) -> None:
        """Show a status under the graph; a callable is re-run when the language changes."""
        self._backward_text = text
        self._backward_tone.set_pair(ERROR if error else None)
        self._update_backward_text()

    def _update_backward_text(self) -> None:
        text = self._backward_text
        self.backward_label.setText(text() if callable(text) else text)

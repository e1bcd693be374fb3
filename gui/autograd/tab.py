"""The Autograd tab: PyTorch lines, their grad_fn graph, backward step by step, presets.

Left: the lines (default: the note's sine example, as the note writes it; a line
``out.backward()`` asks for the backward pass, the lines after it run once the gradients
are there), what they bound and printed, presets and the tiny model.
Centre: the graph (click a node) with the backward controls, and the two curves.
Right: the clicked node's details and the code panel. All torch work runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from superqt.utils import qdebounced, signals_blocked

from engine.autograd.graph import node_details
from engine.autograd.grouped import plain_view
from engine.autograd.program import GRAD_MODES, NOTE_EXAMPLE, run_program
from engine.autograd.state import AutogradState
from gui.autograd.backward_jobs import BackwardJobs
from gui.autograd.backward_player import BackwardPlayer
from gui.autograd.colors import ERROR, AccentText
from gui.autograd.curves import AutogradCurves
from gui.autograd.details import NodeDetailsPanel
from gui.autograd.graph_view import GraphView
from gui.autograd.group_jobs import GroupJobs
from gui.autograd.model_panel import ModelPanel
from gui.autograd.presets_panel import PresetsPanel
from gui.autograd.side_jobs import ModelJobs, PresetJobs
from gui.autograd.steps import StepsEditor
from gui.core.retranslate import Retranslatable
from gui.widgets.code_panel import CodePanel

DEBOUNCE_MS = 250
DEFAULT_NODE_CLASS = "MulBackward0"
COLUMN_SIZES = [440, 380, 360]


def _scrolling(page: QWidget) -> QScrollArea:
    """A side page in a scroll area: short windows scroll instead of squashing it."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setMinimumHeight(120)
    return area


class AutogradTab(Retranslatable, QWidget):
    """See the module docstring."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = AutogradState()  # program, graph shown, backward, replay (no Qt)
        self._backward_text = ""
        self._details_job = None
        self._program_steps: list = []  # the code of the lines' latest run (forward, backward)
        self._create_widgets()
        self._build_layout()
        self._connect_signals()
        self._retranslate()
        self.steps_editor.set_source(NOTE_EXAMPLE)
        self._run_lines(select_class=DEFAULT_NODE_CLASS)

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
        self._backward_tone = AccentText(self.backward_label, None)
        self.curves = AutogradCurves()
        self.details = NodeDetailsPanel()
        self.code_panel = CodePanel()
        self.preset_jobs = PresetJobs(self)
        self.model_jobs = ModelJobs(self)
        self.backward_jobs = BackwardJobs(self)
        self.group_jobs = GroupJobs(self)

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(main)

    def _connect_signals(self) -> None:
        self._run_debounced = qdebounced(self._run_lines, DEBOUNCE_MS)
        self.steps_editor.edited.connect(self._run_debounced)
        self.run_button.clicked.connect(self._run_lines)
        self.mode_choice.currentIndexChanged.connect(self._run_lines)
        self.track_box.toggled.connect(self._on_track_toggled)
        self.backward_button.clicked.connect(self.backward_jobs.run)
        self.graph_view.node_clicked.connect(self._on_node_clicked)
        self.player.position_changed.connect(self._on_player_moved)
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
    ) -> None:
        """Show a graph (``view``: which of it, for a model grouped by module);
        ``backward_root`` names a scalar root backward() may run on."""
        view = view if view is not None else plain_view(graph, layout)
        self.state.show_graph(live, backward_root, view)
        self.update_backward_button()
        self.curves.setVisible(self.state.shows_program)
        self.player.refresh()
        self.graph_view.set_view(view, seconds)
        self.details.clear()
        if select is not None:
            self.graph_view.select_node(select)
            self.request_details(select)

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

    # --- lines -------------------------------------------------------------------------
    def _run_lines(self, select_class: str | None = None) -> None:
        self._run_debounced.cancel()
        wanted = select_class if isinstance(select_class, str) else None
        self.ctx.runner.run(
            run_program,
            self.steps_editor.source(),
            self.mode_choice.currentData(),
            title=self.tr("Running the lines"),
            on_result=lambda r: self._on_program(r, wanted),
            on_error=self._on_program_error,
        )

    def _on_program(self, result, select_class: str | None) -> None:
        self.state.set_program(result)
        self.steps_editor.clear_error()
        self.steps_editor.set_results(result.rows)
        self.steps_editor.set_output(result.printed)
        self._update_track_box()
        found = result.graph.find(select_class) if select_class else []
        previous = self.graph_view.selected_node()
        if not found and previous is not None and previous < result.graph.node_count:
            found = [previous]  # keep looking at the same node while editing
        self.show_graph(result.graph, result.layout, result.live)
        self.curves.set_forward(result.x_name, result.x, result.curves)
        self.add_program_step(result.step, new_run=True)
        self.backward_jobs.select_after = found[0] if found else None
        if result.lines.backward is not None:
            self.backward_jobs.run()  # the line `out.backward()` asks for it
            return
        if found:
            self.graph_view.select_node(found[0])
            self.request_details(found[0])
        self._update_waiting_text(result.output)

    def _update_waiting_text(self, output: str | None) -> None:
        if output is not None:
            self.set_backward_text(
                lambda: self.tr(
                    "Add the line {name}.backward() (or press backward()) to run the backward "
                    "pass node by node."
                ).format(name=output)
            )
        else:
            self.set_backward_text(
                lambda: self.tr(
                    "No line made a tensor with a grad_fn: nothing is tracked. Give a leaf "
                    "requires_grad=True."
                )
            )

    def _on_track_toggled(self, checked: bool) -> None:
        old, new = ("False", "True") if checked else ("True", "False")
        source = self.steps_editor.source()
        self.steps_editor.set_source(
            source.replace(f"requires_grad={old}", f"requires_grad={new}")
        )
        self._run_lines()

    def _update_track_box(self) -> None:
        text = self.steps_editor.source().replace(" ", "")
        with signals_blocked(self.track_box):
            self.track_box.setChecked("requires_grad=True" in text)
            self.track_box.setEnabled("requires_grad=" in text)

    def _on_program_error(self, message: str, exc) -> None:
        self.steps_editor.show_error(message, getattr(exc, "line", None))

    # --- nodes and backward replay -----------------------------------------------------
    def _on_node_clicked(self, index: int) -> None:
        self.request_details(index)

    def request_details(self, index: int, prefer_gradient: bool = False) -> None:
        live = self.state.live
        if live is None:
            return
        self._details_job = self.ctx.runner.run(
            node_details,
            live,
            index,
            title=self.tr("Reading node details"),
            on_result=lambda details: self._on_details(live, details, prefer_gradient),
            on_error=lambda message, _exc: self.ctx.show_status(message, 8000),
        )

    def _on_details(self, live, details, prefer_gradient: bool = False) -> None:
        if not self.state.is_current(live):
            return
        self.details.set_details(
            details, self.player.step_for(details.index), prefer_gradient=prefer_gradient
        )

    def _on_player_moved(self, step) -> None:
        if step is None:
            self.set_backward_text(lambda: self.tr("Backward replay reset: press Step."))
            return
        self.set_backward_text(
            lambda: self.tr(
                "Step {n} of {total}: {name} receives the gradient of its output and passes it on."
            ).format(n=step.order + 1, total=self.player.length(), name=step.class_name)
        )
        group = self.group_jobs.group_of_step(step.node_index)
        if group is not None:  # inside a closed box: the group's gradient flow
            self.graph_view.select_group(group)
            self.group_jobs.show_group(group)
            return
        self.graph_view.select_node(step.node_index)
        self.request_details(step.node_index, prefer_gradient=True)

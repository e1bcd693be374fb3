"""The Autograd tab: PyTorch lines, their grad_fn graph, backward step by step, presets.

Left: the lines (default: the note's sine example, as the note writes it; a line
``out.backward()`` asks for the backward pass, the lines after it run once the gradients
are there), what they bound and printed, presets and the tiny model.
Centre: the graph (click a node) with the backward controls, and the two curves.
Right: the clicked node's details and the code panel. All torch work runs on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from engine.autograd.backward import backward_from
from engine.autograd.graph import node_details
from engine.autograd.program import GRAD_MODES, NOTE_EXAMPLE, run_backward, run_program
from engine.autograd.state import AutogradState
from gui.autograd.backward_player import BackwardPlayer
from gui.autograd.curves import AutogradCurves
from gui.autograd.details import NodeDetailsPanel
from gui.autograd.graph_view import GraphView
from gui.autograd.model_panel import ModelPanel
from gui.autograd.presets_panel import PresetsPanel
from gui.autograd.side_jobs import ModelJobs, PresetJobs
from gui.autograd.steps import StepsEditor
from gui.core.retranslate import Retranslatable
from gui.widgets.code_panel import CodePanel

DEBOUNCE_MS = 250
DEFAULT_NODE_CLASS = "MulBackward0"


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
        self._select_after_backward: int | None = None
        self._details_job = None
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
        self.language_help.setStyleSheet("color: #555555;")
        self.presets = PresetsPanel()
        self.model_panel = ModelPanel()
        self.modes = QTabWidget()
        self.graph_view = GraphView()
        self.player = BackwardPlayer(self.graph_view, self.state)
        self.backward_button = QPushButton()
        self.backward_label = QLabel()
        self.backward_label.setWordWrap(True)
        self.curves = AutogradCurves()
        self.details = NodeDetailsPanel()
        self.code_panel = CodePanel()
        self.preset_jobs = PresetJobs(self)
        self.model_jobs = ModelJobs(self)

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
        for index, stretch in enumerate((3, 4, 3)):
            main.setStretchFactor(index, stretch)
        main.setSizes([480, 450, 350])
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
        self.backward_button.clicked.connect(self._on_backward)
        self.graph_view.node_clicked.connect(self._on_node_clicked)
        self.player.position_changed.connect(self._on_player_moved)
        self.modes.currentChanged.connect(self._on_mode_changed)
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
        self.backward_button.setToolTip(
            self.tr("Call backward() on the graph's root, recording every node it runs")
        )
        self._update_backward_text()

    # --- shared helpers (also used by the preset and model jobs) ----------------------
    def add_step(self, step) -> None:
        self.code_panel.add_step(step)
        self.ctx.session.add("autograd", step)

    def show_graph(
        self,
        graph,
        layout,
        live,
        *,
        select: int | None = None,
        seconds: float | None = None,
        backward_root: str | None = None,
    ) -> None:
        """Show a graph; ``backward_root`` names a scalar root backward() may run on."""
        self.state.show_graph(live, backward_root)
        self.backward_button.setEnabled(self.state.can_backward)
        self.curves.setVisible(self.state.shows_program)
        self.player.refresh()
        self.graph_view.set_graph(graph, layout, seconds)
        self.details.clear()
        if select is not None:
            self.graph_view.select_node(select)
            self._request_details(select)

    def set_backward_text(self, text, error: bool = False) -> None:
        """Show a status under the graph; a callable is re-run when the language changes."""
        self._backward_text = text
        self.backward_label.setStyleSheet("color: #c62828;" if error else "")
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
        self.add_step(result.step)
        self._select_after_backward = found[0] if found else None
        if result.lines.backward is not None:
            self._on_backward()  # the line `out.backward()` asks for it
            return
        if found:
            self.graph_view.select_node(found[0])
            self._request_details(found[0])
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

    def _on_backward(self) -> None:
        program, live = self.state.program, self.state.live
        if program is None or not self.state.shows_program:
            self._on_graph_backward()
            return
        self.backward_button.setEnabled(False)
        self.ctx.runner.run(
            run_backward,
            program,
            title=self.tr("Running backward()"),
            on_result=lambda result: self._on_backward_done(live, result),
            on_error=self._on_backward_error,
        )

    def _on_graph_backward(self) -> None:
        live, root = self.state.live, self.state.backward_root
        if root is None or live is None:
            return
        self.backward_button.setEnabled(False)
        self.ctx.runner.run(
            backward_from,
            live,
            root,
            title=self.tr("Running backward()"),
            on_result=lambda result: self._on_graph_backward_done(live, result),
            on_error=self._on_backward_error,
        )

    def _on_graph_backward_done(self, live, result) -> None:
        if not self.state.accept_backward(live, result):
            return
        self.add_step(result.step)
        self.player.refresh()
        self._announce_backward(result.record)
        selected = self.graph_view.selected_node()
        if selected is not None:
            self._request_details(selected)

    def _on_backward_error(self, message: str, _exc) -> None:
        self.backward_button.setEnabled(True)
        self.set_backward_text(message, True)
        program = self.state.program
        if program is not None and self.state.shows_program and program.lines.backward:
            self.steps_editor.show_error(message, program.lines.backward.line)

    def _on_backward_done(self, live, result) -> None:
        if not self.state.accept_backward(live, result):
            return
        self.curves.set_gradient(
            result.grad, result.finite_difference, result.closed_form, result.formula
        )
        self.steps_editor.set_output(self.state.program.printed + result.printed)
        if result.error:
            self.steps_editor.show_error(result.error, result.error_line)
        self.add_step(result.step)
        self.player.refresh()
        self._announce_backward(result.record)
        selected = self._select_after_backward
        self._select_after_backward = None
        if selected is None:
            selected = self.graph_view.selected_node()
        if selected is not None:
            self.graph_view.select_node(selected)
            self._request_details(selected)

    def _on_mode_changed(self, index: int) -> None:
        """Back on Lines: show the program's graph, curves and backward again."""
        program = self.state.program
        if index != 0 or program is None or self.state.shows_program:
            return
        backward = self.state.backward
        self.show_graph(program.graph, program.layout, program.live)
        self.state.show_program()
        if backward is not None:
            self.state.accept_backward(program.live, backward)
            self.backward_button.setEnabled(False)  # a second call would accumulate
            self.curves.setVisible(True)
            self.player.refresh()
            self._announce_backward(backward.record)

    def _announce_backward(self, record) -> None:
        self.set_backward_text(
            lambda: self.tr(
                "backward() ran {count} nodes. Use Step to replay them in order."
            ).format(count=len(record.steps))
        )

    # --- nodes and backward replay -----------------------------------------------------
    def _on_node_clicked(self, index: int) -> None:
        self._request_details(index)

    def _request_details(self, index: int, prefer_gradient: bool = False) -> None:
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
        self.graph_view.select_node(step.node_index)
        self._request_details(step.node_index, prefer_gradient=True)

"""The Broadcasting tab: see why two shapes broadcast, or exactly why they don't.

Two operands (typed shapes or workspace tensors) and an operation go to the engine as one
job (``engine.broadcasting.demo``). The tab shows the alignment table, the verdict with
PyTorch's own error text, the strides ``expand`` gives, the picture of both operands
stretched to the result, and appends the job's code to the code panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.broadcasting.demo import BroadcastDemo, cell_equation
from engine.broadcasting.explain import BroadcastExplanation, BroadcastOp, Verdict
from engine.broadcasting.picture_data import run_picture_request
from engine.broadcasting.presets import DEFAULT_PRESET, PRESETS
from engine.broadcasting.state import BroadcastingState, BroadcastRequest
from engine.core.errors import InputError
from engine.core.parsing import format_shape
from gui.broadcasting.cells import format_cell
from gui.broadcasting.colors import style, tab_colors
from gui.broadcasting.flow import FlowLayout
from gui.broadcasting.inputs import OperandInput
from gui.broadcasting.picture import BroadcastPictureView
from gui.broadcasting.table import AlignmentTable
from gui.core.context import AppContext
from gui.core.retranslate import Retranslatable
from gui.core.workspace_model import WorkspaceModel
from gui.widgets.code_panel import CodePanel
from gui.widgets.engine_text import EngineTextLabel

TAB_KEY = "broadcasting"


class BroadcastingTab(Retranslatable, QWidget):
    """A view of a ``BroadcastingState``: inputs make requests, accepted demos are shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        workspace = ctx.workspace
        self._workspace = workspace if isinstance(workspace, WorkspaceModel) else None
        self.state = BroadcastingState()
        self._create_widgets()
        self._build_layout()
        self._connect_signals()
        self._retranslate()
        self._update_styles()
        self.load_preset(DEFAULT_PRESET)

    # --- construction -------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.input_a = OperandInput("a", "shape_a", self._workspace)
        self.input_b = OperandInput("b", "shape_b", self._workspace)
        self.op_combo = QComboBox()
        for op in BroadcastOp:
            self.op_combo.addItem(op.expression(), op)
        self.compute_button = QPushButton()
        self.compute_button.setDefault(True)
        self.job_error = _wrapping_label()
        self.presets_label = QLabel()
        self.preset_buttons = {p.key: QPushButton() for p in PRESETS}
        self.table = AlignmentTable()
        self.verdict_label = _wrapping_label()
        self.summary_label = EngineTextLabel()
        self.torch_title = QLabel()
        self.torch_error = _wrapping_label()
        self.torch_error.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.torch_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stride_label = _wrapping_label()
        self.compute_error = _wrapping_label()
        self.picture_note = EngineTextLabel()
        self.picture = BroadcastPictureView()
        self.cell_label = QLabel()
        self.cell_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.cell_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_panel = CodePanel()

    def _build_layout(self) -> None:
        inputs = QHBoxLayout()
        inputs.addWidget(self.input_a, 3, Qt.AlignmentFlag.AlignTop)
        inputs.addWidget(self.op_combo, 0, Qt.AlignmentFlag.AlignTop)
        inputs.addWidget(self.input_b, 3, Qt.AlignmentFlag.AlignTop)
        inputs.addWidget(self.compute_button, 0, Qt.AlignmentFlag.AlignTop)
        # a narrow window (or longer Spanish names) wraps the examples onto a second line
        self.presets_area = QWidget()
        presets = FlowLayout(self.presets_area)
        presets.addWidget(self.presets_label)
        self.presets_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.presets_label.setFixedHeight(self.compute_button.sizeHint().height())
        for button in self.preset_buttons.values():
            presets.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        for widget in (self.table, self.verdict_label, self.summary_label, self.torch_title,
                       self.torch_error, self.stride_label, self.compute_error):
            left_layout.addWidget(widget)
        left_layout.addWidget(self.code_panel, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.picture_note)
        right_layout.addWidget(self.picture, 1)
        right_layout.addWidget(self.cell_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([500, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(inputs)
        layout.addWidget(self.job_error)
        layout.addWidget(self.presets_area)
        layout.addWidget(self.splitter, 1)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _connect_signals(self) -> None:
        self.state.subscribe(self._on_demo)
        self.input_a.submitted.connect(self._on_compute)
        self.input_b.submitted.connect(self._on_compute)
        self.op_combo.activated.connect(lambda _index: self._on_compute())
        self.compute_button.clicked.connect(self._on_compute)
        self.picture.highlight_changed.connect(self._update_cell_label)
        for key, button in self.preset_buttons.items():
            button.clicked.connect(lambda _checked=False, k=key: self.load_preset(k))

    def _preset_texts(self) -> dict[str, tuple[str, str]]:
        """Button text and tooltip of every preset."""
        return {
            "note_3_2": ("(4,3,2) * (3,2)", self.tr("Study note: dim 0 is missing in b")),
            "note_3_1": ("(4,3,2) * (3,1)", self.tr("Study note: b's last dim is 1")),
            "note_1_2": ("(4,3,2) * (1,2)", self.tr("Study note: b's middle dim is 1")),
            "note_2_4": ("(2,4) * (1,4)", self.tr("Study note: one row times both rows")),
            "compare": (self.tr("Compare =="), self.tr("(2,2) == (1,2): comparisons give bool")),
            "mismatch": (self.tr("Mismatch"), self.tr("(2,3) + (3,2): same number of elements, "
                                                     "but not broadcastable")),
            "scalar": (self.tr("Scalar"), self.tr("(2,3) * (): a 0-d tensor broadcasts with "
                                                  "anything")),
            "zero": (self.tr("Size 0"), self.tr("(0,3) + (1,3): 0 against 1 gives an empty "
                                               "result")),
            "zero_mismatch": (self.tr("Size 0 ✗"), self.tr("(0,3) + (2,3): 0 broadcasts only "
                                                          "against 0 or 1")),
            "inplace": (self.tr("In-place ✗"), self.tr("(3,1).add_((3,4)): a would have to "
                                                       "grow")),
        }

    def _retranslate(self) -> None:
        self.compute_button.setText(self.tr("Broadcast"))
        self.compute_button.setToolTip(self.tr("Explain and compute a op b (Enter in a field)"))
        self.op_combo.setToolTip(self.tr("The operation: arithmetic, comparisons (give bool) "
                                         "and in-place forms that write into a"))
        self.presets_label.setText(self.tr("Examples:"))
        for key, (text, tip) in self._preset_texts().items():
            self.preset_buttons[key].setText(text)
            self.preset_buttons[key].setToolTip(tip)
        self.torch_title.setText(self.tr("PyTorch says:"))
        highlighted = self.picture.highlighted_index()
        self._update_cell_label(-1 if highlighted is None else highlighted)
        if self.state.demo is not None:  # engine texts re-render themselves
            self._update_explanation(self.state.demo)

    # --- actions ------------------------------------------------------------------------
    def load_preset(self, key: str) -> None:
        request = self.state.request_preset(key)
        self.input_a.set_shape(request.a.shape)
        self.input_b.set_shape(request.b.shape)
        self.op_combo.setCurrentIndex(self.op_combo.findData(request.op))
        self._start(request)

    def current_op(self) -> BroadcastOp:
        op = self.op_combo.currentData()
        return op if isinstance(op, BroadcastOp) else BroadcastOp.ADD

    def _on_compute(self) -> None:
        valid = [self.input_a.validate(), self.input_b.validate()]
        if all(valid):
            self._start(self.state.request(self.input_a.operand(), self.input_b.operand(),
                                           self.current_op()))

    def _start(self, request: BroadcastRequest) -> None:
        self.job_error.hide()
        workspace = self._workspace.workspace if self._workspace is not None else None
        self.ctx.runner.run(
            run_picture_request, request, workspace, title=self.tr("Broadcasting"),
            on_result=lambda demo: self.state.accept(request, demo),
            on_error=lambda message, exc: self._on_error(request, message, exc))

    def _on_demo(self, state: BroadcastingState) -> None:
        """A new demo was accepted: show it and record its step."""
        if state.demo is None:
            return
        self._update_explanation(state.demo)
        self._update_picture(state.demo)
        self.code_panel.add_step(state.demo.step)
        self.ctx.session.add(TAB_KEY, state.demo.step)

    def _on_error(self, request: BroadcastRequest, message: str, exc: BaseException) -> None:
        if not self.state.is_current(request):
            return
        field = exc.field if isinstance(exc, InputError) else None
        target = {"shape_a": self.input_a, "shape_b": self.input_b}.get(field or "")
        if target is not None:
            target.show_message(message)
            return
        self.job_error.setText(message)
        self.job_error.show()

    # --- updaters -----------------------------------------------------------------------
    def _update_explanation(self, demo: BroadcastDemo) -> None:
        e = demo.explanation
        self.table.set_explanation(e, self.state.names)
        self._update_table_height()
        self.verdict_label.setText(self._verdict_text(e))
        self._update_styles()
        self.summary_label.set_engine_text(e.summary)
        self.torch_title.setVisible(e.torch_error is not None)
        self.torch_error.setVisible(e.torch_error is not None)
        self.torch_error.setText(e.torch_error or "")
        self.stride_label.setText(self._stride_text(e))
        self.stride_label.setVisible(e.broadcast_shape is not None)
        self.compute_error.setText(self.tr("PyTorch refused these values: {error}").format(
            error=demo.compute_error) if demo.compute_error else "")
        self.compute_error.setVisible(bool(demo.compute_error))
        for key, operand in (("shape_a", self.input_a), ("shape_b", self.input_b)):
            operand.show_message(demo.size_notes.get(key, ""), error=False)

    def _verdict_text(self, e: BroadcastExplanation) -> str:
        a, b = self.state.names
        if e.verdict is Verdict.BROADCASTS:
            return self.tr("✓ {expression} broadcasts: result shape {shape}").format(
                expression=e.op.expression(a, b), shape=format_shape(e.result_shape))
        if e.verdict is Verdict.INPLACE_STRETCH:
            return self.tr("✗ {expression} fails: {a} would have to grow to {shape} "
                           "({plain} works)").format(
                expression=e.op.expression(a, b), a=a, shape=format_shape(e.broadcast_shape),
                plain=e.op.out_of_place.expression(a, b))
        row = e.rows[e.failing_row]
        return self.tr("✗ {a} {shape_a} and {b} {shape_b} do not broadcast: dimension {dim} "
                       "fails").format(a=a, b=b, shape_a=format_shape(e.shape_a),
                                       shape_b=format_shape(e.shape_b), dim=row.index)

    def _stride_text(self, e: BroadcastExplanation) -> str:
        if e.broadcast_shape is None:
            return ""
        target = ", ".join(str(s) for s in e.broadcast_shape) or "()"
        lines = [f"{name}.expand({target}).stride() = {format_shape(stride)}"
                 for name, stride in zip(self.state.names, (e.expand_stride_a, e.expand_stride_b),
                                         strict=True)]
        return self.tr("Stride 0 means the dimension is stretched without copying:") + "\n" + \
            "\n".join(lines)

    def _update_picture(self, demo: BroadcastDemo) -> None:
        if demo.picture is None:
            self.picture.show_note(demo.picture_note or "")
            operands_noted = {"shape_a", "shape_b"} & set(demo.size_notes)
            self.picture_note.set_engine_text("" if operands_noted
                                              else demo.size_notes.get("result", ""))
        else:
            e = demo.explanation
            row = e.rows[e.failing_row] if e.failing_row is not None else None
            self.picture.set_picture(demo.picture,
                                     None if row is None else (row.index, row.from_right))
            self.picture_note.set_engine_text("")
        self._update_cell_label()
        self.picture_note.setVisible(bool(self.picture_note.text()))

    def _update_cell_label(self, index: int = -1) -> None:
        picture = self.picture.picture()
        if index < 0 or picture is None or picture.result is None:
            self.cell_label.setText(self.tr("Point at a result cell to see where it comes from.")
                                    if picture is not None and picture.result is not None
                                    and picture.result.size else "")
            return
        self.cell_label.setText(cell_equation(picture, index, format_cell))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._update_styles()
        super().changeEvent(event)

    def _update_styles(self) -> None:
        """Text colours from the palette, so they read in light and dark."""
        colors = tab_colors(self.palette())
        demo = self.state.demo
        ok = demo is None or demo.explanation.ok
        self.verdict_label.setStyleSheet(style(colors.ok if ok else colors.fail, bold=True))
        for label in (self.job_error, self.compute_error):
            label.setStyleSheet(style(colors.fail))
        self.picture_note.setStyleSheet(style(colors.note))

    def _update_table_height(self) -> None:
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height + 2)


def _wrapping_label(style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label

"""The tiny model: one step inspected (grads, step(), zero_grad()) and a loss curve.

``build_requested`` asks for a fresh model and one inspected step; ``train_requested(n)``
for ``n`` training steps; ``cancel_requested`` stops training. ``set_model`` fills the
parameter table, ``add_point`` extends the curve as training progresses, ``set_losses``
shows every step at the end of a run.

The losses are held as one array (the jobs' history, not copied) and the curve is drawn
from it: a long session trains hundreds of thousands of steps, which as Python floats and
(step, loss) tuples cost ~190 bytes a step. Only the current run's progress points are
kept as tuples (about one a frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import qthrottled

from gui.autograd.loss_curve import drawn_points
from gui.core.retranslate import Retranslatable

if TYPE_CHECKING:
    from engine.autograd.model import ParameterChange

SHOWN_VALUES = 3


def _first_values(snapshot) -> str:
    values = np.asarray(snapshot.values).reshape(-1)[:SHOWN_VALUES]
    more = "…" if snapshot.values.size > SHOWN_VALUES else ""
    return ", ".join(f"{v:.4f}" for v in values) + more


LOSS_AXIS_WIDTH = 52
REDRAW_MS = 16  # about one frame
INFO_LINES = 4  # the text with the built model's loss takes three lines in a narrow column
PARAMETER_ROWS = 4  # the tiny model's weights and biases: the table never changes height
Y_MARGIN = 0.1  # while training, y spans 0 to 10 % above the highest loss
NO_LOSSES = np.zeros(0)
NO_STEPS = np.zeros(0, dtype=np.int32)  # step numbers: exact as int32, 4 bytes each


class ModelPanel(Retranslatable, QWidget):
    """See the module docstring."""

    build_requested = Signal()
    train_requested = Signal(int)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._losses: np.ndarray = NO_LOSSES  # every loss shown, step 1 first
        self._points: list[tuple[int, float]] = []  # the current run's progress, after them
        self._step_numbers = NO_STEPS  # 1, 2, 3...: the curve's x, shared by every redraw
        self._y_range: tuple[float, float] | None = None  # y shown since training began
        self._x_steps: int | None = None  # the steps x spans since training began
        self._training = False
        self.build_button = QPushButton()
        self.steps = QSpinBox()
        self.steps.setRange(1, 5000)
        self.steps.setValue(200)
        self.train_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for the built model's text from the start: showing it never shrinks the loss
        # plot below (a resized plot redraws its axes and grid).
        self.info.setMinimumHeight(INFO_LINES * self.info.fontMetrics().lineSpacing())
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.loss_plot = pg.PlotWidget()  # the default background follows the theme
        self.loss_plot.showGrid(x=True, y=True, alpha=0.3)
        self.loss_plot.setMinimumHeight(140)
        # A fixed axis width: new tick labels never re-lay out the plot while training.
        self.loss_plot.getAxis("left").setWidth(LOSS_AXIS_WIDTH)
        for side in ("left", "bottom"):  # axes and grid drawn once per range, not per frame
            self.loss_plot.getAxis(side).setCacheMode(
                QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen((220, 80, 50), width=2))
        self.redraws = 0  # how often the curve was redrawn (the throttle is tested on it)
        self._redraw_soon = qthrottled(self._redraw_points, REDRAW_MS, leading=True)
        self._curve: tuple[np.ndarray, np.ndarray] = (NO_STEPS, NO_LOSSES)  # all of it
        # A zoom or resize draws the steps in view again, at most once a frame.
        self._view_changed = qthrottled(self._draw_curve, REDRAW_MS)
        box = self.loss_plot.getViewBox()
        box.sigXRangeChanged.connect(lambda *_: self._view_changed())
        box.sigResized.connect(lambda *_: self._view_changed())
        self.build_button.clicked.connect(self.build_requested)
        self.train_button.clicked.connect(lambda: self.train_requested.emit(self.steps.value()))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._build_layout()
        self._retranslate()
        self.set_model(None)
        self._fit_table_height()  # as tall as the model's rows already

    def _build_layout(self) -> None:
        first = QHBoxLayout()
        first.addWidget(self.build_button)
        first.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(self.steps)
        controls.addWidget(self.train_button)
        controls.addWidget(self.cancel_button)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(controls)
        layout.addWidget(self.info)
        layout.addWidget(self.table)
        layout.addWidget(self.loss_plot, 1)

    def _retranslate(self) -> None:
        self.build_button.setText(self.tr("New model + one step"))
        self.build_button.setToolTip(self.tr("Linear(2, 8) → ReLU → Linear(8, 1), MSE loss, "
                                             "SGD lr=0.1, on 64 seeded random points"))
        self.train_button.setText(self.tr("Train"))
        self.steps.setSuffix(self.tr(" steps"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Parameter"), self.tr("grad after backward"), self.tr("before step()"),
            self.tr("after step()"), self.tr("grad after zero_grad()")])
        self.loss_plot.setTitle(self.tr("Training loss"))
        self.loss_plot.setLabel("bottom", self.tr("step"))

    def set_model(self, result) -> None:
        self.train_button.setEnabled(result is not None)
        if result is None:
            self.info.setText(self.tr("Build the model to see its loss graph, each parameter's "
                                      "gradient and what optimizer.step() changes."))
            self.table.clearContents()  # the rows stay: the page keeps its layout
            self.table.setRowCount(PARAMETER_ROWS)
            return
        self.info.setText(self.tr("Loss {loss:.4f}. {explanation}").format(
            loss=result.loss, explanation=result.step.explanation))
        self._fill_table(result.parameters)
        self._fit_table_height()
        if len(self._losses) or self._points:  # an empty curve set empty again re-ranges it
            self._set_curve(NO_STEPS, NO_LOSSES)
        self._losses = NO_LOSSES
        self._points = []

    def _fill_table(self, parameters: tuple[ParameterChange, ...]) -> None:
        """One row per parameter. The columns fit their contents once, when all is in: fitted
        after every cell, 20 cells took ~2 ms (a turn of the build's drawing)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setRowCount(len(parameters))
        for row, change in enumerate(parameters):
            texts = (f"{change.name} {list(change.shape)}", _first_values(change.grad),
                     _first_values(change.before), _first_values(change.after),
                     change.grad_after_zero)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fit_table_height(self) -> None:
        """The table is as tall as its rows, leaving the rest of the page to the loss curve."""
        table = self.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        scrollbar = table.horizontalScrollBar().sizeHint().height()
        header = table.horizontalHeader().sizeHint().height()  # also before it is shown
        table.setFixedHeight(header + rows + scrollbar
                             + 2 * table.frameWidth())

    def set_training(self, training: bool, last_step: int | None = None) -> None:
        """While training up to ``last_step`` both axes stay still: x spans the whole run,
        y grows only when a loss goes above it (so a frame redraws the curve alone). After
        the run the view stays if it shows every loss (see ``_fit_view``)."""
        self._training = training
        self.train_button.setEnabled(not training)
        self.build_button.setEnabled(not training)
        self.cancel_button.setEnabled(training)
        box = self.loss_plot.getViewBox()
        if training and last_step:
            box.setXRange(1, max(last_step, 2), padding=0.02)
            box.disableAutoRange(box.YAxis)
            self._x_steps, self._y_range = last_step, None
        elif training:
            self._x_steps = None
            box.enableAutoRange(x=True, y=True)
        else:
            self._fit_view()

    def _fit_view(self) -> None:
        """Fit the view to the losses, unless the training view already shows them all:
        re-ranging redraws both axes and the grid, the longest frame of a run."""
        if not self._view_shows_all_losses():
            self._x_steps = None
            self.loss_plot.getViewBox().enableAutoRange(x=True, y=True)

    def _view_shows_all_losses(self) -> bool:
        finite = self._losses[np.isfinite(self._losses)]
        if self._x_steps != len(self._losses) or self._y_range is None or not finite.size:
            return False
        low, high = self._y_range
        return low <= float(finite.min()) and float(finite.max()) <= high

    def add_point(self, step: int, loss: float) -> None:
        """One progress point while training (step counted from the first training step);
        the curve is redrawn at most once a frame, however fast the points come."""
        self._points.append((step, loss))
        self._redraw_soon()

    def _redraw_points(self) -> None:
        self.redraws += 1
        if self._points:
            run_xs, run_ys = np.array(self._points, dtype=float).T
            xs = np.concatenate((self._steps_up_to(len(self._losses)), run_xs))
            ys = np.concatenate((self._losses, run_ys))
            self._set_curve(xs, ys)
            self._keep_losses_in_view(ys)

    def _set_curve(self, xs: np.ndarray, ys: np.ndarray) -> None:
        self._curve = (xs, ys)
        self._draw_curve()

    def _draw_curve(self) -> None:
        """Every step in view, or each pixel column's highest and lowest loss (see
        ``gui.autograd.loss_curve``): pyqtgraph keeps 32 bytes a drawn point."""
        xs, ys = self._curve
        box = self.loss_plot.getViewBox()
        x_range = None if box.state["autoRange"][box.XAxis] else box.viewRange()[0]
        self.loss_curve.setData(*drawn_points(xs, ys, int(box.width()), x_range))

    def _steps_up_to(self, count: int) -> np.ndarray:
        """1..count, a view on one array grown by doubling (not made per redraw)."""
        if len(self._step_numbers) < count:
            size = max(count, 2 * len(self._step_numbers))
            self._step_numbers = np.arange(1, size + 1, dtype=np.int32)
        return self._step_numbers[:count]

    def _keep_losses_in_view(self, losses: np.ndarray) -> None:
        box = self.loss_plot.getViewBox()
        if box.state["autoRange"][box.YAxis]:
            return  # not training: the view fits the curve itself
        finite = losses[np.isfinite(losses)]
        if not finite.size:
            return
        low, high = min(0.0, float(finite.min())), max(0.0, float(finite.max()))
        if self._y_range is None or low < self._y_range[0] or high > self._y_range[1]:
            margin = (high - low) * Y_MARGIN or 1.0
            self._y_range = (low - margin if low < 0 else 0.0, high + margin)
            box.setYRange(*self._y_range, padding=0)

    def set_losses(self, losses) -> None:
        """Every loss so far (an array is kept, not copied: the caller never changes it)."""
        values = np.asarray(losses).reshape(-1)
        self._losses = values if values.dtype.kind == "f" else values.astype(float)
        self._points = []
        self._redraw_soon.cancel()
        self._set_curve(self._steps_up_to(len(self._losses)), self._losses)
        if not self._training:  # while training, set_training(False) fits it at the end
            self._fit_view()

    def losses(self) -> list[float]:
        return self._losses.tolist()

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """Every point of the curve (steps, losses), drawn or reduced to the view's pixels."""
        return self._curve

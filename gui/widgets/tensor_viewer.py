"""The shared tensor viewer: heatmap with colour bar, values table, ``print(t)`` and facts.

Every tab shows tensors through ``TensorViewer``::

    viewer = TensorViewer()
    viewer.set_title("x")
    viewer.set_snapshot(engine.core.snapshot.snapshot(x, "x"))   # snapshot taken on the worker

The viewer does no torch work: it draws the numpy copy in the snapshot, coloured by the
levels the snapshot brings (and, for a big plane, the preview made on the worker). A big
plane is drawn at a later event-loop turn than the one that hands it over, and its values
table at another (``DeferredSteps``); opening the table brings it up to date at once. For
N-D tensors the user picks the two displayed dims and a slider per other dim. With
``set_editable(True)`` the values table emits ``cell_edited(index_tuple, value)``; the owner
runs the change as a job and calls ``set_snapshot`` with the new tensor.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.core.retranslate import Retranslatable
from gui.widgets.deferred_steps import DeferredSteps
from gui.widgets.tensor_facts_view import TensorFactsView
from gui.widgets.tensor_heatmap import TensorHeatmap
from gui.widgets.tensor_plane_levels import (
    exact_levels,
    plane_levels,
    sample_missed_nonfinite,
    whole_tensor_levels,
)
from gui.widgets.tensor_printed import TensorPrintedView
from gui.widgets.tensor_slice_controls import TensorSliceControls
from gui.widgets.tensor_slicing import (
    EXACT_LIMIT,
    SliceSpec,
    format_value,
    full_index,
    slice_2d,
    slice_expression,
    value_kind,
)
from gui.widgets.tensor_table_model import TensorTableModel
from gui.widgets.tensor_values_table import TensorValuesTable
from gui.widgets.tensor_viewer_layout import (
    FactsWidth,
    build_header_labels,
    build_viewer_layout,
)


class TensorViewer(Retranslatable, QWidget):
    """See the module docstring. ``snapshot()`` is the one shown, or None."""

    cell_edited = Signal(tuple, object)  # full N-D index, new Python value

    def __init__(self, parent: QWidget | None = None, *, show_facts: bool = True) -> None:
        super().__init__(parent)
        self._snapshot = None
        self._pending = None  # a big snapshot to be shown at a later turn (set_snapshot)
        self._kind = "float"
        self._plane = None
        self._title_text = ""
        self._drawn_levels = None
        self._steps = DeferredSteps(self)  # a big plane, its table, a sampled plane's facts
        self.title_label, self.info_label = build_header_labels()
        self.slice_controls = TensorSliceControls()
        self.heatmap = TensorHeatmap()
        self.table_model = TensorTableModel(self)
        self.table = TensorValuesTable(self.table_model)
        self.printed_view = TensorPrintedView()  # print(t), wrapped or with a scroll hint
        self.printed = self.printed_view.text
        self.printed_label = self.printed_view.label
        self.wrap_check = self.printed_view.wrap_check
        self.printed_hint = self.printed_view.hint
        self.views = QTabWidget()
        self.views.addTab(self.heatmap, "")
        self.views.addTab(self.table, "")
        self.facts = TensorFactsView()
        self.facts_scroll, self.side, self.splitter = build_viewer_layout(self, show_facts)
        self._facts_width = FactsWidth(self.facts_scroll, self.facts)
        self._facts_width.update()
        self.slice_controls.spec_changed.connect(self._on_spec_changed)
        self.heatmap.hovered.connect(self._on_hovered)
        self.heatmap.clicked.connect(self._on_heatmap_clicked)
        self.views.currentChanged.connect(self._on_view_changed)
        self.table_model.cell_edited.connect(self._on_cell_edited)
        self._retranslate()

    def _retranslate(self) -> None:
        self.views.setTabText(0, self.tr("Heatmap"))
        self.views.setTabText(1, self.tr("Values"))
        self._update_title()
        self._update_info()

    # --- public API ---------------------------------------------------------------------
    def set_title(self, text: str) -> None:
        self._title_text = text
        self._update_title()

    def snapshot(self):
        return self._snapshot

    def set_snapshot(self, snapshot) -> None:
        """Show an ``engine.core.snapshot.TensorSnapshot``; N-D slice choice is kept if the
        shape is unchanged; so is the legend's band (see ``release_legend_band``).

        A big plane (one that comes with the worker's preview) is shown at a later
        event-loop turn, the whole viewer at once: the turn that hands over a job's result
        (and the repaint right after it) then does not also redraw the heatmap, its axes
        and the facts. ``snapshot()`` is the one shown until then."""
        self._steps.cancel()  # what was queued belongs to the plane being replaced
        if getattr(snapshot, "preview", None) is None:
            self._show_snapshot(snapshot)
            return
        self._pending = snapshot
        self._update_title()  # the title names the tensor coming (set_title came first)
        self._steps.queue("show", lambda: self._show_snapshot(snapshot))

    def _show_snapshot(self, snapshot) -> None:
        self._pending = None
        if not self._same_tensor_kind(snapshot):
            self.heatmap.release_legend_band()
        self._snapshot = snapshot
        self._kind = value_kind(snapshot.values)
        self.slice_controls.set_shape(snapshot.facts.shape)
        self.printed_view.set_text(snapshot.name, snapshot.printed)
        self._update_plane()
        self._update_title()

    def _same_tensor_kind(self, snapshot) -> bool:
        """True when ``snapshot`` has the shape and dtype of the one shown (an edit, the
        next batch...): the user is still working on the same tensor."""
        shown = self._snapshot
        return shown is not None and (shown.facts.shape, shown.facts.dtype) == (
            snapshot.facts.shape, snapshot.facts.dtype)

    def clear(self) -> None:
        self._steps.cancel()
        self._pending = None
        self._snapshot = None
        self._plane = None
        self.heatmap.clear()
        self.table_model.set_plane(np.zeros((0, 0)))
        self.printed_view.clear()
        self.facts.clear()
        self._update_title()
        self._update_info()

    def set_editable(self, editable: bool) -> None:
        self.table_model.set_editable(editable)

    def slice_spec(self) -> SliceSpec:
        return self.slice_controls.spec()

    def set_slice_spec(self, spec: SliceSpec) -> None:
        self.slice_controls.set_spec(spec)

    def color_bar_levels(self) -> tuple[float, float]:
        low, high = self.heatmap.color_bar.levels()
        return float(low), float(high)

    def current_plane(self):
        """The 2-D numpy array the heatmap shows (None when empty)."""
        return self._plane

    def show_view(self, which: str) -> None:
        """Bring "heatmap" or "values" to the front."""
        self.views.setCurrentIndex({"heatmap": 0, "values": 1}[which])

    def finish_updates(self) -> None:
        """Run the stages of a big plane still queued (the plane itself, its table, the
        exact facts of a sampled plane) now."""
        self._steps.run_now()

    # --- updates ------------------------------------------------------------------------
    def printed_is_cut(self) -> bool:
        """True when part of a line of print(t) is out of view without a visible hint."""
        return self.printed_view.is_cut()

    def _update_plane(self) -> None:
        """Draw the chosen plane with the levels ``plane_levels`` picks. A big plane's
        values table follows at a later event-loop turn (unless it is in view); one first
        drawn from a sample gets its exact levels (min/max/NaN counts) there too. The
        other facts stay in this turn: they cost about a millisecond, and a width change
        they cause is best laid out together with the new plane."""
        snap = self._snapshot
        spec = self.slice_controls.spec()
        plane = slice_2d(snap.values, spec)
        self._plane = plane
        levels, preview, exact = plane_levels(snap, spec, plane, self._kind)
        self._drawn_levels = levels
        rows = plane.reshape(-1, 1) if snap.values.ndim == 1 else plane
        marks = not exact or levels.nonfinite_count > 0
        self._steps.queue("table", lambda: self._update_table(rows, levels, marks))
        if exact:
            self._steps.cancel("facts")
            self._show_facts(levels)
        else:
            self._set_facts(None)  # paint first; the exact counts follow
            self._steps.queue("facts", self._update_exact_levels)
        # After the facts: the room they take is then given before the plot's first paint
        # (the scene paints at its own queued call), not after it with a second paint.
        self.heatmap.set_plane(plane, self._kind, levels, preview)
        self._update_info()
        if plane.size <= EXACT_LIMIT or self.views.currentWidget() is self.table:
            self._steps.run_now("table")  # small, or the table is what the user sees

    def _update_table(self, rows, levels, has_nonfinite: bool) -> None:
        self.table.fit_columns(self._kind, levels)
        self.table_model.set_plane(rows, has_nonfinite=has_nonfinite)

    def _on_view_changed(self, index: int) -> None:
        if self.views.widget(index) is self.table:
            self._steps.run_now("show", "table")  # the user sees the table: it must be current

    def _update_exact_levels(self) -> None:
        """The exact levels of a plane first drawn from a sample."""
        snap, plane = self._snapshot, self._plane
        if snap is None or plane is None:
            return
        exact = exact_levels(plane, self._kind)
        preview = sample_missed_nonfinite(plane, exact, self._drawn_levels, self._kind)
        if preview is not None:
            self.heatmap.set_plane(plane, self._kind, exact, preview)
        self.table_model.set_has_nonfinite(exact.nonfinite_count > 0)
        self._show_facts(exact)

    def _show_facts(self, plane_levels) -> None:
        self._set_facts(whole_tensor_levels(self._snapshot, plane_levels, self._kind))
        self._facts_width.update()

    def _set_facts(self, levels) -> None:
        snap = self._snapshot
        self.facts.set_facts(snap.facts, levels, self._kind, snap.array, snap.name or "arr")

    def _update_title(self) -> None:
        snap = self._pending or self._snapshot
        if snap is None:
            self.title_label.setText(self._title_text or self.tr("No tensor"))
            return
        facts = snap.facts
        shape = "×".join(str(s) for s in facts.shape) or self.tr("0-d (scalar)")
        name = self._title_text or snap.name or "t"
        kind = "   numpy.ndarray" if snap.array is not None else ""
        self.title_label.setText(f"{name}   {shape}   {facts.dtype}{kind}")

    def _update_info(self, hover: str = "") -> None:
        if self._snapshot is None:
            self._set_info("")
            return
        name = next((n for n in (self._snapshot.name, self._title_text) if n.isidentifier()), "t")
        shape = self._snapshot.facts.shape
        if len(shape) <= 2:
            text = hover or self.tr("Hover a cell to read its index and value")
        else:
            shown = slice_expression(name, shape, self.slice_controls.spec())
            text = self.tr("Showing {expression}").format(expression=shown)
            text = f"{hover}    {text}" if hover else text
        self._set_info(text)

    def _set_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.setToolTip(text)

    def _on_spec_changed(self, _spec: SliceSpec) -> None:
        if self._snapshot is not None:
            self._update_plane()

    def _on_hovered(self, row: int, col: int) -> None:
        if self._snapshot is None or self._plane is None or row < 0:
            self._update_info()
            return
        index = full_index(self._snapshot.facts.shape, self.slice_controls.spec(), row, col)
        value = format_value(self._plane[row, col], self._kind)
        self._update_info(f"[{', '.join(map(str, index))}] = {value}")

    def _on_heatmap_clicked(self, row: int, col: int, double: bool) -> None:
        """Select the clicked cell in the values table; a double click opens the table."""
        if self._snapshot is None:
            return
        self._steps.run_now("table")
        if self._snapshot.values.ndim == 1:
            row, col = col, 0  # the table shows a 1-D tensor as one column
        index = self.table_model.index(row, col)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if double:
            self.show_view("values")

    def _on_cell_edited(self, row: int, col: int, value) -> None:
        if self._snapshot is None:
            return
        shape = self._snapshot.facts.shape
        if len(shape) == 1:
            row, col = 0, row
        self.cell_edited.emit(full_index(shape, self.slice_controls.spec(), row, col), value)

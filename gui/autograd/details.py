"""The details of one autograd node: class, next_functions, saved tensors, gradients.

``set_details(details, step)`` takes an ``engine.autograd.graph.NodeDetails`` and,
after backward, the node's ``engine.autograd.backward.BackwardStep`` (the details then
carry the snapshots of its gradients, taken on the worker). Every tensor it
mentions is an entry of a list; choosing an entry shows the tensor in the TensorViewer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from gui.autograd.colors import muted_color
from gui.core.retranslate import Retranslatable
from gui.widgets.tensor_viewer import TensorViewer

SNAPSHOT_ROLE = Qt.ItemDataRole.UserRole


def _grad_text(value) -> str:
    if value is None or value.is_none:
        return "None"
    return f"{list(value.shape)}  ‖g‖ = {value.norm:.4g}"


def _item(values: tuple, i: int):
    return values[i] if i < len(values) else None


def _meta_text(meta) -> str:
    return "?" if meta is None else f"{list(meta.shape)} {meta.dtype}"


class NodeDetailsPanel(Retranslatable, QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details = None
        self._step = None
        self._prefer_gradient = False
        self._gradient_row = 0
        self._group = None
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Two lines kept for it: a node's one-line summary and the two-line text of a cleared
        # panel keep the list and the viewer below in place (resized, the viewer redraws).
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing())
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.viewer = TensorViewer(show_facts=False)
        # Long titles must not widen the column: the splitter decides the width.
        self.viewer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.viewer.setMinimumWidth(200)
        self.viewer.show_view("values")  # gradients are read as numbers first
        # The viewer's hover hint gets a wrapped line of its own under the values: beside
        # the title a narrow column would cut it.
        self.viewer.info_label.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing())  # also when empty
        self.viewer.heatmap.hovered.connect(self._update_hint)
        viewer_box = QWidget()
        viewer_column = QVBoxLayout(viewer_box)
        viewer_column.setContentsMargins(0, 0, 0, 0)
        viewer_column.addWidget(self.viewer, 1)
        viewer_column.addWidget(self.hint)
        self.entries.currentItemChanged.connect(self._on_entry_changed)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.entries)
        splitter.addWidget(viewer_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self._update_texts()
        QTimer.singleShot(0, self, self._update_hint)  # after the viewer's own texts

    def set_details(self, details, step=None, *, prefer_gradient: bool = False) -> None:
        """Show a node; with ``prefer_gradient`` the arriving gradient is shown first."""
        prefer_gradient = prefer_gradient and step is not None
        if (details is self._details and step is self._step and self._group is None
                and prefer_gradient == self._prefer_gradient):
            return  # the same node again (a repeated click, a cleared panel cleared again)
        self._details, self._step, self._group = details, step, None
        self._prefer_gradient = prefer_gradient
        self._update_texts()

    def clear(self) -> None:
        self.set_details(None)

    def set_group(self, group) -> None:
        """Show a closed module group: what it holds and the gradients entering and leaving."""
        if group is not None and group is self._group:
            return
        self._details, self._step, self._group = None, None, group
        self._update_texts()

    def group(self):
        return self._group

    def details(self):
        return self._details

    def entry_texts(self) -> list[str]:
        return [self.entries.item(i).text() for i in range(self.entries.count())]

    def _update_texts(self) -> None:
        """Refill the entries and show the first tensor. The list's signals wait until it
        is full, so the viewer is drawn once (not cleared, then drawn again)."""
        with signals_blocked(self.entries):
            self.entries.clear()
            self._fill_entries()
        self._on_entry_changed(self.entries.currentItem(), None)

    def _fill_entries(self) -> None:
        details = self._details
        if self._group is not None:
            self._show_group(self._group)
            return
        if details is None:
            self.title.setText(self.tr("Node details"))
            self.summary.setText(self.tr("Click a node of the graph to see what it saved and "
                                         "the gradients that flow through it."))
            return
        self.title.setText(self.tr("Node {index}: {name}").format(index=details.index,
                                                                  name=details.class_name))
        nexts = ", ".join(details.next_functions) or self.tr("none (a leaf)")
        self.summary.setText(self.tr("next_functions: {nexts}").format(nexts=nexts))
        self._add_tensor_entries(details)
        self._add_gradient_entries()
        start = self._gradient_row if self._prefer_gradient else 0
        rows = list(range(start, self.entries.count())) + list(range(start))
        first = next((i for i in rows if self.entries.item(i).data(SNAPSHOT_ROLE) is not None),
                     None)
        if first is not None:
            self.entries.setCurrentRow(first)

    def _add_entry(self, text: str, snapshot=None) -> None:
        item = QListWidgetItem(text)
        item.setData(SNAPSHOT_ROLE, snapshot)
        if snapshot is None:
            item.setForeground(muted_color(self.entries.palette()))
        self.entries.addItem(item)

    def _add_tensor_entries(self, details) -> None:
        if details.produced is not None:
            self._add_entry(self.tr("Produced tensor {name} {shape}").format(
                name=details.produced.name, shape=list(details.produced.facts.shape)),
                details.produced)
        if details.leaf is not None:
            self._add_entry(self.tr("Leaf tensor {name} {shape}").format(
                name=details.leaf.name, shape=list(details.leaf.facts.shape)), details.leaf)
        if details.leaf_grad is not None:
            self._add_entry(self.tr("{name} (the leaf's gradient)").format(
                name=details.leaf_grad.name), details.leaf_grad)
        for saved in details.saved:
            self._add_entry(self.tr("Saved {name}: {value}").format(
                name=saved.name, value=saved.description), saved.snapshot)
        if not details.saved and details.class_name != "AccumulateGrad":
            self._add_entry(self.tr("No saved tensors"))

    def _add_gradient_entries(self) -> None:
        step = self._step
        self._gradient_row = self.entries.count()
        if step is None:
            self._add_entry(self.tr("Gradients appear here after backward()"))
            return
        shots_in, shots_out = self._details.grads_in, self._details.grads_out
        for i, value in enumerate(step.grads_in):
            self._add_entry(self.tr("Gradient in [{i}] (arriving): {value}").format(
                i=i, value=_grad_text(value)), _item(shots_in, i))
        for i, value in enumerate(step.grads_out):
            self._add_entry(self.tr("Gradient out [{i}] (to next_functions): {value}").format(
                i=i, value=_grad_text(value)), _item(shots_out, i))

    def _show_group(self, group) -> None:
        self.title.setText(self.tr("Group {title} ({cls})").format(title=group.title,
                                                                  cls=group.class_name))
        classes = ", ".join(f"{name} ×{count}" for name, count in group.classes)
        self.summary.setText(self.tr("%n node(s), {params} parameters inside: {classes}", "",
                                     group.node_count).format(params=f"{group.parameters:,}",
                                                              classes=classes))
        for edge in group.entering:
            text = self.tr("Gradient in from {node}: {grad}") if group.backward_done else \
                self.tr("Output to {node}: {grad}")
            value = _grad_text(edge.grad) if group.backward_done else _meta_text(edge.meta)
            self._add_entry(text.format(node=edge.outside_label, grad=value), edge.snapshot)
        for edge in group.leaving:
            text = self.tr("Gradient out to {node}: {grad}") if group.backward_done else \
                self.tr("Input from {node}: {grad}")
            value = _grad_text(edge.grad) if group.backward_done else _meta_text(edge.meta)
            self._add_entry(text.format(node=edge.outside_label, grad=value), edge.snapshot)
        if not group.backward_done:
            self._add_entry(self.tr("Run backward() to see the gradients entering and leaving "
                                    "the group"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch
            for row in range(self.entries.count()):
                item = self.entries.item(row)
                if item.data(SNAPSHOT_ROLE) is None:
                    item.setForeground(muted_color(self.entries.palette()))

    def _on_entry_changed(self, current, _previous) -> None:
        snapshot = current.data(SNAPSHOT_ROLE) if current is not None else None
        if snapshot is None:
            self.viewer.clear()
            self.viewer.set_title("")
            self.hint.clear()
            return
        self.viewer.set_title(snapshot.name)
        self.viewer.set_snapshot(snapshot)
        self._update_hint()

    def _update_hint(self, *_args) -> None:
        self.hint.setText(self.viewer.info_label.text())

    def hint_text(self) -> str:
        return self.hint.text()

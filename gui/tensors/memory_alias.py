"""Alias versus copy: make ``b`` from ``a`` four ways, edit ``a``, see which ``b`` changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from engine.tensors.memory import ALIAS_KINDS, edit_cell, make_alias
from gui.core.retranslate import Retranslatable
from gui.tensors.form import (
    ErrorLabel,
    FieldBox,
    ToneLabel,
    clear_errors,
    default_result_name,
    refill_names,
    route_error,
    shown_error,
)
from gui.tensors.storage_grid import ValueGrid
from gui.widgets.tensor_colors import OWN, SHARED


class AliasSection(Retranslatable, QWidget):
    """Left grid ``a``, right grid ``b``; a table lists every ``b`` made and what the last
    edit of ``a`` did to it."""

    def __init__(self, ctx, show_result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._show_result = ctx, show_result
        self._aliases: dict[str, tuple[str, str, bool]] = {}  # name -> (source, code, shares)
        self._shown_alias = ""
        self._showing_own = False  # while this section's own result is being shown
        self.fields = {"source": QComboBox(), "kind": QComboBox(), "view_shape": QLineEdit("-1"),
                       "result": QLineEdit("b"), "index": QLineEdit("0, 0"),
                       "value": QLineEdit("561")}
        self.boxes = {key: FieldBox(widget) for key, widget in self.fields.items()}
        self.labels = {key: QLabel() for key in self.fields}
        self.make_button, self.edit_button = QPushButton(), QPushButton()
        self.error_label = ErrorLabel()
        self.a_title, self.b_title, self.storage_label = QLabel(), QLabel(), ToneLabel()
        self.a_grid, self.b_grid = ValueGrid(), ValueGrid()
        self.table = QTableWidget(0, 3)
        self._build_layout()
        self._connect()
        self._retranslate()
        self._update_names()

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in ("source", "kind", "view_shape", "result"):
            self.form.addRow(self.labels[key], self.boxes[key])
        grids = QGridLayout()
        grids.addWidget(self.a_title, 0, 0)
        grids.addWidget(self.b_title, 0, 1)
        grids.addWidget(self.a_grid, 1, 0, Qt.AlignmentFlag.AlignTop)
        grids.addWidget(self.b_grid, 1, 1, Qt.AlignmentFlag.AlignTop)
        self.storage_label.setWordWrap(True)
        edit = QFormLayout()
        edit.addRow(self.labels["index"], self.boxes["index"])
        edit.addRow(self.labels["value"], self.boxes["value"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.make_button)
        layout.addLayout(grids)
        layout.addWidget(self.storage_label)
        layout.addLayout(edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table)

    def _connect(self) -> None:
        self.make_button.clicked.connect(self.make)
        self.edit_button.clicked.connect(self.edit)
        self.fields["kind"].currentIndexChanged.connect(self._update_rows)
        self.fields["source"].currentIndexChanged.connect(self._update_titles)
        self.fields["value"].returnPressed.connect(self.edit)
        if self._ctx.workspace is not None:
            self._ctx.workspace.changed.connect(self._update_names)

    def _retranslate(self) -> None:
        texts = {"source": self.tr("a is"), "kind": self.tr("Make b by"),
                 "view_shape": self.tr("View shape"), "result": self.tr("Name of b"),
                 "index": self.tr("Index of a"), "value": self.tr("New value")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        kind = self.fields["kind"]
        current = max(0, kind.currentIndex())
        with signals_blocked(kind):
            kind.clear()
            for code in ("b = a", "b = a.clone()", "b = a.view(shape)", "b = a.detach()"):
                kind.addItem(code)
            kind.setCurrentIndex(current)
        self.fields["index"].setToolTip(self.tr("One index per dimension, e.g. 0, 1"))
        self.make_button.setText(self.tr("Make b"))
        self.table.setHorizontalHeaderLabels([self.tr("b"), self.tr("made by"),
                                              self.tr("storage / last edit")])
        self._update_titles()
        self._update_rows()

    def set_current_name(self, name: str) -> None:
        """Follow the tab's selection, except the b this demo just made (a stays a)."""
        combo = self.fields["source"]
        if not self._showing_own and name and combo.findText(name) >= 0:
            combo.setCurrentIndex(combo.findText(name))

    def _show_own(self, result) -> None:
        self._showing_own = True
        try:
            self._show_result(result)
        finally:
            self._showing_own = False

    def kind(self) -> str:
        return ALIAS_KINDS[max(0, self.fields["kind"].currentIndex())]

    def set_kind(self, kind: str) -> None:
        self.fields["kind"].setCurrentIndex(ALIAS_KINDS.index(kind))

    def _source(self) -> str:
        return self.fields["source"].currentText()

    def _update_rows(self) -> None:
        self.form.setRowVisible(self.boxes["view_shape"], self.kind() == "view")

    def _update_titles(self) -> None:
        source = self._source() or "a"
        default_result_name(self.fields["result"], source, "b")
        self.a_title.setText(source)
        self.b_title.setText(self._shown_alias or self.tr("b (not made yet)"))
        self.edit_button.setText(self.tr("Edit {name}[index] = value").format(name=source))

    def _update_names(self) -> None:
        combo = self.fields["source"]
        workspace = self._ctx.workspace
        refill_names(combo, workspace.names() if workspace is not None else [])
        self._update_titles()

    # --- jobs ---------------------------------------------------------------------------
    def make(self) -> None:
        workspace = self._ctx.workspace.workspace
        self._ctx.runner.run(make_alias, workspace, self._source(), self.kind(),
                             self.fields["result"].text(), self.fields["view_shape"].text(),
                             title=self.tr("Alias or copy"), on_result=self._on_made,
                             on_error=self._on_error)

    def edit(self) -> None:
        source = self._source()
        watch = tuple(n for n, (src, _, _) in self._aliases.items() if src == source)
        self._ctx.runner.run(edit_cell, self._ctx.workspace.workspace, source,
                             self.fields["index"].text(), self.fields["value"].text(), watch,
                             title=self.tr("Edit a tensor"), on_result=self._on_edited,
                             on_error=self._on_error)

    def _on_made(self, result) -> None:
        self._clear_errors()
        self._aliases[result.name] = (result.source, result.step.code, result.shares_storage)
        self._shown_alias = result.name
        self.a_grid.set_values(result.source_snapshot.values)
        self.b_grid.set_values(result.snapshot.values)
        self._update_storage_label(result.shares_storage)
        self._update_table({})
        self._update_titles()
        self._show_own(result)

    def _on_edited(self, result) -> None:
        self._clear_errors()
        self.a_grid.set_values(result.snapshot.values, result.changed_mask)
        changes = {}
        for watched in result.watched:
            changes[watched.name] = watched.changed
            if watched.name == self._shown_alias:
                self.b_grid.set_values(watched.snapshot.values, watched.changed_mask)
                self._update_storage_label(watched.shares_storage, watched.changed)
        self._update_table(changes)
        self._show_own(result)

    def _update_storage_label(self, shares: bool, changed: bool | None = None) -> None:
        text = self.tr("shares storage") if shares else self.tr("own storage")
        if changed is not None:
            text += "  ·  " + (self.tr("b changed too") if changed else self.tr("b unchanged"))
        self.storage_label.setText(text)
        self.storage_label.set_tone(SHARED if shares else OWN, bold=True)

    def _update_table(self, changes: dict[str, bool]) -> None:
        self.table.setRowCount(len(self._aliases))
        for row, (name, (_source, code, shares)) in enumerate(self._aliases.items()):
            state = self.tr("shares storage") if shares else self.tr("own storage")
            if name in changes:
                state += " · " + (self.tr("changed") if changes[name] else self.tr("unchanged"))
            for col, text in enumerate((name, code, state)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _on_error(self, message: str, exc: BaseException) -> None:
        boxes = dict(self.boxes)
        route_error(message, exc, boxes, self.error_label)

    def _clear_errors(self) -> None:
        clear_errors(self.boxes, self.error_label)

    def error_text(self, field: str | None = None) -> str:
        return shown_error(self.boxes, self.error_label, field)

    def table_rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3))
                for r in range(self.table.rowCount())]

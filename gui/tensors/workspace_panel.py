"""The workspace list of the Tensors tab: kept tensors with shape and dtype; select,
rename and delete. The model (gui.core.workspace_model.WorkspaceModel) is shared by all tabs."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.core.codegen import CodeStep
from engine.core.errors import InputError
from gui.core.retranslate import Retranslatable
from gui.tensors.form import ErrorLabel


class WorkspacePanel(Retranslatable, QWidget):
    """Emits ``current_changed(name)`` ("" when nothing is selected)."""

    current_changed = Signal(str)
    step_made = Signal(object)  # CodeStep: renaming and deleting are steps of the code too

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._current = ""
        self.title = QLabel()
        self.list_view = QListView()
        self.list_view.setModel(model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(True)
        self.rename_edit = QLineEdit()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.error_label = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.rename_edit, 1)
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.list_view.selectionModel().currentChanged.connect(self._on_selection)
        self.list_view.clicked.connect(self._on_clicked)
        model.changed.connect(self._on_model_changed)
        self.rename_button.clicked.connect(self._on_rename)
        self.rename_edit.returnPressed.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self._retranslate()
        self._update_buttons()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Workspace"))
        self.rename_edit.setPlaceholderText(self.tr("new name"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))
        self.list_view.setToolTip(self.tr("Kept tensors: name, shape and dtype. Select one to "
                                          "see it; every tab can use them by name."))

    def current_name(self) -> str:
        return self._current

    def select(self, name: str) -> None:
        """Make ``name`` current (emits current_changed when it changes)."""
        names = self._model.names()
        if name not in names:
            return
        index = self._model.index(names.index(name), 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_selection(self, current, _previous) -> None:
        name = self._model.names()[current.row()] if current.isValid() else ""
        self._update_buttons()
        if name != self._current:
            self._current = name
            self.rename_edit.setText(name)
            self.current_changed.emit(name)

    def _on_clicked(self, index) -> None:
        """A click on the entry that is already current shows it again."""
        names = self._model.names()
        if index.isValid() and names[index.row()] == self._current:
            self.current_changed.emit(self._current)

    def _on_model_changed(self) -> None:
        names = self._model.names()
        if self._current in names:
            self.select(self._current)
        elif names:
            self.select(names[-1])
        else:
            self._current = ""
            self.current_changed.emit("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self._model.names())
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_rename(self) -> None:
        old, new = self._current, self.rename_edit.text().strip()
        if not old or new == old:
            return
        self._current = new  # so that the model refresh keeps the renamed entry selected
        try:
            self._model.rename(old, new)
        except InputError as exc:
            self._current = old
            self.error_label.show_message(exc.message)
            return
        self.error_label.clear_message()
        self.step_made.emit(CodeStep(self.tr("Rename {old} to {new}").format(old=old, new=new),
                                     f"{new} = {old}\ndel {old}"))
        self.current_changed.emit(new)

    def _on_delete(self) -> None:
        if self._current:
            name = self._current
            self.error_label.clear_message()
            self._model.delete(name)
            self.step_made.emit(CodeStep(self.tr("Delete {name}").format(name=name),
                                         f"del {name}"))

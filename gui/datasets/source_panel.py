"""The Datasets tab's left column: which dataset to open, and what happened when opening it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from superqt import QElidingLineEdit
from superqt.utils import qdebounced, signals_blocked

from engine.datasets.sources import CSV, EXCERPT, FASHION, FOLDER, SourceSpec
from gui.core.retranslate import Retranslatable
from gui.datasets.look import ErrorLabel
from gui.widgets.engine_text import EngineTextLabel

SOURCE_KINDS = (EXCERPT, FASHION, CSV, FOLDER)
AUTO = ""


class PathField(QWidget):
    """A path field with a "…" button opening a file or folder dialog.

    Long paths are elided in the middle (the drive and the file name stay visible) and
    shown in full in the tooltip and while the field has the focus. ``path_changed`` is
    emitted when the full path changes (not when the elided form does)."""

    path_changed = Signal(str)

    def __init__(self, pick_folder: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick_folder = pick_folder
        self._path = ""
        self.edit = QElidingLineEdit()
        self.edit.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.button = QToolButton()
        self.button.setText("…")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_browse)
        self.edit.textEdited.connect(self._on_path_changed)

    def _on_path_changed(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self.edit.setToolTip(path)
            self.path_changed.emit(path)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self._on_path_changed(text)

    def _on_browse(self) -> None:
        if self.pick_folder:
            path = QFileDialog.getExistingDirectory(self, "", self.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, "", self.text(),
                                                  "CSV (*.csv *.tsv *.txt);;* (*)")
        if path:
            self.set_text(path)


class SourcePanel(Retranslatable, QWidget):
    """Emits ``load_requested(SourceSpec)``; shows errors, the dataset's facts and skips."""

    load_requested = Signal(object)
    names_changed = Signal()  # the label map was edited (debounced)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._asking = False  # the label column must be chosen (see ask_label_column)
        self._info = ""  # the facts of the dataset loaded
        self.kind_combo = QComboBox()
        self.filename_combo = QComboBox()
        self.label_combo = QComboBox()
        for kind in SOURCE_KINDS:
            self.kind_combo.addItem("", kind)
        for combo in (self.kind_combo, self.filename_combo, self.label_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.root_field = PathField(pick_folder=True)
        self.csv_field = PathField(pick_folder=False)
        self.train_radio = QRadioButton()
        self.test_radio = QRadioButton()
        self.train_radio.setChecked(True)
        self.download_check = QCheckBox()
        self.names_edit = QPlainTextEdit()
        lines = self.names_edit.fontMetrics().lineSpacing()
        self.names_edit.setMaximumHeight(10 * lines + 14)  # the 10 Fashion-MNIST names
        self.load_button = QPushButton()
        self.error_label = ErrorLabel()
        self.info_label = QLabel()
        self.explanation_label = EngineTextLabel()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        for label in (self.info_label,):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        self.names_edit.textChanged.connect(self._on_names_edited)
        self.kind_combo.currentIndexChanged.connect(self._update_fields)
        self.load_button.clicked.connect(self._on_load)
        self.csv_field.path_changed.connect(self._on_csv_changed)
        self._retranslate()
        self.set_columns(())
        self._update_fields()

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind_label, self.root_label, self.csv_label = QLabel(), QLabel(), QLabel()
        self.filename_label, self.label_label, self.split_label = QLabel(), QLabel(), QLabel()
        split = QHBoxLayout()
        split.addWidget(self.train_radio)
        split.addWidget(self.test_radio)
        split.addStretch(1)
        self.form.addRow(self.kind_label, self.kind_combo)
        self.form.addRow(self.root_label, self.root_field)
        self.form.addRow(self.csv_label, self.csv_field)
        self.form.addRow(self.filename_label, self.filename_combo)
        self.form.addRow(self.label_label, self.label_combo)
        self.form.addRow(self.split_label, split)
        self.form.addRow("", self.download_check)
        self.names_title = QLabel()
        self.names_title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.names_title)
        layout.addWidget(self.names_edit)
        layout.addWidget(self.load_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.explanation_label)
        layout.addWidget(self.report, 1)

    @qdebounced(timeout=250)
    def _on_names_edited(self) -> None:
        self.names_changed.emit()

    def _retranslate(self) -> None:
        texts = {EXCERPT: self.tr("Fashion-MNIST excerpt (built in)"),
                 FASHION: self.tr("Fashion-MNIST folder"),
                 CSV: self.tr("CSV + image folder"),
                 FOLDER: self.tr("ImageFolder (one sub-folder per class)")}
        for index, kind in enumerate(SOURCE_KINDS):
            self.kind_combo.setItemText(index, texts[kind])
        self.kind_label.setText(self.tr("Source"))
        self.csv_label.setText(self.tr("Annotations"))
        self.filename_label.setText(self.tr("File column"))
        self.label_label.setText(self.tr("Label column"))
        self.split_label.setText(self.tr("Split"))
        self.train_radio.setText(self.tr("train"))
        self.test_radio.setText(self.tr("test"))
        self.download_check.setText(self.tr("download if missing"))
        self.download_check.setToolTip(self.tr("download=True: needs a network connection"))
        self.names_title.setText(self.tr("Label map (one class name per line, index = line)"))
        self.names_edit.setToolTip(self.tr("Titles follow your edits; the names are kept with "
                                           "this source and used when you load it again"))
        self.load_button.setText(self.tr("Load"))
        self.report.setPlaceholderText(self.tr("Skipped items are listed here."))
        self.filename_combo.setItemText(0, self.tr("(automatic)"))
        self.label_combo.setItemText(0, self._no_label_text())
        self.setToolTip(self.tr("You can also drop a folder or a CSV file onto this tab."))
        self._update_fields()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _update_fields(self) -> None:
        kind = self.kind()
        self.root_label.setText(self.tr("Image folder") if kind in (CSV, FOLDER)
                                else self.tr("Root folder"))
        self.root_field.setToolTip(self.tr("The folder that contains FashionMNIST/raw")
                                   if kind == FASHION else "")
        # rows: source, root, annotations, file column, label column, split, download
        visible = (True, kind != EXCERPT, kind == CSV, kind == CSV, kind == CSV,
                   kind in (EXCERPT, FASHION), kind == FASHION)
        for row, shown in enumerate(visible):
            self.form.setRowVisible(row, shown)

    def _no_label_text(self) -> str:
        return (self.tr("(none: choose the label column)") if self._asking
                else self.tr("(automatic)"))

    def ask_label_column(self, columns: tuple[str, ...], filename_column: str) -> None:
        """The CSV's label column is not clear: list its columns, none chosen (the error
        label says why); the user picks one and loads again."""
        self._asking = True
        self.set_columns(columns)
        self.filename_combo.setCurrentIndex(max(self.filename_combo.findData(filename_column),
                                                0))
        self.label_combo.setCurrentIndex(0)
        self.label_combo.setToolTip(self.tr("Which column holds each image's class label?"))

    def set_columns(self, columns: tuple[str, ...]) -> None:
        for combo in (self.filename_combo, self.label_combo):
            current = combo.currentData()
            with signals_blocked(combo):
                combo.clear()
                combo.addItem(self._no_label_text() if combo is self.label_combo
                              else self.tr("(automatic)"), AUTO)
                for name in columns:
                    combo.addItem(name, name)
                combo.setCurrentIndex(max(combo.findData(current), 0))

    def _on_csv_changed(self) -> None:
        self._asking = False
        self.label_combo.setToolTip("")
        self.set_columns(())

    def class_names(self) -> tuple[str, ...]:
        lines = [line.strip() for line in self.names_edit.toPlainText().splitlines()]
        return tuple(line for line in lines if line)

    def set_class_names(self, names: tuple[str, ...] | list[str]) -> None:
        """Show a label map (the loaded source's); only the user's edits emit names_changed."""
        with signals_blocked(self.names_edit):
            self.names_edit.setPlainText("\n".join(names))

    def spec(self) -> SourceSpec:
        return SourceSpec(kind=self.kind(), root=self.root_field.text(),
                          train=self.train_radio.isChecked(),
                          download=self.download_check.isChecked(),
                          annotations=self.csv_field.text(),
                          filename_column=self.filename_combo.currentData() or AUTO,
                          label_column=self.label_combo.currentData() or AUTO)

    def set_spec(self, spec: SourceSpec) -> None:
        self.kind_combo.setCurrentIndex(SOURCE_KINDS.index(spec.kind))
        self.root_field.set_text(spec.root)
        self.csv_field.set_text(spec.annotations)
        (self.train_radio if spec.train else self.test_radio).setChecked(True)
        self.download_check.setChecked(spec.download)

    def _on_load(self) -> None:
        self.load_requested.emit(self.spec())

    def show_error(self, message: str) -> None:
        self.error_label.show_message(message)

    def show_loaded(self, info: str, report_lines: list[str], explanation: str = "") -> None:
        """The dataset's facts, the skipped items and how it was read (an engine Text)."""
        self.show_error("")
        if self._asking:
            self._asking = False
            self.label_combo.setToolTip("")
            self.label_combo.setItemText(0, self._no_label_text())
        self._info = info
        self.info_label.setText(info)
        self.explanation_label.set_engine_text(explanation)
        self.report.setPlainText("\n".join(report_lines))

    def show_still_loaded(self, loaded: bool) -> None:
        """After a failed load: the old facts are not presented as the new source's."""
        self.info_label.setText(self.tr("Not loaded. The dataset shown is still the previous "
                                        "one: {info}").format(info=self._info)
                                if loaded and self._info else "")
        self.explanation_label.set_engine_text("")
        self.report.setPlainText("")

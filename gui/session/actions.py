"""The File menu's session actions: open/save workspaces, export the session and tensors.

``install_session_actions(window)`` adds them to the main window (once). Workspace files are
read and written by ``ctx.runner`` jobs (``engine.session.workspace_file``); the window's
workspace changes only after a whole file has been read and checked. Exports are
``gui.session.exports``'s, tensor file imports ``gui.session.tensor_imports``'s.

Tabs take part through the typed protocols of ``gui.session.participants`` (called when a
tab implements them, errors logged, never fatal): ``SettingsParticipant`` (settings saved in
the workspace file and given back when it is opened, ``gui.session.tab_settings``),
``TensorSource`` and ``TensorSelection`` (what "Export current tensor…" exports, see
``gui.session.exports``).

"Unsaved changes" are steps taken or workspace edits made since the last save or open
(the demo content the tabs load at start-up does not count). Quitting or opening another
workspace then asks Save / Discard / Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from engine.i18n.messages import render
from gui.session import dialogs as export_dialog
from gui.session.exports import SessionExports
from gui.session.tab_settings import apply_tab_settings, collect_tab_settings
from gui.session.tensor_imports import TensorImports

if TYPE_CHECKING:
    import torch


def _saving(*args):
    """The save job. The engine's workspace modules are imported here, on the worker: on the
    GUI thread their first import held the loop ~14 ms."""
    from engine.session.workspace_file import save_workspace

    return (yield from save_workspace(*args))


def _opening(path: Path):
    """The open job; its engine modules are imported on the worker too."""
    from engine.session.workspace_file import open_workspace

    return (yield from open_workspace(path))


def _drop(held: list) -> None:
    """On the worker: drop the replaced workspace's tensors. Freeing their memory takes
    time (~15 ms for 256 MiB, pages handed back to the system) and torch frees it without
    the GIL, so there the GUI thread keeps its turns; on the GUI thread it would wait."""
    held.clear()


def _install_svg_exporter() -> None:
    # QtSvg costs ~30 ms to import: not before the first paint.
    from gui.session.picture_export import install_svg_exporter

    install_svg_exporter()


class SessionActions(QObject):
    """Owns the session actions of one main window and its "unsaved changes" state."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None
        self._changes = 0  # edits since start; compared with the count at the last save
        self._saved_changes = 0
        self._applying = False
        self._tracking = False  # changes count once the tabs' start-up demos have settled
        self._awaiting_demo = False
        self._open_after_demos: Path | None = None
        self._save_job = None
        self._close_after_save = False
        self.exports = SessionExports(window, self)
        self.imports = TensorImports(window, self)
        self._create_actions()
        self._add_to_menu()
        self._connect_signals()
        self.retranslate()

    # --- construction -------------------------------------------------------------------
    def _create_actions(self) -> None:
        w = self._window
        self.open_action = QAction(w)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_action = QAction(w)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_as_action = QAction(w)
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_script_action = QAction(w)
        self.export_script_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_notebook_action = QAction(w)
        self.export_notebook_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_tensor_action = QAction(w)

    def _add_to_menu(self) -> None:
        w = self._window
        # These actions replace the shell's first "Export…" (which did scripts only).
        w.export_action.setVisible(False)
        w.export_action.setShortcut(QKeySequence())
        menu, before = w.file_menu, w.export_action
        for action in (self.open_action, self.save_action, self.save_as_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        self.export_menu = QMenu(w)  # File → Export… → script / notebook / tensor
        for action in (self.export_script_action, self.export_notebook_action,
                       self.export_tensor_action):
            self.export_menu.addAction(action)
        menu.insertMenu(before, self.export_menu)

    def _connect_signals(self) -> None:
        w = self._window
        self.open_action.triggered.connect(self._on_open)
        self.save_action.triggered.connect(lambda: self.save())
        self.save_as_action.triggered.connect(lambda: self.save(ask=True))
        self.export_script_action.triggered.connect(lambda: self.export_session("script"))
        self.export_notebook_action.triggered.connect(lambda: self.export_session("notebook"))
        self.export_tensor_action.triggered.connect(self.exports.export_current_tensor)
        w.session.step_added.connect(self._on_changed)
        w.workspace.changed.connect(self._on_changed)
        w.engine_ready.connect(self._on_engine_ready)
        w.runner.busy_changed.connect(self._on_busy_changed)
        w.engine_ready.connect(_install_svg_exporter)  # pyqtgraph is loaded by then

    def retranslate(self) -> None:
        self.export_menu.setTitle(self.tr("&Export…"))
        self.open_action.setText(self.tr("&Open workspace…"))
        self.save_action.setText(self.tr("&Save workspace"))
        self.save_as_action.setText(self.tr("Save workspace &as…"))
        self.export_script_action.setText(self.tr("Export session as &script…"))
        self.export_notebook_action.setText(self.tr("Export session as &notebook…"))
        self.export_tensor_action.setText(self.tr("Export current &tensor…"))
        self._update_title()

    # --- unsaved changes ----------------------------------------------------------------
    def is_modified(self) -> bool:
        return self._changes != self._saved_changes

    def _set_saved(self, changes: int) -> None:
        self._saved_changes = changes
        self._update_title()

    def start_tracking(self) -> None:
        """From now on, steps and workspace edits are unsaved changes."""
        self._tracking = True
        self._awaiting_demo = False

    def _on_changed(self, *_args) -> None:
        if self._tracking and not self._applying:
            self._changes += 1
            self._update_title()

    def _on_engine_ready(self) -> None:
        self._awaiting_demo = True  # the tabs now load their demos: not the user's changes

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy and self._awaiting_demo:
            self.start_tracking()
            if self._open_after_demos is not None:
                path, self._open_after_demos = self._open_after_demos, None
                self.open(path)

    def _update_title(self) -> None:
        """"TorchScope", or "name.torchscope* — TorchScope" once a file is saved/opened."""
        if self.path is None:
            self._window.setWindowTitle("TorchScope")
            return
        self._window.setWindowTitle(f"{self.path.name}[*] — TorchScope")
        self._window.setWindowModified(self.is_modified())

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(
            self._window, self.tr("Unsaved changes"),
            self.tr("The workspace has changes that are not saved. Save them first?"),
            buttons, QMessageBox.StandardButton.Save)

    def _resolve_unsaved(self, then) -> bool:
        """Ask about unsaved changes; True if ``then`` may run now. After Save, ``then`` runs
        when the save has succeeded."""
        if not self.is_modified():
            return True
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=then)
            return False
        return answer != QMessageBox.StandardButton.Cancel  # Discard (or No)

    def confirm_close(self) -> bool:
        """Called by the window's closeEvent: False keeps the window open."""
        if self._save_job is not None:
            self._close_after_save = True
            self._window.show_status(self.tr("Closing after the workspace is saved…"))
            return False
        if not self._resolve_unsaved(then=self._window.close):
            return False
        self._saved_changes = self._changes  # answered: a second close() must not ask again
        return True

    # --- saving -------------------------------------------------------------------------
    def save(self, *, ask: bool = False, path: Path | None = None, then=None) -> bool:
        """Save the workspace (asking for a file if needed); False if nothing was started."""
        if self._save_job is not None:
            return False
        target = path or (None if ask else self.path)
        target = target or export_dialog.ask_workspace_save_path(self._window, self.path)
        if target is None:
            self._close_after_save = False
            return False
        tensors = dict(self._window.workspace.workspace.items())
        changes = self._changes
        self._save_job = self._window.runner.run(
            _saving, target, tensors, self._window.session.entries(),
            collect_tab_settings(self._window.tabs), title=self.tr("Saving workspace"),
            on_result=lambda written: self._on_saved(Path(written), changes, then),
            on_error=self._on_save_failed, on_done=self._on_save_done)
        return self._save_job is not None

    def _on_saved(self, path: Path, changes: int, then) -> None:
        self._save_job = None
        self.path = path
        export_dialog.add_recent(path)
        self.start_tracking()
        self._set_saved(changes)
        self._window.show_status(self.tr("Workspace saved to {path}").format(path=path), 8000)
        if then is not None:
            then()

    def _on_save_failed(self, message: str, _exc) -> None:
        self._close_after_save = False
        QMessageBox.warning(self._window, self.tr("Workspace not saved"), message)

    def _on_save_done(self) -> None:
        self._save_job = None
        if self._close_after_save:
            self._close_after_save = False
            self._window.close()

    # --- opening ------------------------------------------------------------------------
    def _on_open(self) -> None:
        if self._resolve_unsaved(then=self.choose_and_open):
            self.choose_and_open()

    def choose_and_open(self) -> None:
        path = export_dialog.ask_workspace_open_path(self._window)
        if path is not None:
            self.open(path)

    def open_checked(self, path: Path) -> None:
        """Open ``path`` after asking about unsaved changes (recent files, dropped files)."""
        if self._resolve_unsaved(then=lambda: self.open(path)):
            self.open(path)

    def open(self, path: Path) -> None:
        if self._awaiting_demo:  # opened at start (--open-workspace): it replaces the demos
            self._open_after_demos = Path(path)  # once they are in, not half of them
            return
        self._window.runner.run(_opening, path, title=self.tr("Opening workspace"),
                                on_result=lambda data: self._apply(data, Path(path)),
                                on_error=self._on_open_failed)

    def _on_open_failed(self, message: str, _exc) -> None:
        QMessageBox.warning(self._window, self.tr("Workspace not opened"), message)

    def _apply(self, data, path: Path) -> None:
        self._applying = True
        model = self._window.workspace
        replaced = model.workspace.items()
        try:
            model.workspace.clear()  # the one reset is keep_many's
            model.keep_many(data.tensors.items())
            self._window.session.clear()
            self._window.session.add_many(data.steps)
            apply_tab_settings(self._window.tabs, data.settings)
        finally:
            self._applying = False
        self._window.runner.run(_drop, replaced, title=self.tr("Releasing the previous tensors"))
        self.path = path
        export_dialog.add_recent(path)
        self.start_tracking()
        self._set_saved(self._changes)
        opened = self.tr("Opened {file}: {tensors}, {steps}").format(
            file=path.name, tensors=self.tr("%n tensor(s)", "", len(data.tensors)),
            steps=self.tr("%n step(s)", "", len(data.steps)))
        notes = " ".join(render(note) for note in data.notes)  # e.g. leftovers cleaned up
        self._window.show_status(f"{opened}. {notes}" if notes else opened, 8000)

    # --- exports and imports (kept here: the shell, tools and tests call them here) -----
    def export_session(self, kind: str, tab_key: str | None = None) -> None:
        """Export every step, or with ``tab_key`` only that tab's (the code panel's menu)."""
        self.exports.export_session(kind, tab_key)

    def current_tensor(self) -> tuple[str, torch.Tensor] | None:
        """``(name, tensor)`` "Export current tensor…" exports, or None."""
        return self.exports.current_tensor()

    def import_tensor_file(self, path: Path) -> None:
        """Read a ``.pt`` / ``.npy`` file on the worker; its tensors join the workspace."""
        self.imports.import_tensor_file(path)


def install_session_actions(window) -> SessionActions:
    """Add the session actions to ``window`` (a MainWindow) once; returns them."""
    existing = window.findChild(SessionActions)
    return existing if isinstance(existing, SessionActions) else SessionActions(window)

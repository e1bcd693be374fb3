"""TorchScope's main window: four tabs, menus, status bar, settings, engine start-up."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QScrollArea, QTabWidget, QWidget

from gui.core.context import AppContext, SessionLog
from gui.core.gui_thread import freeze_startup_objects
from gui.core.retranslate import Retranslatable
from gui.core.settings_writer import flush, write_setting
from gui.core.workers import JobRunner
from gui.core.workspace_model import WorkspaceModel
from gui.session.actions import SessionActions, install_session_actions
from gui.shell.console_dock import ConsoleDock
from gui.shell.language import LANGUAGES, install_language
from gui.shell.loading_page import LoadingPage
from gui.shell.qt_setup import bound_pixmap_cache, lighten_feature_scan
from gui.shell.shell_extras import install_shell_extras
from gui.shell.status_area import StatusArea
from gui.shell.tab_builder import TabBuilder
from gui.shell.tabs import TAB_KEYS, TAB_SPECS
from gui.shell.theme import ThemeManager
from gui.shell.theme_menu import ThemeMenu

log = logging.getLogger("torchscope")


def package_version(name: str) -> str:
    from importlib import metadata  # ~20 ms: not needed before the first paint

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _scrolled(widget: QWidget) -> QScrollArea:
    """The tabs scroll when the console dock takes part of the window's height,
    instead of the tabs' minimum height leaving the console a sliver."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(Retranslatable, QMainWindow):
    """The application shell; tabs are built when ``load_engine`` has imported torch."""

    engine_ready = Signal()

    def __init__(self, settings: QSettings, language: str = "en",
                 theme: str | None = None) -> None:
        super().__init__()
        # As ``gui.shell.app`` does before the QApplication: a window made by a test or a
        # benchmark then keeps no source text of the modules its jobs import (pandas' ~17 MiB)
        lighten_feature_scan()
        bound_pixmap_cache()
        self._settings = settings
        self.theme = ThemeManager(settings, theme, self)  # ``theme`` overrides the setting
        self._language = language
        self._engine_loaded = False
        self._torch_version = ""
        self._builder: TabBuilder | None = None  # builds the tabs once torch is imported
        self.runner = JobRunner(self)
        self.session = SessionLog(self)
        self.workspace = WorkspaceModel(self)
        self.context = AppContext(self.runner, self.session, self.show_status, self.workspace)
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self.tabs: dict[str, QWidget] = {key: LoadingPage() for key in TAB_KEYS}
        for key in TAB_KEYS:
            self.tab_widget.addTab(self.tabs[key], "")
        self.setCentralWidget(_scrolled(self.tab_widget))
        self.status_area = StatusArea(self.runner)
        self.statusBar().addPermanentWidget(self.status_area)
        self.console_dock = ConsoleDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.console_dock)
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._restore_settings()
        self.session_actions: SessionActions | None = None
        self._retranslate()
        self.session_actions = install_session_actions(self)  # File menu: workspaces, exports
        self.extras = install_shell_extras(self)  # status clearing, drops, code panels, Tab

    # --- construction -------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.about_action = QAction(self)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self._language)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.next_tab_shortcut = QShortcut(QKeySequence("Ctrl+Tab"), self)
        self.previous_tab_shortcut = QShortcut(QKeySequence("Ctrl+Shift+Tab"), self)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.console_dock.toggleViewAction())
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.theme_menu = ThemeMenu(self.theme, self)
        self.view_menu.addMenu(self.theme_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.quit_action.triggered.connect(self.close)
        self.export_action.triggered.connect(self._on_export)
        self.about_action.triggered.connect(self._on_about)
        self.language_group.triggered.connect(self._on_language_chosen)
        self.next_tab_shortcut.activated.connect(lambda: self._on_step_tab(1))
        self.previous_tab_shortcut.activated.connect(lambda: self._on_step_tab(-1))
        self.runner.job_failed.connect(self._on_job_failed)
        self.runner.job_cancelled.connect(self._on_job_cancelled)
        self.tab_widget.currentChanged.connect(self._on_tab_changed)

    def _retranslate(self) -> None:
        self.setWindowTitle("TorchScope")
        titles = {
            "tensors": self.tr("Tensors"),
            "broadcasting": self.tr("Broadcasting"),
            "datasets": self.tr("Datasets"),
            "autograd": self.tr("Autograd"),
        }
        for index, key in enumerate(TAB_KEYS):
            self.tab_widget.setTabText(index, titles[key])
        self.file_menu.setTitle(self.tr("&File"))
        self.export_action.setText(self.tr("&Export…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About TorchScope"))
        if not self._engine_loaded:
            self.statusBar().showMessage(self.tr("Loading PyTorch…"))
        if self.session_actions is not None:
            self.session_actions.retranslate()

    # --- engine start-up ----------------------------------------------------------------
    def start_engine(self) -> None:
        """Import torch on the worker; the tabs are built when it is done."""
        from engine.core.startup import load_engine  # imports no torch itself

        self.runner.run(load_engine, title=self.tr("Loading PyTorch"), cancellable=False,
                        on_result=self._on_engine_loaded, on_error=self._on_engine_failed)

    def is_engine_ready(self) -> bool:
        """True once every tab is built (``engine_ready`` has been emitted)."""
        return self._engine_loaded

    def _on_engine_loaded(self, torch_version: str) -> None:
        """Build the tabs one per event-loop turn (see ``gui.shell.tab_builder``)."""
        self._torch_version = torch_version
        freeze_startup_objects()  # torch's objects: no full collection scans them while building
        # The tab on show comes last: built earlier, it would be repainted (plots and all)
        # after each later step, ~0.3 s more before every tab is usable (measured).
        current = self.tab_widget.currentIndex()
        order = [i for i in range(len(TAB_SPECS)) if i != current] + [current]
        steps = [self.theme.configure_plots]  # pyqtgraph's colours before the tabs draw
        steps += [lambda i=i: self._install_tab(i, TAB_SPECS[i]) for i in order]
        self._builder = TabBuilder(self.runner, self.tr("Loading PyTorch"), steps, self)
        self._builder.finished.connect(self._on_tabs_built)

    def _on_tabs_built(self) -> None:
        self._engine_loaded = True
        self.console_dock.install_panel(self.context)  # built when first shown
        self.show_status(self.tr("PyTorch {version} ready").format(version=self._torch_version),
                         5000)
        freeze_startup_objects()  # later garbage collections skip torch's objects
        self.engine_ready.emit()

    def _install_tab(self, index: int, spec) -> None:
        try:
            tab = spec.tab_class()(self.context)
        except Exception as exc:  # a broken tab must not take the others down
            log.exception("Tab %s failed to load", spec.key)
            self.tabs[spec.key].show_failure(f"{type(exc).__name__}: {exc}")
            return
        placeholder = self.tabs[spec.key]
        title = self.tab_widget.tabText(index)
        current = self.tab_widget.currentIndex()
        self.tab_widget.removeTab(index)
        self.tab_widget.insertTab(index, tab, title)
        self.tab_widget.setCurrentIndex(current)  # replacing a page must not switch tabs
        placeholder.deleteLater()
        self.tabs[spec.key] = tab

    def _on_engine_failed(self, message: str, _exc: BaseException) -> None:
        for page in self.tabs.values():
            if isinstance(page, LoadingPage):
                page.show_failure(message)

    # --- handlers -----------------------------------------------------------------------
    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _on_job_failed(self, title: str, message: str) -> None:
        first_line = message.splitlines()[0] if message else ""
        self.show_status(self.tr("{job} failed: {message}").format(job=title, message=first_line),
                         15000)

    def _on_job_cancelled(self, title: str) -> None:
        self.show_status(self.tr("{job} cancelled").format(job=title), 5000)

    def _on_step_tab(self, step: int) -> None:
        count = self.tab_widget.count()
        self.tab_widget.setCurrentIndex((self.tab_widget.currentIndex() + step) % count)

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_KEYS):
            write_setting(self._settings, "window/tab", TAB_KEYS[index])

    def _on_language_chosen(self, action: QAction) -> None:
        self.set_language(action.data())

    def set_language(self, language: str) -> None:
        self._language = language
        self.language_actions[language].setChecked(True)
        install_language(language, staged=True)  # the widgets inside over the next turns
        self._retranslate()  # the window's titles and menus at once
        write_setting(self._settings, "window/language", language)  # off the GUI thread

    def current_tab_key(self) -> str:
        return TAB_KEYS[self.tab_widget.currentIndex()]

    def show_tab(self, key: str) -> None:
        self.tab_widget.setCurrentIndex(TAB_KEYS.index(key))

    def _on_export(self) -> None:
        # The session actions own exporting (on the worker); this keeps the shell's action.
        self.session_actions.export_session("script")

    def about_text(self) -> str:
        import platform

        lines = [
            self.tr("TorchScope makes PyTorch's fundamentals visible."),
            "",
            f"Python {platform.python_version()}",
            f"torch {package_version('torch')}",
            f"torchvision {package_version('torchvision')}",
            f"Qt {package_version('PySide6-Essentials')}",
            f"pyqtgraph {package_version('pyqtgraph')}",
            "Fashion-MNIST excerpt © 2017 Zalando SE, MIT licence: "
            "https://github.com/zalandoresearch/fashion-mnist",
        ]
        return "\n".join(lines)

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About TorchScope"), self.about_text())

    # --- settings and closing -----------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        tab = self._settings.value("window/tab", "tensors")
        if tab in TAB_KEYS:
            self.show_tab(tab)

    def closeEvent(self, event) -> None:
        if not self.session_actions.confirm_close():  # unsaved changes: Save/Discard/Cancel
            event.ignore()
            return
        flush(self._settings)  # the tab and language written off the GUI thread
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        if self._builder is not None:
            self._builder.stop()  # no more tabs; its gate must not hold the worker
        if not self.runner.shutdown(timeout_ms=30000):
            log.warning("Some jobs did not stop within 30 s")
        super().closeEvent(event)

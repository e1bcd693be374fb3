"""Showing the window: normal runs, --screenshot and --exit-after-paint."""

from __future__ import annotations

import contextlib
import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

from engine.core.native_preload import start_loading_torch_libraries
from gui.core.gui_thread import hold_collections
from gui.shell.language import install_language
from gui.shell.main_window import MainWindow
from gui.shell.tabs import import_torch_free_modules

SCREENSHOT_TIMEOUT_S = 300
COLLECTIONS_HELD_MAX_MS = 60_000  # if the engine never gets ready, collect again after this

IDLE_CHECKS_BEFORE_SCREENSHOT = 5  # consecutive 100 ms checks with no job running

# The compiled modules that superqt, pyqtgraph and ``TORCH_FREE_LIBRARIES`` load (Python's own
# included): opened before
# torch's libraries start loading, because opening one meanwhile waits for the loader, GIL
# held, until they are loaded. A module missing from this list only costs that wait.
GUI_EXTENSIONS = (
    "numpy", "numpy.linalg", "cuda.bindings.runtime", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtTest", "_contextvars", "_csv",
    "_datetime", "_decimal", "_elementtree", "_json", "_lsprof", "_multiprocessing", "_pickle",
    "_socket", "array", "mmap", "pyexpat", "PIL._imaging", "unicodedata",
)


class FirstPaintWatcher(QObject):
    """Calls ``callback`` once, right after the window's first paint."""

    def __init__(self, callback) -> None:
        super().__init__()
        self._callback = callback
        self._fired = False

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._fired:
            self._fired = True
            watched.removeEventFilter(self)  # each event it sees costs the GIL: done with
            QTimer.singleShot(0, self._callback)
        return False


class ScreenshotTaker(QObject):
    """Waits until the engine is ready and no job runs, then saves the window as PNG."""

    def __init__(self, window: MainWindow, path, app, timeout_s: int) -> None:
        super().__init__()
        self._window, self._path, self._app = window, path, app
        self._idle_checks = 0
        self.exit_code = 1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(100)
        QTimer.singleShot(timeout_s * 1000, self._give_up)

    def _check(self) -> None:
        if not self._window.is_engine_ready() or self._window.runner.is_busy():
            self._idle_checks = 0
            return
        self._idle_checks += 1
        if self._idle_checks >= IDLE_CHECKS_BEFORE_SCREENSHOT:
            self._timer.stop()
            self._save()

    def _save(self) -> None:
        self._app.processEvents()
        ok = self._window.grab().save(str(self._path), "PNG")
        print(f"Screenshot written to {self._path}" if ok else f"Could not write {self._path}")
        self.exit_code = 0 if ok else 1
        self._window.close()
        self._app.quit()

    def _give_up(self) -> None:
        print("Screenshot timed out: the engine or a job did not finish", file=sys.stderr)
        self._window.close()
        self._app.exit(1)


def open_console(window: MainWindow, path: str) -> None:
    """Show the console; run ``path`` in it once the engine is ready (if a path is given)."""
    window.console_dock.open_tall(window)
    if not path:
        return
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"--console: cannot read {path}: {exc}", file=sys.stderr)
        return

    def run() -> None:
        panel = window.console_dock.panel
        if panel is not None:
            panel.run_source(source)

    window.engine_ready.connect(run)


def start_engine(window: MainWindow) -> None:
    """After the first paint: torch's libraries load on their own thread, without the GIL,
    while this thread imports the GUI's libraries (superqt with the job runner, pyqtgraph)
    and the tabs' modules that need no torch, then the worker imports torch (see
    ``engine.core.native_preload``)."""
    for name in GUI_EXTENSIONS:
        with contextlib.suppress(ImportError):  # the library that wants it will report it
            importlib.import_module(name)
    start_loading_torch_libraries()
    window.start_engine()
    QTimer.singleShot(0, window.theme.configure_plots)
    QTimer.singleShot(0, import_torch_free_modules)


def launch(app, args) -> int:
    settings = QSettings()
    language = args.lang or settings.value("window/language", "en")
    install_language(language)
    theme = args.theme or ("light" if args.screenshot is not None else None)
    hold_collections(True)  # until every tab is built (see hold_collections)
    window = MainWindow(settings, language, theme)
    window.engine_ready.connect(lambda: hold_collections(False))
    QTimer.singleShot(COLLECTIONS_HELD_MAX_MS, lambda: hold_collections(False))
    if args.tab:
        window.show_tab(args.tab)
    if args.console is not None:
        open_console(window, args.console)
    if args.open_workspace is not None:  # opened once the tabs exist, as File → Open does
        path = args.open_workspace
        window.engine_ready.connect(lambda: window.session_actions.open(path))
    if args.screenshot is not None:
        window.resize(*(args.size or (1280, 800)))
    elif args.size:
        window.resize(*args.size)
    if args.exit_after_paint:
        watcher = FirstPaintWatcher(lambda: (print("painted", flush=True), app.quit()))
    else:
        watcher = FirstPaintWatcher(lambda: start_engine(window))
    window.installEventFilter(watcher)
    taker = None
    if args.screenshot is not None:
        taker = ScreenshotTaker(window, args.screenshot, app, SCREENSHOT_TIMEOUT_S)
    window.show()
    code = app.exec()
    return taker.exit_code if taker is not None else code

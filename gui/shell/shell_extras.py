"""Shell behaviour that joins the window's parts once they exist.

- Status: a job's failure stays in the status bar until a job submitted after it
  succeeds, then it is cleared (a newer message of any kind is left alone).
- Code panels: their "Open as Jupyter notebook…" is answered with the session export of
  the tab that holds the panel (all tabs for the console's panel).
- File → Open recent and dropped files (``gui.shell.recent_menu``, ``gui.shell.drops``).
- Tab order: tab bar, the current tab's widgets, the console, then the status bar's Cancel.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from gui.shell.drops import DropHandler
from gui.shell.recent_menu import RecentMenu
from gui.widgets.code_panel import CodePanel


class ShellExtras(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._failure_text = ""
        self._failure_after = 0
        self.drops = DropHandler(window)
        actions = window.session_actions
        self.recent_menu = RecentMenu(actions.open_checked, window)
        window.file_menu.insertMenu(actions.save_action, self.recent_menu)
        window.runner.job_failed.connect(self._on_job_failed)  # after the window shows it
        window.runner.job_succeeded.connect(self._on_job_succeeded)
        window.engine_ready.connect(self._on_engine_ready)
        window.console_dock.panel_installed.connect(self._on_engine_ready)  # built on first use

    # --- status -------------------------------------------------------------------------
    def _on_job_failed(self, _title: str, _message: str) -> None:
        self._failure_text = self._window.statusBar().currentMessage()
        self._failure_after = self._window.runner.submitted_count()

    def _on_job_succeeded(self, _title: str, number: int) -> None:
        bar = self._window.statusBar()
        if (self._failure_text and number > self._failure_after
                and bar.currentMessage() == self._failure_text):
            bar.clearMessage()
            self._failure_text = ""

    # --- once the tabs exist ------------------------------------------------------------
    def _on_engine_ready(self) -> None:
        self._window.theme.update_plots()  # plots the tabs built with their own backgrounds
        self.connect_code_panels()
        self.drops.watch_children()
        self.order_focus()

    def tab_key_of(self, widget: QWidget) -> str | None:
        for key, tab in self._window.tabs.items():
            if tab.isAncestorOf(widget):
                return key
        return None

    def connect_code_panels(self) -> None:
        for panel in self._window.findChildren(CodePanel):
            if panel.property("exportConnected"):
                continue
            panel.setProperty("exportConnected", True)
            key = self.tab_key_of(panel)
            panel.export_requested.connect(
                lambda kind, k=key: self._window.session_actions.export_session(kind, k))

    def order_focus(self) -> None:
        """Tab bar → each tab's widgets → console dock → status bar's Cancel.

        The tabs are built after the status bar and the dock, so Qt's default order (the
        order widgets were created) would visit them last."""
        window = self._window
        chain = _tab_focusable(window)
        groups = [window.tab_widget.tabBar(), *window.tabs.values(), window.console_dock,
                  window.status_area]
        ordered: list[QWidget] = []
        for group in groups:
            ordered += [w for w in chain if w is group or group.isAncestorOf(w)]
        for first, second in itertools.pairwise(dict.fromkeys(ordered)):
            QWidget.setTabOrder(first, second)


def _tab_focusable(window: QWidget) -> list[QWidget]:
    """The window's widgets that Tab can reach, in the current focus chain's order."""
    found: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(found) < 20000:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
                and widget.window() is window):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def install_shell_extras(window) -> ShellExtras:
    return ShellExtras(window)

"""Light and dark: the application's palette follows the system or the user's choice.

``ThemeManager`` applies the Fusion style with a light or a dark palette to the whole
application. The choice (``system``, ``light`` or ``dark``) is kept in QSettings under
``view/theme``; ``system`` follows ``QStyleHints.colorScheme()`` and its changes. Setting
the palette sends every widget a ``PaletteChange`` / ``ApplicationPaletteChange`` event,
which is how areas recolour what they draw themselves.

pyqtgraph is configured (``background``/``foreground``) once it is imported, and the
background and axes of every existing plot view are updated on each change; a view whose
``keepBackground`` property is true keeps its own background. Imports neither torch nor
pyqtgraph: this runs before the first paint.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

CHOICES = ("system", "light", "dark")
SETTINGS_KEY = "view/theme"

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2e",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e20",
    QPalette.ColorRole.AlternateBase: "#2a2a2d",
    QPalette.ColorRole.ToolTipBase: "#3a3a3e",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35353a",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4a50",
    QPalette.ColorRole.Midlight: "#3e3e44",
    QPalette.ColorRole.Mid: "#2e2e32",
    QPalette.ColorRole.Dark: "#19191b",
    QPalette.ColorRole.Shadow: "#0d0d0e",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6cb4ff",
    QPalette.ColorRole.LinkVisited: "#c59cff",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7a7a7a",
    QPalette.ColorRole.Text: "#7a7a7a",
    QPalette.ColorRole.ButtonText: "#7a7a7a",
    QPalette.ColorRole.Base: "#262629",
    QPalette.ColorRole.Highlight: "#4a4a50",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def system_scheme() -> str:
    """``dark`` when the desktop asks for a dark colour scheme, else ``light``."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class ThemeManager(QObject):
    """Applies the chosen scheme app-wide; ``changed`` carries ``light`` or ``dark``."""

    changed = Signal(str)

    def __init__(self, settings: QSettings, override: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        stored = str(settings.value(SETTINGS_KEY, "system"))
        self._choice = override or (stored if stored in CHOICES else "system")
        self._scheme = ""
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self.apply()

    def choice(self) -> str:
        return self._choice

    def scheme(self) -> str:
        """The scheme in effect: ``light`` or ``dark``."""
        return system_scheme() if self._choice == "system" else self._choice

    def set_choice(self, choice: str) -> None:
        if choice not in CHOICES:
            raise ValueError(f"theme must be one of {CHOICES}, not {choice!r}")
        self._choice = choice
        self._settings.setValue(SETTINGS_KEY, choice)
        self.apply()

    def _on_system_changed(self, _scheme) -> None:
        if self._choice == "system":
            self.apply()

    def apply(self) -> None:
        scheme = self.scheme()
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # native styles may ignore a dark palette
        app.setPalette(dark_palette() if scheme == "dark" else light_palette())
        self._scheme = scheme
        self.update_plots()
        self.changed.emit(scheme)

    def update_plots(self) -> None:
        """pyqtgraph's defaults and existing views follow the palette (if it is loaded)."""
        if "pyqtgraph" not in sys.modules:
            return
        from gui.shell.theme_plots import restyle_plots

        restyle_plots(QApplication.palette())

    def configure_plots(self) -> None:
        """Import pyqtgraph and set its defaults: call before building plotting widgets."""
        import pyqtgraph  # noqa: F401  (after the first paint: the tabs need it anyway)

        self.update_plots()

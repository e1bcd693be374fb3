"""Light and dark: View → Theme, the system scheme, the palette and pyqtgraph follow."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gui.shell import theme as theme_module
from gui.shell.main_window import MainWindow
from gui.shell.theme import ThemeManager, is_dark


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def back_to_light():
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(theme_module.light_palette())


class PaletteWatcher(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[QEvent.Type] = []

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.events.append(event.type())
        super().changeEvent(event)


def test_view_theme_menu_switches_and_remembers(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    watcher = PaletteWatcher()
    qtbot.addWidget(watcher)
    texts = [a.text() for a in window.theme_menu.actions()]
    assert texts == ["&System", "&Light", "&Dark"]
    assert window.theme_menu.title() == "&Theme"
    window.theme_menu.choice_actions["dark"].trigger()
    assert is_dark(QApplication.palette())
    qtbot.waitUntil(lambda: bool(watcher.events))  # widgets are told the palette changed
    assert settings.value("view/theme") == "dark"
    window.theme_menu.choice_actions["light"].trigger()
    assert not is_dark(QApplication.palette())
    assert settings.value("view/theme") == "light"


def test_system_choice_follows_the_scheme(qtbot, settings, monkeypatch):
    manager = ThemeManager(settings)
    assert manager.choice() == "system"
    monkeypatch.setattr(theme_module, "system_scheme", lambda: "dark")
    manager._on_system_changed(Qt.ColorScheme.Dark)
    assert is_dark(QApplication.palette())
    manager.set_choice("light")  # an explicit choice ignores the system
    manager._on_system_changed(Qt.ColorScheme.Dark)
    assert not is_dark(QApplication.palette())


def test_override_is_not_stored(qtbot, settings):
    settings.setValue("view/theme", "light")
    manager = ThemeManager(settings, override="dark")
    assert manager.scheme() == "dark" and is_dark(QApplication.palette())
    assert settings.value("view/theme") == "light"


def test_existing_plots_follow_the_theme(qtbot, settings):
    manager = ThemeManager(settings, override="light")
    manager.configure_plots()
    plot = pg.PlotWidget()
    kept = pg.PlotWidget()
    kept.setBackground("w")  # an explicit colour: what is drawn on it may need it
    for widget in (plot, kept):
        qtbot.addWidget(widget)
    manager.set_choice("dark")
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert plot.backgroundBrush().color() == base
    assert kept.backgroundBrush().color().name() == "#ffffff"
    axis = plot.getPlotItem().getAxis("left")
    assert axis.textPen().color() == QApplication.palette().color(QPalette.ColorRole.Text)
    assert pg.getConfigOption("background") == base


def test_restyling_with_the_same_palette_redraws_only_what_changes(qtbot, settings):
    manager = ThemeManager(settings, override="light")
    manager.configure_plots()
    plot = pg.PlotWidget()
    kept = pg.PlotWidget()
    kept.setBackground("k")  # built on its own dark background: its axes need light ink
    for widget in (plot, kept):
        qtbot.addWidget(widget)
    axis = plot.getPlotItem().getAxis("left")
    axis.picture = drawn = object()  # stands for the picture drawn at the last paint
    manager.update_plots()  # as when the tabs are built: same palette
    assert axis.picture is drawn  # already in the palette's colours: not drawn again
    light_ink = kept.getPlotItem().getAxis("left").textPen().color()
    assert light_ink.lightness() > 200  # the explicit background still gets readable axes
    manager.set_choice("dark")
    assert axis.picture is None  # a real change redraws

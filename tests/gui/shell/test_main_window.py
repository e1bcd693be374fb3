"""The application shell: tabs, menus, settings, language, engine start-up, closing."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QSettings

from gui.shell.loading_page import LoadingPage
from gui.shell.main_window import MainWindow
from tests.conftest import wait_idle

TAB_TITLES_EN = ["Tensors", "Broadcasting", "Datasets", "Autograd"]
TAB_TITLES_ES = ["Tensores", "Broadcasting", "Datasets", "Autograd"]


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    yield win
    win.close()


def _titles(win):
    return [win.tab_widget.tabText(i) for i in range(win.tab_widget.count())]


def test_four_tabs_in_order_and_loading_state(window):
    assert window.windowTitle() == "TorchScope"
    assert _titles(window) == TAB_TITLES_EN
    assert all(isinstance(page, LoadingPage) for page in window.tabs.values())
    assert "Loading PyTorch" in window.statusBar().currentMessage()


def test_menus_have_the_standard_actions(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert set(window.language_actions) == {"en", "es"}


def test_about_lists_versions(window):
    text = window.about_text()
    for name in ("Python", "torch", "torchvision", "Qt", "pyqtgraph"):
        assert name in text


def test_engine_start_builds_the_tabs(qtbot, window):
    with qtbot.waitSignal(window.engine_ready, timeout=120000):
        window.start_engine()
    assert window.is_engine_ready()
    assert _titles(window) == TAB_TITLES_EN
    wait_idle(qtbot, window.runner, timeout_ms=180000)
    failed = [key for key, page in window.tabs.items() if isinstance(page, LoadingPage)]
    assert not failed, f"tabs that could not be built: {failed}"
    names = [type(window.tab_widget.widget(i)).__name__ for i in range(4)]
    assert names == ["TensorsTab", "BroadcastingTab", "DatasetsTab", "AutogradTab"]


def test_language_switch_retranslates_the_open_window(qtbot, window):
    window.set_language("es")
    try:
        assert _titles(window) == TAB_TITLES_ES
        page = window.tabs["autograd"]
        if isinstance(page, LoadingPage):  # other widgets follow on their LanguageChange event
            qtbot.waitUntil(lambda: "Cargando" in page.label.text(), timeout=5000)
        assert window.menuBar().actions()[0].text() == "&Archivo"
    finally:
        window.set_language("en")
    assert _titles(window) == TAB_TITLES_EN


def test_ctrl_tab_steps_through_tabs(window):
    window.show_tab("tensors")
    window._on_step_tab(1)
    assert window.current_tab_key() == "broadcasting"
    window._on_step_tab(-1)
    window._on_step_tab(-1)
    assert window.current_tab_key() == "autograd"


def test_geometry_and_last_tab_persist(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show_tab("datasets")
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.current_tab_key() == "datasets"
    assert (second.width(), second.height()) == (700, 500)
    second.close()


def _slow(steps, done: list[int] | None = None):
    from engine.core.progress import Progress

    for index in range(steps):
        time.sleep(0.02)
        if done is not None:
            done.append(index)
        yield Progress(index, steps)


def test_closing_during_a_job_cancels_and_waits(qtbot, window):
    window.show()
    ended = threading.Event()
    done: list[int] = []

    def long_job():
        try:
            yield from _slow(100_000, done)
        finally:
            ended.set()

    with qtbot.waitSignal(window.runner.job_progress, timeout=10000):  # the job is running
        window.runner.run(long_job, title="long job")
    before = len(done)
    window.close()
    # stopped at its next yield (the step under way, one more if it had just passed one),
    # counted in steps rather than seconds
    assert len(done) - before <= 2
    assert ended.is_set()  # close() cancelled the job and waited for its thread
    assert window.runner.run(_slow, 1, title="after close") is None  # nothing new starts


def test_failed_job_shows_its_message_in_the_status_bar(qtbot, window):
    def broken():
        raise ValueError("boom at row 3")

    with qtbot.waitSignal(window.runner.job_failed, timeout=10000):
        window.runner.run(broken, title="Load CSV")
    wait_idle(qtbot, window.runner)
    assert "Load CSV" in window.statusBar().currentMessage()
    assert "boom at row 3" in window.statusBar().currentMessage()


def test_loading_the_engine_offers_no_cancel_and_ends_usable(qtbot, window):
    window.show()
    window.start_engine()
    assert window.runner.is_busy()
    assert not window.status_area.cancel_button.isVisible()  # nothing to retry with
    window.runner.cancel_all()  # even a cancel-all (e.g. from another job) leaves it loading
    with qtbot.waitSignal(window.engine_ready, timeout=120000):
        pass
    assert window.is_engine_ready()

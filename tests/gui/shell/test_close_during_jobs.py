"""Closing the window while a long job runs exits cleanly within a few seconds.

One test per kind of long job, each started as a user would through the real MainWindow
once the engine is ready: a DataLoader epoch, training the tiny model, the DenseNet-121
graph, saving and opening a workspace, exporting the session, a long console statement.
Each waits until its job is really running, closes the window, and checks that it closed
within a generous bound (a hang, not a speed test), that the worker threads ended, and that
nothing was logged at ERROR (exceptions raised in slots fail the test through pytest-qt).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from gui.shell.main_window import MainWindow
from tools.monkey import silence_dialogs

CLOSE_BOUND_S = 10.0  # "within a few seconds"; generous, this only catches hangs
START_TIMEOUT_MS = 120_000  # a shared 2-core machine may be slow to get a job going
BIG_WORKSPACE_ELEMENTS = 48 * 2**20  # float32: 192 MiB, long enough to be caught saving
LONG_STATEMENT = "t = torch.zeros(1)\nfor i in range(100_000):\n    t = t + torch.ones(100)"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, caplog):
    silence_dialogs(lambda obj, name, value: monkeypatch.setattr(obj, name, value))
    caplog.set_level(logging.INFO)
    settings = QSettings(str(tmp_path / "close.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.engine_ready, timeout=180_000):
        win.start_engine()
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=START_TIMEOUT_MS)  # tab demos
    return win


def _progress_of(window, title: str):
    """A waitSignal argument check: a progress record of the job titled ``title``."""
    return lambda job_title, _progress: job_title == title


def _running(window, title: str) -> bool:
    return any(job.title == title and not job.done for job in window.runner.active_jobs())


def close_and_check(qtbot, window, caplog) -> None:
    """Close the window; it must be gone within the bound, its threads ended, no error."""
    assert window.runner.is_busy(), "the job ended before the window was closed"
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=int(CLOSE_BOUND_S * 1000))
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=int(CLOSE_BOUND_S * 1000))
    assert window.runner.shutdown(timeout_ms=1000), "a worker thread is still running"
    assert QThreadPool.globalInstance().waitForDone(1000)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    warnings = [r for r in caplog.records
                if r.levelno >= logging.WARNING and r.name.startswith("torchscope")]
    assert not errors and not warnings, [r.getMessage() for r in errors + warnings]


def test_closing_during_an_epoch(qtbot, window, caplog):
    tab = window.tabs["datasets"]
    window.show_tab("datasets")
    panel = tab.loader_panel
    panel.batch_size.setValue(panel.batch_size.minimum())  # the most batches: a long epoch
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, tab.tr("One epoch"))):
        panel.epoch_button.click()
    close_and_check(qtbot, window, caplog)


def test_closing_while_the_model_trains(qtbot, window, caplog):
    tab = window.tabs["autograd"]
    window.show_tab("autograd")
    panel = tab.model_panel
    panel.build_button.click()
    qtbot.waitUntil(lambda: tab.model_jobs.state is not None and not window.runner.is_busy(),
                    timeout=START_TIMEOUT_MS)
    panel.steps.setValue(panel.steps.maximum())
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, tab.model_jobs.tr(
                              "Training the tiny model"))):
        panel.train_button.click()
    close_and_check(qtbot, window, caplog)


def test_closing_while_the_densenet_graph_is_built(qtbot, window, caplog):
    tab = window.tabs["autograd"]
    window.show_tab("autograd")
    tab.presets.set_current_key("densenet121")
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, tab.preset_jobs.tr(
                              "Running preset"))):
        tab.presets.run_button.click()
    close_and_check(qtbot, window, caplog)


def _keep_big_tensor(window) -> None:
    import torch

    window.workspace.keep("big", torch.ones(BIG_WORKSPACE_ELEMENTS))


def test_closing_while_the_workspace_saves(qtbot, window, caplog, tmp_path):
    _keep_big_tensor(window)
    actions = window.session_actions
    target = tmp_path / "big.torchscope"
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, actions.tr("Saving workspace"))):
        actions.save(path=target)
    # The window waits for the save to end (never leaves a half-written file), then closes.
    close_and_check(qtbot, window, caplog)
    assert target.is_file()
    assert not list(tmp_path.glob(".*.part"))


def _saved_big_workspace(path: Path) -> Path:
    import torch

    from engine.session.workspace_file import run_to_end, save_workspace

    run_to_end(save_workspace(path, {"big": torch.ones(BIG_WORKSPACE_ELEMENTS)}, [], {}))
    return path


def test_closing_while_a_workspace_opens(qtbot, window, caplog, tmp_path):
    path = _saved_big_workspace(tmp_path / "big.torchscope")
    actions = window.session_actions
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, actions.tr("Opening workspace"))):
        actions.open(path)
    close_and_check(qtbot, window, caplog)
    assert "big" not in window.workspace.names()  # an interrupted open changes nothing


def test_closing_while_the_session_exports(qtbot, window, caplog, tmp_path, monkeypatch):
    from engine.core.codegen import CodeStep
    from gui.session import dialogs

    for number in range(1000):  # a long session: the export takes a while
        window.session.add("tensors", CodeStep(f"Step {number}", f"x{number} = torch.ones(2)"))
    target = tmp_path / "session.ipynb"
    monkeypatch.setattr(dialogs, "ask_session_export_path", lambda *_args: target)
    actions = window.session_actions
    actions.export_session("notebook")
    title = actions.tr("Exporting session")
    qtbot.waitUntil(lambda: _running(window, title), timeout=START_TIMEOUT_MS)
    close_and_check(qtbot, window, caplog)


def test_closing_during_a_long_console_statement(qtbot, window, caplog):
    panel = window.console_dock.panel
    window.console_dock.show()
    with qtbot.waitSignal(window.runner.job_progress, timeout=START_TIMEOUT_MS,
                          check_params_cb=_progress_of(window, panel.tr("Console"))):
        panel.run_source(LONG_STATEMENT)
    close_and_check(qtbot, window, caplog)

"""Shared test set-up: headless Qt, isolated settings, a job runner and its teardown."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from gui.shell.stale_folders import make_owned_folder  # noqa: E402

# Settings of test runs never touch the user's own configuration. Set at import, before
# anything (a QSettings, a test's subprocess) can read it; removed when the run ends (or
# by the next run, when this one was killed).
_TEST_CONFIG = make_owned_folder("torchscope-test-config-")
os.environ["XDG_CONFIG_HOME"] = _TEST_CONFIG
atexit.register(shutil.rmtree, _TEST_CONFIG, ignore_errors=True)


@pytest.fixture
def runner(qtbot):
    """A JobRunner whose threads are all finished when the test ends."""
    from gui.core.workers import JobRunner

    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(timeout_ms=60000), "a job was still running after 60 s"


@pytest.fixture
def ctx(runner):
    """The AppContext a tab receives, with a status callback that records messages."""
    from gui.core.context import AppContext, SessionLog
    from gui.core.workspace_model import WorkspaceModel

    messages: list[str] = []
    context = AppContext(runner, SessionLog(), lambda text, timeout_ms=0: messages.append(text),
                         WorkspaceModel())
    context.status_messages = messages
    return context


def shown(qtbot, widget, width: int, height: int):
    """``widget`` at ``width``×``height``, on screen and exposed; closed after the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wait_idle(qtbot, runner, timeout_ms: int = 60000) -> None:
    """Wait until the runner has no job left (tab demos, chained jobs...)."""
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=timeout_ms)


@pytest.fixture(autouse=True)
def no_leaked_windows(request):
    """Fail a GUI test that leaves a visible top-level window behind."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(60000), "worker threads still running"
    leaked = [w for w in app.topLevelWidgets() if w.isVisible()]
    names = [type(w).__name__ for w in leaked]
    for widget in leaked:
        widget.close()
    assert not leaked, f"top-level windows left open: {names}"

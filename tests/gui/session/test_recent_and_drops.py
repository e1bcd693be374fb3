"""File → Open recent, and files dropped on the window (workspaces, .pt, .npy, others)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from engine.session.workspace_file import save_workspace
from gui.session import dialogs
from gui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    dialogs.clear_recent()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    yield win
    win.close()
    dialogs.clear_recent()


def _save(path, tensors):
    job = save_workspace(path, tensors, [], {})
    try:
        while True:
            next(job)
    except StopIteration as done:
        return done.value


def _drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    target = window.centralWidget()  # any widget of the window
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)  # Qt routes it to the window, which takes files
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return enter.isAccepted() and drop.isAccepted()


def test_recent_files_newest_first_at_most_eight_missing_greyed(qtbot, window, tmp_path):
    for index in range(10):
        path = tmp_path / f"w{index}.torchscope"
        path.write_bytes(b"")
        dialogs.add_recent(path)
    dialogs.add_recent(tmp_path / "w3.torchscope")
    (tmp_path / "w9.torchscope").unlink()
    menu = window.extras.recent_menu
    menu.rebuild()
    entries = menu.entries()
    assert len(entries) == 8
    assert entries[0].text() == "&1 w3.torchscope"
    missing = [a for a in entries if not a.isEnabled()]
    assert [a.toolTip() for a in missing] == [str((tmp_path / "w9.torchscope").resolve())]
    assert "(missing)" in missing[0].text()
    menu.prune_action.trigger()
    assert len(menu.entries()) == 7 and all(a.isEnabled() for a in menu.entries())


def test_recent_files_are_written_by_the_settings_thread_and_read_back_at_once(
        qtbot, window, tmp_path, monkeypatch):
    from gui.core import settings_writer

    settings_writer.flush(QSettings())  # the fixture's clear_recent() is in the file
    handed: list[tuple[str, object]] = []
    monkeypatch.setattr(dialogs, "write_setting",
                        lambda _settings, key, value: handed.append((key, value)), raising=False)
    path = tmp_path / "a.torchscope"
    dialogs.add_recent(path)
    assert handed == [("session/recent_files", [str(path.resolve())])]  # not on this thread
    assert QSettings().value("session/recent_files", []) in ([], None)  # not written yet
    assert dialogs.recent_files() == [path.resolve()]  # what was asked for, already
    monkeypatch.undo()
    dialogs.add_recent(tmp_path / "b.torchscope")
    settings_writer.flush(QSettings())  # the writer's turn has come
    stored = QSettings().value("session/recent_files", [])
    assert stored == [str((tmp_path / "b.torchscope").resolve()), str(path.resolve())]
    assert dialogs.recent_files()[0] == (tmp_path / "b.torchscope").resolve()


def test_opening_a_recent_workspace_and_recording_it(qtbot, window, tmp_path):
    path = tmp_path / "kept.torchscope"
    _save(path, {"a": torch.arange(3)})
    dialogs.add_recent(path)
    window.extras.recent_menu.rebuild()
    with qtbot.waitSignal(window.workspace.changed, timeout=30000):
        window.extras.recent_menu.entries()[0].trigger()
    qtbot.waitUntil(lambda: window.workspace.names() == ["a"])
    assert dialogs.recent_files()[0] == path.resolve()


def test_dropping_a_workspace_opens_it(qtbot, window, tmp_path):
    path = tmp_path / "dropped.torchscope"
    _save(path, {"w": torch.ones(2, 2)})
    assert _drop(window, path)
    qtbot.waitUntil(lambda: window.workspace.names() == ["w"], timeout=30000)
    assert window.session_actions.path == path


def test_dropping_pt_and_npy_imports_their_tensors(qtbot, window, tmp_path):
    pt = tmp_path / "x.pt"
    torch.save(torch.arange(4.0), pt)
    npy = tmp_path / "y.npy"
    np.save(npy, np.eye(2, dtype=np.float32), allow_pickle=False)
    assert _drop(window, pt)
    qtbot.waitUntil(lambda: "x" in window.workspace.names(), timeout=30000)
    assert _drop(window, npy)
    qtbot.waitUntil(lambda: "y" in window.workspace.names(), timeout=30000)
    assert torch.equal(window.workspace.workspace.get("y"), torch.eye(2))
    assert "Imported 1 tensor from y.npy: y" in window.statusBar().currentMessage()


def test_dropping_anything_else_says_what_can_be_dropped(qtbot, window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    other = tmp_path / "notes.txt"
    other.write_text("hi")
    assert _drop(window, other)
    assert shown and "notes.txt" in shown[0] and ".npy" in shown[0]


def test_code_panel_export_is_the_tab_s_notebook(qtbot, window, tmp_path, monkeypatch):
    from engine.core.codegen import CodeStep

    asked = []
    monkeypatch.setattr(window.session_actions, "export_session",
                        lambda kind, key=None: asked.append((kind, key)))
    window.session.add("tensors", CodeStep("t", "x = torch.zeros(1)"))
    from gui.widgets.code_panel import CodePanel

    panel = CodePanel(window.tabs["broadcasting"])
    window.extras.connect_code_panels()
    panel.export_action.trigger()
    assert asked == [("notebook", "broadcasting")]

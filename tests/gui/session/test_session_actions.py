"""File menu: workspaces saved and opened through the GUI, exports, the unsaved prompt."""

from __future__ import annotations

import json
import threading
import weakref

import nbformat
import pytest
import torch
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from engine.core.codegen import CodeStep
from gui.shell.main_window import MainWindow
from tests.conftest import wait_idle

STEPS = [("tensors", CodeStep("Create a", "a = torch.ones(2, 3)", "Ones.")),
         ("autograd", CodeStep("Leaf", "x = torch.tensor(2.0, requires_grad=True)", ""))]


class SettingsTab(QWidget):
    """A tab that implements the optional settings protocol."""

    def __init__(self, parent, value: dict) -> None:
        super().__init__(parent)
        self.value = value
        self.applied: list[dict] = []

    def settings(self) -> dict:
        return self.value

    def apply_settings(self, value: dict) -> None:
        self.applied.append(value)


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.session_actions.start_tracking()  # as after the start-up demos have settled
    yield win
    wait_idle(qtbot, win.runner)
    actions = win.session_actions
    actions._saved_changes = actions._changes  # never prompt while tearing down
    win.close()


@pytest.fixture
def dialogs(monkeypatch):
    """Patched file dialogs and message boxes; records what was asked and shown."""
    record = {"save": [], "open": [], "warnings": [], "infos": [], "questions": [],
              "answer": QMessageBox.StandardButton.Cancel, "filter": ""}

    def save_name(_parent, caption, *_args, **_kwargs):
        record["save_captions"] = caption
        return (str(record["save"].pop(0)), record["filter"]) if record["save"] else ("", "")

    def open_name(*_args, **_kwargs):
        return (str(record["open"].pop(0)), "") if record["open"] else ("", "")

    def question(*args, **_kwargs):
        record["questions"].append(args[2])
        return record["answer"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: record["warnings"].append(text)))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: record["infos"].append(text)))
    return record


def fill(window) -> None:
    window.workspace.keep("a", torch.ones(2, 3))
    window.workspace.keep("w", torch.tensor([0.5, -1.5], requires_grad=True))
    for key, step in STEPS:
        window.session.add(key, step)


def file_menu_texts(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions() if a.isVisible() and a.text()]


def test_file_menu_has_the_session_actions_with_shortcuts(window):
    assert file_menu_texts(window) == [
        "&Open workspace…", "Open &recent", "&Save workspace", "Save workspace &as…",
        "&Export…", "&Quit"]
    actions = window.session_actions
    assert [a.text() for a in actions.export_menu.actions()] == [
        "Export session as &script…", "Export session as &notebook…", "Export current &tensor…"]
    assert actions.save_action.shortcut().toString() == "Ctrl+S"
    assert actions.open_action.shortcut().toString() == "Ctrl+O"
    assert actions.export_script_action.shortcut().toString() == "Ctrl+E"
    assert window.export_action.shortcut().isEmpty()  # the old action gave Ctrl+E up


def test_save_then_open_round_trips_through_the_gui(window, qtbot, dialogs, tmp_path):
    settings_tab = SettingsTab(window, {"preset": "sum", "size": [2, 3]})
    window.tabs["autograd"] = settings_tab
    fill(window)
    assert window.session_actions.is_modified()
    dialogs["save"].append(tmp_path / "mine")  # no suffix typed: it is added
    window.session_actions.save_action.trigger()
    wait_idle(qtbot, window.runner)
    saved = tmp_path / "mine.torchscope"
    assert saved.exists() and not dialogs["warnings"]
    assert not window.session_actions.is_modified()
    assert window.windowTitle().startswith("mine.torchscope")
    assert not window.isWindowModified()

    window.workspace.clear()
    window.workspace.keep("other", torch.zeros(1))
    window.session.clear()
    assert window.isWindowModified()
    dialogs["open"].append(saved)
    dialogs["answer"] = QMessageBox.StandardButton.Discard
    window.session_actions.open_action.trigger()
    wait_idle(qtbot, window.runner)

    assert len(dialogs["questions"]) == 1  # unsaved changes were asked about first
    assert window.workspace.names() == ["a", "w"]
    w = window.workspace.workspace.get("w")
    assert w.requires_grad and w.tolist() == [0.5, -1.5]
    assert window.session.entries() == STEPS
    assert settings_tab.applied == [{"preset": "sum", "size": [2, 3]}]
    assert not window.session_actions.is_modified()
    assert "Opened mine.torchscope: 2 tensors, 2 steps" in window.statusBar().currentMessage()


def test_opening_drops_the_replaced_tensors_on_the_worker(window, qtbot, dialogs, tmp_path):
    window.workspace.keep("kept", torch.ones(2))
    dialogs["save"].append(tmp_path / "kept.torchscope")
    window.session_actions.save_action.trigger()
    wait_idle(qtbot, window.runner)
    window.workspace.keep("old", torch.zeros(1024))
    freed_on: list[str] = []
    weakref.finalize(window.workspace.workspace.get("old"),
                     lambda: freed_on.append(threading.current_thread().name))
    window.session_actions._saved_changes = window.session_actions._changes  # no question
    window.session_actions.open(tmp_path / "kept.torchscope")
    wait_idle(qtbot, window.runner)
    assert window.workspace.names() == ["kept"]
    # freeing a big tensor takes milliseconds: not the GUI thread's
    assert freed_on and freed_on != [threading.main_thread().name]


def test_save_uses_the_current_file_and_save_as_asks_again(window, qtbot, dialogs, tmp_path):
    fill(window)
    dialogs["save"].append(tmp_path / "one.torchscope")
    window.session_actions.save_action.trigger()
    wait_idle(qtbot, window.runner)
    window.workspace.keep("b", torch.arange(3))
    window.session_actions.save_action.trigger()  # no dialog: same file
    wait_idle(qtbot, window.runner)
    assert "b" in zipped_names(tmp_path / "one.torchscope")
    dialogs["save"].append(tmp_path / "two.torchscope")
    window.session_actions.save_as_action.trigger()
    wait_idle(qtbot, window.runner)
    assert window.session_actions.path == tmp_path / "two.torchscope"


def zipped_names(path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("torchscope-workspace.json"))
    return [t["name"] for t in manifest["tensors"]]


@pytest.mark.parametrize("content", [b"\x80\x04K\x01.", b"PK\x03\x04 truncated", b"hello"])
def test_a_bad_file_is_refused_and_the_workspace_stays(window, qtbot, dialogs, tmp_path,
                                                       content):
    fill(window)
    window.session_actions._saved_changes = window.session_actions._changes
    bad = tmp_path / "bad.torchscope"
    bad.write_bytes(content)
    dialogs["open"].append(bad)
    window.session_actions.open_action.trigger()
    wait_idle(qtbot, window.runner)
    assert len(dialogs["warnings"]) == 1
    assert "unchanged" in dialogs["warnings"][0]
    assert window.workspace.names() == ["a", "w"]
    assert window.session.entries() == STEPS
    assert window.session_actions.path is None


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, qtbot, dialogs):
    window.show()
    fill(window)
    dialogs["answer"] = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and len(dialogs["questions"]) == 1
    dialogs["answer"] = QMessageBox.StandardButton.Discard
    assert window.close()
    assert not window.isVisible()
    window.close()  # e.g. qtbot's teardown: answered once, never asked again
    assert len(dialogs["questions"]) == 2


def test_closing_with_save_writes_the_file_then_closes(window, qtbot, dialogs, tmp_path):
    window.show()
    fill(window)
    dialogs["answer"] = QMessageBox.StandardButton.Save
    dialogs["save"].append(tmp_path / "at_exit.torchscope")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert zipped_names(tmp_path / "at_exit.torchscope") == ["a", "w"]


def test_closing_with_save_but_no_file_chosen_keeps_the_window(window, qtbot, dialogs):
    window.show()
    fill(window)
    dialogs["answer"] = QMessageBox.StandardButton.Save  # then the file dialog is cancelled
    assert not window.close()
    assert window.isVisible()


def test_closing_without_changes_does_not_ask(window, dialogs):
    window.show()
    assert window.close()
    assert dialogs["questions"] == []


def test_start_up_demos_are_not_unsaved_changes(qtbot, tmp_path, dialogs):
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.workspace.keep("demo", torch.ones(1))  # before the demos settle: not counted
    assert not win.session_actions.is_modified()
    win.session_actions.start_tracking()
    win.workspace.keep("mine", torch.ones(1))
    assert win.session_actions.is_modified()
    win.session_actions._saved_changes = win.session_actions._changes
    win.close()


def test_export_script_and_notebook_from_the_menu(window, qtbot, dialogs, tmp_path):
    fill(window)
    dialogs["save"] += [tmp_path / "s.py", tmp_path / "n.ipynb"]
    window.session_actions.export_script_action.trigger()
    window.session_actions.export_notebook_action.trigger()
    wait_idle(qtbot, window.runner)
    script = (tmp_path / "s.py").read_text()
    assert "def tensors_tab():" in script and "    a = torch.ones(2, 3)" in script
    notebook = nbformat.read(tmp_path / "n.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert any(c.source == "x = torch.tensor(2.0, requires_grad=True)" for c in notebook.cells)
    assert "Session exported to" in window.statusBar().currentMessage()


def test_exporting_an_empty_session_says_why(window, dialogs):
    window.session_actions.export_script_action.trigger()
    assert dialogs["infos"] == ["Nothing to export yet: take a step in any tab first."]


def test_export_current_tensor_as_csv_states_the_flattening(window, qtbot, dialogs, tmp_path,
                                                            monkeypatch):
    window.workspace.keep("cube", torch.arange(8).reshape(2, 2, 2))
    window.workspace.keep("other", torch.zeros(2))
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *a, **k: ("cube", True)))
    dialogs["save"].append(tmp_path / "cube")
    dialogs["filter"] = "CSV table (*.csv)"
    window.session_actions.export_tensor_action.trigger()
    wait_idle(qtbot, window.runner)
    text = (tmp_path / "cube.csv").read_text()
    assert text.splitlines()[0].startswith("# The tensor of shape (2, 2, 2) was flattened")
    message = window.statusBar().currentMessage()
    assert "Saved cube to" in message and "flattened" in message


def test_export_current_tensor_prefers_the_tab_protocol(window, qtbot, dialogs, tmp_path):
    class Shown(QWidget):
        def current_tensor(self):
            return "shown", torch.full((2,), 7.0)

    window.tabs[window.current_tab_key()] = Shown(window)
    dialogs["save"].append(tmp_path / "shown.pt")
    window.session_actions.export_tensor_action.trigger()
    wait_idle(qtbot, window.runner)
    assert torch.load(tmp_path / "shown.pt", weights_only=True).tolist() == [7.0, 7.0]


def test_export_tensor_with_an_empty_workspace_says_why(window, dialogs):
    window.session_actions.export_tensor_action.trigger()
    assert dialogs["infos"] and "no tensor to export" in dialogs["infos"][0]


def test_actions_are_translated(window):
    from gui.shell.language import install_language

    install_language("es")
    try:
        window.session_actions.retranslate()
        assert window.session_actions.save_action.text() == "&Guardar espacio de trabajo"
    finally:
        install_language("en")


def test_answering_no_discards_like_the_discard_button(window, dialogs):
    window.show()
    fill(window)
    dialogs["answer"] = QMessageBox.StandardButton.No  # what tools/monkey.py answers
    assert window.close()


def test_tabs_take_part_through_the_typed_protocols(qtbot):
    from gui.session.participants import SettingsParticipant, TensorSelection, TensorSource
    from gui.tensors.tab import TensorsTab

    class HalfSettings(QWidget):
        def settings(self) -> dict:
            return {}

    half, full = HalfSettings(), SettingsTab(None, {})
    qtbot.addWidget(half)
    qtbot.addWidget(full)
    assert isinstance(full, SettingsParticipant)
    assert not isinstance(half, SettingsParticipant)  # apply_settings is missing
    assert not isinstance(half, TensorSource | TensorSelection)
    assert issubclass(TensorsTab, TensorSelection)


def test_installing_twice_keeps_one_set_of_actions(window):
    from gui.session.actions import install_session_actions

    assert install_session_actions(window) is window.session_actions


def test_the_open_status_says_one_tensor_and_one_step(window, qtbot, dialogs, tmp_path):
    from engine.session.workspace_file import save_workspace

    path = tmp_path / "single.torchscope"
    job = save_workspace(path, {"only": torch.ones(2)}, STEPS[:1], {})
    for _progress in job:
        pass
    dialogs["open"].append(path)
    dialogs["answer"] = QMessageBox.StandardButton.Discard
    window.session_actions.open_action.trigger()
    wait_idle(qtbot, window.runner)
    assert "Opened single.torchscope: 1 tensor, 1 step" in window.statusBar().currentMessage()

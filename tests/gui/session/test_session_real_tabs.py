"""The real four tabs: their start-up session exports to a script and a notebook that re-run
in a fresh interpreter and give the workspace tensors the app holds; the workspace
round-trips through a file."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch
from PySide6.QtCore import QSettings

from engine.session.export import write_session
from engine.session.workspace_file import open_workspace, run_to_end
from gui.shell.loading_page import LoadingPage
from gui.shell.main_window import MainWindow
from tests.conftest import wait_idle


def same(a, b) -> bool:
    """Equal values, NaN equal to NaN."""
    try:
        return bool(np.array_equal(np.array(a), np.array(b), equal_nan=True))
    except TypeError:
        return a == b


@pytest.fixture
def loaded_window(qtbot, tmp_path):
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.start_engine()
    qtbot.waitUntil(win.is_engine_ready, timeout=120000)
    wait_idle(qtbot, win.runner, timeout_ms=120000)
    yield win
    wait_idle(qtbot, win.runner)
    win.close()


def test_start_up_session_re_runs_and_the_workspace_round_trips(loaded_window, qtbot,
                                                                 tmp_path):
    win = loaded_window
    loaded = [key for key, tab in win.tabs.items() if not isinstance(tab, LoadingPage)]
    entries = [(key, step) for key, step in win.session.entries() if key in loaded]
    if not entries:
        pytest.skip("no tab has loaded its demo yet")
    assert not win.session_actions.is_modified()  # demos are not unsaved changes
    write_session(entries, tmp_path / "s.py")
    write_session(entries, tmp_path / "s.ipynb")
    driver = textwrap.dedent(f"""
        import json, runpy, nbformat, torch
        as_list = lambda names: {{k: v.detach().tolist() for k, v in names.items()
                                   if isinstance(v, torch.Tensor)}}
        script = {{tab: as_list(ns) for tab, ns in
                   runpy.run_path({str(tmp_path / "s.py")!r})["main"]().items()}}
        nb = nbformat.read({str(tmp_path / "s.ipynb")!r}, as_version=4)
        namespace = {{}}
        exec("\\n".join(c.source for c in nb.cells if c.cell_type == "code"), namespace)
        print(json.dumps({{"script": script, "notebook_last": as_list(namespace)}}))
    """)
    done = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                          timeout=240, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    produced = json.loads(done.stdout.splitlines()[-1])
    script = produced["script"]
    shown = dict(win.workspace.workspace.items())
    if "tensors" in loaded:
        compared = [name for name in shown if name in script["tensors"]]
        assert compared, f"no workspace tensor {list(shown)} is made by the Tensors steps"
        for name in compared:  # what the Tensors tab keeps is what its code computes
            assert same(script["tensors"][name], shown[name].detach().tolist()), name
    # The notebook runs the tabs' sections one after the other: each name ends with the
    # value of the last tab section that defines it.
    for name, value in produced["notebook_last"].items():
        last = [ns[name] for ns in script.values() if name in ns][-1]
        assert same(value, last), name

    win.session_actions.save(path=tmp_path / "w.torchscope")
    wait_idle(qtbot, win.runner)
    data = run_to_end(open_workspace(tmp_path / "w.torchscope"))
    assert list(data.tensors) == list(shown)
    for name, tensor in shown.items():
        assert torch.equal(data.tensors[name].detach(), tensor.detach().cpu()), name
    assert data.steps == win.session.entries()


def test_a_workspace_opened_at_start_replaces_the_demos(qtbot, tmp_path):
    from engine.session.workspace_file import save_workspace

    path = tmp_path / "start.torchscope"
    run_to_end(save_workspace(path, {"weights": torch.ones(2, 2)}, [], {}))
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.engine_ready.connect(lambda: win.session_actions.open(path))  # as --open-workspace
    win.start_engine()
    qtbot.waitUntil(lambda: win.session_actions.path == path, timeout=120000)
    wait_idle(qtbot, win.runner, timeout_ms=120000)
    names, modified = win.workspace.names(), win.session_actions.is_modified()
    win.session_actions._saved_changes = win.session_actions._changes  # close without asking
    win.close()
    assert names == ["weights"]
    assert not modified  # quitting would ask nothing

"""Temporary folders of killed runs are removed by the next run; live runs' folders stay."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gui.shell.stale_folders import (
    make_owned_folder,
    owned_temporary_directory,
    remove_stale_folders,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the sweep runs on POSIX only")
PREFIX = "torchscope-settings-"


def _ended_process_id() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_killed_runs_folder_is_removed_and_live_ones_are_kept(tmp_path):
    dead = tmp_path / f"{PREFIX}{_ended_process_id()}-abc123"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "TorchScope.ini").write_text("[window]\n")
    mine = tmp_path / f"{PREFIX}{os.getpid()}-def456"
    mine.mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as alive:
        try:
            running = tmp_path / f"{PREFIX}{alive.pid}-ghi789"
            running.mkdir()
            removed = remove_stale_folders(PREFIX, str(tmp_path))
        finally:
            alive.kill()
    assert removed == [dead]
    assert not dead.exists() and mine.is_dir() and running.is_dir()


def test_folders_without_a_process_id_and_other_names_are_left(tmp_path):
    kept = [tmp_path / f"{PREFIX}q8x_3kd1", tmp_path / f"{PREFIX}0-x",
            tmp_path / "torchscope-monkey-123-x", tmp_path / "unrelated-1-x"]
    for folder in kept:
        folder.mkdir()
    (tmp_path / f"{PREFIX}{_ended_process_id()}-file").write_text("a file, not a folder")
    assert remove_stale_folders(PREFIX, str(tmp_path)) == []
    assert all(folder.is_dir() for folder in kept)


def test_a_new_folder_carries_this_process_id_and_sweeps_first(tmp_path):
    dead = tmp_path / f"{PREFIX}{_ended_process_id()}-old"
    dead.mkdir()
    folder = make_owned_folder(PREFIX, str(tmp_path))
    assert os.path.basename(folder).startswith(f"{PREFIX}{os.getpid()}-")
    assert os.path.isdir(folder) and not dead.exists()


def test_the_temporary_directory_form_sweeps_and_is_removed_after_the_block(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    dead = tmp_path / f"{PREFIX}{_ended_process_id()}-old"
    dead.mkdir()
    with owned_temporary_directory(PREFIX) as folder:
        assert os.path.basename(folder).startswith(f"{PREFIX}{os.getpid()}-")
        assert not dead.exists()
    assert not os.path.exists(folder)

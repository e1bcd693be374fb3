"""What a killed save leaves (``.<name>.torchscope.XXXXXXXX.part``) is removed by the next
save or open in that folder, and the user is told; a save still running keeps its file, and
files that are not ours are never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import torch

from engine.core.progress import Progress
from engine.session.workspace_file import open_workspace, run_to_end, save_workspace

ROOT = str(Path(__file__).resolve().parents[3])


def age(path: Path, seconds: float = 3600) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def start_save(path: Path) -> subprocess.Popen:
    """A child process that stops in the middle of saving ``path`` (its part file written)."""
    script = textwrap.dedent(f"""
        import time, torch
        import engine.session.workspace_file as wf
        wf.CHUNK_BYTES = 4096
        job = wf.save_workspace({str(path)!r}, {{"new": torch.zeros(100_000)}})
        for index, _ in enumerate(job):
            if index == 10:
                print("mid-save", flush=True)
                time.sleep(120)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "mid-save"
    return child


def part_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "w.torchscope"
    run_to_end(save_workspace(path, {"old": torch.arange(4.0)}))
    return path


def test_a_killed_saves_part_file_is_kept_while_it_runs_and_removed_after(saved):
    child = start_save(saved)
    try:
        [part] = part_files(saved.parent)
        age(part)  # even an old-looking file is kept while a live save holds it
        assert run_to_end(open_workspace(saved)).notes == ()
        assert part.exists()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    age(part)
    data = run_to_end(open_workspace(saved))
    assert not part.exists() and data.tensors["old"].tolist() == [0.0, 1.0, 2.0, 3.0]
    [note] = data.notes
    assert "Removed 1 unfinished file(s)" in note and part.name in note


def test_the_next_save_removes_leftovers_says_so_and_spares_other_files(saved):
    folder = saved.parent
    dead = folder / ".w.torchscope.k3x_9q2a.part"
    other = [folder / ".notes.txt.k3x_9q2a.part", folder / "w.torchscope.part",
             folder / ".w.torchscope.tooshort.part.bak", folder / ".w.npy.k3x_9q2a.part"]
    fresh = folder / ".w.torchscope.fresh123.part"  # written a moment ago: maybe starting
    for path in [dead, *other, fresh]:
        path.write_bytes(bytes(1024))
        age(path) if path != fresh else None
    job = save_workspace(saved, {"new": torch.ones(3)})
    messages = []
    while True:
        try:
            messages.append(next(job))
        except StopIteration:
            break
    assert not dead.exists() and fresh.exists() and all(p.exists() for p in other)
    assert any(isinstance(m, Progress) and dead.name in m.message for m in messages)
    assert run_to_end(open_workspace(saved)).tensors["new"].tolist() == [1.0, 1.0, 1.0]

"""What native libraries keep over a long session is bounded (gui.core.memory).

oneDNN (PyTorch's CPU convolutions) kept every primitive it compiled for a new shape, up to
1,024: ~40 MiB after three conv-net presets, for good. The job runner bounds it before any
job runs PyTorch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gui.core.memory import ONEDNN_CACHE_CAPACITY, ONEDNN_CACHE_ENV, bound_onednn_cache

ROOT = Path(__file__).resolve().parents[3]
# Three convolutions of new shapes, then the first shape again: a hit only if it was kept.
CONVOLUTIONS = textwrap.dedent("""
    import sys, torch
    if sys.argv[1] != "default":
        from gui.core.memory import bound_onednn_cache
        bound_onednn_cache(int(sys.argv[1]))  # after torch's import, before a convolution
    conv = torch.nn.Conv2d(3, 64, 7, stride=2, padding=3)
    for size in (64, 72, 80, 64):
        conv(torch.ones(1, 3, size, size))
""")


def _cache_lookups(capacity: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if key != ONEDNN_CACHE_ENV}
    env["ONEDNN_VERBOSE"] = "all"  # one line per primitive: create:cache_hit or cache_miss
    done = subprocess.run([sys.executable, "-c", CONVOLUTIONS, capacity], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return [line.split(",")[3].removeprefix("create:") for line in done.stdout.splitlines()
            if ",create:cache_" in line and ",convolution," in line]


def test_the_job_runner_bounds_onednn_before_any_job(qtbot, monkeypatch):
    from gui.core.workers import JobRunner

    monkeypatch.delenv(ONEDNN_CACHE_ENV, raising=False)
    runner = JobRunner()
    try:
        assert os.environ[ONEDNN_CACHE_ENV] == str(ONEDNN_CACHE_CAPACITY)
    finally:
        runner.shutdown()


def test_a_capacity_the_user_chose_wins(monkeypatch):
    monkeypatch.setenv(ONEDNN_CACHE_ENV, "7")
    bound_onednn_cache()
    assert os.environ[ONEDNN_CACHE_ENV] == "7"


def test_onednn_forgets_the_oldest_primitives_beyond_the_bound():
    default = _cache_lookups("default")
    if not default:  # a PyTorch built without oneDNN, or convolutions not routed to it
        pytest.skip("no oneDNN convolution primitives in this PyTorch")
    assert default == ["cache_miss"] * 3 + ["cache_hit"]
    assert _cache_lookups("2") == ["cache_miss"] * 4

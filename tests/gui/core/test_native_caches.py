"""What native libraries keep over a long session is bounded (gui.core.memory).

oneDNN (PyTorch's CPU convolutions) kept every primitive it compiled for a new shape, up to
1,024: ~40 MiB after three conv-net presets, for good. MKL (matrix products) kept its
scratch buffers in a pool of its own. The job runner bounds both before any job runs
PyTorch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gui.core.memory import (
    MKL_BUFFER_POOL_ENV,
    ONEDNN_CACHE_CAPACITY,
    ONEDNN_CACHE_ENV,
    bound_onednn_cache,
)

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


# Three batches through four wide linear layers, then what MKL kept: resident anonymous
# memory after the C heap's free pages went back (MiB).
MATRIX_PRODUCTS = textwrap.dedent("""
    import ctypes, gc, sys
    if sys.argv[1] == "bounded":
        from gui.core.memory import disable_mkl_buffer_pool
        disable_mkl_buffer_pool()  # before torch's libraries load, as the job runner does
    import torch

    def anonymous_mib():
        gc.collect()
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status
                        if line.startswith("RssAnon")) / 1024

    layers = torch.nn.Sequential(*[torch.nn.Linear(2048, 2048) for _ in range(4)])
    before = anonymous_mib()
    with torch.no_grad():
        for rows in (256, 512, 1024):
            layers(torch.randn(rows, 2048))
    print(torch.backends.mkl.is_available(), anonymous_mib() - before)
""")


def _kept_by_matrix_products(mode: str) -> tuple[bool, float]:
    env = {key: value for key, value in os.environ.items() if key != MKL_BUFFER_POOL_ENV}
    done = subprocess.run([sys.executable, "-c", MATRIX_PRODUCTS, mode], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    has_mkl, kept = done.stdout.split()
    return has_mkl == "True", float(kept)


def test_the_job_runner_turns_mkl_buffer_pool_off_before_any_job(qtbot, monkeypatch):
    from gui.core.workers import JobRunner

    monkeypatch.delenv(MKL_BUFFER_POOL_ENV, raising=False)
    runner = JobRunner()
    try:
        assert os.environ[MKL_BUFFER_POOL_ENV] == "1"
    finally:
        runner.shutdown()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, trims glibc")
def test_without_its_pool_mkl_keeps_less_after_matrix_products():
    has_mkl, pooled = _kept_by_matrix_products("default")
    if not has_mkl:
        pytest.skip("a PyTorch built without MKL")
    _has_mkl, bounded = _kept_by_matrix_products("bounded")
    assert bounded < pooled - 4  # measured: 1.9 against 10.8 MiB

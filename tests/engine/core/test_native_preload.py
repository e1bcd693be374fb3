"""Start-up loads torch's compiled libraries on a thread of their own: the libraries torch
itself loads, in its order, and ``import torch`` works after it as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from engine.core import native_preload

ROOT = Path(__file__).resolve().parents[3]

# In a fresh process: start the preload, wait for it, check the libraries are loaded, then
# import torch and compute.
FRESH_PROCESS = """
from engine.core import native_preload
paths = native_preload.torch_library_paths()
assert native_preload.start_loading_torch_libraries()
assert not native_preload.start_loading_torch_libraries()  # once
native_preload.wait_for_torch_libraries()
loaded = open("/proc/self/maps").read()
import torch
print(len(paths), all(path in loaded for path, _ in paths), float(torch.arange(4.0).sum()))
"""


def _clean_env(monkeypatch) -> None:
    for name in ("LD_LIBRARY_PATH", "LD_PRELOAD", "TORCHSCOPE_NO_PRELOAD"):
        monkeypatch.delenv(name, raising=False)


def test_paths_are_torchs_global_deps_then_its_extension(monkeypatch):
    _clean_env(monkeypatch)
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    paths = native_preload.torch_library_paths()
    assert [Path(path).name.split(".")[0] for path, _ in paths] == [
        "libtorch_global_deps", "_C"]
    assert paths[0][1] & os.RTLD_GLOBAL  # as torch's own _load_global_deps
    assert paths[1][1] == sys.getdlopenflags()  # as Python's import would open _C


def test_nothing_is_preloaded_when_the_loader_could_pick_other_copies(monkeypatch):
    _clean_env(monkeypatch)
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    for name in ("LD_LIBRARY_PATH", "LD_PRELOAD", "TORCHSCOPE_NO_PRELOAD"):
        monkeypatch.setenv(name, "/somewhere")
        assert native_preload.torch_library_paths() == []
        monkeypatch.delenv(name)


def test_nothing_is_preloaded_once_torch_is_imported(monkeypatch):
    _clean_env(monkeypatch)
    import torch  # noqa: F401

    assert native_preload.torch_library_paths() == []


def test_a_fresh_process_preloads_then_imports_torch():
    env = {k: v for k, v in os.environ.items()
           if k not in ("LD_LIBRARY_PATH", "LD_PRELOAD", "TORCHSCOPE_NO_PRELOAD")}
    result = subprocess.run([sys.executable, "-c", FRESH_PROCESS], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "True", "6.0"]

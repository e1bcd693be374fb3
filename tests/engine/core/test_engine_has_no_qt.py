"""engine/ must import and work with Qt, pyqtgraph, superqt and gui made unimportable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

BLOCKER = r"""
import importlib, importlib.abc, pkgutil, sys
BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "qtpy", "gui")

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"engine imported {name}")
        return None

sys.meta_path.insert(0, Blocker())
import engine
names = [m.name for m in pkgutil.walk_packages(engine.__path__, "engine.")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_engine_module_imports_without_qt():
    done = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) >= 5

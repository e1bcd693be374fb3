"""The first layout imports igraph without matplotlib (igraph pulls pyplot in when it can:
0.6-1.1 s and ~30 MiB that the app never uses); matplotlib still imports afterwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys
import numpy as np
from engine.autograd.layout import layout_edges
layout = layout_edges(3, np.array([[0, 1], [1, 2]]))
print(layout.method, "matplotlib" in sys.modules, "igraph" in sys.modules)
import matplotlib
print(matplotlib.__name__)
"""


def test_the_first_layout_leaves_matplotlib_unimported_and_importable():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split("\n")[:2] == ["sugiyama False True", "matplotlib"]

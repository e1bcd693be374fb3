"""The tabs' modules imported while torch's libraries load import no torch: the GUI thread
would otherwise import torch itself (a window frozen for seconds)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CHECK = """
import sys
from gui.shell.tabs import import_torch_free_modules
import_torch_free_modules()
print(sorted(name for name in sys.modules if name.split(".")[0] in ("torch", "torchvision")))
"""


def test_the_torch_free_modules_import_no_torch():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

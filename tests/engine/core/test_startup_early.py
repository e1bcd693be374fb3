"""What start-up imports while torch's libraries load (before ``import torch``) needs no
torch: otherwise the worker would import torch there, before the libraries are loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.core.startup import TORCH_FREE_MODULES

ROOT = Path(__file__).resolve().parents[3]

CHECK = """
import sys
from engine.core.startup import TORCH_FREE_MODULES, _import_by_name
from engine.i18n.messages import load_catalogues
_import_by_name(TORCH_FREE_MODULES)
load_catalogues()
missing = [name for name in TORCH_FREE_MODULES if name not in sys.modules]
print(missing, sorted(name for name in sys.modules if name.split(".")[0] == "torch"))
"""


def test_the_early_modules_exist_and_import_no_torch():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"
    assert len(set(TORCH_FREE_MODULES)) == len(TORCH_FREE_MODULES)

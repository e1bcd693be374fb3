"""The exported script and notebook re-run whatever names the user chose, even names the
generated code itself uses (``locals``, ``torch``, ``math``, ``np``, ``gen``, builtins)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import torch

from engine.core.codegen import PREAMBLE, CodeStep
from engine.session.export import group_by_tab, write_session

# Console lines as the console records them: each name shadows something, most are read
# before the line rebinds them (valid in the app, where each tab runs in a namespace).
SHADOWING = [
    ("console", CodeStep("Line 1", "locals = torch.ones(2)")),
    ("console", CodeStep("Line 2", "gen = torch.Generator().manual_seed(0)\n"
                                   "x = torch.rand(2, generator=gen)")),
    ("console", CodeStep("Line 3", "import numpy as np\nnp = torch.tensor(np.pi)")),
    ("console", CodeStep("Line 4", "len = torch.tensor(len([1, 2, 3]))")),
    ("console", CodeStep("Line 5", "torch = torch.zeros(3) + math.pi")),
    ("console", CodeStep("Line 6", "math = torch * 2")),
    ("console", CodeStep("Line 7", "print = math.sum()\ndict = print * 2")),
    ("console", CodeStep("Line 8", "isinstance = dict + 1\nresults = isinstance * 0\n"
                                   "main = results + 1")),
    ("tensors", CodeStep("Create", "a = torch.arange(3.0) * math.e\nn = len([a, a])\n"
                                   "b = a + n\nprint(b)\nd = torch.tensor(dict(k=1)['k'])")),
    ("autograd", CodeStep("Seeded", "gen = torch.Generator().manual_seed(1)\n"
                                    "y = torch.rand(2, generator=gen)\n"
                                    "locals = y * 2\nz = torch.tensor(float(isinstance(y, "
                                    "torch.Tensor)))")),
]


def reference_values(steps) -> dict[str, dict[str, list]]:
    """The app's meaning: each tab's steps in order after PREAMBLE, in a namespace of its own."""
    values = {}
    for section in group_by_tab(steps):
        namespace: dict = {}
        exec(PREAMBLE, namespace)
        for step in section.steps:
            exec(step.code, namespace)
        values[section.tab_key] = {k: v.detach().tolist() for k, v in namespace.items()
                                   if isinstance(v, torch.Tensor)}
    return values


def test_script_and_notebook_rerun_when_user_names_shadow_generated_ones(tmp_path):
    assert write_session(SHADOWING, tmp_path / "s.py") == "script"
    assert write_session(SHADOWING, tmp_path / "s.ipynb") == "notebook"
    expected = reference_values(SHADOWING)
    names = {tab: sorted(values) for tab, values in expected.items()}
    driver = textwrap.dedent(f"""
        import json, runpy, nbformat, torch
        module = runpy.run_path("s.py", run_name="__main__")
        script = {{tab: {{k: v.detach().tolist() for k, v in ns.items()
                         if isinstance(v, torch.Tensor)}}
                  for tab, ns in module["main"]().items()}}
        cells = [c for c in nbformat.read("s.ipynb", as_version=4).cells
                 if c.cell_type == "code"]
        tabs = [c.metadata.get("torchscope", {{}}).get("tab") for c in cells]
        namespace, notebook = {{}}, {{}}
        for index, cell in enumerate(cells):
            exec(cell.source, namespace)
            following = tabs[index + 1] if index + 1 < len(cells) else None
            if tabs[index] is not None and following != tabs[index]:
                notebook[tabs[index]] = {{k: namespace[k].detach().tolist()
                                          for k in {names}[tabs[index]]}}
        print(json.dumps({{"script": script, "notebook": notebook}}))
    """)
    done = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                          timeout=180, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    produced = json.loads(done.stdout.splitlines()[-1])
    assert produced["script"] == expected
    assert produced["notebook"] == expected
    assert "=== console ===" in done.stdout and "locals =\ntensor([1., 1.])" in done.stdout

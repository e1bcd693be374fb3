"""Session area: saving/opening workspaces, exporting tensors and sessions."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.core import Figure, median_seconds

WORKSPACE_MIB = 64


def run() -> list[Figure]:
    import torch

    from engine.core.codegen import CodeStep
    from engine.session.export import write_session
    from engine.session.tensor_export import export_tensor
    from engine.session.workspace_file import open_workspace, run_to_end, save_workspace

    torch.manual_seed(0)
    tensors = {"big": torch.randn(WORKSPACE_MIB * 1024 * 256), "small": torch.ones(3, 4)}
    matrix = torch.randn(1000, 1000)
    steps = [("tensors", CodeStep(f"Step {i}", f"t{i} = torch.ones({i % 7 + 1})", "Ones."))
             for i in range(200)]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        ws = base / "w.torchscope"
        save = median_seconds(lambda: run_to_end(save_workspace(ws, tensors, steps)), repeats=3)
        load = median_seconds(lambda: run_to_end(open_workspace(ws)), repeats=3)
        csv = median_seconds(lambda: run_to_end(export_tensor(matrix, base / "m.csv")),
                             repeats=3)
        npy = median_seconds(lambda: run_to_end(export_tensor(matrix, base / "m.npy")),
                             repeats=3)
        script = median_seconds(lambda: write_session(steps, base / "s.py"), repeats=3)
        notebook = median_seconds(lambda: write_session(steps, base / "s.ipynb"), repeats=3)
    return [
        Figure(f"save workspace ({WORKSPACE_MIB} MiB, fsync)", save, "s", {"max": 2.0}),
        Figure(f"open workspace ({WORKSPACE_MIB} MiB)", load, "s", {"max": 2.0}),
        Figure("export 1000x1000 float32 to CSV", csv, "s", {"max": 5.0}),
        Figure("export 1000x1000 float32 to .npy", npy, "s", {"max": 0.5}),
        Figure("export 200-step session as script", script, "s", {"max": 0.5}),
        Figure("export 200-step session as notebook", notebook, "s", {"max": 1.0}),
    ]

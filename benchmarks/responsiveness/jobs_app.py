"""Jobs of the whole window: idle (the noise floor), the console, the session (export,
save, open) and the language switch."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.responsiveness.harness import (
    START,
    TAIL_MS,
    Bench,
    Idle,
    JobScript,
    Skip,
    Sleep,
    Start,
    Until,
)
from benchmarks.responsiveness.jobs_tensors import create

WORKSPACE_MIB = 256
CONSOLE_CELL = "\n".join(
    ["m = torch.randn(1024, 1024)", "p = m @ m.T", "s = p.sum()", "print(s.shape)"]
    + [f"t{i} = torch.ones({i % 7 + 1}) * {i}" for i in range(196)])


def idle(bench: Bench) -> JobScript:
    yield Idle()
    yield START
    yield Sleep(2000)


def console(bench: Bench) -> JobScript:
    window = bench.window
    dock = window.console_dock
    if not dock.isVisible():
        dock.toggleViewAction().trigger()  # View → PyTorch console
    panel = dock.panel
    if panel is None:
        raise Skip("the console panel was not built")
    yield Idle()
    yield START
    panel.run_source(CONSOLE_CELL)
    yield Until(lambda: not panel.is_running(), "the console cell", timeout_s=120)
    yield Idle()
    if "t195" not in window.workspace.names():
        raise Skip("the console cell did not run to its end")
    yield Sleep(TAIL_MS)
    dock.hide()


def export(bench: Bench) -> JobScript:
    import gui.session.dialogs as dialogs

    window = bench.window
    target = bench.folder / "session.ipynb"
    steps = len(window.session.entries())
    bench.rename(f"export session as notebook ({steps} steps)")
    original = dialogs.ask_session_export_path
    dialogs.ask_session_export_path = lambda _parent, _kind: target  # the file dialog
    try:
        yield Idle()
        yield START
        window.session_actions.export_notebook_action.trigger()
        yield Idle()
    finally:
        dialogs.ask_session_export_path = original
    if not target.is_file():
        raise Skip("no notebook was written")
    yield Sleep(TAIL_MS)


def _workspace_bytes(window) -> int:
    return sum(t.element_size() * t.nelement() for _name, t in window.workspace.workspace.items())


def save_workspace(bench: Bench) -> JobScript:
    window = bench.window
    missing = WORKSPACE_MIB * 2**20 - _workspace_bytes(window)
    if missing > 2**22:  # make the workspace WORKSPACE_MIB big: a (k, 1024, 1024) float32
        setup = create(bench, "rand", f"{round(missing / 2**22)}, 1024, 1024", "ballast")
        for step in setup:
            if not isinstance(step, Start):
                yield step
    size = _workspace_bytes(window) / 2**20
    bench.rename(f"save workspace ({size:.0f} MiB)")
    target = bench.folder / "bench.torchscope"
    yield Idle()
    yield START
    if not window.session_actions.save(path=target):
        raise Skip("saving did not start")
    yield Idle(what="the workspace to be saved")
    if not target.is_file():
        raise Skip("no workspace file was written")
    yield Sleep(TAIL_MS)


def open_workspace(bench: Bench) -> JobScript:
    window = bench.window
    target = bench.folder / "bench.torchscope"
    if not target.is_file():
        raise Skip("no workspace was saved")
    bench.rename(f"open workspace ({target.stat().st_size / 2**20:.0f} MiB file)")
    yield Idle()
    yield START
    window.session_actions.open(target)
    yield Idle(what="the workspace to be opened")
    if window.session_actions.path != target:
        raise Skip("the workspace was not opened")
    yield Sleep(TAIL_MS)


def language(code: str) -> Callable[[Bench], JobScript]:
    def script(bench: Bench) -> JobScript:
        window = bench.window
        action = window.language_actions.get(code)
        if action is None:
            raise Skip(f"no {code} language")
        yield Idle()
        yield START
        action.trigger()  # View → Language
        yield Sleep(200)
        yield Idle()
        yield Sleep(TAIL_MS)

    return script

"""Command-line chores of an installed TorchScope (no window, no Qt):

- ``torchscope --install-desktop``: puts ``torchscope.desktop`` and the icon in the user's
  ``$XDG_DATA_HOME`` (``~/.local/share``) so TorchScope appears in the desktop's menu;
- ``torchscope --check-extensions``: checks that torchvision's compiled libraries load
  (what a PyInstaller bundle or a broken install can silently miss);
- ``torchscope --open-workspace FILE --check``: ``run_open_workspace_check`` opens FILE with
  the engine code the GUI uses and prints what it holds, or the named error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TextIO

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP_NAME = "torchscope.desktop"
ICON_NAME = "torchscope.svg"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _quote(argument: str) -> str:
    """Quote one Exec argument as the desktop entry specification asks."""
    if not any(ch in argument for ch in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    return f'"{escaped}"'


def launcher_command() -> str:
    """The command that starts this installation of TorchScope."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle
        return _quote(sys.executable)
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == "torchscope" and argv0.exists():
        return _quote(str(argv0.resolve()))
    found = shutil.which("torchscope")
    if found:
        return _quote(found)
    main_py = RESOURCES.parent / "main.py"  # a source checkout
    if main_py.exists():
        return f"{_quote(sys.executable)} {_quote(str(main_py))}"
    return f"{_quote(sys.executable)} -m gui.shell.app"


def desktop_entry(exec_command: str, icon_path: Path) -> str:
    lines = []
    for line in (RESOURCES / DESKTOP_NAME).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_command}"
        elif line.startswith("Icon="):
            line = f"Icon={icon_path}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(target: Path | None = None) -> tuple[Path, Path]:
    """Write the .desktop entry and the icon under ``target`` (default: data_home())."""
    base = target or data_home()
    applications = base / "applications"
    icons = base / "icons" / "hicolor" / "scalable" / "apps"
    applications.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    icon = icons / ICON_NAME
    shutil.copyfile(RESOURCES / ICON_NAME, icon)
    entry = applications / DESKTOP_NAME
    entry.write_text(desktop_entry(launcher_command(), icon), encoding="utf-8")
    if shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", str(applications)], check=False,
                       capture_output=True)
    return entry, icon


def run_install_desktop() -> int:
    try:
        entry, icon = install_desktop()
    except OSError as exc:
        print(f"Could not install the desktop entry: {exc}", file=sys.stderr)
        return 1
    print(f"Desktop entry written to {entry}\nIcon written to {icon}")
    return 0


def run_check_extensions() -> int:
    from engine.core.selftest import torchvision_extensions_check

    ok, text = torchvision_extensions_check()
    print(("TorchScope extensions check passed: " if ok else
           "TorchScope extensions check FAILED: ") + text)
    return 0 if ok else 1


def run_open_workspace_check(path: str, out: TextIO) -> int:
    """Open the workspace ``path`` as the GUI does (``open_workspace``), without a window.

    Prints one line per tensor, ``name [sizes] dtype`` (the name is the first word, the
    dtype the last), and returns 0; or prints the named error (``DataError: ...``) and
    returns 2. What an interrupted save left in the folder is cleaned up as on opening in
    the GUI, and said first, prefixed with ``# ``.
    """
    from engine.core.errors import TorchScopeError
    from engine.session.workspace_file import open_workspace, run_to_end

    try:
        data = run_to_end(open_workspace(path))
    except TorchScopeError as exc:
        print(f"{type(exc).__name__}: {exc.describe()}", file=out)
        return 2
    for note in data.notes:
        print(f"# {note}", file=out)
    for name, tensor in data.tensors.items():
        dtype = str(tensor.dtype).removeprefix("torch.")
        print(f"{name} {list(tensor.shape)} {dtype}", file=out)
    return 0

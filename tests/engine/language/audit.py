"""An audit hook that records forbidden events while user code runs (armed on demand).

Audit hooks cannot be removed, so the hook is installed once and does nothing unless
``watching()`` is active. Forbidden: ``open`` for writing, ``os.system``,
``subprocess.Popen``, ``socket.connect``, compiling user text other than by ``ast.parse``
(filename ``<torchscope>``), executing code compiled from it, and importing a new module
outside torch/numpy/math unless the import is PyTorch's or NumPy's own lazy import.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from engine.language.guards import PARSE_FILENAME

_ALLOWED_TOP = {"torch", "numpy", "math"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_state: dict[str, object] = {"armed": False, "user_text": "", "violations": []}
_installed = False


def _lazy_import_by_library() -> bool:
    """True when the import was started from inside torch or numpy (their lazy imports)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if "importlib" not in name and "<frozen" not in name:
            return f"{os.sep}torch{os.sep}" in name or f"{os.sep}numpy{os.sep}" in name
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _violation(event: str, args: tuple[object, ...]) -> str | None:
    if event == "open":
        mode, flags = args[1], args[2] if len(args) > 2 else 0
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS)
        return f"open for writing: {args[0]}" if writing else None
    if event in ("os.system", "subprocess.Popen", "socket.connect", "os.exec", "os.spawn",
                 "os.posix_spawn", "pty.spawn", "ctypes.dlopen"):
        return f"{event}: {args}"
    if event == "compile":
        source, filename = args[0], args[1]
        user = str(_state["user_text"])
        if filename != PARSE_FILENAME and isinstance(source, str) and user and user in source:
            return f"compile of user text as {filename}"
        return None
    if event == "exec":
        code = args[0]
        return "exec of user text" if getattr(code, "co_filename", "") == PARSE_FILENAME else None
    if event == "import":
        module = str(args[0])
        if module.split(".")[0] in _ALLOWED_TOP or module in sys.modules:
            return None
        return None if _lazy_import_by_library() else f"import {module}"
    return None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _state["armed"]:
        return
    problem = _violation(event, args)
    if problem is not None:
        violations = _state["violations"]
        assert isinstance(violations, list)
        violations.append(problem)


@contextlib.contextmanager
def watching(user_text: str) -> Iterator[list[str]]:
    """Record forbidden events while the block runs ``user_text``; yields the list."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    violations: list[str] = []
    _state.update(armed=True, user_text=user_text, violations=violations)
    try:
        yield violations
    finally:
        _state["armed"] = False

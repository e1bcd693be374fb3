"""Names the user's steps rebind that the exported code relies on (``torch``, ``len``...).

In the app each tab's steps run in a namespace of their own, after ``PREAMBLE``: a step may
read ``torch``, ``math`` or a builtin and then rebind that very name (``len = len(x)``,
``torch = torch.zeros(3)``). Exported code must give such steps the same meaning:

- in the script a tab is a function, where a name the steps bind is local from the first
  line on, so reading it before the step binds it would fail; the function therefore first
  binds each such name to what the app's namespace starts with (``import torch``,
  ``from builtins import len``), and collects its variables through a name the steps never
  bind (``locals`` itself may be one of the user's names);
- in the notebook the tabs' sections share one namespace, so a section whose predecessors
  rebound such names starts by binding them back the same way.

Which names a piece of code binds is Python's own answer (``symtable``), never a guess.
"""

from __future__ import annotations

import ast
import builtins
import symtable
from collections.abc import Iterable

from engine.core.codegen import PREAMBLE

_PROBE = "_torchscope_probe"
BUILTIN_NAMES = frozenset(name for name in dir(builtins) if not name.startswith("_"))


def _preamble_imports() -> dict[str, str]:
    """Each name PREAMBLE binds -> the statement that binds it (``torch`` -> ``import torch``)."""
    statements: dict[str, str] = {}
    for node in ast.parse(PREAMBLE).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                name = alias.asname or alias.name.split(".")[0]
                statements[name] = ast.unparse(node)
    return statements


PREAMBLE_NAMES = _preamble_imports()


def bound_names(code: str) -> set[str]:
    """The names ``code`` binds when it runs as a function body (empty if it cannot)."""
    source = f"def {_PROBE}():\n" + "".join(f"    {line}\n" for line in code.splitlines())
    try:
        table = symtable.symtable(source + "    pass\n", "<export>", "exec")
    except (SyntaxError, ValueError):
        return set()
    for child in table.get_children():
        if child.get_name() == _PROBE:
            return {symbol.get_name() for symbol in child.get_symbols() if symbol.is_local()}
    return set()


def restoring_lines(names: Iterable[str]) -> list[str]:
    """Statements that bind each of ``names`` that PREAMBLE or Python provides back to it."""
    wanted = set(names)
    lines = sorted({PREAMBLE_NAMES[name] for name in wanted if name in PREAMBLE_NAMES})
    from_builtins = sorted(wanted & BUILTIN_NAMES - set(PREAMBLE_NAMES))
    if from_builtins:
        lines.append(f"from builtins import {', '.join(from_builtins)}")
    return lines


def shadowed(names: Iterable[str]) -> set[str]:
    """Those of ``names`` that PREAMBLE or Python's builtins already give a meaning."""
    return {name for name in names if name in PREAMBLE_NAMES or name in BUILTIN_NAMES}


def fresh_name(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem_2``, ``stem_3``... whichever ``taken`` does not hold."""
    name, index = stem, 1
    while name in taken:
        index += 1
        name = f"{stem}_{index}"
    return name

"""``import`` statements: they bind names to module proxies; nothing is imported."""

from __future__ import annotations

import ast

from engine.language.errors import LanguageError, column_of, refusal
from engine.language.modules import IMPORTABLE, ModuleProxy


def _module(name: str) -> ModuleProxy:
    proxy = IMPORTABLE.get(name)
    if proxy is None:
        raise refusal("`{module}` cannot be imported in TorchScope's PyTorch: torch, "
                      "numpy and math can (datasets live in the Datasets tab).", module=name)
    return proxy


def _import(node: ast.Import) -> list[tuple[str, object]]:
    bound: list[tuple[str, object]] = []
    for alias in node.names:
        proxy = _module(alias.name)
        if alias.asname:
            bound.append((alias.asname, proxy))
        else:
            top = alias.name.split(".")[0]
            bound.append((top, _module(top)))
    return bound


def _import_from(node: ast.ImportFrom) -> list[tuple[str, object]]:
    if node.level:
        raise refusal("Relative imports are not part of TorchScope's PyTorch.")
    proxy = _module(node.module or "")
    bound: list[tuple[str, object]] = []
    for alias in node.names:
        if alias.name == "*":
            raise refusal("`from {module} import *` is not part of TorchScope's PyTorch: "
                          "name what you import.", module=proxy.name)
        if alias.name not in proxy.members:
            raise refusal("`{module}.{name}` is not part of TorchScope's PyTorch.",
                          module=proxy.name, name=alias.name)
        bound.append((alias.asname or alias.name, proxy.member(alias.name)))
    return bound


def import_names(node: ast.Import | ast.ImportFrom, lines: list[str]
                 ) -> list[tuple[str, object]]:
    """The (name, value) pairs an import statement binds, or a refusal placed at it."""
    try:
        return _import(node) if isinstance(node, ast.Import) else _import_from(node)
    except LanguageError as exc:
        raise exc.at(*column_of(node, lines)) from None

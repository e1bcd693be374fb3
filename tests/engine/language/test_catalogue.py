"""Every message the language can show has a Spanish translation with the same fields."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import engine.language
from engine.i18n.catalogues.es_language import MESSAGES

_CALLS = {"msg", "refusal", "LanguageError"}
_HINT_TABLES = {"_NAME_HINTS", "_SYNTAX_HINTS", "_HINTS"}


def _templates() -> set[str]:
    found: set[str] = set()
    for path in Path(engine.language.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in _CALLS
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                if isinstance(target, ast.Name) and target.id in _HINT_TABLES:
                    found.update(v.value for v in node.value.values
                                 if isinstance(v, ast.Constant))
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_message_is_translated() -> None:
    templates = _templates()
    assert len(templates) > 80
    assert templates - set(MESSAGES) == set()
    for english in templates:
        if "{" in english and english.count("{") == english.count("}") and "f\"{" not in english:
            assert _fields(english) == _fields(MESSAGES[english]), english

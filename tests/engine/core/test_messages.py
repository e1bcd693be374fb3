"""Every engine message has a Spanish translation, and msg() switches language."""

from __future__ import annotations

import ast
from pathlib import Path

from engine.i18n import messages
from engine.i18n.messages import msg, set_language

ENGINE = Path(__file__).resolve().parents[3] / "engine"


def _msg_literals() -> set[tuple[str, str]]:
    found = set()
    for path in ENGINE.rglob("*.py"):
        if "locale" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "msg" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add((path.name, node.args[0].value))
    return found


def test_every_msg_literal_has_a_spanish_entry():
    catalogue = messages._catalogue("es")
    missing = sorted(f"{name}: {text!r}" for name, text in _msg_literals()
                     if text not in catalogue)
    assert not missing, "untranslated engine messages:\n" + "\n".join(missing)


def test_spanish_entries_keep_the_same_placeholders():
    import string

    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    wrong = [en for en, es in messages._catalogue("es").items() if fields(en) != fields(es)]
    assert not wrong, f"placeholders differ in: {wrong}"


def test_msg_follows_the_language():
    template = "A tensor of shape {shape} would need {size}, more than the {guard} this app " \
               "allows for one tensor. Try smaller sizes."
    try:
        set_language("es")
        spanish = msg(template, shape=(2,), size="1 GiB", guard="2 GiB")
    finally:
        set_language("en")
    english = msg(template, shape=(2,), size="1 GiB", guard="2 GiB")
    assert english.startswith("A tensor of shape (2,)")
    assert spanish != english and "(2,)" in spanish


def test_numbers_are_grouped_as_each_language_writes_them():
    from engine.i18n.messages import current_language, grouped, set_language

    before = current_language()
    try:
        set_language("en")
        assert (grouped(999), grouped(1000), grouped(60_000_000)) == ("999", "1,000", "60,000,000")
        set_language("es")
        assert grouped(1000) == "1.000"
    finally:
        set_language(before)

"""Code texts made compact before a step keeps them for the rest of the session.

A step's code is built from pieces (``compose`` and ``join_texts`` nested a few levels, with
a translated comment here and there), and every level is a ``Text`` that keeps its own
rendered copy, its template and a dict of parameters: a broadcasting step kept 3.4 KB for
270 characters of code. ``flat_code`` makes one equivalent text whose template holds all
the fixed code and whose only parameters are the translated comments, so it still renders
in whichever language is current.
"""

from __future__ import annotations

from string import Formatter

from engine.i18n.messages import Text, compose

_FORMATTER = Formatter()


class _Unflattenable(Exception):
    """A field the flattening does not handle (nested format specs, indexed names)."""


def flat_code(code: str) -> str:
    """``code`` rendered the same in every language, with the fewest ``Text`` objects: a
    plain string when nothing in it is translated."""
    if not isinstance(code, Text) or code.translated:
        return code
    messages: dict[str, Text] = {}
    try:
        template = _inline(code, messages)
    except _Unflattenable:
        return code
    return compose(template, **messages) if messages else str(code)


def _inline(text: Text, messages: dict[str, Text]) -> str:
    """The template of an untranslated ``text`` with its fixed parameters written in and
    its translated ones (``messages``, filled here) as fields."""
    parts: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(text.template):
        parts.append(_escape(literal))
        if name is None:
            continue
        if name not in text.params or "{" in (spec or ""):
            raise _Unflattenable(name)
        parts.append(_field(text.params[name], spec or "", conversion, messages))
    return "".join(parts)


def _field(value: object, spec: str, conversion: str | None, messages: dict[str, Text]) -> str:
    plain = not spec and not conversion
    if isinstance(value, Text) and not value.translated and plain:
        return _inline(value, messages)
    suffix = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    if isinstance(value, Text):
        key = f"m{len(messages)}"
        messages[key] = value
        return "{" + key + suffix + "}"
    return _escape(("{0" + suffix + "}").format(value))


def _escape(literal: str) -> str:
    return literal.replace("{", "{{").replace("}", "}}")

"""Re-render an engine text in another language after the user switches languages.

Engine texts are formatted when a step runs (``engine.i18n.messages.msg``), so a step's
explanation stays in the language of that moment. ``retranslate(text, source, target)``
recognises the message templates the text was made of (whole lines, or sentences joined
by spaces) in the ``source`` catalogue, pulls out their values and formats the ``target``
templates with them. Anything it does not recognise is returned unchanged.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

from engine.i18n.messages import SUPPORTED_LANGUAGES

_PLACEHOLDER = re.compile(r"\\\{(\w+)((?:[:!][^}]*)?)\\\}")
_MAX_SENTENCES = 20


@functools.cache
def _pairs() -> tuple[tuple[str, str], ...]:
    """(English, Spanish) for every catalogued template."""
    from engine.i18n import catalogues as locale

    pairs: dict[str, str] = {}
    for module in pkgutil.iter_modules(locale.__path__):
        if module.name.startswith("es_"):
            pairs.update(importlib.import_module(f"engine.i18n.catalogues.{module.name}").MESSAGES)
    return tuple(pairs.items())


def _pattern(template: str) -> re.Pattern | None:
    """A regex matching ``template`` once formatted; None for templates with little text."""
    if "{{" in template or len(re.sub(r"\{\w*[^}]*\}", "", template).strip()) < 2:
        return None
    seen: set[str] = set()

    def group(match: re.Match) -> str:
        name = match.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>(?:(?!\\. ).)+?)"  # a value never spans sentences

    try:
        return re.compile(_PLACEHOLDER.sub(group, re.escape(template)), re.DOTALL)
    except re.error:
        return None


@functools.cache
def _table(source: str, target: str) -> tuple[tuple[re.Pattern, str], ...]:
    index = {"en": 0, "es": 1}
    rows = []
    for pair in _pairs():
        pattern = _pattern(pair[index[source]])
        if pattern is not None:
            rows.append((_literal_length(pair[index[source]]), pattern, pair[index[target]]))
    rows.sort(key=lambda row: -row[0])  # the most specific template wins
    return tuple((pattern, target_text) for _, pattern, target_text in rows)


def _literal_length(template: str) -> int:
    return len(re.sub(r"\{\w*[^}]*\}", "", template))


def _one(text: str, table, depth: int = 0) -> str | None:
    """The whole ``text`` as one template of ``table``, re-rendered; None if none fits."""
    for pattern, target in table:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = match.groupdict()
        if depth < 2:  # values may be messages themselves ("equal", "shares storage")
            values = {k: _one(v, table, depth + 1) or _sentences(v, table, depth + 1) or v
                      for k, v in values.items()}
        try:
            return target.format(**values)
        except (KeyError, ValueError, IndexError):
            continue
    return None


def _sentences(text: str, table, depth: int = 0) -> str | None:
    """``text`` as several templates joined by single spaces after a full stop."""
    cuts = [m.end() for m in re.finditer(r"[.!?] ", text)][:_MAX_SENTENCES]

    @functools.cache
    def from_(start: int) -> str | None:
        whole = _one(text[start:], table, depth)
        if whole is not None:
            return whole
        for cut in cuts:
            if cut <= start:
                continue
            head, rest = _one(text[start:cut - 1], table, depth), from_(cut)
            if head is not None and rest is not None:
                return f"{head} {rest}"
        return None

    return from_(0)


def retranslate(text: str, source: str, target: str) -> str:
    """``text`` (made in ``source``) in ``target``, line by line; unknown lines unchanged."""
    if source == target or source not in SUPPORTED_LANGUAGES or target not in \
            SUPPORTED_LANGUAGES or not text:
        return text
    table = _table(source, target)
    lines = []
    for line in text.split("\n"):
        lines.append(_one(line, table) or _sentences(line, table) or line if line else line)
    return "\n".join(lines)

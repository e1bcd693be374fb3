"""Code whose ``#`` comments follow the UI language, and only its comments.

``shown_code(text)`` returns a ``compose`` Text of ``text`` in which every comment is a
``msg`` of its words: rendered in English it is ``text`` itself, in Spanish only the
comments (which never run) change. The words of each comment need an entry in the area's
Spanish catalogue, like any other message.
"""

from __future__ import annotations

import io
import tokenize

from engine.i18n.messages import Text, compose, msg


def comments(text: str) -> dict[tuple[int, int], str]:
    """(row, column) of every ``#`` comment -> its words (without ``#``)."""
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return {tok.start: tok.string.removeprefix("#").strip() for tok in tokens
            if tok.type == tokenize.COMMENT}


def shown_code(text: str) -> Text:
    """``text`` with its comments translated on rendering (identical in English)."""
    found = comments(text)
    lines = [line.replace("{", "{{").replace("}", "}}") for line in text.split("\n")]
    params: dict[str, object] = {}
    for (row, column), words in found.items():
        key = f"c{len(params)}"
        params[key] = msg(words)
        line = text.split("\n")[row - 1]
        escaped = line[:column].replace("{", "{{").replace("}", "}}")
        lines[row - 1] = f"{escaped}# {{{key}}}"
    return compose("\n".join(lines), **params)

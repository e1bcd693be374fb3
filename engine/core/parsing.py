"""Typed text -> typed values: shapes and dtypes. Never ``eval``.

Shapes accept ``2, 3``, ``(2, 3)``, ``[2,3]``, ``2x3`` and ``2 × 3``; ``()`` or an empty
field is the 0-d shape. Every failure is an ``InputError`` naming the field and column.
"""

from __future__ import annotations

import re

from engine.core.errors import InputError
from engine.core.limits import MAX_DIMENSIONS
from engine.i18n.messages import msg

# Names the UI offers, in the study note's order, mapped to torch attribute names.
DTYPE_NAMES: dict[str, str] = {
    "bool": "bool",
    "int8": "int8",
    "uint8": "uint8",
    "int16": "int16",
    "int32": "int32",
    "int64": "int64",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "float32": "float32",
    "float64": "float64",
}
DTYPE_ALIASES: dict[str, str] = {
    "half": "float16",
    "float": "float32",
    "double": "float64",
    "bfloat": "bfloat16",
    "short": "int16",
    "int": "int32",
    "long": "int64",
}
MAX_SIZE_DIGITS = 12
_INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: int() also takes other scripts
_BRACKETS = {"(": ")", "[": "]"}
_SEPARATORS = re.compile(r"\s*(?:,|x|×|\*)\s*|\s+", re.IGNORECASE)


def _strip_brackets(text: str, field: str) -> str:
    body = text.strip()
    if body and body[0] in _BRACKETS:
        closing = _BRACKETS[body[0]]
        if not body.endswith(closing):
            raise InputError(
                msg("'{opening}' is never closed: add '{closing}' at the end.",
                    opening=body[0], closing=closing),
                field=field, column=len(text),
            )
        body = body[1:-1].strip()
    return body


def _parse_size(token: str, position: int, text: str, field: str) -> int:
    column = text.find(token) + 1 if token else len(text)
    if not token:
        raise InputError(msg("Dimension {position} is empty: write a whole number such as 3.",
                             position=position), field=field, column=column)
    if _INTEGER.fullmatch(token) and token.startswith("-"):
        raise InputError(msg("Size {token} at dimension {position} is negative: sizes are 0 or "
                             "more.", token=token, position=position), field=field, column=column)
    if not _INTEGER.fullmatch(token) or len(token) > MAX_SIZE_DIGITS:
        raise InputError(msg("'{token}' at dimension {position} is not a size: write whole "
                             "numbers such as 2, 3 or 2x3.", token=token, position=position),
                         field=field, column=column)
    return int(token)


def parse_shape(
    text: str, *, field: str = "shape", max_dims: int = MAX_DIMENSIONS
) -> tuple[int, ...]:
    """Parse a shape written as ``2, 3``, ``(2, 3)``, ``[2,3]`` or ``2x3``."""
    if not isinstance(text, str):
        raise InputError(msg("A shape must be text."), field=field)
    body = _strip_brackets(text, field)
    if not body:
        return ()
    tokens = _SEPARATORS.split(body)
    if tokens and tokens[-1] == "" and body.rstrip().endswith(","):
        tokens = tokens[:-1]  # "(3,)" is the 1-d shape written the Python way
    if len(tokens) > max_dims:
        raise InputError(msg("{count} dimensions is too many: at most {limit} are supported.",
                             count=len(tokens), limit=max_dims), field=field)
    return tuple(_parse_size(tok, i, text, field) for i, tok in enumerate(tokens))


def parse_dtype(text: str, *, field: str = "dtype") -> str:
    """Return the canonical dtype name ("float32"...) for a name such as ``torch.float``."""
    name = text.strip().removeprefix("torch.").lower()
    name = DTYPE_ALIASES.get(name, name)
    if name not in DTYPE_NAMES:
        raise InputError(msg("'{text}' is not a dtype. Choose one of: {choices}.", text=text,
                             choices=", ".join(DTYPE_NAMES)), field=field)
    return name


def format_shape(shape: tuple[int, ...]) -> str:
    """A shape as Python code: ``(2, 3)``, ``(3,)`` or ``()``."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ", ".join(str(s) for s in shape) + ")"

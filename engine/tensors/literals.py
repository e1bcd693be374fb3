"""Typed data for ``torch.tensor(...)``: nested lists/tuples of numbers, parsed, never eval'd.

Accepted: integers and floats (``-2``, ``3.5``, ``.5``, ``1e-3``), ``True``/``False``,
``inf``/``nan``/``pi``/``e``/``tau`` (also written ``math.pi`` etc.; ``float('nan')`` is not
accepted), simple arithmetic inside one element (``math.pi / 4``, ``3 * math.pi / 4``,
``2 - 0.5``: ``+ - * /`` with Python's precedence, left to right, no parentheses), nested
``[...]`` and ``(...)`` (a trailing comma is allowed; ``(x)`` is just ``x``, ``(x,)`` is a
one-element tuple). Every list at the same depth must have the same length; a ragged
literal is refused with the column where it goes wrong. Columns are 1-based.

Anything else (``[2 ** 3, 1 / 3]``, ``[math.sqrt(2)]``, ``[0x10]``) is handed to the one
PyTorch language (``engine.tensors.literal_values``); when it computes regular numeric data,
that data is used with the text as typed for its code, otherwise the parser's error stands.
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass
from typing import NoReturn

from engine.core.errors import InputError
from engine.core.limits import MAX_DIMENSIONS
from engine.i18n.messages import msg
from engine.tensors.literal_values import ParsedLiteral, Plain, Scalar, from_language

MAX_TEXT_LENGTH = 2_000_000
MAX_ELEMENTS = 200_000
MAX_LANGUAGE_CHARS = 20_000  # longer data is read by the parser only
_INT64_LIMIT = 2**63
_INT64_DIGITS = 19  # 2**63 has 19 digits
_SHOWN_DIGITS = 24
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_WORD = re.compile(r"[+-]?(?:math\.)?[A-Za-z_][A-Za-z_0-9]*", re.ASCII)
_WORDS = {"True": True, "False": False, "inf": math.inf, "nan": math.nan, "pi": math.pi,
          "e": math.e, "tau": math.tau}
_CONSTANTS = ("pi", "e", "tau")  # kept as math.<name> in the code
_OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
_CLOSING = {"[": "]", "(": ")"}


@dataclass(frozen=True)
class _Seq:
    items: tuple[Node, ...]
    bracket: str  # "[" or "("
    column: int
    item_columns: tuple[int, ...]


@dataclass(frozen=True)
class _Expr:
    """One element typed as arithmetic or a named constant: its value and its Python code."""

    value: Scalar
    code: str


Node = Scalar | _Expr | _Seq  # one parsed item: a number, an arithmetic element, a list


def _error(text: str, field: str, at: int, **params: object) -> InputError:
    return InputError(msg(text, column=at, **params), field=field, column=at)


class _Parser:
    def __init__(self, text: str, field: str) -> None:
        self.text, self.field, self.pos, self.count = text, field, 0, 0

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def fail(self, template: str, at: int | None = None, **params: object) -> InputError:
        return _error(template, self.field, self.pos + 1 if at is None else at, **params)

    def value(self, depth: int) -> Node:
        self.skip_space()
        if self.pos >= len(self.text):
            return self._missing()
        char = self.text[self.pos]
        if char in _CLOSING:
            if depth >= MAX_DIMENSIONS:
                raise self.fail("Column {column}: more than {limit} nested levels; at most "
                                "{limit} dimensions are supported.", limit=MAX_DIMENSIONS)
            return self.sequence(char, depth)
        return self.scalar()

    def _missing(self) -> NoReturn:
        raise self.fail("Column {column}: a number, True, False or '[' was expected here.")

    def scalar(self) -> Node:
        """One element: atoms joined by + - * / (``*`` and ``/`` first, then left to right)."""
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise self.fail("More than {limit} numbers typed: use a constructor such as "
                            "torch.rand or torch.arange for big tensors.", limit=MAX_ELEMENTS)
        value, code, compound = self._term()
        while (op := self._operator("+-")) is not None:
            at = self.pos
            right, right_code, _ = self._term()
            value, code, compound = self._combine(op, value, right, at), \
                f"{code} {op} {right_code}", True
        return _Expr(value, code) if compound else value

    def _term(self) -> tuple[Scalar, str, bool]:
        value, code, compound = self._atom()
        while (op := self._operator("*/")) is not None:
            at = self.pos
            right, right_code, _ = self._atom()
            value, code, compound = self._combine(op, value, right, at), \
                f"{code} {op} {right_code}", True
        return value, code, compound

    def _operator(self, symbols: str) -> str | None:
        """The next binary operator among ``symbols`` (consumed), or None."""
        end = self.pos
        while end < len(self.text) and self.text[end].isspace():
            end += 1
        if end < len(self.text) and self.text[end] in symbols:
            if self.text.startswith("**", end):
                raise _error("Column {column}: ** (power) is not supported in typed data; "
                             "write the value, e.g. 9 instead of 3 ** 2.", self.field, end + 1)
            self.pos = end + 1
            return self.text[end]
        return None

    def _combine(self, op: str, left: Scalar, right: Scalar, at: int) -> Scalar:
        try:
            result = _OPERATORS[op](left, right)
        except ZeroDivisionError:
            raise _error("Column {column}: division by zero.", self.field, at) from None
        if isinstance(result, int) and not isinstance(result, bool) and \
                abs(result) >= _INT64_LIMIT:
            raise _error("Column {column}: the result does not fit in 64 bits.", self.field, at)
        return result

    def _atom(self) -> tuple[Scalar, str, bool]:
        """A number or a word -> (value, code, compound: True for named constants)."""
        self.skip_space()
        start = self.pos
        for pattern in (_NUMBER, _WORD):
            match = pattern.match(self.text, start)
            if match:
                self.pos = match.end()
                value = self._convert(match.group(), start)
                word = match.group().lstrip("+-").removeprefix("math.")
                if word in _CONSTANTS:
                    sign = "-" if match.group().startswith("-") else ""
                    return value, f"{sign}math.{word}", True
                return value, _code_of(value), False
        if start >= len(self.text):
            return self._missing()
        raise self.fail("Column {column}: '{char}' is not allowed here; write numbers, True, "
                        "False, commas and brackets.", at=start + 1, char=self.text[start])

    def _convert(self, token: str, start: int) -> Scalar:
        if _NUMBER.fullmatch(token):
            if _INTEGER.fullmatch(token):
                # Digits are counted first: int() refuses more than 4,300 of them.
                digits = len(token.lstrip("+-").lstrip("0"))
                number = int(token) if digits <= _INT64_DIGITS else _INT64_LIMIT
                if abs(number) >= _INT64_LIMIT:
                    raise _error("Column {column}: {token} does not fit in 64 bits.",
                                 self.field, start + 1, token=_shortened(token))
                return number
            return float(token)
        sign = -1.0 if token.startswith("-") else 1.0
        word = token.lstrip("+-").removeprefix("math.")
        if word not in _WORDS or (token != word and word in ("True", "False")):
            raise _error("Column {column}: '{token}' is not a number; write numbers such as "
                         "2, -1.5 or 1e-3, True, False, inf, nan or math.pi.", self.field,
                         start + 1,
                         token=token)
        value = _WORDS[word]
        return sign * value if isinstance(value, float) else value

    def sequence(self, opening: str, depth: int) -> Node:
        column = self.pos + 1
        closing = _CLOSING[opening]
        self.pos += 1
        items: list[Node] = []
        columns: list[int] = []
        trailing_comma = False
        while True:
            self.skip_space()
            if self.pos < len(self.text) and self.text[self.pos] == closing:
                self.pos += 1
                break
            if self.pos >= len(self.text):
                raise self.fail("The '{opening}' at column {start} is never closed: add "
                                "'{closing}'.", opening=opening, start=column, closing=closing)
            columns.append(self.pos + 1)
            items.append(self.value(depth + 1))
            trailing_comma = self._after_item(closing)
        if opening == "(" and len(items) == 1 and not trailing_comma:
            return items[0]  # (x) is only grouping, as in Python
        return _Seq(tuple(items), opening, column, tuple(columns))

    def _after_item(self, closing: str) -> bool:
        self.skip_space()
        if self.pos < len(self.text) and self.text[self.pos] == ",":
            self.pos += 1
            return True
        if self.pos < len(self.text) and self.text[self.pos] == closing:
            return False
        if self.pos >= len(self.text):
            return False  # reported as "never closed" by the caller's loop
        raise self.fail("Column {column}: a ',' or '{closing}' was expected here.",
                        closing=closing)


def _shortened(token: str) -> str:
    """A long number as its first and last digits, for a message."""
    if len(token) <= _SHOWN_DIGITS:
        return token
    return f"{token[:12]}…{token[-4:]}"


def _shape_of(node: Node, field: str) -> tuple[int, ...]:
    if not isinstance(node, _Seq):
        return ()
    shapes = [_shape_of(item, field) for item in node.items]
    for index, shape in enumerate(shapes):
        if shape != shapes[0]:
            column = node.item_columns[index]
            raise _error("Ragged data at column {column}: element {index} of the list opened "
                         "at column {start} has shape {got}, but element 0 has shape "
                         "{expected}. Every row must have the same length.", field, column,
                         index=index, start=node.column, got=list(shape),
                         expected=list(shapes[0]))
    return (len(node.items), *(shapes[0] if shapes else ()))


def _kind_and_plain(node: Node, kinds: set[str]) -> Plain:
    if isinstance(node, _Seq):
        return [_kind_and_plain(item, kinds) for item in node.items]
    if isinstance(node, _Expr):
        node = node.value
    kinds.add("bool" if isinstance(node, bool) else "int" if isinstance(node, int) else "float")
    return node


def _code_of(node: Node) -> str:
    if isinstance(node, _Seq):
        inner = ", ".join(_code_of(item) for item in node.items)
        if node.bracket == "(":
            return f"({inner},)" if len(node.items) == 1 else f"({inner})"
        return f"[{inner}]"
    if isinstance(node, _Expr):
        return node.code
    if isinstance(node, float):
        if math.isnan(node):
            return "math.nan"
        if math.isinf(node):
            return "math.inf" if node > 0 else "-math.inf"
    return repr(node)


def parse_literal(text: str, *, field: str = "data") -> ParsedLiteral:
    """Parse typed tensor data; raise InputError (with ``column``) for anything else."""
    if not isinstance(text, str):
        raise InputError(msg("Tensor data must be text."), field=field)
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(msg("The data is too long ({length} characters): at most {limit}.",
                             length=len(text), limit=MAX_TEXT_LENGTH), field=field)
    if not text.strip():
        raise InputError(msg("The data is empty: write numbers such as [[1, 2], [3, 4]]."),
                         field=field, column=1)
    try:
        return _parse_plain(text, field)
    except InputError:
        short = len(text) <= MAX_LANGUAGE_CHARS
        computed = from_language(text, field, MAX_ELEMENTS) if short else None
        if computed is None:
            raise
        return computed


def _parse_plain(text: str, field: str) -> ParsedLiteral:
    parser = _Parser(text, field)
    node = parser.value(0)
    parser.skip_space()
    if parser.pos < len(text):
        raise parser.fail("Column {column}: unexpected '{char}' after the end of the data.",
                          char=text[parser.pos])
    shape = _shape_of(node, field)
    kinds: set[str] = set()
    plain = _kind_and_plain(node, kinds)
    kind = "float" if "float" in kinds else "int" if "int" in kinds else "bool"
    if not kinds:
        kind = "float"  # torch.tensor([]) is float32
    return ParsedLiteral(plain, shape, kind, _code_of(node))

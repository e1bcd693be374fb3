"""A small, safe expression language for the Autograd tab.

A program is a list of named steps such as ``a = linspace(0, 2*pi, steps=25,
requires_grad=True)`` then ``b = sin(a)``. Each expression is parsed with ``ast`` and walked
against a strict whitelist: numbers, the names defined so far (plus ``pi`` and ``e``), the
operators ``+ - * / ** @``, unary ``-``/``+`` and calls of plain names listed in
``FUNCTIONS`` with whitelisted keyword arguments. Attribute access, subscripts, lambdas,
comprehensions, imports and dunder names are refused. Typed text is never ``eval``ed.

Before anything is allocated, the whole program runs once on ``meta`` tensors: every
intermediate shape is known and checked against the memory guard. Then it runs for real.
Every failure is a ``TorchScopeError`` (``InputError`` with a column for text problems).
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.autograd.expressions.whitelist import (  # noqa: F401 (the language's table, re-exported)
    CONSTANT_CODE,
    CONSTANTS,
    FUNCTIONS,
    MAX_DEPTH,
    MAX_STEPS,
    MAX_TEXT_LENGTH,
    SEED,
    TRAILING_OPERATOR,
    Checker,
    FunctionSpec,
)
from engine.core.errors import InputError
from engine.i18n.messages import msg


# --- parsing ------------------------------------------------------------------------------
def _check_text(text: str, field: str) -> str:
    if not isinstance(text, str):
        raise InputError(msg("An expression must be text."), field=field)
    body = text.strip()
    if not body:
        raise InputError(
            msg("The expression is empty: write one such as sin(a)."), field=field, column=1
        )
    if len(body) > MAX_TEXT_LENGTH:
        raise InputError(
            msg(
                "The expression is {length} characters long; at most {limit} are allowed.",
                length=len(body),
                limit=MAX_TEXT_LENGTH,
            ),
            field=field,
            column=MAX_TEXT_LENGTH,
        )
    depth = 0
    for index, char in enumerate(body):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth > MAX_DEPTH:
            raise InputError(
                msg("Brackets are nested too deeply (more than {limit} levels).", limit=MAX_DEPTH),
                field=field,
                column=index + 1,
            )
    return body


def _syntax_error(exc: SyntaxError, body: str, field: str) -> InputError:
    trailing = TRAILING_OPERATOR.search(body)
    if trailing:
        return InputError(
            msg(
                "The expression ends after '{last}' at column {column}: a number, "
                "a name or a call such as sin(a) is expected there.",
                last=trailing.group(1),
                column=len(body) + 1,
            ),
            field=field,
            column=len(body) + 1,
        )
    column = max(1, min(exc.offset or len(body), len(body) + 1))
    reason = (exc.msg or "invalid syntax").removesuffix(".")
    return InputError(
        msg(
            "Cannot read the expression at column {column} ({reason}). Expected a number, a "
            "name, an operator (+ - * / ** @) or a call such as sin(a).",
            column=column,
            reason=reason,
        ),
        field=field,
        column=column,
    )


def parse_expression(
    text: str, known: frozenset[str] | set[str], *, field: str = "expression"
) -> ast.expr:
    """Parse ``text`` and check it against the whitelist; returns the expression node."""
    body = _check_text(text, field)
    try:
        with warnings.catch_warnings():  # e.g. '1if' warns before it fails
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(body, mode="eval")
    except SyntaxError as exc:
        raise _syntax_error(exc, body, field) from None
    except (ValueError, RecursionError, MemoryError):
        raise InputError(
            msg(
                "Cannot read the expression: it contains characters or nesting "
                "the language does not accept."
            ),
            field=field,
            column=1,
        ) from None
    Checker(known, field).visit_node(tree.body, 1)
    return tree.body


# --- programs -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedStep:
    name: str
    text: str
    tree: ast.expr


def call_name(node: ast.Call) -> str:
    """The function a checked call names (the checker allows only plain names)."""
    return node.func.id if isinstance(node.func, ast.Name) else ""


def _check_name(name: str, index: int, defined: set[str]) -> str:
    field = f"name:{index}"
    clean = name.strip()
    if not clean.isidentifier() or clean.startswith("_") or not clean.isascii():
        raise InputError(
            msg(
                "'{name}' is not a valid name: use letters, digits and _ and start with a letter.",
                name=clean[:30],
            ),
            field=field,
            column=1,
        )
    if clean in FUNCTIONS or clean in CONSTANTS or clean in {"torch", "math"}:
        raise InputError(
            msg("'{name}' is reserved: choose another name.", name=clean), field=field, column=1
        )
    if clean in defined:
        raise InputError(
            msg("'{name}' is defined twice: each step needs its own name.", name=clean),
            field=field,
            column=1,
        )
    return clean


def parse_program(steps: Sequence[tuple[str, str]], inputs: Iterable[str] = ()
                  ) -> tuple[ParsedStep, ...]:
    """Parse ``[(name, expression), ...]``; fields are named ``expression:<row>``.

    ``inputs`` are names of tensors given from outside (they may be used, not redefined).
    """
    if not steps:
        raise InputError(
            msg("Write at least one step, e.g. a = linspace(0, 1, steps=5)."), field="expression:0"
        )
    if len(steps) > MAX_STEPS:
        raise InputError(
            msg("At most {limit} steps are allowed.", limit=MAX_STEPS),
            field=f"expression:{MAX_STEPS}",
        )
    parsed: list[ParsedStep] = []
    defined: set[str] = set(inputs)
    for index, (name, text) in enumerate(steps):
        clean = _check_name(name, index, defined)
        tree = parse_expression(text, frozenset(defined), field=f"expression:{index}")
        defined.add(clean)
        parsed.append(ParsedStep(clean, text.strip(), tree))
    return tuple(parsed)

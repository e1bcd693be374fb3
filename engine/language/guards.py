"""Bounds on the text and on Python values: nothing typed can take unbounded time or memory.

Source text is checked before ``ast.parse`` (length, bracket depth); the tree after it (node
count, nesting depth). Python values are checked before they are built: integer sizes,
sequence repeats and concatenations, f-string widths, nested list sizes, iteration counts.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import warnings
from collections.abc import Iterable

from engine.i18n.messages import msg
from engine.language.errors import LanguageError, refusal

MAX_SOURCE_CHARS = 200_000
MAX_BRACKET_DEPTH = 60
MAX_NODES = 100_000
MAX_TREE_DEPTH = 120
MAX_INT_BITS = 14_000  # about 4200 digits: every allowed integer can still be printed
MAX_ITEMS = 1_000_000
MAX_STRING_CHARS = 10_000_000
MAX_LOOP_ITERATIONS = 100_000
MAX_FORMAT_WIDTH = 10_000
PARSE_FILENAME = "<torchscope>"


def bracket_depth(source: str) -> int:
    """The deepest bracket nesting, strings and comments ignored; -1 if tokenizing fails."""
    depth = deepest = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.OP and token.string in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif token.type == tokenize.OP and token.string in ")]}":
                depth -= 1
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return deepest if deepest > MAX_BRACKET_DEPTH else -1
    return deepest


def parse_source(source: str) -> ast.Module:
    """Parse typed code into a tree after the text checks; refusals are LanguageError."""
    if len(source) > MAX_SOURCE_CHARS:
        raise refusal("The code is {count} characters long; at most {limit} can run at once.",
                      count=len(source), limit=MAX_SOURCE_CHARS)
    if "\x00" in source:
        raise refusal("The code contains a NUL character.")
    if bracket_depth(source) > MAX_BRACKET_DEPTH:
        raise refusal("Brackets are nested more than {limit} deep.", limit=MAX_BRACKET_DEPTH)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=PARSE_FILENAME, mode="exec")
    except SyntaxError as exc:
        raise LanguageError(syntax_message(exc), line=exc.lineno or 0,
                            column=exc.offset or 0) from None
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        raise refusal("The code is too complex to read: {error}", error=type(exc).__name__
                      ) from None
    check_tree(tree)
    return tree


def syntax_message(exc: SyntaxError) -> str:
    return msg("This is not valid Python: {reason}.", reason=exc.msg)


def check_tree(tree: ast.AST) -> None:
    """Count nodes and measure depth without recursion."""
    count = 0
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise refusal("The code has more than {limit} parts; run it in pieces.",
                          limit=MAX_NODES)
        if depth > MAX_TREE_DEPTH:
            raise refusal("The code is nested more than {limit} levels deep.",
                          limit=MAX_TREE_DEPTH)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def check_int(value: int) -> int:
    if value.bit_length() > MAX_INT_BITS:
        raise too_big_int()
    return value


def too_big_int() -> LanguageError:
    return refusal("This integer would have more than {limit} bits; TorchScope keeps "
                   "integers smaller.", limit=MAX_INT_BITS)


def check_int_power(base: int, exponent: int) -> None:
    if exponent > 0 and abs(base) > 1 and base.bit_length() * exponent > MAX_INT_BITS + 64:
        raise too_big_int()


def check_shift(base: int, shift: int) -> None:
    if shift > 0 and base and base.bit_length() + shift > MAX_INT_BITS:
        raise too_big_int()


def check_length(length: int, *, text: bool) -> None:
    limit = MAX_STRING_CHARS if text else MAX_ITEMS
    if length > limit:
        raise refusal("This would build a sequence of {count} items; at most {limit} are "
                      "allowed.", count=length, limit=limit)


_CONTAINERS = (list, tuple, set, frozenset, dict, range)


def check_nested(value: object, budget: int = MAX_ITEMS * 10) -> None:
    """Refuse nested lists/tuples/dicts with more than ``budget`` elements in total."""
    if isinstance(value, _CONTAINERS):
        _nested_count(value, {}, 0, budget)


def _nested_count(item: object, memo: dict[int, int], depth: int, budget: int) -> int:
    if isinstance(item, range):
        return bounded_length(item, budget) or 0
    if id(item) in memo:
        return memo[id(item)]
    if depth > MAX_TREE_DEPTH:
        raise refusal("Lists are nested more than {limit} levels deep.", limit=MAX_TREE_DEPTH)
    values = item.values() if isinstance(item, dict) else item
    total = len(values)  # type: ignore[arg-type]
    for child in values:  # type: ignore[attr-defined]
        if total > budget:
            break
        if isinstance(child, _CONTAINERS):
            total += _nested_count(child, memo, depth + 1, budget)
    if total > budget:
        raise refusal("This nested list has more than {limit} elements.", limit=budget)
    memo[id(item)] = total
    return total


def bounded_length(iterable: object, limit: int = MAX_ITEMS) -> int | None:
    """len() of a sized value, refusing beyond ``limit``; None for lazy iterators."""
    try:
        size = len(iterable)  # type: ignore[arg-type]
    except TypeError:
        return None
    except OverflowError:
        size = limit + 1
    if size > limit:
        raise refusal("This would go through {count} items; at most {limit} are allowed.",
                      count=size, limit=limit)
    return size


def bounded_items(iterable: Iterable[object], limit: int = MAX_ITEMS) -> list[object]:
    """All items of an iterable as a list, refusing more than ``limit``."""
    bounded_length(iterable, limit)
    items: list[object] = []
    for item in iterable:
        items.append(item)
        if len(items) > limit:
            raise refusal("This would go through more than {limit} items.", limit=limit)
    return items


_WIDTH = re.compile(r"(\d+)")


def check_format_spec(spec: str) -> None:
    """f-string format specs: no width or precision beyond MAX_FORMAT_WIDTH."""
    if len(spec) > 50:
        raise refusal("This format specification is too long.")
    for number in _WIDTH.findall(spec):
        if len(number) > 6 or int(number) > MAX_FORMAT_WIDTH:
            raise refusal("Format widths and precisions go up to {limit}.",
                          limit=MAX_FORMAT_WIDTH)

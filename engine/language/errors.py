"""The language's errors: refusals with line and column, and PyTorch's own errors.

``LanguageError`` says what is not allowed and what to write instead. PyTorch (or Python)
errors raised while a statement runs become ``LanguageOperationError``, which keeps the
original text (``torch_error``) because learning to read it is part of learning PyTorch.
"""

from __future__ import annotations

import ast

from engine.core.errors import InputError, OperationError, SizeLimitError
from engine.i18n.messages import msg


class LanguageError(InputError):
    """Typed code the language refuses: ``what`` is the reason, line/column where."""

    def __init__(self, what: str, *, line: int = 0, column: int = 0) -> None:
        super().__init__(located(what, line, column), column=column or None)
        self.what = what
        self.line = line

    def at(self, line: int, column: int) -> LanguageError:
        """The same refusal placed at a position (when it had none)."""
        return self if self.line else LanguageError(self.what, line=line, column=column)


class LanguageSizeError(SizeLimitError):
    """A statement that would allocate more than the memory guard allows."""

    def __init__(self, what: str, *, line: int = 0, column: int = 0) -> None:
        super().__init__(located(what, line, column), column=column or None)
        self.what = what
        self.line = line


class LanguageOperationError(OperationError):
    """PyTorch (or Python) refused what a statement asked; its text is kept."""

    def __init__(self, code: str, error: BaseException, *, line: int, column: int) -> None:
        text = f"{type(error).__name__}: {error}".rstrip(": ")
        if isinstance(error, AssertionError):
            what = msg("The assertion `{code}` is false.", code=code)
        else:
            what = msg("Running `{code}` failed; the error below says why.", code=code)
        super().__init__(located(what, line, column), torch_error=text, column=column)
        self.what = what
        self.line = line


def located(what: str, line: int, column: int) -> str:
    if not line:
        return what
    return msg("Line {line}, column {column}: {what}", line=line, column=column, what=what)


def column_of(node: ast.AST, lines: list[str]) -> tuple[int, int]:
    """1-based (line, column in characters) of a node; ast gives UTF-8 byte offsets."""
    line = int(getattr(node, "lineno", 0) or 0)
    offset = int(getattr(node, "col_offset", 0) or 0)
    if not 0 < line <= len(lines):
        return line, offset + 1
    prefix = lines[line - 1].encode("utf-8")[:offset]
    return line, len(prefix.decode("utf-8", errors="ignore")) + 1


def refusal(template: str, **params: object) -> LanguageError:
    """A refusal without a position yet; the statement runner places it."""
    return LanguageError(msg(template, **params))

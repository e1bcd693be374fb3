"""The small family of errors a user can cause, each with a human message.

``message`` says what was wrong, where, and what would work. ``torch_error`` keeps
PyTorch's own text when PyTorch refused something: learning to read it is part of
learning PyTorch. ``field`` names the input that caused it so the GUI can show the
message beside it; ``column`` points into typed text where that is known.
"""

from __future__ import annotations

from engine.i18n.messages import msg


class TorchScopeError(Exception):
    """Base class: a problem the user can fix, never a bug."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        torch_error: str | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.torch_error = torch_error
        self.column = column

    def describe(self) -> str:
        """The message plus PyTorch's own text, ready to show."""
        if self.torch_error:
            return msg("{message}\nPyTorch says: {torch_error}", message=self.message,
                       torch_error=self.torch_error)
        return self.message


class InputError(TorchScopeError):
    """Typed text that cannot be parsed: a shape, a literal, a dtype, an expression."""


class SizeLimitError(TorchScopeError):
    """A request that would allocate more memory than the guard allows."""


class OperationError(TorchScopeError):
    """PyTorch refused an operation (shape mismatch, dtype, in-place on a leaf...)."""


class DataError(TorchScopeError):
    """A dataset file, folder or CSV that cannot be used as it is."""


class Cancelled(TorchScopeError):
    """The user cancelled a long job."""


def describe_exception(exc: BaseException) -> str:
    """A one-message description of any exception, for the single GUI error path."""
    if isinstance(exc, TorchScopeError):
        return exc.describe()
    return msg("Unexpected error ({kind}): {text}", kind=type(exc).__name__, text=str(exc))

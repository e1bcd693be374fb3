"""Names the typed lines rebind that the tab's other generated code relies on.

In the app the lines run in a namespace of their own, so a line may rebind ``torch``,
``math`` or a builtin (``gen``, ``locals`` or ``len`` are ordinary names to it). The tab's
exported code runs its steps one after another in one namespace, though, and the steps that
follow (presets, the tiny model, another run of the lines) read ``torch`` and the builtins.
``restoring_tail(code)`` is what the lines' last step ends with: a comment and the
statements that give those names back their usual meaning (nothing when none is rebound).
"""

from __future__ import annotations

from engine.autograd.commented import shown_code
from engine.i18n.messages import Text, compose
from engine.session.export_names import bound_names, restoring_lines, shadowed

TAIL_COMMENT = "# the lines rebound these names; the next steps need their usual meaning"


def rebound(code: str) -> set[str]:
    """The names ``code`` binds that ``import torch``/``math`` or Python's builtins provide."""
    return shadowed(bound_names(code))


def restoring_tail(code: str) -> str:
    """Plain-text statements (with their comment) that undo ``code``'s rebinding, or ""."""
    lines = restoring_lines(rebound(code))
    return "\n".join([TAIL_COMMENT, *lines]) + "\n" if lines else ""


def with_tail(shown: str | Text, code: str) -> str | Text:
    """``shown`` (a step's code) followed by the restoring tail of ``code``, if any."""
    tail = restoring_tail(code)
    if not tail:
        return shown
    return compose("{code}{tail}", code=shown, tail=shown_code(tail))

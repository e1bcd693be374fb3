"""The Autograd tab's program: lines of the language, split at the backward request.

The lines are PyTorch as the note writes it (``b = torch.sin(a)``, ``out = d.sum()``).
The first top-level statement ``<tensor>.backward(...)`` is the backward request: the
lines before it are the forward pass, the tab runs that backward itself (recorded node by
node, so it can be replayed step by step), and the lines after it (``a.grad``,
``print(d.grad_fn.next_functions)``) run once the gradients are there. Every part keeps
its line numbers, so an error names the line the user typed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from engine.core.errors import InputError
from engine.i18n.messages import msg
from engine.language.errors import column_of, located
from engine.language.guards import parse_source

NOTE_EXAMPLE = """a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
b = torch.sin(a)
c = 2 * b
d = c + 1
out = d.sum()
out.backward()
print(a.grad)
"""
BACKWARD_KEYWORDS = ("gradient", "retain_graph")


@dataclass(frozen=True)
class BackwardRequest:
    """``<root>.backward(<gradient>)`` as typed: where, on what, with which gradient."""

    line: int
    column: int
    root: str  # the receiver as typed, e.g. "out" or "d.sum()"
    gradient: str | None  # the gradient argument as typed, if any
    code: str  # the whole statement as typed


@dataclass(frozen=True)
class ProgramLines:
    """The typed source cut in three: forward lines, the backward request, the rest."""

    source: str
    forward: str
    backward: BackwardRequest | None
    after: str  # the lines after the request, padded so their line numbers stay


def _backward_call(statement: ast.stmt) -> ast.Call | None:
    if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Call):
        return None
    call = statement.value
    func = call.func
    return call if isinstance(func, ast.Attribute) and func.attr == "backward" else None


def _gradient_node(call: ast.Call) -> ast.expr | None:
    """The gradient argument of ``backward(...)``; ValueError for anything else typed."""
    gradients = list(call.args) + [k.value for k in call.keywords if k.arg == "gradient"]
    others = [k for k in call.keywords if k.arg not in BACKWARD_KEYWORDS]
    if len(gradients) > 1 or others:
        raise ValueError("unsupported backward() arguments")
    return gradients[0] if gradients else None


def _request(source: str, statement: ast.stmt, call: ast.Call, lines: list[str]
             ) -> BackwardRequest:
    line, column = column_of(statement, lines)
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else call.func
    root = ast.get_source_segment(source, receiver) or ""
    try:
        gradient = _gradient_node(call)
    except ValueError:
        raise InputError(located(msg(
            "The tab runs backward() itself, recording every node: write `{root}.backward()` "
            "or `{root}.backward(gradient)`.", root=root), line, column),
            field="backward", column=column) from None
    gradient_text = ast.get_source_segment(source, gradient) if gradient is not None else None
    return BackwardRequest(line, column, root, gradient_text,
                           ast.get_source_segment(source, statement) or "")


def split_lines(source: str) -> ProgramLines:
    """Cut ``source`` at its first ``x.backward(...)`` statement (refusals: LanguageError)."""
    tree = parse_source(source)
    lines = source.splitlines()
    for statement in tree.body:
        call = _backward_call(statement)
        if call is None:
            continue
        request = _request(source, statement, call, lines)
        end = statement.end_lineno or statement.lineno
        forward = "".join(line + "\n" for line in lines[:statement.lineno - 1])
        after = "\n" * end + "".join(line + "\n" for line in lines[end:])
        return ProgramLines(source, forward, request, after)
    return ProgramLines(source, source, None, "")

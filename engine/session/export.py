"""A session's steps as a runnable Python script or a Jupyter notebook.

A session is a list of ``(tab_key, CodeStep)`` in the order the steps were taken. The code
of one tab's steps, run in order after ``engine.core.codegen.PREAMBLE``, reproduces what that
tab showed; different tabs may reuse the same variable names. So each tab gets its own
section, its steps in their original order:

- the script puts each tab in its own function (``def tensors_tab(): ...``) that returns
  its variables, so no tab can see or overwrite another tab's names; running the script
  prints every tensor each tab made;
- the notebook has one heading per tab and one markdown + code cell pair per step, run
  top to bottom; the tabs' sections follow each other, so a tab starts after the previous
  tab's names (its own code defines every name it uses before using it).

Whatever names the user chose, both re-run: names the steps rebind that the generated code
or the app's namespace give a meaning (``torch``, ``math``, ``locals``, ``len``...) are
bound back where the app would start afresh (see ``engine.session.export_names``).

Each step's explanation becomes comments (script) or a markdown cell (notebook). Steps'
titles, explanations and code comments are engine Texts: they are written in the language
current at export time, whatever the language was when the step was taken.
"""

from __future__ import annotations

import io
import json
import keyword
import textwrap
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from engine.core.codegen import PREAMBLE, CodeStep
from engine.i18n.messages import msg, render
from engine.session.export_names import bound_names, fresh_name, restoring_lines, shadowed
from engine.session.workspace_format import StrPath

TAB_TITLES = {
    "tensors": "Tensors",
    "broadcasting": "Broadcasting",
    "datasets": "Datasets",
    "autograd": "Autograd",
}
INDENT = "    "
COMMENT_WIDTH = 88
CELL_METADATA_KEY = "torchscope"


@dataclass(frozen=True)
class TabSection:
    """One tab's steps, in the order they were taken."""

    tab_key: str
    steps: tuple[CodeStep, ...]

    @property
    def title(self) -> str:
        return TAB_TITLES.get(self.tab_key, self.tab_key.replace("_", " ").title())

    @property
    def function_name(self) -> str:
        stem = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in self.tab_key)
        name = f"{stem or 'tab'}_tab"
        return name if name.isidentifier() and not keyword.iskeyword(name) else f"tab_{name}"


def group_by_tab(steps: Iterable[tuple[str, CodeStep]]) -> list[TabSection]:
    """The steps grouped per tab, tabs in the order they were first used."""
    grouped: dict[str, list[CodeStep]] = {}
    for tab_key, step in steps:
        grouped.setdefault(tab_key, []).append(step)
    return [TabSection(key, tuple(group)) for key, group in grouped.items()]


def _compiles(code: str) -> bool:
    try:
        compile(code, "<step>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


def _string_continuation_lines(code: str) -> set[int]:
    """1-based numbers of lines that lie inside a multi-line string (never re-indent them)."""
    inside: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.STRING and token.end[0] > token.start[0]:
                inside.update(range(token.start[0] + 1, token.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        pass
    return inside


def indent_code(code: str, prefix: str = INDENT) -> str:
    """``code`` indented by ``prefix`` without changing the text of multi-line strings."""
    keep = _string_continuation_lines(code)
    lines = code.splitlines()
    return "\n".join(
        line if number in keep or not line.strip() else prefix + line
        for number, line in enumerate(lines, start=1)
    )


def _comment(text: str, width: int = 0) -> list[str]:
    """``text`` as ``#`` comment lines; with ``width``, long lines are wrapped."""
    lines = []
    for line in text.splitlines():
        lines += textwrap.wrap(line, width, break_long_words=False) if width and line else [line]
    return [f"# {line}".rstrip() for line in lines]


def _compiles_in_function(code: str) -> bool:
    """Also valid inside a function (``import *`` and ``__future__`` imports are not)."""
    return _compiles(code) and _compiles("def _probe():\n" + indent_code(code) + "\n    pass")


def _step_lines(step: CodeStep) -> list[str]:
    lines = _comment(render(step.title))
    explanation = render(step.explanation).strip()
    if explanation:
        lines += _comment(explanation, width=COMMENT_WIDTH)
    code = render(step.code).rstrip()
    if _compiles_in_function(code):
        lines += code.splitlines()
    else:
        lines.append("# " + msg("(This step's code is not valid Python; kept as a comment.)"))
        lines += _comment(code)
    return lines


def _function_source(section: TabSection) -> str:
    body = []
    for step in section.steps:
        body += _step_lines(step) + [""]
    local = bound_names("\n".join(body))
    collect = fresh_name("tab_variables", local) if "locals" in local else "locals"
    head = restoring_lines(shadowed(local))
    if collect != "locals":
        head.append(f"from builtins import locals as {collect}")
    if head:
        head = [*_comment(msg("Names the steps rebind start as Python and the preamble "
                              "give them, as in the app:")), *head, ""]
    body.append(f"return {collect}()  # " + msg("every variable of this tab, by name"))
    doc = msg("The steps taken in the {tab} tab, in order.", tab=section.title)
    inner = indent_code("\n".join([f'"""{doc}"""', *head, *body]))
    return f"def {section.function_name}():\n{inner}\n"


def _main_source(sections: Sequence[TabSection]) -> str:
    calls = "\n".join(f'    results["{s.tab_key}"] = {s.function_name}()' for s in sections)
    doc = msg("Run every tab's steps; returns each tab's variables.")
    return (
        "def main():\n"
        f'    """{doc}"""\n'
        "    results = {}\n"
        f"{calls}\n"
        "    return results\n"
        "\n\n"
        'if __name__ == "__main__":\n'
        "    for tab, variables in main().items():\n"
        '        print(f"=== {tab} ===")\n'
        "        for name, value in variables.items():\n"
        "            if isinstance(value, torch.Tensor):\n"
        '                print(f"{name} =\\n{value}")\n'
    )


def _stamp_line() -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return msg("Exported from TorchScope on {stamp}.", stamp=stamp)


def session_script(steps: Iterable[tuple[str, CodeStep]], *,
                   title: str = "TorchScope session") -> str:
    """The session as one runnable Python script (see the module docstring)."""
    sections = group_by_tab(steps)
    intro = [title, _stamp_line(),
             msg("Each tab's steps are in their own function, so tabs never share names."),
             msg("Run it with: python <this file>")]
    parts = ["\n".join(_comment("\n".join(intro))) + "\n", PREAMBLE.rstrip() + "\n"]
    parts += [_function_source(section) for section in sections]
    parts.append(_main_source(sections))
    return "\n\n".join(parts)


def _cell_code(code: str) -> str:
    code = code.rstrip()
    if _compiles(code):
        return code
    note = "# " + msg("(This step's code is not valid Python; kept as a comment.)")
    return "\n".join([note, *_comment(code)])


def _cell_meta(tab_key: str | None) -> dict:
    return {CELL_METADATA_KEY: {"tab": tab_key}} if tab_key else {}


def _restoring_cell(names: set[str]) -> str:
    note = msg("The tabs before this one rebound these names; this tab starts, as in the "
               "app, with their usual meaning:")
    return "\n".join([*_comment(note), *restoring_lines(names)])


def _cell(cell_type: str, source: str, tab_key: str | None = None) -> dict:
    """One nbformat 4.5 cell, without its ``id`` (numbered once the notebook is complete)."""
    cell: dict[str, object] = {"cell_type": cell_type, "metadata": _cell_meta(tab_key),
                               "source": source}
    if cell_type == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def _step_cells(tab_key: str, step: CodeStep, code: str) -> list[dict]:
    text = f"### {render(step.title)}"
    explanation = render(step.explanation).strip()
    if explanation:
        text += "\n\n" + explanation
    return [_cell("markdown", text, tab_key), _cell("code", code, tab_key)]


def _section_cells(sections: Sequence[TabSection]) -> Iterator[dict]:
    rebound: set[str] = set()
    for section in sections:
        yield _cell("markdown", "## " + msg("{tab} tab", tab=section.title), section.tab_key)
        if restoring_lines(rebound):
            yield _cell("code", _restoring_cell(rebound), section.tab_key)
            rebound = set()
        for step in section.steps:
            code = _cell_code(render(step.code))
            yield from _step_cells(section.tab_key, step, code)
            rebound |= shadowed(bound_names(code))


def session_notebook(steps: Iterable[tuple[str, CodeStep]], *,
                     title: str = "TorchScope session") -> dict:
    """The session as an nbformat 4.5 notebook (a plain dict): a heading per tab, a
    markdown + code cell pair per step.

    Every cell carries ``metadata["torchscope"]["tab"]`` (None for the preamble). Built by
    hand rather than with ``nbformat.v4``, whose ``new_*_cell`` validate each cell with a
    schema checker compiled on first use: plain Python and one long ``exec`` on the worker
    that kept the GUI thread waiting for the GIL ~50-100 ms. The tests check the result
    with ``nbformat.validate``.
    """
    intro = "\n\n".join([f"# {title}", _stamp_line(), msg(
        "Each tab has its own section; run the cells from top to bottom.")])
    cells = [_cell("markdown", intro), _cell("code", PREAMBLE.rstrip()),
             *_section_cells(group_by_tab(steps))]
    for number, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{number}"  # unique in the notebook, as nbformat 4.5 requires
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def notebook_text(steps: Iterable[tuple[str, CodeStep]], *,
                  title: str = "TorchScope session") -> str:
    """The notebook's file text, laid out as ``nbformat.write`` lays it out (sources as
    lists of lines, keys sorted, one-space indent, a final newline)."""
    notebook = session_notebook(steps, title=title)
    for cell in notebook["cells"]:
        cell["source"] = cell["source"].splitlines(keepends=True)
    return json.dumps(notebook, indent=1, sort_keys=True, separators=(",", ": "),
                      ensure_ascii=False) + "\n"


def write_session(steps: Sequence[tuple[str, CodeStep]], path: StrPath, *,
                  kind: str | None = None) -> str:
    """Write the session to ``path`` atomically as ``"script"`` or ``"notebook"``.

    ``kind`` defaults to the file's suffix (``.ipynb`` is a notebook, anything else a
    script). Returns the kind written; raises ``DataError`` if the file cannot be written.
    """
    from pathlib import Path

    from engine.session.workspace_file import atomic_write_bytes

    target = Path(path)
    kind = kind or ("notebook" if target.suffix.lower() == ".ipynb" else "script")
    title = target.stem or "TorchScope session"
    text = notebook_text(steps, title=title) if kind == "notebook" else session_script(
        steps, title=title)
    atomic_write_bytes(target, text.encode("utf-8"))
    return kind

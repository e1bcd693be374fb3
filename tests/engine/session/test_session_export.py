"""Session → script / notebook: the exported files re-run in a fresh interpreter and
reproduce, tab by tab, the values that the steps give when run as the app defines them
(each tab's steps in order after PREAMBLE, in a namespace of their own)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import nbformat
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.core.codegen import PREAMBLE, CodeStep
from engine.session.export import (
    _cell_code,
    group_by_tab,
    indent_code,
    notebook_text,
    session_script,
    write_session,
)

# Interleaved steps; "a" and "x" mean different things in different tabs.
SESSION = [
    ("tensors", CodeStep("Create a", "a = torch.arange(6, dtype=torch.float32).reshape(2, 3)",
                         "A 2×3 tensor of 0..5.\narange counts from 0.")),
    ("broadcasting", CodeStep("Column and row", "a = torch.ones(3, 1)\nb = torch.arange(4)",
                              "Shapes (3, 1) and (4,).")),
    ("tensors", CodeStep("Transpose", "t = a.T.contiguous()\nlabel = '''two\n  lines'''", "")),
    ("autograd", CodeStep("Leaf", "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)",
                          "A leaf that records operations.")),
    ("broadcasting", CodeStep("Add", "c = a + b", "(3, 1) + (4,) gives (3, 4).")),
    ("autograd", CodeStep("Backward", "y = (x ** 2).sum()\ny.backward()\ng = x.grad.clone()",
                          "dy/dx = 2x.")),
    ("tensors", CodeStep("Scale", "a = a * math.pi", "Reuses the name a.")),
]


def reference_values(steps) -> dict[str, dict[str, list]]:
    """The oracle: each tab's steps in order after PREAMBLE, each tab in its own namespace."""
    values = {}
    for section in group_by_tab(steps):
        namespace: dict = {}
        exec(PREAMBLE, namespace)
        for step in section.steps:
            exec(step.code, namespace)
        values[section.tab_key] = {k: v.detach().tolist() for k, v in namespace.items()
                                   if isinstance(v, torch.Tensor)}
    return values


@pytest.fixture(scope="module")
def fresh_run(tmp_path_factory) -> dict:
    """Write the script and the notebook, then run both in ONE fresh interpreter.

    The script runs as ``python session.py`` would (it prints each tab's tensors) and then
    gives main()'s values; the notebook's code cells run in order in one namespace, as
    Jupyter would, and each tab's tensors are taken right after its section's last cell.
    """
    folder = tmp_path_factory.mktemp("fresh")
    assert write_session(SESSION, folder / "session.py") == "script"
    assert write_session(SESSION, folder / "session.ipynb") == "notebook"
    names = {k: sorted(v) for k, v in reference_values(SESSION).items()}
    driver = textwrap.dedent(f"""
        import json, runpy, nbformat, torch
        module = runpy.run_path("session.py", run_name="__main__")
        script = {{tab: {{k: v.detach().tolist() for k, v in ns.items()
                         if isinstance(v, torch.Tensor)}}
                  for tab, ns in module["main"]().items()}}
        cells = [c for c in nbformat.read("session.ipynb", as_version=4).cells
                 if c.cell_type == "code"]
        tabs = [c.metadata.get("torchscope", {{}}).get("tab") for c in cells]
        namespace, notebook = {{}}, {{}}
        for index, cell in enumerate(cells):
            exec(cell.source, namespace)
            following = tabs[index + 1] if index + 1 < len(cells) else None
            if tabs[index] is not None and following != tabs[index]:
                notebook[tabs[index]] = {{k: namespace[k].detach().tolist()
                                          for k in {names}[tabs[index]]}}
        exec(compile("\\n".join(c.source for c in cells), "joined", "exec"), {{}})
        print(json.dumps({{"script": script, "notebook": notebook}}))
    """)
    done = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True,
                          timeout=180, cwd=folder)
    assert done.returncode == 0, done.stderr
    return {"stdout": done.stdout, **json.loads(done.stdout.splitlines()[-1])}


def test_script_reproduces_every_tab_in_a_fresh_interpreter(fresh_run):
    produced = fresh_run["script"]
    assert produced == reference_values(SESSION)
    assert produced["tensors"]["a"] != produced["broadcasting"]["a"]  # names never leak
    assert produced["autograd"]["g"] == [2.0, 4.0, 6.0]


def test_running_the_script_prints_each_tabs_tensors(fresh_run):
    output = fresh_run["stdout"]
    assert "=== tensors ===" in output and "=== autograd ===" in output
    assert "c =\ntensor([[1., 2., 3., 4.]," in output


def test_notebook_run_top_to_bottom_reproduces_each_tab(fresh_run):
    assert fresh_run["notebook"] == reference_values(SESSION)


def test_script_keeps_explanations_as_comments_and_order_within_tabs():
    script = session_script(SESSION)
    assert "    # A 2×3 tensor of 0..5.\n    # arange counts from 0.\n" in script
    tensors_part = script[script.index("def tensors_tab"):script.index("def broadcasting_tab")]
    positions = [tensors_part.index(s) for s in ("# Create a", "# Transpose", "# Scale")]
    assert positions == sorted(positions)
    assert "label = '''two\n  lines'''" in script  # multi-line strings keep their text


def test_invalid_step_code_is_kept_as_a_comment_and_the_script_still_runs():
    steps = [("tensors", CodeStep("Broken", "x = (", "")),
             ("tensors", CodeStep("Star", "from math import *", "")),  # not valid in a def
             ("tensors", CodeStep("Fine", "y = torch.zeros(2)", ""))]
    namespace: dict = {"__name__": "exported"}
    exec(session_script(steps), namespace)
    assert namespace["main"]()["tensors"]["y"].tolist() == [0.0, 0.0]
    assert "# x = (" in session_script(steps)
    assert "# from math import *" in session_script(steps)


def test_notebook_is_valid_and_has_a_markdown_cell_per_explanation(tmp_path):
    path = tmp_path / "session.ipynb"
    assert write_session(SESSION, path) == "notebook"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    markdown = [c.source for c in notebook.cells if c.cell_type == "markdown"]
    assert any("### Create a" in m and "arange counts from 0." in m for m in markdown)
    assert any(m.startswith("## Autograd") for m in markdown)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code[0].source == PREAMBLE.rstrip()
    assert len(code) == 1 + len(SESSION)


def test_empty_session_still_makes_a_runnable_script():
    namespace: dict = {"__name__": "exported"}
    exec(session_script([]), namespace)
    assert namespace["main"]() == {}


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="ab \n\t", max_size=30))
def test_indenting_code_never_changes_a_multiline_string(text):
    code = f's = """{text}"""\nn = len(s)'
    namespace: dict = {}
    exec("def f():\n" + indent_code(code) + "\n    return s, n\n", namespace)
    assert namespace["f"]() == (text, len(text))


@pytest.mark.parametrize("kind", ["script", "notebook"])
def test_spanish_session_texts(kind, monkeypatch):
    from engine.i18n import messages

    monkeypatch.setattr(messages, "_language", "es")
    text = session_script(SESSION) if kind == "script" else notebook_text(SESSION)
    assert "Exportado desde TorchScope" in text


def test_long_explanations_are_wrapped_in_the_script():
    words = " ".join(f"word{i}" for i in range(60))
    script = session_script([("tensors", CodeStep("Long", "a = torch.ones(1)", words))])
    comments = [line.strip() for line in script.splitlines() if "word" in line]
    assert len(comments) > 1 and all(len(line) <= 2 + 88 for line in comments)
    assert " ".join(c.removeprefix("# ") for c in comments) == words


def test_export_writes_texts_in_the_language_current_at_export_time():
    from engine.core.codegen import CodeStep
    from engine.i18n.messages import compose, msg, set_language
    from engine.session.export import session_script

    comment = msg("every variable of this tab, by name")  # taken in English
    step = CodeStep(msg("Writing CSV"), compose("x = 1  # {c}\n", c=comment), comment)
    try:
        set_language("es")
        script = session_script([("tensors", step)])
    finally:
        set_language("en")
    spanish = render_in("es", comment)
    assert spanish != comment and f"x = 1  # {spanish}" in script
    assert f"# {render_in('es', step.title)}" in script and "Writing CSV" not in script
    assert f"x = 1  # {comment}" in session_script([("tensors", step)])


def render_in(language: str, text: str) -> str:
    from engine.i18n.messages import render

    return render(text, language)


# Any text a step may hold: line breaks nbformat splits on (\r, \x0b, \u2028...), quotes,
# braces, non-ASCII, surrogates excluded (a step's text is always valid Unicode).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ANY_STEP = st.tuples(st.sampled_from(["tensors", "autograd", "my tab", "ñ-tab"]),
                     st.builds(CodeStep, ANY_TEXT, ANY_TEXT, ANY_TEXT))


@settings(max_examples=60, deadline=None)
@given(st.lists(ANY_STEP, max_size=6), ANY_TEXT)
def test_notebook_is_valid_and_exactly_as_nbformat_writes_it(steps, title):
    """Built without nbformat, the text is still a valid notebook, byte for byte what
    ``nbformat.write`` gives for its content (so it reads back unchanged)."""
    text = notebook_text(steps, title=title)
    notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert nbformat.writes(notebook) + "\n" == text
    cells = notebook.cells
    assert len({cell.id for cell in cells}) == len(cells)
    code = iter(c.source for c in cells if c.cell_type == "code")
    in_order = [step for section in group_by_tab(steps) for step in section.steps]
    assert all(any(source == _cell_code(step.code) for source in code) for step in in_order)


def test_every_cell_names_its_tab_and_runs_unexecuted():
    notebook = json.loads(notebook_text(SESSION))
    assert (notebook["nbformat"], notebook["nbformat_minor"]) == (4, 5)
    preamble, *cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert preamble["metadata"] == {}
    assert [c["metadata"]["torchscope"]["tab"] for c in cells] == [
        "tensors", "tensors", "tensors", "broadcasting", "broadcasting", "autograd", "autograd"]
    assert all(c["execution_count"] is None and c["outputs"] == [] for c in cells)

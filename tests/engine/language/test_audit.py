"""While user code runs, nothing writes files, spawns processes, connects or imports."""

from __future__ import annotations

import pytest

from engine.core.errors import TorchScopeError
from engine.language.interpreter import Interpreter, warm_up
from tests.engine.language.audit import watching
from tests.engine.language.note_cells import CELLS, RUNNABLE
from tests.engine.language.test_refusals import REFUSED, TOO_BIG

ATTEMPTS = [
    "import numpy as np\nt = torch.ones(2)\nt.numpy().tofile('/tmp/x')",
    "import numpy as np\nnp.save('/tmp/x', 1)", "torch.save(torch.ones(1), '/tmp/x')",
    "import os\nos.system('true')", "import subprocess", "import socket",
    "open('/tmp/x', 'w')", "exec('import os')", "eval('1')", "__import__('os')",
    "import numpy as np\nnp.ones(2).tofile('/tmp/x')",
]


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    warm_up()  # PyTorch loads its meta kernels (and their modules) on first use


@pytest.mark.parametrize("code", ATTEMPTS + [c for c, _ in REFUSED] + TOO_BIG[:12],
                         ids=lambda c: c[:40])
def test_escapes_leave_no_trace(code: str) -> None:
    with watching(code) as violations, pytest.raises(TorchScopeError):
        Interpreter(time_limit=5).run_to_end(code)
    assert violations == []


def test_the_note_runs_without_forbidden_events() -> None:
    interpreter = Interpreter()
    for index in RUNNABLE:
        with watching(CELLS[index]) as violations:
            interpreter.run_to_end(CELLS[index])
        assert violations == [], index


def test_the_hook_sees_a_real_write(tmp_path: object) -> None:
    """The hook itself works: a write by the test (not user code) is caught."""
    with watching("unused") as violations, open(f"{tmp_path}/f.txt", "w") as handle:
        handle.write("x")
    assert violations and violations[0].startswith("open for writing")

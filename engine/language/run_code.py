"""The headless entry: ``python main.py --run-code FILE.py [--json]``.

Runs the file through the language's interpreter without a window. Without ``--json`` the
printed output is written as Python would write it. With ``--json`` one JSON object per
line is written: first one per ``print`` call, in order, ``{"print": text}`` where ``text``
is exactly what that call wrote, its ``end`` (normally ``"\\n"``) included, so joining the
texts gives the program's output; then one per name bound at the end (modules left out), in
order of first binding: ``{"name", "type"}`` and for tensors ``"shape"``, ``"dtype"``,
``"requires_grad"`` and ``"sha256"`` of ``t.detach().cpu().contiguous().reshape(-1)
.view(torch.uint8)``'s bytes.

Exit codes: 0 ran; 2 the language refused the code (or a size limit): the error is printed
with its line, column and message (with ``--json`` as ``{"error": ..., "line", "column",
"message"}``); 3 PyTorch (or Python) raised an error: its text is printed the same way.
"""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

import torch

from engine.core.errors import OperationError, TorchScopeError
from engine.language.interpreter import Interpreter, RunResult

EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_PYTORCH = 3


def tensor_sha256(tensor: torch.Tensor) -> str:
    data = tensor.detach().cpu().contiguous().reshape(-1).view(torch.uint8)
    return hashlib.sha256(data.numpy().tobytes()).hexdigest()


def describe_name(name: str, value: object) -> dict[str, object]:
    """The JSON record of one bound name."""
    record: dict[str, object] = {"name": name, "type": _type_name(value)}
    if isinstance(value, torch.Tensor):
        record.update(shape=list(value.shape), dtype=str(value.dtype),
                      requires_grad=value.requires_grad, sha256=tensor_sha256(value))
    return record


def _type_name(value: object) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def _ordered_names(result: RunResult) -> list[str]:
    first = [name for name in result.assigned if name in result.names]
    return first + [name for name in result.names if name not in first]


def _write_result(result: RunResult, as_json: bool, out: TextIO) -> None:
    if not as_json:
        out.write(result.output)
        return
    for text in result.prints:
        out.write(json.dumps({"print": text}, ensure_ascii=False) + "\n")
    for name in _ordered_names(result):
        out.write(json.dumps(describe_name(name, result.names[name]), ensure_ascii=False) + "\n")


def _write_error(error: TorchScopeError, kind: str, as_json: bool, out: TextIO) -> None:
    line = getattr(error, "line", 0)
    if as_json:
        record = {"error": kind, "line": line, "column": error.column or 0,
                  "message": getattr(error, "what", error.message),
                  "torch_error": error.torch_error}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(error.describe() + "\n")


def run_code_file(path: str, as_json: bool, out: TextIO) -> int:
    """Run the file at ``path``; write its output (or error) to ``out``; return the exit code."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    interpreter = Interpreter()
    try:
        result = interpreter.run_to_end(source)
    except OperationError as error:
        _write_partial(interpreter, as_json, out)
        _write_error(error, "pytorch", as_json, out)
        return EXIT_PYTORCH
    except TorchScopeError as error:
        _write_partial(interpreter, as_json, out)
        _write_error(error, "refused", as_json, out)
        return EXIT_REFUSED
    _write_result(result, as_json, out)
    return EXIT_OK


def _write_partial(interpreter: Interpreter, as_json: bool, out: TextIO) -> None:
    """What was printed before the error (refusals at parse time printed nothing)."""
    if interpreter.partial is None:
        return
    if as_json:
        for text in interpreter.partial.prints:
            out.write(json.dumps({"print": text}, ensure_ascii=False) + "\n")
    else:
        out.write(interpreter.partial.output)

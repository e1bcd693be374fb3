"""The PyTorch code that produces what the app shows.

Every user-facing result carries a ``CodeStep``. Its ``code`` is plain Python that runs
after ``PREAMBLE`` and the earlier steps of the same tab, and reproduces the values shown.
"""

from __future__ import annotations

from dataclasses import dataclass

PREAMBLE = "import math\n\nimport torch\n"


@dataclass(frozen=True)
class CodeStep:
    title: str
    code: str
    explanation: str = ""


def as_script(steps: list[CodeStep] | tuple[CodeStep, ...]) -> str:
    """The steps as one runnable script, each preceded by its explanation as a comment."""
    parts = [PREAMBLE]
    for step in steps:
        header = f"# {step.title}"
        if step.explanation:
            header += "\n" + "\n".join(f"# {line}" for line in step.explanation.splitlines())
        parts.append(f"{header}\n{step.code.rstrip()}\n")
    return "\n".join(parts)

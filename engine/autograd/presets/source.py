"""The text of a preset's program: read from its ``.py`` file, split into stages, shown.

``program_text(key)`` is the constant text of ``programs/<key>.py`` (read with
``importlib.resources``, never imported). ``program_stages(text, names)`` cuts it at blank
lines into the stages a long preset reports progress between; joined back they are the
text itself. The code panel shows ``engine.autograd.commented.shown_code(text)``: the same
text whose ``#`` comments follow the UI language.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

PROGRAMS = "engine.autograd.presets.programs"


@cache
def program_text(key: str) -> str:
    """The constant program of preset ``key`` (``key`` must be a known preset)."""
    return resources.files(PROGRAMS).joinpath(f"{key}.py").read_text(encoding="utf-8")


WALK_CODE = resources.files(PROGRAMS).joinpath("_walk.py").read_text(encoding="utf-8")


def program_stages(text: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(stage, code)`` pairs: one stage when ``names`` has one name, else one per paragraph."""
    if len(names) == 1:
        return ((names[0], text),)
    paragraphs = text.split("\n\n")
    if len(paragraphs) != len(names):
        raise ValueError(f"{len(names)} stages expected, {len(paragraphs)} paragraphs found")
    chunks = [p + "\n\n" for p in paragraphs[:-1]] + [paragraphs[-1]]
    return tuple(zip(names, chunks, strict=True))

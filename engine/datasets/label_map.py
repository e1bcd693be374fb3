"""A custom source's label map: which class index each label cell means, and its name.

A label column of whole numbers keeps them as class indices, named ``"0"``, ``"1"``... until
the user names them; a column of words (``cat``, ``dog``) numbers its distinct values in
sorted order, as ImageFolder numbers its folders. Names the user gave are kept by index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.i18n.messages import Text, msg


def _whole(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def named(count: int, saved: tuple[str, ...] = ()) -> tuple[str, ...]:
    """``count`` class names: the saved ones first, then the index itself."""
    return tuple(saved[i] if i < len(saved) and saved[i] else str(i)
                 for i in range(max(count, len(saved))))


@dataclass(frozen=True)
class LabelMap:
    names: tuple[str, ...]  # class index → name shown
    words: tuple[str, ...] = ()  # the label column's distinct words, when it holds words

    def index(self, text: str) -> tuple[int | None, Text | None]:
        """(class index, None) for one label cell, or (None, why it cannot be used)."""
        text = text.strip()
        if not text:
            return None, msg("the label is missing")
        if self.words:
            return self.words.index(text), None
        value = _whole(text)
        if value is None:
            return None, msg("the label '{text}' is not a whole number", text=text)
        if value < 0:
            return None, msg("the label {value} is negative: class indices start at 0",
                             value=value)
        return value, None

    def code(self) -> str:
        """The pandas line that turns the label column into class indices."""
        if not self.words:
            return "annotations[label_col] = annotations[label_col].str.strip().astype(int)\n"
        return (f"classes = {list(self.words)!r}  # sorted, as ImageFolder sorts its folders\n"
                "annotations[label_col] = annotations[label_col].str.strip().map(\n"
                "    {name: index for index, name in enumerate(classes)})\n")


def label_map_for(cells: Iterable[str], saved: tuple[str, ...] = ()) -> LabelMap:
    """The map of a label column: whole numbers when at least half the cells are, else
    the sorted distinct words. ``saved`` names (the user's) replace the default names."""
    texts = [str(cell).strip() for cell in cells if str(cell).strip()]
    numbers = [v for v in (_whole(t) for t in texts) if v is not None]
    if len(numbers) * 2 >= len(texts):
        return LabelMap(named(max(numbers, default=-1) + 1, saved))
    words = tuple(sorted(set(texts)))
    return LabelMap(tuple(saved[i] if i < len(saved) and saved[i] else word
                          for i, word in enumerate(words)), words)

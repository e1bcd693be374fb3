"""Reading a user's annotations CSV: separator, header row and columns, found not assumed.

The separator is sniffed (comma, semicolon, tab, pipe); the first row is a header when none
of its cells looks like an image file name or a whole number; with more than two columns,
the filename and label columns are found by their names (filename, label...) or else by
their cells (image names; whole numbers), unless the user picked them. When several numeric
columns could be the label (an image name plus landmark coordinates, say) and none is named
like one, the user is asked (``LabelColumnNeeded``): the app never guesses. The file is
only read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from engine.core.errors import DataError
from engine.datasets.image_safety import is_image_name
from engine.i18n.messages import msg

if TYPE_CHECKING:
    import pandas as pd

SEPARATORS = ",;\t|"
LABEL_NAMES = ("label", "labels", "class", "target", "category", "y")
FILENAME_NAMES = ("filename", "file", "image", "img", "path", "file_name", "image_path")
MAX_CSV_BYTES = 100 * 1024 * 1024


class LabelColumnNeeded(DataError):
    """Several numeric columns and none named as the label: the user must choose one (or
    the file holds per-image numbers such as landmarks, not class labels)."""

    def __init__(self, message: str, columns: tuple[str, ...], filename_column: str) -> None:
        super().__init__(message, field="label_column")
        self.columns = columns
        self.filename_column = filename_column


@dataclass(frozen=True)
class CsvLayout:
    separator: str
    has_header: bool
    columns: tuple[str, ...]  # names (header) or "0", "1"... (no header)
    filename_column: str
    label_column: str


def _looks_number(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


def _numeric_columns(columns: tuple[str, ...], rows: list[list[str]],
                     exclude: str) -> list[str]:
    """The columns (but ``exclude``) whose cells are mostly numbers."""
    found = []
    for position, name in enumerate(columns):
        cells = [row[position] for row in rows if position < len(row) and row[position]]
        if name != exclude and cells and sum(map(_looks_number, cells)) * 2 >= len(cells):
            found.append(name)
    return found


def _check_label_is_clear(path: Path, columns: tuple[str, ...], rows: list[list[str]],
                          name_col: str, has_header: bool) -> None:
    """LabelColumnNeeded when several numeric columns could be the label and none is
    named like one: the app asks rather than guess."""
    if has_header and any(c.strip().lower() in LABEL_NAMES for c in columns if c != name_col):
        return
    numeric = _numeric_columns(columns, rows, name_col)
    if len(numeric) >= 2:
        raise LabelColumnNeeded(msg(
            "{path} has {count} numeric columns besides the file name ({first}…) and none "
            "is named label or class. It may hold per-image numbers such as landmark "
            "coordinates, which is not a classification file. Choose the label column, or "
            "use a CSV with one class label per image.", path=path.name, count=len(numeric),
            first=", ".join(numeric[:3])), columns, name_col)


def _looks_int(text: str) -> bool:
    try:
        int(text.strip())
    except ValueError:
        return False
    return True


def sniff_separator(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        counts = {sep: sample.splitlines()[0].count(sep) for sep in SEPARATORS} if sample else {}
        best = max(counts, key=lambda sep: counts[sep], default=",")
        return best if counts.get(best) else ","


def _first_rows(path: Path, separator: str, count: int = 50) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=separator)
        rows = []
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append([cell.strip() for cell in row])
            if len(rows) >= count:
                break
    return rows


def _is_header(row: list[str]) -> bool:
    return not any(is_image_name(Path(cell)) or _looks_int(cell) for cell in row if cell)


def _pick(columns: tuple[str, ...], rows: list[list[str]], chosen: str,
          test: Callable[[str], bool], exclude: str | None, what: str,
          names: tuple[str, ...] = ()) -> str:
    if chosen:
        if chosen not in columns:
            raise DataError(msg("The CSV has no column '{column}'; its columns are: "
                                "{columns}.", column=chosen, columns=", ".join(columns)),
                            field=f"{what}_column")
        return chosen
    named = [c for c in columns if c.strip().lower() in names and c != exclude]
    if named:
        return named[0]
    for position, name in enumerate(columns):
        cells = [row[position] for row in rows if position < len(row) and row[position]]
        if name != exclude and cells and sum(map(test, cells)) >= len(cells) / 2:
            return name
    fallback = [name for name in columns if name != exclude]
    if not fallback:
        raise DataError(msg("The CSV needs at least two columns (an image file name and a "
                            "label); it has one."), field="annotations")
    return fallback[0]


def detect_layout(path: Path, filename_column: str = "", label_column: str = "",
                  require_label: bool = True) -> CsvLayout:
    """Separator, header and the two columns to use; DataError when the CSV cannot work,
    LabelColumnNeeded when the label column is not clear (unless ``require_label`` is
    false: then only the file name column matters)."""
    path = Path(path)
    if not path.is_file():
        raise DataError(msg("Annotations file not found: {path}", path=path),
                        field="annotations")
    if path.stat().st_size > MAX_CSV_BYTES:
        raise DataError(msg("{path} is larger than 100 MiB: not opened.", path=path.name),
                        field="annotations")
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        sample = handle.read(8192)
    separator = sniff_separator(sample)
    rows = _first_rows(path, separator)
    if not rows:
        raise DataError(msg("{path} is empty: it needs one row per image (file name, label).",
                            path=path.name), field="annotations")
    has_header = _is_header(rows[0])
    width = max(len(row) for row in rows)
    columns = tuple(rows[0]) if has_header else tuple(str(i) for i in range(width))
    data = rows[1:] if has_header else rows
    if has_header and not data:
        raise DataError(msg("{path} has a header row but no data rows.", path=path.name),
                        field="annotations")
    name_col = _pick(columns, data, filename_column, lambda c: is_image_name(Path(c)), None,
                     "filename", FILENAME_NAMES if has_header else ())
    if require_label and not label_column:
        _check_label_is_clear(path, columns, data, name_col, has_header)
    label_col = _pick(columns, data, label_column, _looks_int, name_col, "label",
                      LABEL_NAMES if has_header else ())
    return CsvLayout(separator, has_header, columns, name_col, label_col)


def read_annotations(path: Path, layout: CsvLayout) -> pd.DataFrame:
    """A pandas DataFrame with exactly two columns (filename, label), as strings."""
    import pandas as pd

    header = 0 if layout.has_header else None
    try:
        frame = pd.read_csv(path, sep=layout.separator, header=header, dtype=str,
                            keep_default_na=False, skipinitialspace=True,
                            skip_blank_lines=True, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(msg("pandas could not read {path}: {error}", path=Path(path).name,
                            error=exc), field="annotations") from exc
    if not layout.has_header:
        frame.columns = [str(c) for c in frame.columns]
    return frame[[layout.filename_column, layout.label_column]]


def line_numbers(path: Path, layout: CsvLayout) -> list[int]:
    """The file line number (from 1, the header and blank lines counted) of each data row
    that ``read_annotations`` returns, so a report can point into the file."""
    numbers: list[int] = []
    with Path(path).open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=layout.separator)
        end = 0
        for row in reader:
            start, end = end + 1, reader.line_num
            if row:
                numbers.append(start)
    return numbers[1:] if layout.has_header else numbers


def layout_code(layout: CsvLayout) -> str:
    """The pandas call that read_annotations makes, as code text (``annotations_file``)."""
    header = "0" if layout.has_header else "None"
    columns = ", ".join(repr(c if layout.has_header else int(c))
                        for c in (layout.filename_column, layout.label_column))
    return (f"annotations = pd.read_csv(annotations_file, sep={layout.separator!r}, "
            f"header={header}, dtype=str,\n"
            f"                          keep_default_na=False, skipinitialspace=True)\n"
            f"annotations = annotations[[{columns}]]\n")

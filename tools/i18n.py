"""Translation upkeep: one Qt ``.ts``/``.qm`` pair per area, so areas never share a file.

    python tools/i18n.py update [AREA...]    # refresh the .ts files from the sources (lupdate)
    python tools/i18n.py missing [AREA]      # list strings still untranslated
    python tools/i18n.py translate AREA F.json  # fill translations from {"source": "traducción"}
                                             # (plural sources: ["1 form", "n forms"])
    python tools/i18n.py release             # compile every .ts into .qm (lrelease)

English needs a catalogue too, for plurals only: ``tr("%n node(s)", "", n)`` reads
"1 node" / "2 nodes" through ``<area>_en.ts``, which ``update`` writes and fills itself
(``(s)`` dropped for one, ``s`` for many).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGUAGE = "es"

# Which sources belong to which area: one package per area; the rest is the shell's.
AREAS: dict[str, tuple[str, ...]] = {
    area: (f"gui/{area}/*.py",)
    for area in ("tensors", "broadcasting", "datasets", "autograd", "session", "console")
}
AREAS["tensors"] += ("gui/widgets/tensor*.py", "gui/core/workspace*.py")
SHELL = "shell"


def area_of(relative: str) -> str:
    for area, patterns in AREAS.items():
        if any(fnmatch(relative, pattern) for pattern in patterns):
            return area
    return SHELL


def sources_by_area() -> dict[str, list[Path]]:
    grouped: dict[str, list[Path]] = {}
    for path in sorted((ROOT / "gui").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        grouped.setdefault(area_of(relative), []).append(path)
    return grouped


def ts_path(area: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{area}_{LANGUAGE}.ts"


def run_lupdate(area: str, sources: list[Path], target: Path) -> None:
    command = [str(BIN / "pyside6-lupdate"), *map(str, sources), "-no-obsolete",
               "-target-language", "es_ES", "-ts", str(target)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def english_plurals_path(area: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{area}_en.ts"


def update_english_plurals(area: str, sources: list[Path]) -> None:
    """Write ``<area>_en.ts`` with the area's plural messages, their forms filled in."""
    target = english_plurals_path(area)
    command = [str(BIN / "pyside6-lupdate"), *map(str, sources), "-no-obsolete", "-pluralonly",
               "-target-language", "en", "-ts", str(target)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    tree = ET.parse(target)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is not None and translation.findall("numerusform"):
            _fill(translation, [source.replace("(s)", ""), source.replace("(s)", "s")])
    tree.write(target, encoding="utf-8", xml_declaration=True)


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.append((name, message.findtext("source", ""), message.find("translation")))
    return found


def is_translated(translation: ET.Element | None) -> bool:
    """Finished and not empty; a plural message (numerus forms) needs every form filled."""
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    return [(ctx, src) for ctx, src, tr in messages(ts_file) if not is_translated(tr)]


def translate(area: str, mapping: dict[str, str | list[str]]) -> int:
    path = ts_path(area)
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if source in mapping and translation is not None:
            _fill(translation, mapping[source])
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def _fill(translation: ET.Element, text: str | list[str]) -> None:
    """A plain text, or for plural messages a list with one text per numerus form."""
    forms = translation.findall("numerusform")
    if forms and isinstance(text, list):
        for form, value in zip(forms, text, strict=False):
            form.text = value
    else:
        translation.text = text if isinstance(text, str) else text[0]
    translation.attrib.pop("type", None)


def release() -> None:
    for ts_file in sorted([*I18N_DIR.glob(f"*_{LANGUAGE}.ts"), *I18N_DIR.glob("*_en.ts")]):
        qm = ts_file.with_suffix(".qm")
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts_file), "-qm", str(qm)],
                       check=True, capture_output=True, text=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    if command == "update":
        wanted = set(argv[1:])
        for area, sources in sources_by_area().items():
            if not wanted or area in wanted:
                run_lupdate(area, sources, ts_path(area))
                update_english_plurals(area, sources)
    elif command == "missing":
        areas = argv[1:] or sorted(sources_by_area())
        for area in areas:
            for context, source in untranslated(ts_path(area)):
                print(f"{area}\t{context}\t{source!r}")
    elif command == "translate":
        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"filled {translate(argv[1], mapping)} messages in {ts_path(argv[1]).name}")
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

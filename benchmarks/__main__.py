"""Run every benchmark (``bench_*.py`` here) and print a table, or JSON lines with --json.

Each module defines ``run() -> list[benchmarks.core.Figure]``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))


def print_table(figures) -> None:
    print(f"{'figure':<62} {'value':>12} {'unit':<8} {'target':<12} ok")
    for fig in figures:
        target = ""
        if fig.target:
            (kind, bound), = fig.target.items()
            target = f"{kind} {bound:g}"
        verdict = {None: "", True: "yes", False: "NO"}[fig.meets_target()]
        if fig.skipped:
            print(f"{fig.name:<62} {'skipped':>12} {fig.unit:<8} {'':<12}")
            print(f"    skipped: {fig.skipped}")
        else:
            print(f"{fig.name:<62} {fig.value:>12.4g} {fig.unit:<8} {target:<12} {verdict}")
        if fig.note:
            print(f"    {fig.note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--only", action="append", choices=available(), help="run only NAME")
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args(argv)
    for name in args.only or available():
        module = importlib.import_module(f"benchmarks.bench_{name}")
        figures = module.run()
        if args.json:
            for fig in figures:
                print(json.dumps(fig.as_json()), flush=True)
        else:
            print(f"\n== {name} ==")
            print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

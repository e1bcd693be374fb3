"""pandas (~35 MiB resident once imported, for good) is loaded when a CSV is read, not
when a CSV source is refused before that (no image folder, no such annotations file)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
REFUSED_SOURCES = textwrap.dedent("""
    import sys
    from engine.core.errors import DataError
    from engine.datasets.sources import CSV, SourceSpec, load_source

    for root, annotations in (("", ""), ("images", ""), ("images", "no-such-file.csv")):
        try:
            for _progress in load_source(SourceSpec(CSV, root, annotations=annotations)):
                pass
        except DataError:
            pass
        else:
            raise SystemExit("a source with no CSV file was accepted")
    print("pandas" in sys.modules)
""")


def test_a_csv_source_refused_before_reading_does_not_import_pandas(tmp_path):
    done = subprocess.run([sys.executable, "-c", REFUSED_SOURCES], cwd=tmp_path,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""}, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False"]

#!/usr/bin/env bash
# Build the wheel, check what it holds, install it (no dependencies: it reuses .venv's torch,
# Qt...) into a throw-away folder and run the installed `torchscope --self-test` from there.
# Fast: nothing is downloaded or reinstalled. CI calls it (make wheel-check).
# Prints the wheel's size and file count: the figures README.md and packaging/README.md quote.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PY:-$ROOT/.venv/bin/python}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/torchscope-wheel.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

"$PY" tools/i18n.py release  # the wheel ships the compiled .qm translations
rm -rf build/lib build/bdist.*  # setuptools would reuse stale copies of deleted modules
# With a setuptools that builds wheels by itself (>= 70.1) in the venv, build offline with
# it; otherwise let pip fetch the build requirements into an isolated environment.
ISOLATION=--no-build-isolation
"$PY" -c "import setuptools.command.bdist_wheel" 2>/dev/null || ISOLATION=
"$PY" -m pip wheel . --no-deps $ISOLATION --quiet -w "$OUT/dist" 2> "$OUT/build.log" || {
    cat "$OUT/build.log" >&2
    exit 1
}
WHEEL=$(ls "$OUT"/dist/torchscope-*.whl)

"$PY" - "$WHEEL" <<'EOF'
import sys
import zipfile
from fnmatch import fnmatch

names = zipfile.ZipFile(sys.argv[1]).namelist()
required = ["main.py", "gui/shell/app.py", "gui/shell/main_window.py", "gui/shell/tabs.py",
            "engine/core/codegen.py", "engine/session/workspace_file.py",
            "engine/i18n/catalogues/es_session.py",
            "resources/torchscope.desktop", "resources/torchscope.svg",
            "resources/i18n/shell_es.qm", "resources/i18n/session_es.qm",
            "*.dist-info/entry_points.txt"]
missing = [p for p in required if not any(fnmatch(n, p) for n in names)]
for shipped in ("resources/fashionmnist/LICENSE",
                "resources/fashionmnist/FashionMNIST/raw/train-images-idx3-ubyte"):
    if shipped not in names:
        missing.append(shipped)
stray = [n for n in names if n.split("/")[0] in ("tests", "tools", "benchmarks", "packaging")]
entry = next(n for n in names if n.endswith("entry_points.txt"))
scripts = zipfile.ZipFile(sys.argv[1]).read(entry).decode()
if "torchscope = gui.shell.app:main" not in scripts:
    missing.append("gui-script torchscope = gui.shell.app:main")
qm = sorted(n for n in names if n.endswith(".qm"))
size = __import__("os").path.getsize(sys.argv[1])
# The figures the READMEs quote: refresh them from this line.
print(f"wheel: {sys.argv[1].rsplit('/', 1)[-1]}: {size / 1024:.0f} KB ({size:,} bytes), "
      f"{len(names)} files")
print(f"translations: {', '.join(q.split('/')[-1] for q in qm)}")
if missing or stray:
    sys.exit(f"wheel check FAILED: missing {missing}, unexpected {stray}")
EOF

"$PY" -m pip install --no-deps --quiet --target "$OUT/site" "$WHEEL"
cd "$OUT"  # away from the source tree, so only the installed copy can be imported
export PYTHONPATH="$OUT/site" QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$OUT/xdg"
"$PY" -c "import gui, engine, sys; \
where = [m.__file__ for m in (gui, engine)]; \
sys.exit(0 if all(w.startswith('$OUT/site/') for w in where) else f'imported {where}')"
"$OUT/site/bin/torchscope" --self-test
"$OUT/site/bin/torchscope" --install-desktop
grep -q "^Exec=$OUT/site/bin/torchscope$" "$XDG_DATA_HOME/applications/torchscope.desktop"
test -s "$XDG_DATA_HOME/icons/hicolor/scalable/apps/torchscope.svg"
echo "wheel check passed"

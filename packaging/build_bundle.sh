#!/usr/bin/env bash
# PyInstaller one-folder bundle of TorchScope: dist/bundle/torchscope/torchscope.
# Not part of `make test`. Run it as `make bundle`, which first installs the `bundle` extra.
# Prints the build time and the bundle's size, then runs the bundle's --self-test.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DIST=${DIST:-dist/bundle}
WORK=${WORK:-build/pyinstaller}
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: run make bundle (it installs the bundle extra)" >&2
    exit 2
fi
"$PY" tools/i18n.py release  # the bundle ships the compiled .qm translations
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/torchscope.spec
end=$(date +%s)
echo "build time: $((end - start)) s"
echo "bundle size: $(du -sh "$DIST/torchscope" | cut -f1) ($(du -sb "$DIST/torchscope" | cut -f1) bytes)"
QT_QPA_PLATFORM=offscreen "$DIST/torchscope/torchscope" --self-test
QT_QPA_PLATFORM=offscreen "$DIST/torchscope/torchscope" --check-extensions

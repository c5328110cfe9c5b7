#!/usr/bin/env bash
# Build the one-folder app: dist/queue-desk/queue-desk (and dist/Queue Desk.app on macOS).
#
#     bash packaging/build.sh
#
# Uses the Python of the current environment (an activated venv, or $PYTHON). If
# PyInstaller or an app dependency is missing it first installs the project with its
# `packaging` extra (pip install -e ".[packaging]") into that environment.
# Always builds from a clean build/ and dist/queue-desk/.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

# The bundle is made of whatever this environment has installed, so it needs the app's
# dependencies as well as PyInstaller.
if ! "$PYTHON" -c "import PyInstaller, PySide6.QtWidgets, qasync, httpx_aiohttp, keyring, uvicorn" >/dev/null 2>&1; then
  echo "build.sh: installing .[packaging] into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
  "$PYTHON" -m pip install --quiet -e ".[packaging]"
fi

# The translations as the app loads them (setup.py does the same on every pip install).
"$PYTHON" -c "from PySide6.scripts.pyside_tool import lrelease; lrelease()" -silent resources/translations/*.ts

# The committed icons must exist (packaging/render_icons.py regenerates them from the SVG).
"$PYTHON" packaging/render_icons.py --check

rm -rf build/queue-desk dist/queue-desk "dist/Queue Desk.app"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/queue-desk.spec
end=$(date +%s)

exe=dist/queue-desk/queue-desk
[ -x "$exe" ] || exe=dist/queue-desk/queue-desk.exe
[ -x "$exe" ] || { echo "build.sh: no executable in dist/queue-desk" >&2; exit 1; }
echo "build.sh: built $exe in $((end - start)) s"
du -sh dist/queue-desk

"""Finding files under `resources/` in every way the app is run: a source checkout or
editable install (`resources/` beside `gui/`), a wheel (mapped to `gui/resources/`, see
pyproject.toml) and the PyInstaller bundle (`_internal/resources`)."""
from __future__ import annotations

import sys
from pathlib import Path

_GUI = Path(__file__).resolve().parents[2]  # gui/ui/runtime/resources.py -> gui/


def resource_path(*parts: str) -> Path | None:
    roots = [_GUI / "resources", _GUI.parent / "resources"]
    if getattr(sys, "_MEIPASS", None):
        roots.insert(0, Path(sys._MEIPASS) / "resources")
    return next((p for p in (root.joinpath(*parts) for root in roots) if p.is_file()), None)


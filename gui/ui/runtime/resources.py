"""Finding files under `resources/` in every way the app is run: a source checkout or
editable install (`resources/` beside `gui/`), a wheel (mapped to `gui/resources/`, see
pyproject.toml) and the PyInstaller bundle (`_internal/resources`)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

_GUI = Path(__file__).resolve().parents[2]  # gui/ui/runtime/resources.py -> gui/


def resource_path(*parts: str) -> Path | None:
    roots = [_GUI / "resources", _GUI.parent / "resources"]
    if getattr(sys, "_MEIPASS", None):
        roots.insert(0, Path(sys._MEIPASS) / "resources")
    return next((p for p in (root.joinpath(*parts) for root in roots) if p.is_file()), None)


def app_icon() -> QIcon:
    """The window and application icon (a null icon if the file is missing)."""
    path = resource_path("icons", "queue-desk.svg")
    return QIcon(str(path)) if path else QIcon()


def tinted_icon(*parts: str, color: str) -> QIcon:
    """An SVG line icon of our own (resources/icons/..., drawn on a 24 px grid) in `color`:
    the files use currentColor, which Qt's SVG reader does not know, so it is filled in
    here. Rendered at 2x too when a screen is high-DPI, so its lines stay crisp. Speed: the image
    reader, not QSvgRenderer and a QPainter (~2 ms for all eight, not ~15)."""
    from PySide6.QtGui import QGuiApplication, QPixmap

    path = resource_path(*parts)
    if path is None:
        return QIcon()
    text = path.read_text(encoding="utf-8").replace("currentColor", color)
    icon = QIcon()
    # Speed: the 2x render only where a screen needs it (half the cost of the sidebar's icons).
    sharp = any(screen.devicePixelRatio() > 1 for screen in QGuiApplication.screens())
    for size in (24, 48) if sharp else (24,):
        pixmap = QPixmap()
        if pixmap.loadFromData(text.replace('width="24" height="24"', f'width="{size}" height="{size}"').encode(),
                               "SVG"):
            icon.addPixmap(pixmap)
    return icon


def endpoint_icon(name: str) -> QIcon:
    """An endpoint's sidebar icon in the palette's text colour (call again after a scheme change)."""
    from PySide6.QtGui import QGuiApplication, QPalette

    color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return tinted_icon("icons", "endpoints", f"{name}.svg", color=color)


def standard_icon(name: str) -> QIcon:
    """One of the style's own icons by its StandardPixmap name ("SP_BrowserReload"): they
    ship with Qt, follow the style, and need no licence beyond Qt's."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(getattr(QStyle.StandardPixmap, name))

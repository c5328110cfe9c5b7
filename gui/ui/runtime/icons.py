"""The app's icons: its own (resources/icons/queue-desk.svg) and line icons drawn on a 24 px
grid in one style, for the sidebar's endpoints and the buttons and actions, in the
palette's text colour and kept in it when the scheme changes. Why our own and not the
style's standard icons: one look on every platform, colours that follow dark mode, and
speed: the first QStyle use makes PySide build its Python type (~600 enum members, 8-15 ms
of start-up)."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from gui.ui.runtime import theme
from gui.ui.runtime.resources import resource_path

LINE_ICONS = ("about", "cancel", "delete", "details", "folder", "help", "refresh", "resubmit", "save", "submit")


def app_icon() -> QIcon:
    """The window and application icon (a null icon if the file is missing)."""
    path = resource_path("icons", "queue-desk.svg")
    return QIcon(str(path)) if path else QIcon()


def _tinted(parts: tuple[str, ...], color: str, sharp: bool) -> QIcon:
    """An SVG line icon in `color`: the files use currentColor, which Qt's SVG reader does
    not know, so it is filled in here. At 2x too when a screen is high-DPI, so its lines stay
    crisp. Speed: the image reader, not QSvgRenderer and a QPainter (~2 ms for eight, not
    ~15)."""
    from PySide6.QtGui import QPixmap

    path = resource_path(*parts)
    if path is None:
        return QIcon()
    text = path.read_text(encoding="utf-8").replace("currentColor", color)
    icon = QIcon()
    for size in (24, 48) if sharp else (24,):
        pixmap = QPixmap()
        if pixmap.loadFromData(text.replace('width="24" height="24"', f'width="{size}" height="{size}"').encode(),
                               "SVG"):
            icon.addPixmap(pixmap)
    return icon


def _in_text_colour(*parts: str) -> QIcon:
    from PySide6.QtGui import QGuiApplication, QPalette

    color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    # Speed: the 2x render only where a screen needs it (half the cost of the sidebar's icons).
    sharp = any(screen.devicePixelRatio() > 1 for screen in QGuiApplication.screens())
    return _tinted(parts, color, sharp)


def endpoint_icon(name: str) -> QIcon:
    """An endpoint's sidebar icon in the palette's text colour (call again after a scheme change)."""
    return _in_text_colour("icons", "endpoints", f"{name}.svg")


def line_icon(name: str) -> QIcon:
    """One of LINE_ICONS in the palette's text colour (call again after a scheme change)."""
    return _in_text_colour("icons", "actions", f"{name}.svg")


class _Follower(QObject):
    """Gives its parent (a QAction or a button) its line icon again when the palette
    changes. A child of its target, so the connection goes when the target does."""

    def __init__(self, target: QObject, name: str) -> None:
        super().__init__(target)
        self._name = name
        theme.palette_applied.connect(self.apply)

    def apply(self) -> None:
        self.parent().setIcon(line_icon(self._name))


def set_line_icon(target: QObject, name: str) -> None:
    """`target.setIcon(line_icon(name))`, now and after every scheme change."""
    _Follower(target, name).apply()

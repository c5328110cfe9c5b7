"""Light and dark: the Fusion style everywhere (the same look on every platform, and a
style that honours any palette), the palette following the system's colour scheme unless
the user picked one (View → Appearance, kept in QSettings), and colour helpers for text
drawn in fixed colours."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.settings import Key

SCHEMES = ("system", "light", "dark")

_following: list[bool] = []  # whether the colorSchemeChanged hook is connected


class _Notifier(QObject):
    applied = Signal()


_notifier = _Notifier()
# Emitted after `apply` set the palette, for colours baked into HTML. Speed: widgets
# listen here rather than in changeEvent, whose first QEvent makes PySide create the
# Python types of every Qt event class (~5 ms at start-up).
palette_applied = _notifier.applied


def chosen_scheme() -> str:
    value = app_settings.get(Key.COLOR_SCHEME)
    return value if value in SCHEMES else "system"


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


# For a QApplication's arguments: Fusion from its first moment. Speed: app.setStyle("Fusion")
# makes PySide build QStyle's Python type to resolve the overloads (~12 ms of start-up).
FUSION_ARGS = ("-style", "Fusion")


def apply(app: QApplication, scheme: str | None = None, *, fusion_already: bool = False) -> bool:
    """Style and palette for `scheme` (default: the saved choice); returns whether dark.
    `fusion_already`: the app was made with FUSION_ARGS. The palette is set by hand rather
    than left to the platform: Fusion on Linux, the offscreen platform and older Windows would
    otherwise stay light in a dark session, and the look is the same everywhere."""
    if scheme is None:
        scheme = chosen_scheme()
    if not fusion_already:
        app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: native bits (title bars) follow the choice
        wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(scheme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(wanted)
    dark = scheme == "dark" or (scheme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else light_palette())
    for widget in app.allWidgets():
        # A widget with its own style sheet keeps the palette it was polished with: set the
        # sheet again so a change while the app runs reaches it too.
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
    palette_applied.emit()
    if not _following:
        # The system scheme may change while the app runs (e.g. at sunset).
        hints.colorSchemeChanged.connect(lambda _s: chosen_scheme() == "system" and apply(app, "system"))
        _following.append(True)
    return dark


def choose(app: QApplication, scheme: str) -> bool:
    app_settings.put(Key.COLOR_SCHEME, scheme)
    return apply(app, scheme)


# Role name -> colour, for all colour groups; then the disabled group's own colours.
_LIGHT = {"Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "AlternateBase": "#f7f7f7",
          "ToolTipBase": "#ffffdc", "ToolTipText": "#000000", "PlaceholderText": "#80000000", "Text": "#000000",
          "Button": "#efefef", "ButtonText": "#000000", "BrightText": "#ffffff", "Light": "#ffffff",
          "Midlight": "#cacaca", "Mid": "#b8b8b8", "Dark": "#9f9f9f", "Shadow": "#767676",
          "Highlight": "#308cc6", "HighlightedText": "#ffffff", "Link": "#0000ff", "LinkVisited": "#ff00ff",
          "Accent": "#308cc6"}
_LIGHT_DISABLED = {"WindowText": "#bebebe", "Text": "#bebebe", "ButtonText": "#bebebe", "Dark": "#bebebe",
                   "Base": "#efefef", "Shadow": "#b1b1b1", "Highlight": "#919191", "Accent": "#919191"}
_DARK = {"Window": "#2d2d30", "WindowText": "#e6e6e6", "Base": "#1f1f22", "AlternateBase": "#2a2a2e",
         "ToolTipBase": "#3a3a3e", "ToolTipText": "#f0f0f0", "PlaceholderText": "#9a9a9a", "Text": "#e6e6e6",
         "Button": "#3a3a3e", "ButtonText": "#e6e6e6", "BrightText": "#ff6b5e", "Light": "#505055",
         "Midlight": "#434348", "Mid": "#6a6a70", "Dark": "#1a1a1c", "Shadow": "#000000",
         "Highlight": "#3d7bd9", "HighlightedText": "#ffffff", "Link": "#6cb4ff", "LinkVisited": "#b58cff"}
_DARK_DISABLED = {"WindowText": "#7a7a7a", "Text": "#7a7a7a", "ButtonText": "#7a7a7a"}


def _palette(colours: dict[str, str], disabled: dict[str, str]) -> QPalette:
    p = QPalette()
    for name, colour in colours.items():
        p.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for name, colour in disabled.items():
        p.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, name), QColor(colour))
    return p


def light_palette() -> QPalette:
    """Fusion's own light palette (its standardPalette() in Qt 6.8-6.11, a test compares),
    written out as the dark one is: asking the style for it would build QStyle's Python type."""
    return _palette(_LIGHT, _LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _palette(_DARK, _DARK_DISABLED)


def is_dark() -> bool:
    """Whether the application's current palette is a dark one (text drawn on Base)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        channels = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
                    for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(background: QColor, text: QColor, ratio: float = 4.5) -> QColor:
    """`background` darkened under light text (lightened under dark text) until `text` on
    it reaches `ratio` (WCAG AA for body text: 4.5)."""
    colour = QColor(background)
    for _ in range(12):
        if contrast(colour, text) >= ratio:
            break
        colour = colour.darker(112) if text.lightness() > colour.lightness() else colour.lighter(112)
    return colour

"""The window's language: the system's (German or English) unless View → Language says
otherwise. Translations are Qt's own: resources/translations/queue_desk_<lang>.ts, compiled to
.qm on install and packaging (setup.py, packaging/build.sh), plus Qt's qtbase catalogue for
the standard dialogs and buttons. The engine's messages (gui/core) go through the same
translator via gui.core.i18n."""
from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from gui.core import i18n
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.resources import resource_path
from gui.ui.runtime.settings import Key

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")  # English is the source language: it needs no catalogue
SYSTEM = "system"

_installed: list[QTranslator] = []
_in_use = "en"


def chosen() -> str:
    """The saved choice: "system", "en" or "de"."""
    value = app_settings.get(Key.LANGUAGE)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def choose(language: str) -> None:
    """Remember the choice; it applies from the next start (every window would otherwise
    have to rebuild its texts while jobs run)."""
    app_settings.put(Key.LANGUAGE, language)


def system_language() -> str:
    """The first of the user's preferred UI languages that we have, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def effective(choice: str | None = None) -> str:
    choice = chosen() if choice is None else choice
    return system_language() if choice == SYSTEM else choice


def effective_now() -> str:
    """The language the running app speaks."""
    return _in_use


def catalogue(language: str):
    """The compiled catalogue for `language`, or None (English, or not built)."""
    return resource_path("translations", f"queue_desk_{language}.qm")


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load the translators for `language` (default: the effective choice) before any
    window exists; returns the language in use."""
    global _in_use
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.install(None)
    _in_use = "en"
    language = language or effective()
    if language == "en":
        return "en"
    path = catalogue(language)
    own = QTranslator(app)
    if path is None or not own.load(str(path)):
        log.warning("no %s translation found (resources/translations/queue_desk_%s.qm); using English",
                    language, language)
        return "en"
    qt = QTranslator(app)  # Qt's own words: OK/Cancel, file dialogs, context menus
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(own)
    _installed.append(own)
    i18n.install(QCoreApplication.translate)
    _in_use = language
    return language

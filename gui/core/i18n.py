"""Translation of the engine's user-facing words, without Qt.

The engine's messages (errors, validation) are shown in the window, so they are translated
like the window's own strings: `translate("context", "source text")` is extracted by
`pyside6-lupdate` (it recognises the call by name) into resources/translations/*.ts. The
window installs Qt's translator here at start-up; the headless commands install nothing and
speak English.

Sources are whole sentences with named placeholders filled afterwards with
`.format(name=…)`, so a translation may reorder them."""
from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def install(translator: Callable[[str, str], str] | None) -> None:
    """Route `translate` through `translator(context, text)` (None: English again)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    return text if _translator is None else _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a constant for extraction; translate it with `translate(context, value)` where shown."""
    return text

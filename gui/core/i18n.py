"""Translation of the engine's user-facing words, without Qt.

The engine's messages (errors, validation) are shown in the window, so they are translated
like the window's own strings: `translate("context", "source text")` is extracted by
`pyside6-lupdate` (it recognises the call by name) into resources/translations/*.ts. The
window installs Qt's translator here at start-up; the headless commands install nothing and
speak English.

Sources are whole sentences with named placeholders filled afterwards with
`.format(name=…)`, so a translation may reorder them.

A translated text remembers how it was made (a `Message`: context, source and the values
filled in), so a text kept for later (a job's error, its timeline) is shown in the language
shown then, not in the one it was made in: the job store keeps the recipe next to the English
text (`for_store`, `from_store`); the window shows `shown(text)`, logs `english(text)`. The
values filled in stay as they are (the server's own words are never translated); a text
joined from pieces (`+`, `join`) is plain text again and is shown as it was written."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

_translator: Callable[[str, str], str] | None = None
ENGLISH = 0  # the language key of English
_generation = 1  # which translator is installed: words rendered under another are stale
_new = str.__new__


def install(translator: Callable[[str, str], str] | None) -> None:
    """Route `translate` through `translator(context, text)` (None: English again)."""
    global _translator, _generation
    _translator = translator
    _generation += 1


def _language() -> int:
    return ENGLISH if _translator is None else _generation


def translate(context: str, text: str) -> Message:
    # Speed: built by hand, not through __init__ (a job's timeline makes a few per job).
    message = _new(Message, text if _translator is None else _translator(context, text))
    message._recipe = (context, text)
    message._language = ENGLISH if _translator is None else _generation
    message._other = message._stored = None
    return message


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a constant for extraction; translate it with `translate(context, value)` where shown."""
    return text


class Message(str):
    """Translated words that remember their recipe: (context, source text) and, once
    formatted, the positional and named values filled in (other Messages, or data shown as
    it is). Read back from the store the recipe is JSON text, parsed only when the words are
    needed in another language."""

    __slots__ = ("_recipe", "_language", "_other", "_stored")
    # _language: the language key the words themselves are in; _other: (key, words) rendered
    # for the language shown now, when that is another; _stored: what for_store gave.

    def format(self, *args: Any, **kwargs: Any) -> str:
        words = str.format(self, *args, **kwargs)
        recipe = self._recipe
        if recipe.__class__ is not tuple or len(recipe) != 2:  # formatted once already: no recipe for twice
            return words
        message = _new(Message, words)
        message._recipe = (recipe[0], recipe[1], args, kwargs)
        message._language = self._language
        message._other = message._stored = None
        return message

    def _parsed(self) -> tuple | None:
        recipe = self._recipe
        if isinstance(recipe, str):
            try:
                recipe = _from_json(json.loads(recipe))
            except (ValueError, LookupError, TypeError):
                recipe = None
            self._recipe = recipe
        return recipe

    def _in(self, language: int, translator: Callable[[str, str], str] | None) -> str:
        if self._language == language:
            return self
        if self._other is not None and self._other[0] == language:
            return self._other[1]
        recipe = self._parsed()
        try:
            words = _render(recipe, translator) if recipe is not None else str(self)
        except (LookupError, ValueError, TypeError, AttributeError):  # a recipe the sources no longer fit
            words = str(self)
        if language == _language():  # cached for the language shown now only
            self._other = (language, words)
        return words


def _render(recipe: tuple, translator: Callable[[str, str], str] | None) -> str:
    words = recipe[1] if translator is None else translator(recipe[0], recipe[1])
    if len(recipe) == 2:
        return words
    return words.format(*(_value(v, translator) for v in recipe[2]),
                        **{name: _value(v, translator) for name, v in recipe[3].items()})


def _value(value: Any, translator: Callable[[str, str], str] | None) -> Any:
    if isinstance(value, Message):
        return value._in(ENGLISH if translator is None else _language(), translator)
    if isinstance(value, dict) and "s" in value:  # a Message read back from its JSON
        return _render(_from_json(value), translator)
    return value


def shown(text: str | None) -> str | None:
    """`text` in the language shown now (plain text as it is)."""
    if not isinstance(text, Message):
        return text
    return text._in(_language(), _translator)


def english(text: str | None) -> str | None:
    """`text` in English: for logs and files read by other programs."""
    if not isinstance(text, Message):
        return text
    return text._in(ENGLISH, None)


def for_store(text: str | None) -> tuple[str | None, str | None]:
    """(the English words, the recipe as JSON or None) to keep `text` in a database."""
    if not isinstance(text, Message):
        return text, None
    if text._stored is None:
        recipe = text._recipe
        text._stored = (english(text), recipe if isinstance(recipe, str) else _JSON.encode(_to_json(recipe)))
    return text._stored


# Speed: one encoder (json.dumps with options builds one per call).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def from_store(words: str | None, recipe: str | None) -> str | None:
    """A text kept by `for_store` (or plain text kept before recipes were: shown as it is)."""
    if words is None or recipe is None:
        return words
    message = _new(Message, words)
    message._recipe = recipe
    message._language = ENGLISH
    message._other = message._stored = None
    return message


def _to_json(recipe: tuple) -> dict:
    if len(recipe) == 2:
        return {"c": recipe[0], "s": recipe[1]}
    return {"c": recipe[0], "s": recipe[1], "a": [_plain(v) for v in recipe[2]],
            "k": {name: _plain(v) for name, v in recipe[3].items()}}


def _from_json(recipe: dict) -> tuple:
    if "a" not in recipe:
        return recipe["c"], recipe["s"]
    return recipe["c"], recipe["s"], list(recipe["a"]), dict(recipe["k"])


def _plain(value: Any) -> Any:
    if value is None or value.__class__ in (str, int, float, bool, dict):  # dict: a recipe read back
        return value
    if isinstance(value, Message):
        recipe = value._parsed()
        return _to_json(recipe) if recipe is not None else str(value)
    return str(value)  # a path, an exception: as it was shown

"""Prompt templates with `{column}` placeholders, and the input-token estimate.

Not `str.format`: column names are what people type in a header row ("Customer name",
"Q1.answer", "Preis (€)"), which format() would read as attribute lookups or format
specs. A placeholder is `{` + any name without braces + `}`; `{{` and `}}` are literal
braces (as in format()), so a JSON example in a prompt is written `{{"a": 1}}`."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from gui.core.i18n import QT_TRANSLATE_NOOP, translate

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")

# The estimate: about 4 characters per token for English text (OpenAI's published rule of
# thumb); close enough to show the scale of a batch before launch without shipping a
# tokenizer whose vocabulary matches none of the provider's open-weight models anyway.
CHARS_PER_TOKEN = 4
MESSAGE_OVERHEAD_TOKENS = 4  # role markers and separators per chat message


def placeholders(template: str) -> list[str]:
    """Names used in the template, in order of first use."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(template):
        if match.group(1) is not None:
            seen.setdefault(match.group(1).strip(), None)
    return list(seen)


def unknown_placeholders(template: str, columns: Iterable[str]) -> list[str]:
    known = {c.strip() for c in columns}
    return [name for name in placeholders(template) if name not in known]


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders; an unknown one stays as written (callers check first)."""

    def fill(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1).strip()
        return values[name] if name in values else token

    return _TOKEN.sub(fill, template)


def stray_braces(template: str) -> bool:
    """A single `{` or `}` that is not part of a placeholder (likely a typo)."""
    rest = _TOKEN.sub("", template)
    return "{" in rest or "}" in rest


def estimate_tokens(*texts: str) -> int:
    """Estimated input tokens of one request made of these message texts."""
    parts = [t for t in texts if t]
    return sum(math.ceil(len(t) / CHARS_PER_TOKEN) for t in parts) + MESSAGE_OVERHEAD_TOKENS * len(parts)


# The messages of `problems`, whole sentences for each kind of template (its name is part of
# the sentence): (one unknown name, several unknown names, a lone brace).
_PROBLEMS = {
    "template": (
        QT_TRANSLATE_NOOP("batch_template", "The template uses {names}, which is not a column of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The template uses {names}, which are not columns of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The template has a lone {lone_open} or {lone_close}; write {open} or "
                                            "{close} for a literal brace."),
    ),
    "prompt template": (
        QT_TRANSLATE_NOOP("batch_template", "The prompt template uses {names}, which is not a column of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The prompt template uses {names}, which are not columns of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The prompt template has a lone {lone_open} or {lone_close}; write "
                                            "{open} or {close} for a literal brace."),
    ),
    "system template": (
        QT_TRANSLATE_NOOP("batch_template", "The system template uses {names}, which is not a column of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The system template uses {names}, which are not columns of the input "
                                            "(columns: {columns}). For a literal brace write {open} or {close}."),
        QT_TRANSLATE_NOOP("batch_template", "The system template has a lone {lone_open} or {lone_close}; write "
                                            "{open} or {close} for a literal brace."),
    ),
    "file-name template": (
        QT_TRANSLATE_NOOP("batch_template", "The file-name template uses {names}, which is not a column of the "
                                            "input (columns: {columns}). For a literal brace write {open} or "
                                            "{close}."),
        QT_TRANSLATE_NOOP("batch_template", "The file-name template uses {names}, which are not columns of the "
                                            "input (columns: {columns}). For a literal brace write {open} or "
                                            "{close}."),
        QT_TRANSLATE_NOOP("batch_template", "The file-name template has a lone {lone_open} or {lone_close}; write "
                                            "{open} or {close} for a literal brace."),
    ),
}


def problems(template: str, columns: Iterable[str], part: str = "template") -> list[str]:
    """What must be fixed before anything is sent, in plain words. `part` names the
    template: "template", "prompt template", "system template" or "file-name template"."""
    columns = list(columns)
    one, several, lone = _PROBLEMS.get(part, _PROBLEMS["template"])
    braces = {"open": "{{", "close": "}}", "lone_open": "{", "lone_close": "}"}
    found = []
    unknown = unknown_placeholders(template, columns)
    if unknown:
        names = ", ".join("{" + n + "}" for n in unknown)
        listed = ", ".join(columns[:12]) + (" …" if len(columns) > 12 else "")
        message = translate("batch_template", one if len(unknown) == 1 else several)
        found.append(message.format(names=names, columns=listed, **braces))
    if stray_braces(template):
        found.append(translate("batch_template", lone).format(**braces))
    return found

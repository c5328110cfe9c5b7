"""A big JSON answer parsed from its file without a whole copy of its text in memory: the
big strings in it (base64 images, long texts) are found by scanning the file in pieces, the
rest is parsed with each of them stood in for by a placeholder, and then each is read on its
own into the parsed value. So the answer is in memory once, as its parsed value, instead of
as text and parsed value at the same time.

Only for UTF-8 answers (spool.py takes the plain route for the others)."""
from __future__ import annotations

import json
import re
import secrets
from typing import Any, BinaryIO

from gui.core.api.decoding import Unusable, parse_text
from gui.core.api.server_text import REDACTED

BIG = 1 << 20  # strings longer than this are read on their own
_PIECE = 4 << 20
_QUOTE_OR_BACKSLASH = re.compile(rb'["\\]')
_CONTROL = re.compile(rb"[\x00-\x1f]")  # not allowed raw in a JSON string


def big_strings(f: BinaryIO) -> list[tuple[int, int, bool]]:
    """(offset of the opening quote, offset of the closing quote, has escapes) of every string
    longer than BIG. In UTF-8 a quote or backslash byte is never part of another character."""
    found = []
    inside = escapes = False
    start = skip = -1
    offset = 0
    f.seek(0)
    while piece := f.read(_PIECE):
        for match in _QUOTE_OR_BACKSLASH.finditer(piece):
            at = offset + match.start()
            if at == skip:
                continue  # the character after a backslash
            if match.group() == b"\\":
                if inside:
                    skip, escapes = at + 1, True
            elif not inside:
                inside, start, escapes = True, at, False
            else:
                inside = False
                if at - start - 1 > BIG:
                    found.append((start, at, escapes))
        offset += len(piece)
    return found


def load(f: BinaryIO, spans: list[tuple[int, int, bool]], secrets_: tuple[str, ...]) -> tuple[Any, bool]:
    """(the parsed value, whether it differs from the file: a secret redacted or NaN/Infinity
    made null). Raises Unusable."""
    marker = f"\0spooled-{secrets.token_hex(8)}-"
    parts, position = [], 0
    for number, (start, end, _escapes) in enumerate(spans):
        f.seek(position)
        parts.append(f.read(start + 1 - position))
        parts.append(json.dumps(f"{marker}{number}")[1:-1].encode())
        position = end
    f.seek(position)
    parts.append(f.read())
    try:
        text = b"".join(parts).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unusable(str(exc)[:200]) from None
    del parts
    changed = False
    for secret in secrets_:
        if secret in text:
            text = text.replace(secret, REDACTED)
            changed = True
    value, constants = parse_text(text)
    del text

    def big(placeholder: str) -> str:
        nonlocal changed
        start, end, escapes = spans[int(placeholder[len(marker):])]
        f.seek(start + 1)
        raw = f.read(end - start - 1)
        try:
            if escapes or _CONTROL.search(raw):
                text = json.loads(b'"' + raw + b'"')  # the parser's own checks and unescaping
            else:
                text = raw.decode("utf-8")
        except ValueError as exc:
            raise Unusable(str(exc)[:200]) from None
        del raw
        for secret in secrets_:
            if secret in text:
                text = text.replace(secret, REDACTED)
                changed = True
        return text

    value = _fill(value, marker, big)
    return value, changed or constants


def _fill(value: Any, marker: str, big) -> Any:
    """`value` with every placeholder replaced by its string (no recursion: any depth)."""
    if isinstance(value, str):
        return big(value) if value.startswith(marker) else value
    stack = [value] if isinstance(value, (dict, list)) else []
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in [k for k in node if k.startswith(marker)]:  # a big key: rare, order not kept
                node[big(key)] = node.pop(key)
            items = node.items()
        else:
            items = enumerate(node)
        for key, item in items:
            if isinstance(item, str):
                if item.startswith(marker):
                    node[key] = big(item)
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return value

"""Every JSON answer normalised once, at the client's edge: a BOM or UTF-16/32 is detected
and re-encoded as UTF-8, NaN/Infinity become null, and nesting too deep to parse is a plain
"unusable answer". Everything downstream (batch lines, previews, exports) sees valid UTF-8
JSON; whether to retry is decided by the status code, never by the parser."""
from __future__ import annotations

import codecs
import json
from typing import Any

from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import translate

_BOMS = ((codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"))


class Unusable(ValueError):
    def __init__(self, reason: str, *, too_deep: bool = False) -> None:
        super().__init__(reason)
        self.too_deep = too_deep


def encoding_of(content: bytes) -> tuple[str, int]:
    """The encoding and the BOM's length (RFC 8259 §8.1; RFC 4627 §3 for no BOM), from the
    first four bytes."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name, len(bom)
    head = content[:4]
    if len(head) == 4:
        if head[:3] == b"\0\0\0":
            return "utf-32-be", 0
        if head[1:] == b"\0\0\0":
            return "utf-32-le", 0
    if len(head) >= 2:
        if head[0] == 0:
            return "utf-16-be", 0
        if head[1] == 0:
            return "utf-16-le", 0
    return "utf-8", 0


def parse_text(text: str) -> tuple[Any, bool]:
    """(the parsed value, whether NaN/Infinity were turned into null). Raises Unusable."""
    constants = []

    def constant(_name: str) -> None:
        constants.append(True)
        return None  # NaN, Infinity, -Infinity: strict JSON parsers reject them

    try:
        return json.loads(text, parse_constant=constant), bool(constants)
    except ValueError as exc:
        raise Unusable(str(exc)[:200]) from None
    except RecursionError:
        raise Unusable("nested too deep to read", too_deep=True) from None


def dump(value: Any) -> bytes:
    """A parsed answer as UTF-8 JSON again."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def normalise(content: bytes) -> tuple[bytes, Any]:
    """(UTF-8 JSON bytes, the parsed value); the bytes are `content` itself when it already
    was plain UTF-8 JSON. Raises Unusable."""
    encoding, skip = encoding_of(content)
    try:
        text = content[skip:].decode(encoding)
    except ValueError as exc:  # UnicodeDecodeError
        raise Unusable(str(exc)[:200]) from None
    value, constants = parse_text(text)
    if constants or skip or encoding != "utf-8":
        content = dump(value)
    return content, value


def unusable(status: int, reason: str) -> QueueError:
    return QueueError(ErrorKind.BAD_RESPONSE, translate(
        "decoding", "The server's answer is unusable: its JSON is nested too deep to read. Ask the "
                    "server's operator; sending it again would give the same answer."),
        status=status, detail=reason)

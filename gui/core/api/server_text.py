"""Everything a server sends is data, never control: the API key is redacted from it before
it is stored, logged, exported or printed (the client does this once, at the edge, for every
answer), and control characters and bidi overrides are stripped before server text reaches a
terminal, a log line or a table cell."""
from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "sk-…(redacted)"

# C0 and C1 controls (ESC, BEL, CR, OSC/CSI introducers …) and the bidi embeddings,
# overrides and isolates that can make text read differently from what it is.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[{_CONTROL}\n\t]+")


def redact(content: bytes, secrets: Iterable[str]) -> bytes:
    """`content` with every secret (an API key) replaced by `sk-…(redacted)`."""
    for secret in secrets:
        if len(secret) >= 8:  # a short "key" (the sandbox's) would redact ordinary words
            raw = secret.encode()
            if raw in content:
                content = content.replace(raw, REDACTED.encode())
    return content


def redact_text(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if len(secret) >= 8 and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def clean(text: str) -> str:
    """Server text made safe for a terminal or a table: no control characters or bidi
    overrides; newlines and tabs kept."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """Server text for a one-line message: controls dropped, line breaks and tabs as spaces."""
    return " ".join(_UNSAFE_OR_NEWLINE.sub(" ", text.replace("\r", "")).split())

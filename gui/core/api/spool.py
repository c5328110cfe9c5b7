"""Big answers go to disk as they arrive instead of living in memory twice: a successful
answer larger than SPOOL_ABOVE is written, while it is read, to a private temporary file in
the data folder (`results/.spool`); the raw response is later put in place by renaming that
file (atomic, no second write) and parsed from it in a worker thread, its big strings one by
one (big_json.py). Small answers stay in memory: for them a file costs more than it saves.

A spooled answer that is never saved (the job failed or was cancelled after the read) is
removed when its reply is dropped; one left by a killed process is removed at the next
start (atomic_files.remove_stale_parts)."""
from __future__ import annotations

import json
import os
from typing import Any

from gui.core.api.decoding import Unusable, encoding_of, parse_text
from gui.core.api.server_text import REDACTED
from gui.core.atomic_files import open_part, write_all, write_atomic_at

# Answers up to this size are read into memory (most chat answers, a few images).
SPOOL_ABOVE = 8 << 20
SPOOL_FOLDER = ".spool"  # inside the results folder: renaming from there is within one file system


class SpoolFile:
    """The file an answer is written to while it arrives (0600, in a 0700 folder)."""

    def __init__(self, folder: str) -> None:
        self.fd, self.path = open_part(folder, "answer", private=True)

    def write(self, data: bytes | bytearray) -> None:
        write_all(self.fd, data)

    def close(self) -> str:
        os.close(self.fd)
        return self.path

    def discard(self) -> None:
        """The read failed or was stopped: no part of the answer stays behind."""
        os.close(self.fd)
        discard(self.path)


def discard(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass  # saved (renamed into place) or removed already


def load(path: str, content_type: str, secrets: tuple[str, ...]) -> tuple[bytes, Any, str | None]:
    """A spooled answer made safe as the client does with answers in memory (the key
    redacted, JSON normalised, in the file itself) and parsed: (content, parsed, path).
    `path` is None when the answer turned out unusable: then `content` holds its first bytes
    for the error message and the file is gone. Runs in a worker thread. Raises Unusable
    (too deep), after removing the file."""
    try:
        if "json" in content_type:
            return _load_json(path, secrets)
        with open(path, "rb") as f:
            head = f.read(100).lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return _unusable(path)
        if _any_secret_in(path, secrets):  # rare: the whole text in memory only when a key is in it
            with open(path, "rb") as f:
                data = f.read()
            for secret in _long(secrets):
                data = data.replace(secret.encode(), REDACTED.encode())
            write_atomic_at(path, data, durable=False, private=True)
        return b"", None, path
    except BaseException:
        discard(path)
        raise


def _load_json(path: str, secrets: tuple[str, ...]) -> tuple[bytes, Any, str | None]:
    from gui.core.api import big_json  # Speed: not at start-up (it loads `secrets`, hmac…)

    try:
        with open(path, "rb") as f:
            encoding, skip = encoding_of(f.read(4))
            spans = big_json.big_strings(f) if encoding == "utf-8" and not skip else []
            if spans:  # in memory once, as the parsed value (big_json.py)
                value, changed = big_json.load(f, spans, _long(secrets))
        if not spans:
            # Read as text at once: the bytes are dropped as soon as they are decoded, so the
            # answer is in memory as text and then also as its parsed value, never more.
            with open(path, encoding=encoding, newline="") as f:
                if skip:
                    f.read(1)  # the BOM
                text = f.read()
            changed = bool(skip) or encoding != "utf-8"
            for secret in _long(secrets):
                if secret in text:
                    text = text.replace(secret, REDACTED)
                    changed = True
            value, constants = parse_text(text)
            changed = changed or constants
            del text
    except Unusable as exc:
        if exc.too_deep:
            raise
        return _unusable(path)
    except ValueError:  # not in the encoding it claims
        return _unusable(path)
    if changed:
        _rewrite(path, value)
    return b"", value, path


def _rewrite(path: str, value: Any) -> None:
    """The file replaced by `value` as UTF-8 JSON, written in pieces (no whole text in memory)."""
    fd, part = open_part(os.path.dirname(path), "answer", private=True)
    try:
        with open(fd, "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
        os.replace(part, path)
    except BaseException:
        discard(part)
        raise


def _unusable(path: str) -> tuple[bytes, None, None]:
    with open(path, "rb") as f:
        head = f.read(200)
    discard(path)
    return head, None, None


def _long(secrets: tuple[str, ...]) -> list[str]:
    return [s for s in secrets if len(s) >= 8]  # as server_text.redact


def _any_secret_in(path: str, secrets: tuple[str, ...]) -> bool:
    """Whether a secret is in the file, read in pieces that overlap by a secret's length."""
    wanted = [s.encode() for s in _long(secrets)]
    if not wanted:
        return False
    overlap = max(map(len, wanted)) - 1
    tail = b""
    with open(path, "rb") as f:
        while piece := f.read(1 << 20):
            window = tail + piece
            if any(w in window for w in wanted):
                return True
            tail = window[-overlap:] if overlap else b""
    return False

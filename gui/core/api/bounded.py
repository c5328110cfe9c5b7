"""Answers read with a size limit after decompression, enforced while reading: never more
than the limit is inflated or kept, so a hostile server's endless, huge or gzip-bomb answer
fails at once with a plain message instead of filling memory."""
from __future__ import annotations

import zlib
from collections.abc import Iterator

from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import translate

# Generous enough for ten base64 4K images in one answer; configurable per queue settings and profile.
DEFAULT_MAX_ANSWER_MB = 400
# Pieces handed on at most this big, so one small compressed chunk never inflates in one go.
_STEP = 1 << 20
# What the client asks for (Accept-Encoding) and so can decode within the limit.
ACCEPTED_ENCODINGS = "gzip, deflate"


class AnswerTooLarge(QueueError):
    """An answer over its size limit (never retried: BAD_RESPONSE)."""


def too_large(limit: int) -> QueueError:
    return AnswerTooLarge(ErrorKind.BAD_RESPONSE, translate(
        "bounded", "The server's answer is larger than {size} MiB, the limit set as \"Largest answer\" in the "
                   "Queue settings (or the profile). It was not read further and not sent again; raise the "
                   "limit if you expect answers this big.").format(size=max(1, limit >> 20)))


class BoundedDecoder:
    """Decodes one answer's body (identity, gzip or deflate) piece by piece and raises
    `too_large` as soon as the decoded size passes `limit` bytes."""

    def __init__(self, encoding: str | None, limit: int, content_length: str | None = None) -> None:
        self.limit = limit
        self.total = 0
        encoding = (encoding or "identity").strip().lower()
        if encoding in ("identity", ""):
            self._z = None
            if content_length and content_length.strip().isdigit() and int(content_length) > limit:
                raise too_large(limit)  # said up front: not a byte is read
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_fallback = True
        else:
            raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                "bounded", "The server compressed its answer as {encoding}, which Queue Desk did not ask for and "
                           "cannot read.").format(encoding=encoding[:40]))
        self.encoding = encoding

    @property
    def decodes(self) -> bool:
        return self._z is not None

    def _count(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise too_large(self.limit)

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        if self._z is None:
            self._count(len(chunk))
            yield chunk
            return
        data = chunk
        while data and not self._z.eof:
            try:
                out = self._z.decompress(data, min(_STEP, self.limit - self.total + 1))
            except zlib.error as exc:
                if self.encoding == "deflate" and self.total == 0 and getattr(self, "_raw_fallback", False):
                    self._raw_fallback = False  # some servers send raw deflate without the zlib header
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                    "bounded", "The server's compressed answer is damaged and cannot be read.")) from exc
            self._count(len(out))
            if out:
                yield out
            data = self._z.unconsumed_tail
            if not out and not data:
                break

    def flush(self) -> bytes:
        if self._z is None:
            return b""
        out = self._z.flush()
        self._count(len(out))
        return out


def decoded_headers(raw_headers: tuple, decoder: BoundedDecoder) -> tuple:
    """The answer's headers as httpx should see them: the body is already decoded."""
    if not decoder.decodes:
        return raw_headers
    return tuple((k, v) for k, v in raw_headers if k.lower() not in (b"content-encoding", b"content-length"))

"""Typed errors with messages an analyst can act on.

Every failure the engine reports is a `QueueError`: `kind` says what went wrong for code
(retry or not), `message` says it in plain words for people, `detail` keeps the server's
own words for the details view."""
from __future__ import annotations

import enum
import json
import re
import time
from collections.abc import Mapping

from gui.core.i18n import translate


class ErrorKind(enum.Enum):
    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    RATE_LIMITED = "rate_limited"
    SERVER = "server"
    TIMEOUT = "timeout"
    CONNECTION = "connection"  # could not connect at all: nothing was sent
    DROPPED = "dropped"  # connection lost or answer cut off after sending
    BAD_RESPONSE = "bad_response"  # an answer we cannot read (not JSON, HTML page, …)
    JOB_FAILED = "job_failed"  # a 202 job the server reports as failed
    EXPIRED = "expired"  # a 202 job whose result is gone
    INPUT = "input"  # a problem with what the user gave us, found before sending


# A read timeout is not here: the server had accepted the request and may still be
# working (and charging) for it; sending it again would pay twice.
RETRYABLE = {
    ErrorKind.CONFLICT,
    ErrorKind.RATE_LIMITED,
    ErrorKind.SERVER,
    ErrorKind.CONNECTION,
    ErrorKind.DROPPED,
}


class QueueError(Exception):
    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        detail: str | None = None,
        retry_after: float | None = None,
        body: bytes | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.detail = detail
        self.retry_after = retry_after
        self.body = body  # the server's error answer (key redacted), kept for results.jsonl
        self.request_id = request_id  # the server's id for the request (x-request-id and the like)

    @property
    def retryable(self) -> bool:
        # 408 is a request timeout: worth another try like a 5xx.
        return self.kind in RETRYABLE or self.status == 408

    def __str__(self) -> str:
        return self.message


class InputProblem(QueueError):
    """The one error for "fix your input": something the user gave (a form field, a file, a
    folder, a template, a command-line flag, a profile) must change before anything is
    sent or saved. `field` names the one field at fault where there is one (as in the
    request body, or "file", "mask", "template", "folder", "advanced"), so a form can show
    the message under it; None otherwise."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(ErrorKind.INPUT, message)
        self.field = field


def error_detail(content: bytes) -> str | None:
    """The server's own explanation from `{"detail": ...}` or `{"error": {...}}` bodies, as
    plain text: no control characters or bidi overrides (server text is data, never control)."""
    from gui.core.api.server_text import clean

    detail = _error_detail(content)
    return clean(detail) if detail is not None else None


def _error_detail(content: bytes) -> str | None:
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):  # RecursionError: nested too deep to parse
        return None
    if not isinstance(body, dict):
        return None
    detail = body.get("detail")
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):  # FastAPI validation errors: [{"loc": [...], "msg": ...}]
        parts = []
        for item in detail:
            if isinstance(item, dict):
                loc = ".".join(str(p) for p in item.get("loc", []) if p != "body")
                parts.append(f"{loc}: {item.get('msg', '')}" if loc else str(item.get("msg", "")))
        return "; ".join(parts) or None
    error = body.get("error")
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return error["message"]
    if isinstance(error, str):
        return error
    if isinstance(body.get("message"), str):
        return body["message"]
    return None


# Strict: a whole value of unit-marked numbers (`1m20s`, `250ms`), nothing else.
_DURATION = re.compile(r"(?:\d+(?:\.\d+)?(?:ms|s|m|h))+")
_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# The longest wait a server may ask for (Retry-After and the like), as the OpenAI SDK caps it.
MAX_SERVER_WAIT = 60.0
_RESETS = ("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens",
           "llm_provider-x-ratelimit-reset-requests", "llm_provider-x-ratelimit-reset-tokens")


def parse_retry_after(headers: Mapping[str, str], now: float | None = None,
                      cap: float = MAX_SERVER_WAIT) -> float | None:
    """Seconds to wait, at most `cap`, from `Retry-After` (seconds or an HTTP date; LiteLLM
    sends it as `llm_provider-retry-after`), `retry-after-ms`, else the `x-ratelimit-reset-*`
    durations (`3s`, `1m20s`, `250ms`). Garbage, negative and non-finite values are ignored;
    None when nothing usable is there."""
    wait = None
    for name in ("retry-after", "llm_provider-retry-after"):
        if wait is None and headers.get(name):
            wait = _seconds_or_date(headers[name].strip(), now)
    if wait is None and headers.get("retry-after-ms"):
        ms = headers["retry-after-ms"].strip()
        wait = float(ms) / 1000 if _NUMBER.fullmatch(ms) else None
    if wait is None:
        resets = [_parse_duration(headers[name]) for name in _RESETS if headers.get(name)]
        resets = [r for r in resets if r is not None]
        wait = max(resets) if resets else None
    return None if wait is None else min(wait, cap)


def _seconds_or_date(value: str, now: float | None) -> float | None:
    if _NUMBER.fullmatch(value):
        return float(value)
    if not value[:1].isalpha():  # an HTTP date starts with the day's name; "-5", "inf", "1e9" do not count
        return None
    import email.utils  # Speed: only for a date, not at start-up (~5 ms to import)

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    try:
        return max(0.0, when.timestamp() - (time.time() if now is None else now))
    except (OverflowError, OSError, ValueError):
        return None


def _parse_duration(text: str) -> float | None:
    text = text.strip()
    if _NUMBER.fullmatch(text):
        return float(text)
    if not _DURATION.fullmatch(text):
        return None
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    return sum(float(n) * scale[u] for n, u in _PART.findall(text))


def human_duration(seconds: float) -> str:
    """`0.3 s`, `12 s`, `15 min`: durations in messages people read."""
    if seconds < 10:
        return f"{seconds:.1f} s".replace(".0 s", " s")
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def from_status(status: int, content: bytes, headers: Mapping[str, str],
                max_wait: float = MAX_SERVER_WAIT) -> QueueError:
    """Turn an HTTP error answer into a QueueError with a plain message (with the server's
    own words when it gave any)."""
    detail = error_detail(content)
    retry_after = parse_retry_after(headers, cap=max_wait)
    if status == 400 or status == 422:
        kind, message = ErrorKind.BAD_REQUEST, (
            translate("errors", "The server rejected the request ({status}). The server said: {detail} "
                                "Check the fields and try again.") if detail else
            translate("errors", "The server rejected the request ({status}). Check the fields and try again.")
        )
    elif status == 401:
        kind, message = ErrorKind.UNAUTHORIZED, translate(
            "errors", "The API key was not accepted (401). Check the key in the profile settings or in OPENAI_API_KEY."
        )
    elif status == 403:
        kind, message = ErrorKind.FORBIDDEN, (
            translate("errors", "Access denied (403). The server said: {detail} "
                                "Your plan may not include this model or endpoint.") if detail else
            translate("errors", "Access denied (403). Your plan may not include this model or endpoint.")
        )
    elif status == 404:
        kind, message = ErrorKind.NOT_FOUND, (
            translate("errors", "Not found (404). The server said: {detail} "
                                "Check the model name and that the base URL points at the Queue API.") if detail else
            translate("errors", "Not found (404). Check the model name and that the base URL points at the Queue API.")
        )
    elif status == 409:
        kind, message = ErrorKind.CONFLICT, (
            translate("errors", "The server reported a conflict (409). The server said: {detail} Try again.") if detail
            else translate("errors", "The server reported a conflict (409). Try again.")
        )
    elif status == 429:
        # What the server asked for, said as it asked; an absurd wait is cut to `max_wait` and
        # the message says so instead of putting our number in the server's mouth.
        asked = parse_retry_after(headers, cap=float("inf")) if retry_after else None
        kind, message = ErrorKind.RATE_LIMITED, (
            translate("errors", "Too many requests: the server is rate limiting (429). It asked to wait {asked}; "
                                "Queue Desk waits at most {wait} before it tries again. Try again later or lower "
                                "the concurrency.") if asked and asked > retry_after else
            translate("errors", "Too many requests: the server is rate limiting (429). It asked to wait {wait}. "
                                "Try again later or lower the concurrency.") if retry_after else
            translate("errors", "Too many requests: the server is rate limiting (429). "
                                "Try again later or lower the concurrency.")
        )
    elif status >= 500 or status == 408:
        kind, message = ErrorKind.SERVER, (
            translate("errors", "The server had a problem ({status}). The server said: {detail} "
                                "This is usually temporary; try again in a moment.") if detail else
            translate("errors", "The server had a problem ({status}). This is usually temporary; try again in a moment.")
        )
    else:
        kind, message = ErrorKind.BAD_RESPONSE, (
            translate("errors", "Unexpected answer from the server ({status}). The server said: {detail}") if detail
            else translate("errors", "Unexpected answer from the server ({status}).")
        )
    wait = human_duration(retry_after) if retry_after else ""
    asked = human_duration(asked) if status == 429 and asked else ""
    message = message.format(status=status, detail=detail, wait=wait, asked=asked)
    return QueueError(kind, message, status=status, detail=detail, retry_after=retry_after)

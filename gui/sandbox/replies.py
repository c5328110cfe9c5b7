"""Answers and errors in the two shapes the provider uses.

The provider is partly FastAPI (`{"detail": "..."}`) and partly an OpenAI-compatible proxy
(`{"error": {"message", "type", "param", "code"}}`); clients must handle both, so the sandbox
produces both, each where the real service does.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response


@dataclass
class Reply:
    """A finished answer, kept as data so a 202 job can store it and serve it later."""

    body: Any  # a JSON-able object, or str for text/plain formats
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_text(self) -> bool:
        return isinstance(self.body, str)

    def to_response(self) -> Response:
        if self.is_text:
            return Response(self.body, self.status, self.headers, media_type="text/plain; charset=utf-8")
        payload = json.dumps(self.body, separators=(",", ":"), ensure_ascii=False).encode()
        return Response(payload, self.status, self.headers, media_type="application/json")


class ApiError(Exception):
    """Raised anywhere in a handler; the app turns it into its Reply."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.body)
        self.reply = reply


def openai_error(
    status: int,
    message: str,
    type_: str = "invalid_request_error",
    param: str | None = None,
    code: str | None = None,
    headers: dict[str, str] | None = None,
) -> ApiError:
    body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
    return ApiError(Reply(body, status, headers or {}))


def detail_error(status: int, detail: str, headers: dict[str, str] | None = None) -> ApiError:
    return ApiError(Reply({"detail": detail}, status, headers or {}))


def model_not_found(model_id: str) -> ApiError:
    return openai_error(
        404,
        f"The model '{model_id}' does not exist or you do not have access to it.",
        param="model",
        code="model_not_found",
    )


def invalid_value(param: str, message: str) -> ApiError:
    return openai_error(400, message, param=param, code="invalid_value")


def server_error() -> ApiError:
    return openai_error(
        500,
        "The server had an error while processing your request. Sorry about that!",
        type_="server_error",
        code="internal_error",
    )


def go_duration(seconds: float) -> str:
    """Durations as OpenAI writes them in x-ratelimit-reset-*: "250ms", "1s", "1.5s", "1m30s"."""
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    minutes, rest = divmod(seconds, 60)
    text = f"{rest:.3f}".rstrip("0").rstrip(".") + "s"
    return f"{int(minutes)}m{text}" if minutes else text


def rate_limited(retry_after: float, limit: int) -> ApiError:
    wait = go_duration(retry_after)
    headers = {
        # Integer seconds for HTTP; the exact value in retry-after-ms, which the OpenAI SDK
        # prefers, so sub-second test settings are honoured precisely.
        "Retry-After": str(math.ceil(retry_after)),
        "retry-after-ms": str(round(retry_after * 1000)),
        "x-ratelimit-limit-requests": str(limit),
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": wait,
    }
    return openai_error(
        429,
        f"Rate limit reached for requests. Limit {limit}, used {limit}. Please try again in {wait}.",
        type_="rate_limit_exceeded",
        code="rate_limit_exceeded",
        headers=headers,
    )

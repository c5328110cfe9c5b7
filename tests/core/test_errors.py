"""Error bodies and Retry-After in the shapes servers send them."""
from __future__ import annotations

import email.utils
import json

from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, error_detail, from_status, parse_retry_after


def test_both_error_body_shapes_are_understood():
    assert error_detail(b'{"detail": "Model is loading"}') == "Model is loading"
    assert error_detail(json.dumps({"error": {"message": "bad key", "type": "x"}}).encode()) == "bad key"
    validation = {"detail": [{"loc": ["body", "messages"], "msg": "field required"}]}
    assert error_detail(json.dumps(validation).encode()) == "messages: field required"
    assert error_detail(b"<html>oops</html>") is None


def test_retry_after_in_seconds_http_date_and_ratelimit_reset():
    assert parse_retry_after({"retry-after": "7"}) == 7.0
    when = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after({"retry-after": when}, now=1_000_000) == 30.0
    assert parse_retry_after({"x-ratelimit-reset-requests": "1m20s"}, cap=120) == 80.0  # the cap is 60 s
    assert parse_retry_after({"x-ratelimit-reset-tokens": "250ms"}) == 0.25
    assert parse_retry_after({}) is None


def test_status_codes_map_to_kinds_and_plain_messages():
    cases = {
        400: ErrorKind.BAD_REQUEST, 401: ErrorKind.UNAUTHORIZED, 403: ErrorKind.FORBIDDEN,
        404: ErrorKind.NOT_FOUND, 429: ErrorKind.RATE_LIMITED, 500: ErrorKind.SERVER, 503: ErrorKind.SERVER,
    }
    for status, kind in cases.items():
        error = from_status(status, b'{"detail": "why"}', {})
        assert error.kind is kind and error.status == status
        assert str(status) in error.message
    assert from_status(429, b"", {"retry-after": "3"}).retry_after == 3.0
    assert not from_status(400, b"", {}).retryable and from_status(503, b"", {}).retryable


def test_batch_urls_map_to_queue_endpoints():
    assert Endpoint.from_batch_url("/v1/chat/completions") is Endpoint.CHAT
    assert Endpoint.from_batch_url("/v1/embeddings") is Endpoint.EMBEDDINGS
    assert Endpoint.from_batch_url("/queue/images/generations") is Endpoint.IMAGES

"""Waits a hostile server asks for end: Retry-After, x-ratelimit-reset-* and LiteLLM's
llm_provider-* headers are parsed strictly and capped; polling has a floor and a deadline."""
from __future__ import annotations

import json
import time

import pytest
import pytest_asyncio
from hostile import Answer, Hostile, json_answer

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import ErrorKind, QueueError, parse_retry_after
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.asyncio

PATH = "/queue/chat/completions"
BODY = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
DONE = json.dumps({"choices": [{"message": {"role": "assistant", "content": "ok"}}]}).encode()


@pytest.fixture
def server():
    with Hostile() as server:
        yield server


@pytest.mark.parametrize(("headers", "expected"), [
    ({"retry-after": "999999"}, 60.0),  # eleven days asked: the cap
    ({"retry-after": "-1"}, None),
    ({"retry-after": "inf"}, None),
    ({"retry-after": "NaN"}, None),
    ({"retry-after": "soon"}, None),
    ({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),
    ({"retry-after": "Fri, 31 Dec 9999 23:59:59 GMT"}, 60.0),
    ({"x-ratelimit-reset-requests": "inf"}, None),
    ({"x-ratelimit-reset-requests": "99999999h"}, 60.0),
    ({"x-ratelimit-reset-requests": "-1h"}, None),
    ({"x-ratelimit-reset-requests": "1h-1s"}, None),
    ({"x-ratelimit-reset-tokens": "1m20s"}, 60.0),
    ({"x-ratelimit-reset-tokens": "250ms"}, 0.25),
    ({"llm_provider-retry-after": "7"}, 7.0),
    ({"llm_provider-x-ratelimit-reset-requests": "3s"}, 3.0),
    ({"retry-after-ms": "1500"}, 1.5),
])
async def test_server_waits_are_parsed_strictly_and_capped(headers, expected):
    assert parse_retry_after(headers) == expected


async def test_a_429_asking_for_eleven_days_waits_the_cap(server):
    server.on(PATH, json_answer(b'{"error": {"message": "slow down"}}', 429, **{"Retry-After": "999999"}))
    async with QueueClient(server.origin + "/queue", "sk-test", max_server_wait=5) as client:
        with pytest.raises(QueueError) as info:
            await client.send(Request(Endpoint.CHAT, BODY))
    assert info.value.retry_after == 5 and "5 s" in info.value.message
    # What the server asked is said as it asked it, and the cap as ours.
    assert "asked to wait 278 h; Queue Desk waits at most 5 s" in info.value.message


async def test_litellm_wait_hints_are_honoured(server):
    server.on(PATH, json_answer(b'{"error": {"message": "rpm"}}', 429, **{"llm_provider-retry-after": "2"}))
    async with QueueClient(server.origin + "/queue", "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(Request(Endpoint.CHAT, BODY))
    assert info.value.retry_after == 2


async def test_polling_has_a_floor_and_a_deadline(server):
    server.on(PATH, Answer(202, b'{"id": "j", "status": "queued"}', {"Content-Type": "application/json",
                                                                      "Location": "/queue/s/j", "Retry-After": "0"}))
    server.on("/queue/s/j", json_answer(b'{"status": "running"}', **{"Retry-After": "0"}))
    started = time.monotonic()
    async with QueueClient(server.origin + "/queue", "sk-test", poll_deadline=2.0) as client:
        with pytest.raises(QueueError) as info:
            await client.send(Request(Endpoint.CHAT, BODY))
    assert time.monotonic() - started < 4
    assert info.value.kind is ErrorKind.TIMEOUT and "longest wait" in info.value.message
    assert not info.value.retryable
    assert len([s for s in server.seen if s.path == "/queue/s/j"]) <= 5  # 450 a second before


@pytest_asyncio.fixture
async def engine(server, home):
    engine = Engine.open(server.origin + "/queue", "sk-test", home=home, max_server_wait=0.5)
    engine.scheduler.backoff_base = 0.01
    yield engine
    await engine.aclose()


async def test_a_queue_held_by_retry_after_resumes_after_the_cap(engine, server):
    server.on(PATH, json_answer(b'{"error": {"message": "slow"}}', 429, **{"Retry-After": "999999"}),
              json_answer(DONE))
    started = time.monotonic()
    job = engine.scheduler.submit_many([Job(Endpoint.CHAT, BODY)])[0]
    await engine.scheduler.wait()
    assert engine.store.get(job.id).state is JobState.SUCCEEDED
    assert 0.4 < time.monotonic() - started < 5

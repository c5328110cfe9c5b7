"""The API key against a hostile server: it goes only to the base URL's origin. Every
follow-up URL the server names (202 Location / Operation-Location, result_url, a 3xx on a
poll, an image link and its redirects, a status URL restored after a restart) is checked;
another origin gets no key, or is refused where the protocol needs the key; and a key the
server echoes is redacted before anyone stores or shows it."""
from __future__ import annotations

import json

import pytest
from hostile import Answer, Hostile, json_answer

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.api.urls import KeyGuard
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError

pytestmark = pytest.mark.asyncio

KEY = "sk-secret-0123456789abcdef"
CHAT = Request(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})
DONE = json.dumps({"choices": [{"message": {"role": "assistant", "content": "ok"}}]}).encode()


@pytest.fixture
def servers():
    with Hostile() as home, Hostile() as foreign:
        yield home, foreign


def client_for(home: Hostile) -> QueueClient:
    return QueueClient(home.origin + "/queue", KEY)


@pytest.mark.parametrize("header", ["Location", "Operation-Location"])
async def test_a_202_pointing_at_another_origin_is_refused_and_names_the_host(servers, header):
    home, foreign = servers
    home.on("/queue/chat/completions", Answer(202, b'{"id": "j1", "status": "queued"}',
                                              {"Content-Type": "application/json", header: foreign.origin + "/s/j1"}))
    foreign.on("/s/j1", json_answer(DONE))
    async with client_for(home) as client:
        with pytest.raises(QueueError) as info:
            await client.send(CHAT)
    assert f"127.0.0.1:{foreign.port}" in info.value.message and "refused" in info.value.message
    assert not info.value.retryable
    assert foreign.seen == []


async def test_a_result_url_on_another_origin_is_fetched_without_the_key(servers):
    home, foreign = servers
    home.on("/queue/chat/completions", Answer(202, b'{"id": "j1", "status": "queued"}',
                                              {"Content-Type": "application/json", "Location": "/queue/s/j1",
                                               "Retry-After": "0"}))
    home.on("/queue/s/j1", json_answer(json.dumps({"status": "succeeded",
                                                   "result_url": foreign.origin + "/r/j1"}).encode()))
    foreign.on("/r/j1", json_answer(DONE))
    async with client_for(home) as client:
        reply = await client.send(CHAT)
    assert reply.json()["choices"][0]["message"]["content"] == "ok"
    assert home.keys_seen() == [f"Bearer {KEY}"] * 2  # the same origin gets it
    assert foreign.keys_seen() == [""]


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_a_redirect_of_the_request_itself_is_not_followed_and_says_where_it_pointed(servers, status):
    home, foreign = servers
    home.on("/queue/chat/completions", Answer(status, b"", {"Location": foreign.origin + "/queue/chat/completions"}))
    foreign.on("/queue/chat/completions", json_answer(DONE))
    async with client_for(home) as client:
        with pytest.raises(QueueError) as info:
            await client.send(CHAT)
    assert f"redirected the request ({status}) to 127.0.0.1:{foreign.port}" in info.value.message
    assert "base URL" in info.value.message and not info.value.retryable
    assert foreign.seen == []


async def test_a_redirect_on_a_poll_to_another_origin_is_followed_without_the_key(servers):
    home, foreign = servers
    home.on("/queue/s/j1", Answer(303, b"", {"Location": foreign.origin + "/r/j1"}))
    foreign.on("/r/j1", json_answer(DONE))
    async with client_for(home) as client:
        reply = await client.poll(home.origin + "/queue/s/j1")
    assert reply.status == 200
    assert foreign.keys_seen() == [""]


async def test_a_stored_status_url_on_another_origin_is_not_polled_with_the_key(servers):
    home, foreign = servers  # e.g. a status URL restored from the store after a restart
    foreign.on("/s/j1", json_answer(b'{"status": "queued"}'))
    async with client_for(home) as client:
        with pytest.raises(QueueError) as info:
            await client.poll(foreign.origin + "/s/j1")
    assert str(foreign.port) in info.value.message
    assert foreign.seen == []


async def test_an_image_link_and_its_redirect_to_another_origin_get_no_key(servers):
    home, foreign = servers
    home.on("/files/a.png", Answer(302, b"", {"Location": foreign.origin + "/cdn/a.png"}))
    foreign.on("/cdn/a.png", Answer(200, b"PNG", {"Content-Type": "image/png"}))
    foreign.on("/cdn/b.png", Answer(200, b"PNG2", {"Content-Type": "image/png"}))
    async with client_for(home) as client:
        assert await client.fetch_file(home.origin + "/files/a.png") == b"PNG"
        assert await client.fetch_file(foreign.origin + "/cdn/b.png") == b"PNG2"
    assert home.keys_seen() == [f"Bearer {KEY}"]
    assert foreign.keys_seen() == ["", ""]


async def test_plain_http_to_a_network_host_is_refused_before_anything_is_sent(servers):
    home, _ = servers
    async with client_for(home) as client:
        with pytest.raises(QueueError) as info:
            await client.fetch_file("http://images.example.com/a.png")
        with pytest.raises(QueueError):
            await client.poll("http://images.example.com/s/1")
    assert "images.example.com" in info.value.message and "http://" in info.value.message


async def test_the_guard_compares_scheme_host_and_port():
    guard = KeyGuard("https://api.example.com/queue")
    assert guard.key_for("https://api.example.com:443/queue/s/1", needs_key=True)
    assert guard.key_for("https://API.example.com/other", needs_key=True)
    assert not guard.key_for("https://api.example.com:8443/x", needs_key=False)
    assert not guard.key_for("https://evil.example.com/x", needs_key=False)
    for url in ("http://api.example.com/x", "ftp://api.example.com/x", "file:///etc/passwd"):
        with pytest.raises(QueueError):
            guard.key_for(url, needs_key=False)  # plain http on the same host: never the key in clear
    assert KeyGuard("http://gw.lan/v1", allow_plain_http=True).key_for("http://gw.lan/v1/s", needs_key=True)
    with pytest.raises(QueueError) as info:
        guard.key_for("https://evil.example.com/s/1", needs_key=True)
    assert info.value.kind is ErrorKind.BAD_RESPONSE and "evil.example.com" in info.value.message


async def test_a_key_the_server_echoes_is_redacted_from_errors_and_answers(servers):
    home, _ = servers
    home.on("/queue/chat/completions",
            json_answer(json.dumps({"error": {"message": f"Invalid key Bearer {KEY}"}}).encode(), status=400),
            json_answer(json.dumps({"choices": [{"message": {"role": "assistant",
                                                             "content": f"your key is {KEY}"}}]}).encode()))
    async with client_for(home) as client:
        with pytest.raises(QueueError) as info:
            await client.send(CHAT)
        reply = await client.send(CHAT)
    assert KEY not in info.value.message and KEY not in (info.value.detail or "")
    assert "sk-…(redacted)" in info.value.detail
    assert KEY.encode() not in reply.content and "sk-…(redacted)" in reply.json()["choices"][0]["message"]["content"]


async def test_a_status_url_restored_after_a_restart_is_checked_before_polling(servers, home):
    from gui.core.engine import Engine
    from gui.core.jobs.job import Job, JobState

    home_server, foreign = servers
    foreign.on("/s/j1", json_answer(b'{"status": "queued"}'))
    engine = Engine.open(home_server.origin + "/queue", KEY, home=home)
    try:  # a store written by an older app (or tampered with) holds a foreign status URL
        job = Job(Endpoint.CHAT, {"model": "m", "messages": []})
        engine.store.add(job)
        engine.store.transition(job, JobState.WAITING, attempts=1)
        engine.store.transition(job, JobState.POLLING, server_job_id="j1", status_url=foreign.origin + "/s/j1")
        engine.store.flush()
        [resumed] = engine.store.recover()[1]
        engine.scheduler.resume_polling(resumed)
        await engine.scheduler.wait()
        failed = engine.store.get(job.id)
    finally:
        await engine.aclose()
    assert failed.state is JobState.FAILED and str(foreign.port) in failed.error
    assert foreign.seen == []

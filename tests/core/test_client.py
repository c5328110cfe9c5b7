"""The HTTP client against the sandbox over real loopback HTTP: results, typed errors with
plain messages, and the 202-and-poll flow."""
from __future__ import annotations

import asyncio
import time

import pytest
from canned import canned_server, closed_port

from gui.core.api.client import QueueClient
from gui.core.api.wire import Hooks, Request, Timeouts, Upload
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError

pytestmark = pytest.mark.asyncio


def chat(prompt: str, model: str = "Llama-3.3-70B-Instruct") -> Request:
    return Request(Endpoint.CHAT, {"model": model, "messages": [{"role": "user", "content": prompt}]})


async def test_chat_answer_is_the_openai_body(sandbox):
    async with QueueClient(sandbox.url, "sk-test") as client:
        reply = await client.send(chat("What is a queue?"))
        other = await client.send(chat("Something else"))
    body = reply.json()
    assert reply.status == 200
    assert body["choices"][0]["message"]["role"] == "assistant"
    assert body["choices"][0]["message"]["content"] != other.json()["choices"][0]["message"]["content"]
    assert sandbox.requests[-1].path.endswith("/queue/chat/completions")


async def test_bearer_key_is_sent_and_401_explained(sandbox):
    sandbox.config.api_key = "right-key"
    async with QueueClient(sandbox.url, "right-key") as client:
        assert (await client.send(chat("hi"))).status == 200
    async with QueueClient(sandbox.url, "wrong-key") as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.UNAUTHORIZED and info.value.status == 401
    assert "API key" in info.value.message and "wrong-key" not in info.value.message
    assert not info.value.retryable


async def test_unknown_model_is_a_plain_404(sandbox):
    async with QueueClient(sandbox.url, "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi", model="no-such-model"))
    assert info.value.kind is ErrorKind.NOT_FOUND
    assert "no-such-model" in info.value.message  # the server's words are kept


async def test_429_carries_retry_after(sandbox):
    sandbox.config.rate_limit_every = 1
    sandbox.config.retry_after = 3
    async with QueueClient(sandbox.url, "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.RATE_LIMITED and info.value.retry_after == 3
    assert info.value.retryable and "rate limit" in info.value.message


async def test_500_is_a_retryable_server_error(sandbox):
    sandbox.config.failure_rate = 1.0
    async with QueueClient(sandbox.url, "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.SERVER and info.value.status == 500 and info.value.retryable


@pytest.mark.parametrize(
    "body, ctype, words",
    [
        (b"this is not json", "application/json", "not JSON"),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "text/html", "web page"),
    ],
)
async def test_a_200_that_is_not_json_is_explained(body, ctype, words):
    with canned_server(200, body, ctype) as url:
        async with QueueClient(url, "sk-test") as client:
            with pytest.raises(QueueError) as info:
                await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.BAD_RESPONSE and words in info.value.message


async def test_an_html_error_page_is_explained():
    with canned_server(502, b"<html><h1>502 Bad Gateway</h1></html>", "text/html") as url:
        async with QueueClient(url, "sk-test") as client:
            with pytest.raises(QueueError) as info:
                await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.SERVER and "502" in info.value.message


async def test_refused_connection_is_explained():
    port = closed_port()
    async with QueueClient(f"http://127.0.0.1:{port}/queue", "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.CONNECTION and f"127.0.0.1:{port}" in info.value.message
    assert info.value.retryable


async def test_read_timeout_is_explained(sandbox):
    sandbox.config.latency = 2.0
    async with QueueClient(sandbox.url, "sk-test", timeouts=Timeouts(read=0.3)) as client:
        with pytest.raises(QueueError) as info:
            await client.send(chat("hi"))
    assert info.value.kind is ErrorKind.TIMEOUT and "0 s" not in info.value.message


async def test_202_flow_polls_until_done_and_reports_the_job_id_first(sandbox):
    sandbox.config.mode_202 = True
    sandbox.config.latency = 1.5
    seen: list[tuple[str | None, str]] = []
    statuses: list[str] = []
    hooks = Hooks(accepted=lambda job_id, url: seen.append((job_id, url)),
                  status=lambda status, _pos: statuses.append(status))
    started = time.monotonic()
    async with QueueClient(sandbox.url, "sk-test") as client:
        reply = await client.send(chat("poll me"), hooks)
    assert time.monotonic() - started >= 1.5
    assert reply.json()["choices"][0]["message"]["content"]
    assert len(seen) == 1 and seen[0][0] and seen[0][1].startswith("http://127.0.0.1")
    assert statuses[-1] == "succeeded" and any(s in ("queued", "in_progress") for s in statuses)


async def test_a_202_job_resumes_from_its_status_url_and_expires(sandbox):
    sandbox.config.mode_202 = True
    sandbox.config.job_ttl = 2.5
    urls: list[str] = []
    async with QueueClient(sandbox.url, "sk-test") as client:
        first = await client.send(chat("resume me"), Hooks(accepted=lambda _id, url: urls.append(url)))
        again = await client.poll(urls[0])  # as after a restart
        assert again.json() == first.json()
        await asyncio.sleep(2.6)
        with pytest.raises(QueueError) as info:
            await client.poll(urls[0])
    assert info.value.kind is ErrorKind.EXPIRED and "Submit it again" in info.value.message


async def test_multipart_upload_streams_with_progress(sandbox, tmp_path):
    import wave

    audio = tmp_path / "meeting.wav"
    with wave.open(str(audio), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\x00\x01" * 16000 * 200)  # 200 s, 6.4 MB: several upload chunks
    progress: list[tuple[int, int]] = []
    sent: list[bool] = []
    request = Request(Endpoint.TRANSCRIPTIONS, {"model": "whisper-large-v3", "response_format": "verbose_json"},
                      [Upload("file", str(audio))])
    async with QueueClient(sandbox.url, "sk-test") as client:
        reply = await client.send(request, Hooks(uploaded=lambda s, t: progress.append((s, t)),
                                                 sent=lambda: sent.append(True)))
    body = reply.json()
    assert body["text"] and body["segments"] and body["duration"] == pytest.approx(200, abs=0.5)
    size = audio.stat().st_size
    assert progress[-1] == (size, size) and len(progress) > 2 and sent == [True]
    assert [s for s, _ in progress] == sorted({s for s, _ in progress})  # rising, no repeats


async def test_unreadable_upload_is_an_input_error(sandbox, tmp_path):
    request = Request(Endpoint.TRANSCRIPTIONS, {"model": "whisper-large-v3"},
                      [Upload("file", str(tmp_path / "missing.wav"))])
    async with QueueClient(sandbox.url, "sk-test") as client:
        with pytest.raises(QueueError) as info:
            await client.send(request)
    assert info.value.kind is ErrorKind.INPUT and "missing.wav" in info.value.message

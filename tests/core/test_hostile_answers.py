"""Answers a hostile server sends: endless, huge, a gzip bomb. They fail at once with a
message naming the size and the setting, are never read past the limit or retried, and
image downloads keep their own cap."""
from __future__ import annotations

import json

import pytest
import pytest_asyncio
from hostile import Answer, Hostile, endless, gzip_bomb, json_answer

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request, Upload
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import ErrorKind, QueueError
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.asyncio

KEY = "sk-secret-0123456789abcdef"
PATH = "/queue/chat/completions"
BODY = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
CHAT = Request(Endpoint.CHAT, BODY)


@pytest.fixture
def server():
    with Hostile() as server:
        yield server


HUGE = {
    "endless": Answer(200, endless(), {"Content-Type": "application/json"}),
    "said-up-front": Answer(200, b"x" * (3 << 20), {"Content-Type": "application/json"}),
    "gzip-bomb": Answer(200, gzip_bomb(64 << 20), {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
    "endless-gzip": Answer(200, endless(gzip_bomb(16 << 20)[:-8]),
                           {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
}


@pytest.mark.parametrize("kind", HUGE)
async def test_an_answer_over_the_limit_fails_at_once_naming_size_and_setting(server, kind):
    server.on(PATH, HUGE[kind])
    async with QueueClient(server.origin + "/queue", KEY, max_answer_mb=2) as client:
        with pytest.raises(QueueError) as info:
            await client.send(CHAT)
    assert info.value.kind is ErrorKind.BAD_RESPONSE and not info.value.retryable
    assert "2 MiB" in info.value.message and "Largest answer" in info.value.message


async def test_an_upload_answer_over_the_limit_fails_too(server, tmp_path):
    audio = tmp_path / "a.mp3"
    audio.write_bytes(b"ID3" + bytes(1000))
    server.on("/queue/audio/transcriptions", HUGE["endless"])
    request = Request(Endpoint.TRANSCRIPTIONS, {"model": "whisper"}, [Upload("file", str(audio))])
    async with QueueClient(server.origin + "/queue", KEY, max_answer_mb=2) as client:
        with pytest.raises(QueueError) as info:
            await client.send(request)
    assert "2 MiB" in info.value.message


async def test_answers_within_the_limit_are_decoded_whole(server):
    import gzip

    body = json.dumps({"choices": [{"message": {"role": "assistant", "content": "y" * 500_000}}]}).encode()
    server.on(PATH, Answer(200, gzip.compress(body), {"Content-Type": "application/json", "Content-Encoding": "gzip"}))
    async with QueueClient(server.origin + "/queue", KEY, max_answer_mb=2) as client:
        assert (await client.send(CHAT)).content == body


async def test_an_image_download_keeps_its_own_cap(server):
    server.on("/img.png", Answer(200, endless(), {"Content-Type": "image/png"}))
    async with QueueClient(server.origin + "/queue", KEY) as client:
        with pytest.raises(QueueError) as info:
            await client.fetch_file(server.origin + "/img.png", max_bytes=1 << 20)
    assert "larger than 1 MiB" in info.value.message


@pytest_asyncio.fixture
async def engine(server, home):
    engine = Engine.open(server.origin + "/queue", KEY, home=home, max_answer_mb=2)
    engine.scheduler.backoff_base = 0.01
    yield engine
    await engine.aclose()


async def test_an_answer_over_the_limit_is_not_sent_again(engine, server):
    server.on(PATH, HUGE["endless"])
    job = engine.scheduler.submit_many([Job(Endpoint.CHAT, BODY)])[0]
    await engine.scheduler.wait()
    stored = engine.store.get(job.id)
    assert stored.state is JobState.FAILED and stored.attempts == 1
    assert len(server.seen) == 1


async def test_an_echoed_key_never_reaches_the_store_or_the_home_folder(engine, server, home):
    server.on(PATH, json_answer(json.dumps({"error": {"message": f"Invalid key Bearer {KEY}"}}).encode(), 400))
    job = engine.scheduler.submit_many([Job(Endpoint.CHAT, BODY)])[0]
    await engine.scheduler.wait()
    assert "sk-…(redacted)" in (engine.store.get(job.id).error or "")
    engine.store.close()
    for path in home.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


async def test_server_text_loses_control_characters_and_bidi_overrides(server):
    evil = "bad\x1b]0;pwned\x07\x1b[2J\rforged\u202eexe.png\nline two\tok"
    server.on(PATH, json_answer(json.dumps({"error": {"message": evil}}).encode(), 500))
    async with QueueClient(server.origin + "/queue", KEY) as client:
        with pytest.raises(QueueError) as info:
            await client.send(CHAT)
    for text in (info.value.message, info.value.detail):
        assert not any(c in text for c in "\x1b\x07\r\u202e")
    assert "line two\tok" in info.value.detail  # newline and tab stay
    assert info.value.retryable  # the status code decides


async def test_server_text_is_one_line_in_the_log_and_the_key_never_in_it(engine, server, home):
    import logging

    from gui.core.logs import setup_file_logging

    log_path = setup_file_logging(home)
    evil = f"bad key {KEY}\n2026-01-01 INFO forged: all good\x1b[2J"
    server.on(PATH, json_answer(json.dumps({"error": {"message": evil}}).encode(), 400))
    try:
        engine.scheduler.submit_many([Job(Endpoint.CHAT, BODY)])
        await engine.scheduler.wait()
    finally:
        root = logging.getLogger()
        for h in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(log_path)]:
            root.removeHandler(h)
            h.close()
    text = log_path.read_text()
    assert KEY not in text and "\x1b" not in text
    assert not any(line.startswith("2026-01-01 INFO forged") for line in text.splitlines())

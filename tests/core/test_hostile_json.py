"""Odd but valid JSON from a hostile server is normalised once at the client's edge: BOM,
UTF-16/32, NaN/Infinity; nesting too deep is a plain "unusable answer", and the status code,
not the parser, decides whether to retry."""
from __future__ import annotations

import codecs
import json

import pytest
from hostile import Hostile, json_answer

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError

pytestmark = pytest.mark.asyncio

PATH = "/queue/chat/completions"
CHAT = Request(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})
ANSWER = {"choices": [{"message": {"role": "assistant", "content": "Grüße ✓"}}]}
TEXT = json.dumps(ANSWER, ensure_ascii=False)


@pytest.fixture
def server():
    with Hostile() as server:
        yield server


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + TEXT.encode(),
    TEXT.encode("utf-16"),  # with its BOM
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-32-be"),
], ids=["utf8-bom", "utf16-bom", "utf16le", "utf32be"])
async def test_bom_and_utf16_32_become_plain_utf8_json(server, encoded):
    server.on(PATH, json_answer(encoded))
    async with QueueClient(server.origin + "/queue", "sk-test") as client:
        reply = await client.send(CHAT)
    assert json.loads(reply.content.decode("utf-8")) == ANSWER  # strict: no BOM, UTF-8
    assert reply.content.startswith(b"{")


async def test_nan_and_infinity_become_null(server):
    server.on("/queue/embeddings", json_answer(b'{"data": [{"embedding": [NaN, Infinity, -Infinity, 1.5]}]}'))
    async with QueueClient(server.origin + "/queue", "sk-test") as client:
        reply = await client.send(Request(Endpoint.EMBEDDINGS, {"model": "e", "input": "x"}))
    strict = json.loads(reply.content, parse_constant=lambda c: pytest.fail(f"{c} left in the answer"))
    assert strict["data"][0]["embedding"] == [None, None, None, 1.5]


async def test_deep_nesting_is_an_unusable_answer_and_the_status_decides_retrying(server):
    deep = b"[" * 100_000 + b"]" * 100_000
    server.on(PATH, json_answer(deep), json_answer(deep, 500))
    async with QueueClient(server.origin + "/queue", "sk-test") as client:
        with pytest.raises(QueueError) as ok_status:
            await client.send(CHAT)
        with pytest.raises(QueueError) as server_error:
            await client.send(CHAT)
    assert ok_status.value.kind is ErrorKind.BAD_RESPONSE and "unusable" in ok_status.value.message
    assert not ok_status.value.retryable
    assert server_error.value.kind is ErrorKind.SERVER and server_error.value.retryable

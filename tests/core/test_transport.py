"""The transport under httpx (gui/core/aio_transport.py): read timeouts kept by one timer
for all requests, over real loopback HTTP: a wait for the answer, a body that stops
half-way, a download that trickles (the timeout is per gap, not per download), and a
cancel that stays a cancel."""
from __future__ import annotations

import asyncio

import pytest

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request, Timeouts
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError

pytestmark = pytest.mark.asyncio

BODY = b'{"object": "chat.completion", "choices": [{"message": {"role": "assistant", "content": "hi"}}]}'


def chat() -> Request:
    return Request(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": "x"}]})


class Trickle:
    """Answers 200 with BODY, sent in `pieces` parts `gap` seconds apart; after `stall_after`
    parts it stops sending (the connection stays open)."""

    def __init__(self, pieces: int = 1, gap: float = 0.0, stall_after: int | None = None) -> None:
        self.pieces, self.gap, self.stall_after = pieces, gap, stall_after
        self.server: asyncio.base_events.Server | None = None

    async def __aenter__(self) -> Trickle:
        self.server = await asyncio.start_server(self._answer, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/queue"

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length:
                    await reader.readexactly(length[0])
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n" % len(BODY))
                size = -(-len(BODY) // self.pieces)
                for i in range(self.pieces):
                    if self.stall_after is not None and i >= self.stall_after:
                        await asyncio.sleep(30)
                    writer.write(BODY[i * size:(i + 1) * size])
                    await writer.drain()
                    await asyncio.sleep(self.gap)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            writer.close()


async def test_a_body_that_stops_half_way_times_out_and_the_client_goes_on():
    async with Trickle(pieces=4, stall_after=2) as server:
        async with QueueClient(server.url, "sk-test", timeouts=Timeouts(read=0.3)) as client:
            with pytest.raises(QueueError) as info:
                await asyncio.wait_for(client.send(chat()), 10)  # the server stalls for good
            assert info.value.kind is ErrorKind.TIMEOUT
            server.stall_after = None
            assert (await client.send(chat())).parsed["choices"][0]["message"]["content"] == "hi"
            assert not client._http.queue_transport.watchdog._watched


async def test_a_download_that_stalls_times_out():
    async with Trickle(pieces=4, stall_after=1) as server:
        async with QueueClient(server.url, "sk-test", timeouts=Timeouts(read=0.3)) as client:
            with pytest.raises(QueueError) as info:
                await client.fetch_file(server.url + "/files/x.png")
    assert info.value.kind is ErrorKind.TIMEOUT


async def test_a_download_that_keeps_coming_is_not_cut_off():
    # 6 parts 0.15 s apart: 0.9 s in all, longer than the 0.4 s read timeout, never a gap that long.
    async with Trickle(pieces=6, gap=0.15) as server:
        async with QueueClient(server.url, "sk-test", timeouts=Timeouts(read=0.4)) as client:
            assert await client.fetch_file(server.url + "/files/x.png") == BODY


async def test_cancel_while_waiting_is_a_cancel_not_a_timeout(sandbox):
    sandbox.config.latency = 5
    async with QueueClient(sandbox.url, "sk-test", timeouts=Timeouts(read=30)) as client:
        task = asyncio.ensure_future(client.send(chat()))
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not client._http.queue_transport.watchdog._watched

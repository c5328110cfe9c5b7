"""Fault injection for tests and demos: the sandbox misbehaves like real networks and
proxies do. Wraps the whole ASGI app (outside Starlette) so it can cut connections."""
from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gui.sandbox.state import RequestRecord, SandboxState

FAULT_KINDS = ("reset", "truncate", "html", "garbage", "slow")

_HTML = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
         b"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>")
_GARBAGE = b"upstream connect error or disconnect/reset before headers. reset reason: overflow"


class FaultInjector:
    """Per POST to an API endpoint, with probability `fault_rate`, one of `faults`:
    reset (connection dropped before any answer), truncate (the answer cut off midway),
    html (a proxy's 502 page), garbage (a 200 that is not JSON), slow (the answer
    trickles in over about a second)."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = None
        if scope["type"] == "http" and scope["method"] == "POST" and not scope["path"].startswith("/files"):
            kind = self.state.pick_fault()
        if kind is None:
            await self.app(scope, receive, send)
        elif kind in ("reset", "html", "garbage"):
            await _drain(receive)
            self._log(scope, {"reset": 0, "html": 502, "garbage": 200}[kind])
            if kind == "reset":
                _abort(send)
            elif kind == "html":
                await _answer(send, 502, "text/html", _HTML)
            else:
                await _answer(send, 200, "text/plain", _GARBAGE)
        else:
            messages: list[Message] = []

            async def keep(message: Message) -> None:
                messages.append(message)

            await self.app(scope, receive, keep)
            start = messages[0]
            body = b"".join(m.get("body", b"") for m in messages[1:])
            await send(start)
            if kind == "truncate":
                await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
                _abort(send)
                return
            step = max(1, len(body) // 5)
            for i in range(0, len(body), step):
                await asyncio.sleep(0.2)
                await send({"type": "http.response.body", "body": body[i : i + step], "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _log(self, scope: Scope, status: int) -> None:
        self.state.record(RequestRecord(scope["method"], scope["path"], status, started=time.time()))


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _answer(send: Send, status: int, content_type: str, body: bytes) -> None:
    headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _abort(send: Send) -> None:
    # uvicorn's `send` is a bound method of the connection's request cycle, which holds the
    # transport: aborting it drops the TCP connection the way a crashed upstream does.
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("sandbox fault injection needs uvicorn")
    transport.abort()

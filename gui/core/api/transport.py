"""The transport under httpx: httpx-aiohttp's, with less work per request. The whole body
of an ordinary answer is read with its headers, and read timeouts are kept by one timer
for every request in flight instead of loop timers per request.

Borrowed internals (the one place that uses httpx-aiohttp's): `AiohttpTransport`'s `proxy`,
`client` and `get_client`, `AiohttpResponseStream`'s `_aiohttp_response` and `CHUNK_SIZE`, and
`map_aiohttp_exceptions` from its transport module; aiohttp's `helpers.get_env_proxy_for_url`.
Written against httpx-aiohttp 0.1.8 to 0.2 and aiohttp 3 (bounded in pyproject.toml);
`upstream_problems()` says what no longer fits, and tests/core/test_upstream.py runs it."""
from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Mapping
from typing import Any

import aiohttp
import httpx
import yarl
from aiohttp.helpers import get_env_proxy_for_url
from httpx_aiohttp import AiohttpTransport
from httpx_aiohttp.transport import AiohttpResponseStream, map_aiohttp_exceptions

from gui.core.api.bounded import DEFAULT_MAX_ANSWER_MB, BoundedDecoder, decoded_headers
from gui.core.api.spool import SPOOL_ABOVE, SpoolFile
from gui.core.api.wire import MAX_BYTES, READ_BODY, SPOOL, SPOOLED, Answer


class QueueTransport(AiohttpTransport):
    def __init__(self, *args, env_proxies: bool = False, **kwargs) -> None:
        """`env_proxies`: send through the proxy that HTTP(S)_PROXY and NO_PROXY name (the
        session itself is made without aiohttp's trust_env, see `_proxy_for`)."""
        super().__init__(*args, **kwargs)
        self.watchdog = ReadWatchdog()
        self._timeouts: dict[tuple, aiohttp.ClientTimeout] = {}
        self._env_proxies = env_proxies
        self._proxies: dict[tuple, tuple[yarl.URL | None, aiohttp.BasicAuth | None]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.proxy is not None:  # an explicit httpx proxy (the app takes proxies from the environment)
            return await super().handle_async_request(request)
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # a streamed upload
            data = request.stream
            request.headers.pop("transfer-encoding", None)  # aiohttp chunks it itself
        extensions = request.extensions
        read_body = bool(extensions.get(READ_BODY))
        response, decoder, body = await self._fetch(
            request.method, str(request.url), request.headers, data, extensions.get("timeout", {}),
            extensions.get(MAX_BYTES), extensions.get(SPOOL), read_body, extensions.get("sni_hostname"))
        answer_extensions = {"http_version": b"HTTP/1.1"}
        if isinstance(body, str):
            answer_extensions[SPOOLED], body = body, b""
        if response.reason:
            answer_extensions["reason_phrase"] = response.reason.encode()
        stream = httpx.ByteStream(body) if read_body else \
            _WatchedStream(response, self.watchdog, extensions.get("timeout", {}).get("read"), decoder)
        return httpx.Response(status_code=response.status, headers=decoded_headers(response.raw_headers, decoder),
                              stream=stream, request=request, extensions=answer_extensions)

    async def exchange(self, method: str, url: str, headers: Mapping[str, str], data: bytes | None,
                       timeout: dict, max_bytes: int, spool: str | None) -> Answer:
        """One request whose answer is read whole, without httpx's Request and Response
        around it. Speed: those two cost ~40 us of CPU per request on the event loop (httpx
        encodes and decodes their headers at every step)."""
        response, _decoder, body = await self._fetch(method, url, headers, data, timeout, max_bytes, spool, True)
        if isinstance(body, str):
            return Answer(response.status, response.headers, b"", body)
        return Answer(response.status, response.headers, body)

    async def _fetch(self, method: str, url: str, headers: Mapping[str, str], data: Any, timeout: dict,
                     max_bytes: int | None, spool: str | None, read_body: bool, server_hostname: str | None = None,
                     ) -> tuple[aiohttp.ClientResponse, BoundedDecoder, bytes | str | None]:
        """Send, and read the answer's headers; with `read_body` its whole (decoded, bounded)
        body too, or the path of the file it was spooled to. Raises httpx's exceptions."""
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        watch = self.watchdog.start(timeout.get("read"))
        try:
            with map_aiohttp_exceptions():
                proxy, proxy_auth = self._proxy_for(url) if self._env_proxies else (None, None)
                response = await self.client.request(
                    method=method,
                    url=url,
                    headers=headers,
                    data=data,
                    proxy=proxy,
                    proxy_auth=proxy_auth,
                    allow_redirects=False,
                    auto_decompress=False,
                    compress=False,
                    timeout=self._client_timeout(timeout),
                    server_hostname=server_hostname,
                ).__aenter__()
                try:
                    decoder = BoundedDecoder(response.headers.get("content-encoding"),
                                             max_bytes or DEFAULT_MAX_ANSWER_MB << 20,
                                             response.headers.get("content-length"))
                except BaseException:
                    response.close()  # refused before reading: drop the connection, not drain it
                    raise
                if not read_body:
                    return response, decoder, None
                # Only a successful answer may be big; errors and redirects stay in memory.
                try:
                    body = await _read_bounded(response, decoder, spool if 200 <= response.status < 300 else None)
                except BaseException:
                    response.close()
                    raise
                finally:
                    response.release()
                return response, decoder, body
        except asyncio.CancelledError:
            if self.watchdog.stop(watch) and watch.timed_out():
                raise httpx.ReadTimeout("Timeout on reading data from socket") from None
            raise
        finally:
            self.watchdog.stop(watch)

    def _proxy_for(self, url: str) -> tuple[yarl.URL | None, aiohttp.BasicAuth | None]:
        """The environment's proxy for `url`'s origin (and its credentials), looked up once
        per origin. aiohttp's trust_env looks it up for every request, in two worker-thread
        hops (~0.1 ms of CPU per job), and also takes ~/.netrc credentials for the target
        host, which would clash with the API key's Authorization header."""
        parsed = yarl.URL(url)
        origin = (parsed.scheme, parsed.host, parsed.port)
        found = self._proxies.get(origin)
        if found is None:
            try:
                found = get_env_proxy_for_url(parsed)
            except LookupError:  # none, or NO_PROXY names the host
                found = (None, None)
            if len(self._proxies) >= 64:  # a few origins in practice; a stranger's links are not kept
                self._proxies.clear()
            self._proxies[origin] = found
        return found

    def _client_timeout(self, timeout: dict) -> aiohttp.ClientTimeout:
        # Speed: one ClientTimeout per setting, not one per request; no sock_read (see ReadWatchdog).
        key = (timeout.get("connect"), timeout.get("pool"))
        found = self._timeouts.get(key)
        if found is None:
            found = self._timeouts[key] = aiohttp.ClientTimeout(sock_connect=key[0], connect=key[1])
        return found


async def _read_bounded(response: aiohttp.ClientResponse, decoder: BoundedDecoder, spool: str | None) -> bytes | str:
    """The decoded body; or, once it passes SPOOL_ABOVE and a spool folder is given, the
    path of the file it was written to as it arrived (spool.py)."""
    length = response.headers.get("content-length", "")
    if not decoder.decodes and length.isdigit() and (spool is None or int(length) <= SPOOL_ABOVE):
        return await response.read()  # Speed: the common case; the length is within the limit (BoundedDecoder)
    body = bytearray()
    sink = None
    try:
        async for chunk in response.content.iter_chunked(1 << 16):
            for piece in decoder.feed(chunk):
                if sink is not None:
                    sink.write(piece)
                    continue
                body += piece
                if spool is not None and len(body) > SPOOL_ABOVE:
                    sink = SpoolFile(spool)
                    sink.write(body)
                    body = bytearray()
        tail = decoder.flush()
        if sink is None:
            body += tail
            return bytes(body)
        sink.write(tail)
    except BaseException:
        if sink is not None:
            sink.discard()  # a failed or stopped read leaves no part of the answer behind
        raise
    return sink.close()


class _WatchedStream(AiohttpResponseStream):
    """A streamed body (downloads, uploads' answers): the read timeout applies to each
    chunk, and the size limit to the decoded whole."""

    def __init__(self, response: aiohttp.ClientResponse, watchdog: ReadWatchdog, read: float | None,
                 decoder: BoundedDecoder) -> None:
        super().__init__(response)
        self._watchdog = watchdog
        self._read = read
        self._decoder = decoder

    async def __aiter__(self):
        chunks = self._aiohttp_response.content.iter_chunked(self.CHUNK_SIZE).__aiter__()
        while True:
            watch = self._watchdog.start(self._read)
            try:
                with map_aiohttp_exceptions():
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                tail = self._decoder.flush()
                if tail:
                    yield tail
                return
            except asyncio.CancelledError:
                if self._watchdog.stop(watch) and watch.timed_out():
                    raise httpx.ReadTimeout("Timeout on reading data from socket") from None
                raise
            finally:
                self._watchdog.stop(watch)
            for piece in self._decoder.feed(chunk):
                yield piece


class ReadWatchdog:
    """Read timeouts for every request in flight with one loop timer, armed for the earliest
    deadline. Speed: aiohttp's own read timeout sets and cancels two loop timers per request;
    under qasync each is a Qt timer, and a cancelled one stays registered until it would have
    fired (read timeouts are minutes), which slows every timer started after it."""

    def __init__(self) -> None:
        self._watched: dict[_Watch, None] = {}
        self._timer: asyncio.TimerHandle | None = None
        self._due = 0.0

    def start(self, seconds: float | None) -> _Watch | None:
        """Watch the current task until `stop`: it is cancelled if `seconds` pass first."""
        if not seconds:
            return None
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        if task is None:
            return None
        watch = _Watch(loop.time() + seconds, task)
        self._watched[watch] = None
        if self._timer is None or watch.deadline < self._due:
            self._arm(loop, watch.deadline)
        return watch

    def stop(self, watch: _Watch | None) -> bool:
        """Stop watching; True if the watch ran out (and cancelled its task)."""
        if watch is None:
            return False
        self._watched.pop(watch, None)
        return watch.expired

    def _arm(self, loop: asyncio.AbstractEventLoop, due: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._due = due
        self._timer = loop.call_at(due, self._check)

    def _check(self) -> None:
        self._timer = None
        if not self._watched:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        for watch in [w for w in self._watched if w.deadline <= now]:
            del self._watched[watch]
            watch.expired = True
            watch.task.cancel()
        if self._watched:
            self._arm(loop, min(w.deadline for w in self._watched))


class _Watch:
    __slots__ = ("deadline", "task", "expired", "cancelling")

    def __init__(self, deadline: float, task: asyncio.Task) -> None:
        self.deadline = deadline
        self.task = task
        self.expired = False
        self.cancelling = task.cancelling()

    def timed_out(self) -> bool:
        """After its CancelledError: was the cancel ours alone? Then it is undone and the
        caller raises a timeout instead (as asyncio.timeout does)."""
        return self.task.uncancel() <= self.cancelling


def upstream_problems() -> list[str]:
    """What of httpx-aiohttp this module relies on is missing or changed (empty: all fits)."""
    from httpx_aiohttp import transport as upstream

    problems = []
    made = AiohttpTransport(client=aiohttp.ClientSession)
    for name in ("proxy", "client"):
        if not hasattr(made, name):
            problems.append(f"AiohttpTransport no longer sets self.{name}")
    if not callable(getattr(made, "get_client", None)):
        problems.append("AiohttpTransport.get_client is gone")
    response = object()
    stream = AiohttpResponseStream(response)  # type: ignore[arg-type]
    if getattr(stream, "_aiohttp_response", None) is not response:
        problems.append("AiohttpResponseStream no longer keeps its response in _aiohttp_response")
    if not isinstance(getattr(stream, "CHUNK_SIZE", None), int):
        problems.append("AiohttpResponseStream.CHUNK_SIZE is gone")
    if not isinstance(map_aiohttp_exceptions(), contextlib.AbstractContextManager):
        problems.append("map_aiohttp_exceptions is no longer a context manager")
    if list(inspect.signature(get_env_proxy_for_url).parameters) != ["url"]:
        problems.append("aiohttp.helpers.get_env_proxy_for_url(url) changed")
    if "sock_read" not in inspect.getsource(upstream.AiohttpTransport.handle_async_request):
        problems.append("AiohttpTransport.handle_async_request changed how it applies timeouts")
    return problems

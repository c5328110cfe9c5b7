"""The network under the client: aiohttp under httpx's API, the company proxy from the
environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), and TLS that always verifies, against the
operating system's trust store plus an optional CA bundle per profile.

Imported by the client when it sends its first request, not at start-up (httpx and
aiohttp take ~0.2 s to load).

Borrowed internals (the one place the client steps around httpx.AsyncClient): `HttpClient`
replaces the cookie jar and `HttpClient.exchange` does a plain request without the client's
request pipeline. Written against httpx 0.28 and 0.29 (bounded in pyproject.toml);
`upstream_problems()` says what no longer fits, and tests/core/test_upstream.py runs it."""
from __future__ import annotations

import importlib
import inspect
import json
import ssl
from typing import TYPE_CHECKING, Any

import httpx

from gui.core.api.wire import Answer
from gui.core.errors import InputProblem
from gui.core.i18n import translate

if TYPE_CHECKING:
    from gui.core.api.transport import QueueTransport


def default_transport(max_connections: int, *, ca_bundle: str | None = None,
                      trust_env: bool = True, context: ssl.SSLContext | None = None) -> QueueTransport:
    # Speed: httpx's default transport costs ~5 ms CPU per job on the qasync loop, the
    # aiohttp transport ~0.6 ms (qt-async-recipes.md §0) — with the same httpx API.
    import aiohttp

    from gui.core.api.transport import QueueTransport

    context = context or tls_context(ca_bundle)
    limits = httpx.Limits(max_connections=max_connections)

    def session() -> aiohttp.ClientSession:
        # Made on the first request, i.e. on the running loop.
        connector = aiohttp.TCPConnector(limit=max_connections, keepalive_timeout=limits.keepalive_expiry,
                                         ssl=context)
        return aiohttp.ClientSession(connector=connector)

    # trust_env: HTTP(S)_PROXY/NO_PROXY, which corporate networks depend on (QueueTransport._proxy_for).
    return QueueTransport(limits=limits, verify=context, client=session, env_proxies=trust_env)


class _NoCookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        pass


class HttpClient(httpx.AsyncClient):
    """httpx without a cookie jar. Speed: the Queue API sets no cookies, and httpx wraps
    every response for urllib's cookiejar, ~0.1 ms of CPU per job on the event loop."""

    _no_cookies = _NoCookies()

    def __init__(self, *, transport: QueueTransport, max_answer_bytes: int, spool: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(transport=transport, **kwargs)
        # For requests without files (see exchange): the client's headers and settings, once,
        # as aiohttp takes them.
        self.queue_transport = transport
        plain = dict(self.headers.items())
        self._plain_headers = plain
        self._json_headers = {**plain, "content-type": "application/json"}
        self._keyless_headers = {k: v for k, v in plain.items() if k != "authorization"}  # there is none without a key
        self._exchange_timeout = self.timeout.as_dict()
        self._exchange_max_bytes = max_answer_bytes
        self._exchange_spool = spool

    async def exchange(self, method: str, url: str, body: Any, key: bool = True) -> Answer:
        """What `self.request(method, url, json=body)` followed by reading the whole answer
        does for this client, minus the per-request work it does not need: no auth flow,
        redirects, cookies or event hooks are in use here, and no httpx Request or Response
        is made (QueueTransport.exchange). The request carries the client's headers and
        timeouts."""
        if body is None:
            content, headers = None, self._plain_headers if key else self._keyless_headers
        else:  # encoded exactly as httpx encodes json= (upstream_problems checks it)
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
            headers = self._json_headers
        return await self.queue_transport.exchange(method, url, headers, content, self._exchange_timeout,
                                                   self._exchange_max_bytes, self._exchange_spool)

    @property  # type: ignore[override]
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies

    @cookies.setter
    def cookies(self, _value: object) -> None:
        pass


def tls_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """Verification always on, against the operating system's trust store (truststore: the
    Windows and macOS stores, the distribution's bundle on Linux), so the CA of a
    TLS-inspecting company proxy that IT installed is trusted; plus `ca_bundle` if given."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise InputProblem(translate(
                "network", "The CA bundle {path} could not be read as PEM certificates ({reason}).").format(
                path=ca_bundle, reason=exc)) from exc
    return context


def upstream_problems() -> list[str]:
    """What of httpx's behaviour `HttpClient` relies on is missing or changed (empty: all fits)."""
    problems = []
    sample = {"prompt": "Grüße €", "n": [1, 2.5, None, True]}
    ours = json.dumps(sample, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    if httpx.Request("POST", "http://127.0.0.1/", json=sample).content != ours:
        problems.append("httpx encodes json= differently from HttpClient.exchange")
    client = httpx.AsyncClient()
    if not callable(getattr(getattr(client, "timeout", None), "as_dict", None)):
        problems.append("httpx.AsyncClient.timeout has no as_dict() (the timeout extension)")
    if not isinstance(getattr(type(client), "cookies", None), property):
        problems.append("httpx.AsyncClient.cookies is no longer a property (HttpClient replaces it)")
    elif "self.cookies.extract_cookies(" not in inspect.getsource(importlib.import_module("httpx._client")):
        problems.append("httpx.AsyncClient no longer stores cookies through self.cookies.extract_cookies")
    return problems

"""The network under the client: aiohttp under httpx's API, the company proxy from the
environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), and TLS that always verifies, against the
operating system's trust store plus an optional CA bundle per profile.

Imported by the client when it sends its first request, not at start-up (httpx and
aiohttp take ~0.2 s to load)."""
from __future__ import annotations

import ssl

import httpx

from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import translate


def default_transport(max_connections: int, *, ca_bundle: str | None = None,
                      trust_env: bool = True, context: ssl.SSLContext | None = None) -> httpx.AsyncBaseTransport:
    # Speed: httpx's default transport costs ~5 ms CPU per job on the qasync loop, the
    # aiohttp transport ~0.6 ms (qt-async-recipes.md §0) — with the same httpx API.
    import aiohttp

    from gui.core.api.transport import QueueTransport

    context = context or tls_context(ca_bundle)
    limits = httpx.Limits(max_connections=max_connections)

    def session() -> aiohttp.ClientSession:
        # Made on the first request, i.e. on the running loop. trust_env: aiohttp's default
        # ignores HTTP(S)_PROXY/NO_PROXY, which corporate networks depend on.
        connector = aiohttp.TCPConnector(limit=max_connections, keepalive_timeout=limits.keepalive_expiry,
                                         ssl=context)
        return aiohttp.ClientSession(connector=connector, trust_env=trust_env)

    return QueueTransport(limits=limits, verify=context, client=session)


class _NoCookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        pass


class HttpClient(httpx.AsyncClient):
    """httpx without a cookie jar. Speed: the Queue API sets no cookies, and httpx wraps
    every response for urllib's cookiejar, ~0.1 ms of CPU per job on the event loop."""

    _no_cookies = _NoCookies()

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
            raise QueueError(ErrorKind.INPUT, translate(
                "network", "The CA bundle {path} could not be read as PEM certificates ({reason}).").format(
                path=ca_bundle, reason=exc)) from exc
    return context

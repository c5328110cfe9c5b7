"""Failures below HTTP (refused, dropped, timed out, TLS, proxy) and answers we cannot
read (HTML pages, non-JSON bodies), as QueueErrors with plain messages."""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from gui.core import errors
from gui.core.api.server_text import clean
from gui.core.api.wire import Reply, Timeouts
from gui.core.errors import ErrorKind, InputProblem, QueueError
from gui.core.i18n import translate

if TYPE_CHECKING:
    import httpx


def transport_error(exc: httpx.HTTPError, url: str, timeouts: Timeouts) -> QueueError:
    import httpx  # Speed: here, not at start-up (an error means the client has loaded it)

    host = urlsplit(url).netloc or url
    detail = str(exc) or type(exc).__name__
    # The aiohttp transport maps several of its errors to one httpx class (a refused
    # connection arrives as ConnectTimeout), so look at the original error as well.
    cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else ""
    if "Certificate" in cause or "SSL" in cause:
        return QueueError(
            ErrorKind.CONNECTION,
            translate("transport_errors", "The secure connection to {host} could not be verified (TLS). "
                                          "Check the base URL, or ask IT for the company's CA certificate.").format(
                host=host),
            detail=detail,
        )
    if "Proxy" in cause or isinstance(exc, httpx.ProxyError):
        return QueueError(
            ErrorKind.CONNECTION,
            translate("transport_errors", "Could not reach {host} through the proxy server (HTTPS_PROXY/HTTP_PROXY). "
                                          "Check the proxy settings, or add the host to NO_PROXY if it should be "
                                          "reached directly.").format(host=host),
            detail=detail,
        )
    if "DNS" in cause:
        return QueueError(
            ErrorKind.CONNECTION,
            translate("transport_errors", "The server name {host} could not be found. Check the base URL.").format(
                host=host),
            detail=detail,
        )
    if cause.startswith("ClientConnector") or isinstance(exc, httpx.ConnectError):
        return QueueError(
            ErrorKind.CONNECTION,
            translate("transport_errors", "Could not connect to {host}. Check the base URL and your network "
                                          "connection.").format(host=host),
            detail=detail,
        )
    if cause in _DROPPED or isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)):
        return QueueError(
            ErrorKind.DROPPED,
            translate("transport_errors", "The connection to {host} was lost before the answer arrived. "
                                          "Try again.").format(host=host),
            detail=detail,
        )
    if isinstance(exc, httpx.ReadTimeout):
        return QueueError(
            ErrorKind.TIMEOUT,
            translate("transport_errors", "The server did not answer within {duration}. Long jobs may need a "
                                          "longer read timeout.").format(duration=errors.human_duration(timeouts.read)),
            detail=detail,
        )
    if isinstance(exc, httpx.TimeoutException):
        return QueueError(
            ErrorKind.CONNECTION,
            translate("transport_errors", "Timed out connecting to {host}. Check the base URL and your network "
                                          "or proxy.").format(host=host),
            detail=detail,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return InputProblem(translate(
            "transport_errors", "The base URL {url} is not a valid http(s) address.").format(url=url))
    return QueueError(ErrorKind.CONNECTION, translate(
        "transport_errors", "The request to {host} failed ({detail}).").format(host=host, detail=detail), detail=detail)


_DROPPED = {"ServerDisconnectedError", "ClientOSError", "ClientPayloadError", "ContentLengthError", "TransferEncodingError"}


def not_json(reply: Reply) -> QueueError:
    ctype = reply.content_type.split(";")[0]
    if looks_like_html(reply):
        message = translate("transport_errors", "The server answered with a web page. The base URL may point at a "
                                                "web page or proxy rather than the Queue API.")
    elif ctype:
        message = translate("transport_errors", "The server answered with something that is not JSON ({type}). The "
                                                "base URL may point at a web page or proxy rather than the Queue "
                                                "API.").format(type=ctype)
    else:
        message = translate("transport_errors", "The server answered with something that is not JSON (no content "
                                                "type). The base URL may point at a web page or proxy rather than "
                                                "the Queue API.")
    return QueueError(
        ErrorKind.BAD_RESPONSE,
        message,
        status=reply.status,
        detail=clean(reply.content[:200].decode("utf-8", "replace")),
    )


def redirected(reply: Reply, url: str) -> QueueError:
    """A request answered with a 3xx: not followed (it would carry the body and the key
    elsewhere, and a job sent again may be paid for twice). Where it pointed is named."""
    from urllib.parse import urljoin

    try:
        target = urlsplit(urljoin(url, reply.headers.get("location", ""))).netloc
    except ValueError:
        target = ""
    target = clean(target)[:100] or urlsplit(url).netloc
    return QueueError(
        ErrorKind.BAD_RESPONSE,
        translate("transport_errors", "The server redirected the request ({status}) to {host}. Queue Desk does not "
                                      "follow redirects, so the request and your API key went nowhere else. If the "
                                      "service has moved, put its new address in the base URL.").format(
            status=reply.status, host=target),
        status=reply.status,
    )


def looks_like_html(reply: Reply) -> bool:
    if "html" in reply.content_type:
        return True
    head = reply.content[:100].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")

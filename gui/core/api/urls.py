"""Checks on the base URL before anything is sent: a valid http(s) address, and no
plain http:// to a host on the network unless the profile explicitly allows it (the API
key and the data would travel unencrypted)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from gui.core.errors import ErrorKind, InputProblem, QueueError
from gui.core.i18n import translate


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str, *, allow_plain_http: bool = False) -> str:
    """The URL without a trailing slash, or a QueueError(INPUT) saying what to fix."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputProblem(translate("urls", "The base URL {url} is not a web address. It should look like "
                              "https://llm-server.llmhub.t-systems.net/queue.").format(url=repr(url)))
    if parts.scheme == "http" and not allow_plain_http and not is_loopback(parts.hostname):
        raise InputProblem(translate("urls", "The base URL {url} uses unencrypted http:// to {host}, so your API key and data "
                              "would cross the network in clear text. Use https://, or allow plain HTTP for this "
                              "profile if you are sure.").format(url=url, host=parts.hostname))
    return url.strip().rstrip("/")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1  # an unusable port never matches
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port or default


def same_origin(url: str, other: str) -> bool:
    return _origin(url) == _origin(other)


class KeyGuard:
    """The one place every follow-up URL a server names (202 Location/Operation-Location,
    a status body's result_url, a 3xx on a poll, an image link, a status URL restored after
    a restart) is checked before anything is sent to it. The API key goes only to the base
    URL's own origin (scheme, host and port); plain http to a host on the network is refused
    as for the base URL."""

    def __init__(self, base_url: str, *, allow_plain_http: bool = False) -> None:
        self.origin = _origin(base_url)
        self.allow_plain_http = allow_plain_http

    def key_for(self, url: str, *, needs_key: bool) -> bool:
        """True if `url` may carry the key, False if it is fetched without it; a QueueError
        if it must not be fetched at all (not http(s), plain http to the network, or another
        origin where the protocol needs the key)."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host:
            raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                "urls", "The server gave an unusable link: {url}").format(url=url[:100]))
        if parts.scheme == "http" and not self.allow_plain_http and not is_loopback(host):
            raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                "urls", "The server pointed at {host} over unencrypted http://; Queue Desk does not send "
                        "anything there. Ask the server's operator to use https://.").format(host=host))
        if _origin(url) == self.origin:
            return True
        if needs_key:
            host = parts.netloc.rpartition("@")[2]  # with its port: two origins may share a host
            raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                "urls", "The server asked Queue Desk to send your API key to another host, {host}; it was "
                        "refused. Check the base URL, or ask the server's operator.").format(host=host))
        return False

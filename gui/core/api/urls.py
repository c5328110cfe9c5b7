"""Checks on the base URL before anything is sent: a valid http(s) address, and no
plain http:// to a host on the network unless the profile explicitly allows it (the API
key and the data would travel unencrypted)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from gui.core.errors import ErrorKind, QueueError
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
        raise QueueError(
            ErrorKind.INPUT,
            translate("urls", "The base URL {url} is not a web address. It should look like "
                              "https://llm-server.llmhub.t-systems.net/queue.").format(url=repr(url)),
        )
    if parts.scheme == "http" and not allow_plain_http and not is_loopback(parts.hostname):
        raise QueueError(
            ErrorKind.INPUT,
            translate("urls", "The base URL {url} uses unencrypted http:// to {host}, so your API key and data "
                              "would cross the network in clear text. Use https://, or allow plain HTTP for this "
                              "profile if you are sure.").format(url=url, host=parts.hostname),
        )
    return url.strip().rstrip("/")

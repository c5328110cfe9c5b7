"""The async HTTP client for the Queue API, on httpx.

A queue POST is normally held open until the job is done and answers with the normal
OpenAI body (200). A server may instead answer 202 with a status URL: then we poll it,
honouring Retry-After, until the job is terminal, and fetch the result. Callers get the
final `Reply` either way, or a `QueueError`."""
from __future__ import annotations

import asyncio
import functools
import json
import mimetypes
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import httpx

from . import errors
from .endpoints import BodyKind, Endpoint, ResultKind
from .errors import ErrorKind, QueueError
from .network import default_transport
from .urls import is_loopback

# The queue holds requests open until the work is done, so the read timeout is long.
DEFAULT_READ_TIMEOUT = 900.0
POLL_MIN, POLL_MAX = 1.0, 30.0

_RUNNING = {"queued", "in_queue", "pending", "starting", "running", "in_progress", "processing", "notstarted", "accepted", "submitted"}
_SUCCEEDED = {"succeeded", "completed", "complete", "success", "done", "finished"}
_FAILED = {"failed", "error", "errored"}
_CANCELLED = {"cancelled", "canceled"}


@dataclass(frozen=True)
class Timeouts:
    connect: float = 15.0
    read: float = DEFAULT_READ_TIMEOUT
    write: float = 120.0  # per chunk sent, not for the whole upload
    pool: float = 60.0

    def httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


@dataclass(frozen=True)
class Upload:
    field: str  # multipart field name: "file", "image", "image[]", "mask"
    path: str


@dataclass
class Request:
    endpoint: Endpoint
    body: dict[str, Any] = field(default_factory=dict)
    uploads: list[Upload] = field(default_factory=list)


@dataclass
class Reply:
    status: int
    content: bytes
    content_type: str
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def request_id(self) -> str | None:
        return self.headers.get("x-request-id")

    @functools.cached_property
    def parsed(self) -> Any:
        """The body as JSON, or None if it is not JSON (parsed once, however often asked)."""
        if not self.content or "json" not in self.content_type:
            return None
        try:
            return json.loads(self.content)
        except ValueError:
            return None

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass
class Hooks:
    """What the client tells its caller while a request is under way (all optional,
    all called on the event loop)."""

    uploaded: Callable[[int, int], None] | None = None  # bytes sent, total
    sent: Callable[[], None] | None = None  # request body handed over; now waiting for the answer
    accepted: Callable[[str | None, str], None] | None = None  # 202: server job id, status URL
    status: Callable[[str, int | None], None] | None = None  # poll: server status, queue position


class QueueClient:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeouts: Timeouts = Timeouts(),
        transport: httpx.AsyncBaseTransport | None = None,
        max_connections: int = 100,
        ca_bundle: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts
        if transport is None:
            # The local sandbox never goes through a proxy, whatever HTTP_PROXY says.
            host = urlsplit(self.base_url).hostname or ""
            transport = default_transport(max_connections, ca_bundle=ca_bundle, trust_env=not is_loopback(host))
        self._http = _HttpClient(
            transport=transport,
            timeout=timeouts.httpx(),
            headers={"Authorization": f"Bearer {api_key}", "User-Agent": "queue-desk"},
            follow_redirects=False,
        )
        self._parsed_urls: dict[Endpoint, httpx.URL] = {}

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> QueueClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def url_for(self, endpoint: Endpoint) -> str:
        return self.base_url + endpoint.path

    def _url(self, endpoint: Endpoint) -> httpx.URL:
        # Speed: httpx checks every character of a str URL on each request; a parsed
        # httpx.URL is reused as it is.
        url = self._parsed_urls.get(endpoint)
        if url is None:
            url = self._parsed_urls[endpoint] = httpx.URL(self.url_for(endpoint))
        return url

    async def send(self, request: Request, hooks: Hooks = Hooks()) -> Reply:
        """Send one request and return the final answer (after polling, if the server
        chose the 202 style)."""
        spec = request.endpoint.spec
        url = self._url(request.endpoint)
        if spec.body is BodyKind.MULTIPART:
            reply = await self._send_multipart(url, request, hooks)
        else:
            if hooks.sent:
                hooks.sent()
            kwargs: dict[str, Any] = {"json": request.body} if spec.body is BodyKind.JSON else {}
            reply = await self._call(spec.method, url, **kwargs)
        reply = await self._settle(str(url), reply, hooks)
        if _expects_json(request) and reply.parsed is None:
            raise not_json(reply)
        return reply

    async def fetch_file(self, url: str, max_bytes: int = 64 * 1024 * 1024) -> bytes:
        """GET a file the server pointed at (an image `url` result). The API key goes
        only to the API's own host, never to a storage or CDN host."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise QueueError(ErrorKind.BAD_RESPONSE, f"The server gave an unusable link: {url[:100]}")
        request = self._http.build_request("GET", url)
        if urlsplit(url).netloc != urlsplit(self.base_url).netloc:
            del request.headers["Authorization"]
        try:
            response = await self._http.send(request, stream=True)
            try:
                if response.status_code >= 400:
                    raise QueueError(ErrorKind.EXPIRED if response.status_code in (403, 404, 410) else ErrorKind.SERVER,
                                     f"The link answered {response.status_code}; it may have expired.",
                                     status=response.status_code)
                data = bytearray()
                async for chunk in response.aiter_bytes():
                    data += chunk
                    if len(data) > max_bytes:
                        raise QueueError(ErrorKind.BAD_RESPONSE, f"The file is larger than {max_bytes // 2**20} MiB.")
                return bytes(data)
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise transport_error(exc, url, self.timeouts) from exc

    async def poll(self, status_url: str, hooks: Hooks = Hooks(), first_wait: float = 0.0) -> Reply:
        """Poll a 202 job's status URL until it is terminal; return its result."""
        wait = first_wait
        delay = POLL_MIN
        while True:
            if wait > 0:
                await asyncio.sleep(wait)
            reply = await self._call("GET", status_url, expired_on_404=True)
            headers = reply.headers
            body = reply.parsed
            if reply.status in (301, 302, 303, 307, 308) and headers.get("location"):
                return await self._fetch_result(_absolute(status_url, headers["location"]))
            if not isinstance(body, dict) or not _is_job_envelope(body):
                return reply  # the status URL answered with the result itself
            status = str(body.get("status", "")).lower()
            if hooks.status:
                position = body.get("queue_position")
                hooks.status(status, position if isinstance(position, int) else None)
            if status in _SUCCEEDED:
                return await self._result_of(status_url, body, reply)
            if status in _FAILED:
                detail = errors.error_detail(reply.content) or "no reason given"
                raise QueueError(
                    ErrorKind.JOB_FAILED, f"The server reports that the job failed: {detail}", detail=detail
                )
            if status in _CANCELLED:
                raise QueueError(ErrorKind.JOB_FAILED, "The server reports that the job was cancelled.")
            if status not in _RUNNING:
                raise QueueError(
                    ErrorKind.BAD_RESPONSE, f"The server reported an unknown job status {status!r}."
                )
            wait = errors.parse_retry_after(headers)
            if wait is None:
                wait = delay
                delay = min(POLL_MAX, delay * 1.5)

    # -- internals ------------------------------------------------------------

    async def _send_multipart(self, url: httpx.URL, request: Request, hooks: Hooks) -> Reply:
        files = []
        opened: list[BinaryIO] = []
        try:
            total = 0
            for upload in request.uploads:
                try:
                    f = open(upload.path, "rb")  # noqa: SIM115 - closed in finally
                except OSError as exc:
                    raise QueueError(
                        ErrorKind.INPUT, f"Cannot read the file {upload.path}: {exc.strerror or exc}."
                    ) from exc
                opened.append(f)
                total += os.fstat(f.fileno()).st_size
            progress = _Progress(total, hooks)
            for upload, f in zip(request.uploads, opened):
                name = Path(upload.path).name
                ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
                files.append((upload.field, (name, _CountingReader(f, progress), ctype)))
            data = form_fields(request.body)
            reply = await self._call("POST", url, data=data, files=files)
            if not progress.done and hooks.sent:
                hooks.sent()
            return reply
        finally:
            for f in opened:
                f.close()

    async def _settle(self, url: str, reply: Reply, hooks: Hooks) -> Reply:
        if reply.status == 202 or reply.status == 201 or (
            reply.status == 200 and _is_job_envelope(reply.parsed)
        ):
            body = reply.parsed or {}
            status_url = _status_url(url, reply.headers, body)
            if not status_url:
                raise QueueError(
                    ErrorKind.BAD_RESPONSE,
                    "The server accepted the job but did not say where to ask for its result.",
                )
            job_id = body.get("id") if isinstance(body.get("id"), str) else None
            if hooks.accepted:
                hooks.accepted(job_id, status_url)
            wait = errors.parse_retry_after(reply.headers) or POLL_MIN
            return await self.poll(status_url, hooks, first_wait=wait)
        return reply

    async def _result_of(self, status_url: str, body: dict, reply: Reply) -> Reply:
        for key in ("result", "response", "output"):
            value = body.get(key)
            if isinstance(value, dict):
                return Reply(200, json.dumps(value).encode(), "application/json", reply.headers)
        for link in (body.get("response_url"), body.get("result_url"), (body.get("urls") or {}).get("result")):
            if isinstance(link, str) and link:
                return await self._fetch_result(_absolute(status_url, link))
        raise QueueError(ErrorKind.BAD_RESPONSE, "The server says the job is done but gave no result.")

    async def _fetch_result(self, url: str) -> Reply:
        return await self._call("GET", url, expired_on_404=True)

    async def _call(self, method: str, url: str | httpx.URL, *, expired_on_404: bool = False, **kwargs: Any) -> Reply:
        try:
            response = await self._http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise transport_error(exc, str(url), self.timeouts) from exc
        reply = Reply(
            response.status_code,
            response.content,
            response.headers.get("content-type", ""),
            response.headers,
        )
        if response.status_code == 404 and expired_on_404:
            raise QueueError(
                ErrorKind.EXPIRED,
                "The server no longer has this job (its result expired or was removed). Submit it again.",
                status=404,
                detail=errors.error_detail(response.content),
            )
        if response.status_code >= 400:
            raise errors.from_status(response.status_code, response.content, response.headers)
        if response.status_code < 300 and "json" in reply.content_type and reply.parsed is None and reply.content:
            raise not_json(reply)
        if response.status_code < 300 and _looks_like_html(reply):
            raise not_json(reply)
        return reply


class _NoCookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        pass


class _HttpClient(httpx.AsyncClient):
    """httpx without a cookie jar. Speed: the Queue API sets no cookies, and httpx wraps
    every response for urllib's cookiejar, ~0.1 ms of CPU per job on the event loop."""

    _no_cookies = _NoCookies()

    @property  # type: ignore[override]
    def cookies(self) -> httpx.Cookies:
        return self._no_cookies

    @cookies.setter
    def cookies(self, _value: object) -> None:
        pass


def transport_error(exc: httpx.HTTPError, url: str, timeouts: Timeouts) -> QueueError:
    host = urlsplit(url).netloc or url
    detail = str(exc) or type(exc).__name__
    # The aiohttp transport maps several of its errors to one httpx class (a refused
    # connection arrives as ConnectTimeout), so look at the original error as well.
    cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else ""
    if "Certificate" in cause or "SSL" in cause:
        return QueueError(
            ErrorKind.CONNECTION,
            f"The secure connection to {host} could not be verified (TLS). Check the base URL, "
            "or ask IT for the company's CA certificate.",
            detail=detail,
        )
    if "Proxy" in cause or isinstance(exc, httpx.ProxyError):
        return QueueError(
            ErrorKind.CONNECTION,
            f"Could not reach {host} through the proxy server (HTTPS_PROXY/HTTP_PROXY). Check the proxy "
            "settings, or add the host to NO_PROXY if it should be reached directly.",
            detail=detail,
        )
    if "DNS" in cause:
        return QueueError(
            ErrorKind.CONNECTION, f"The server name {host} could not be found. Check the base URL.", detail=detail
        )
    if cause.startswith("ClientConnector") or isinstance(exc, httpx.ConnectError):
        return QueueError(
            ErrorKind.CONNECTION,
            f"Could not connect to {host}. Check the base URL and your network connection.",
            detail=detail,
        )
    if cause in _DROPPED or isinstance(exc, (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)):
        return QueueError(
            ErrorKind.DROPPED, f"The connection to {host} was lost before the answer arrived. Try again.", detail=detail
        )
    if isinstance(exc, httpx.ReadTimeout):
        return QueueError(
            ErrorKind.TIMEOUT,
            f"The server did not answer within {errors.human_duration(timeouts.read)}. "
            "Long jobs may need a longer read timeout.",
            detail=detail,
        )
    if isinstance(exc, httpx.TimeoutException):
        return QueueError(
            ErrorKind.CONNECTION,
            f"Timed out connecting to {host}. Check the base URL and your network or proxy.",
            detail=detail,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return QueueError(ErrorKind.INPUT, f"The base URL {url} is not a valid http(s) address.")
    return QueueError(ErrorKind.CONNECTION, f"The request to {host} failed ({detail}).", detail=detail)


_DROPPED = {"ServerDisconnectedError", "ClientOSError", "ClientPayloadError", "ContentLengthError", "TransferEncodingError"}


def not_json(reply: Reply) -> QueueError:
    ctype = reply.content_type.split(";")[0] or "no content type"
    what = "a web page" if _looks_like_html(reply) else f"something that is not JSON ({ctype})"
    return QueueError(
        ErrorKind.BAD_RESPONSE,
        f"The server answered with {what}. The base URL may point at a web page or proxy rather than the Queue API.",
        status=reply.status,
        detail=reply.content[:200].decode("utf-8", "replace"),
    )


def _looks_like_html(reply: Reply) -> bool:
    if "html" in reply.content_type:
        return True
    head = reply.content[:100].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html")


def _expects_json(request: Request) -> bool:
    # Only audio in text/srt/vtt format answers in plain text; everything else is JSON.
    return request.endpoint.spec.result is not ResultKind.TRANSCRIPT or request.body.get(
        "response_format", "json") in ("json", "verbose_json")


def _is_job_envelope(body: Any) -> bool:
    """A body that describes a job instead of carrying its result."""
    if not isinstance(body, dict) or "status" not in body:
        return False
    return not any(key in body for key in ("choices", "data", "text", "segments"))


def _status_url(request_url: str, headers: Mapping[str, str], body: dict) -> str | None:
    for name in ("operation-location", "azure-asyncoperation", "location"):
        if headers.get(name):
            return _absolute(request_url, headers[name])
    urls = body.get("urls")
    for candidate in (body.get("status_url"), urls.get("get") if isinstance(urls, dict) else None):
        if isinstance(candidate, str) and candidate:
            return _absolute(request_url, candidate)
    return None


def _absolute(base: str, url: str) -> str:
    return str(httpx.URL(base).join(url))


def form_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """The multipart text fields for a body, as they go on the wire: every value a string,
    lists repeated under `key[]` (the OpenAI SDK's form, e.g. `timestamp_granularities[]`)."""
    fields: dict[str, Any] = {}
    for key, value in body.items():
        if value is None:
            continue
        if isinstance(value, list):
            fields[key if key.endswith("[]") else key + "[]"] = [_form_value(v) for v in value]
        else:
            fields[key] = _form_value(value)
    return fields


def _form_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_form_value(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict,)):
        return json.dumps(value)
    return str(value)


class _Progress:
    def __init__(self, total: int, hooks: Hooks) -> None:
        self.total, self.sent, self.hooks, self.done = total, 0, hooks, False
        self._last_reported = -1

    def add(self, n: int) -> None:
        if n == 0 and self.done:
            return  # the read that finds the end of the file adds nothing to report
        self.sent += n
        # Report at most ~100 times per upload: every report is work on the GUI thread.
        step = max(self.total // 100, 64 * 1024)
        if self.hooks.uploaded and (self.sent - self._last_reported >= step or self.sent >= self.total):
            self._last_reported = self.sent
            self.hooks.uploaded(self.sent, self.total)
        if self.sent >= self.total and not self.done:
            self.done = True
            if self.hooks.sent:
                self.hooks.sent()

    def rewind(self, n: int) -> None:
        self.sent = max(0, self.sent - n)


# Speed: httpx reads upload files 64 KiB at a time, and every chunk is a trip through
# httpx and aiohttp on the event loop; 1 MiB chunks upload ~1.8x faster (as fast as curl)
# for 1 MiB more memory. httpx yields whatever `read` returns, so a bigger read is safe.
UPLOAD_CHUNK = 1024 * 1024


class _CountingReader:
    """A file wrapper that counts bytes as httpx streams them, so large files are never
    read whole into memory and progress is exact."""

    def __init__(self, f: BinaryIO, progress: _Progress) -> None:
        self._f, self._progress, self._read = f, progress, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._f.read(max(size, UPLOAD_CHUNK) if size > 0 else size)
        self._read += len(chunk)
        self._progress.add(len(chunk))
        return chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        pos = self._f.seek(offset, whence)
        if pos == 0 and self._read:
            self._progress.rewind(self._read)  # httpx rewinds before a retry
            self._read = 0
        return pos

    def tell(self) -> int:
        return self._f.tell()

    def fileno(self) -> int:
        return self._f.fileno()

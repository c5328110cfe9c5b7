"""The async HTTP client for the Queue API, on httpx.

A queue POST is normally held open until the job is done and answers with the normal
OpenAI body (200). A server may instead answer 202 with a status URL: then we poll it,
honouring Retry-After, until the job is terminal, and fetch the result. Callers get the
final `Reply` either way, or a `QueueError`."""
from __future__ import annotations

import asyncio
import json
import os
import threading
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

from gui.core import errors
from gui.core.api import spool
from gui.core.api.bounded import ACCEPTED_ENCODINGS, DEFAULT_MAX_ANSWER_MB, AnswerTooLarge
from gui.core.api.decoding import Unusable, normalise, unusable
from gui.core.api.poll_waits import PollWaits
from gui.core.api.server_text import redact
from gui.core.api.transport_errors import looks_like_html, not_json, redirected, transport_error
from gui.core.api.uploads import CountingReader, Progress, form_fields
from gui.core.api.urls import KeyGuard, is_loopback
from gui.core.api.wire import MAX_BYTES, READ_BODY, SPOOL, SPOOLED, Answer, Hooks, Reply, Request, Timeouts
from gui.core.endpoints import BodyKind, Endpoint, ResultKind
from gui.core.errors import ErrorKind, InputProblem, QueueError
from gui.core.i18n import translate

if TYPE_CHECKING:
    import httpx
else:
    httpx = None  # Speed: imported with the first request (`_network`), not at start-up

POLL_MIN, POLL_MAX = 1.0, 30.0
POLL_FLOOR = 0.5  # at least this between two polls of one job, whatever the server asks
DEFAULT_POLL_DEADLINE = 24 * 3600.0  # a 202 job not finished by then fails
_making = threading.Lock()

_RUNNING = {"queued", "in_queue", "pending", "starting", "running", "in_progress", "processing", "notstarted", "accepted", "submitted"}
_SUCCEEDED = {"succeeded", "completed", "complete", "success", "done", "finished"}
_FAILED = {"failed", "error", "errored"}
_CANCELLED = {"cancelled", "canceled"}


class QueueClient:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeouts: Timeouts = Timeouts(),
        max_connections: int = 100,
        ca_bundle: str | None = None,
        allow_plain_http: bool = False,
        max_answer_mb: int = DEFAULT_MAX_ANSWER_MB,
        secrets: tuple[str, ...] = (),
        max_server_wait: float = errors.MAX_SERVER_WAIT,
        poll_deadline: float = DEFAULT_POLL_DEADLINE,
        spool: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts
        self._api_key = api_key
        self.guard = KeyGuard(self.base_url, allow_plain_http=allow_plain_http)
        self.max_answer_bytes = max(1, max_answer_mb) << 20
        self.max_server_wait = max_server_wait  # the longest wait a server may ask for (Retry-After …)
        self.poll_deadline = poll_deadline
        self.poll_waits = PollWaits()
        # Redacted from every answer before anyone stores, logs or shows it (server_text.py):
        # the key in use and any other the caller names (the profile's stored key).
        self.secrets = tuple(dict.fromkeys((api_key, *secrets)))
        self.spool = spool  # where big answers are written as they arrive (spool.py); None: in memory
        self._max_connections = max_connections
        self._ca_bundle = ca_bundle
        self._tls = None
        if ca_bundle:
            # A CA bundle that cannot be read is reported now, when the engine is made.
            from gui.core.api.network import tls_context

            self._tls = tls_context(ca_bundle)
        self._client: httpx.AsyncClient | None = None
        self._opening: asyncio.Future[Any] | None = None

    @property
    def _http(self) -> httpx.AsyncClient:
        # Speed: httpx, aiohttp and the TLS context cost ~0.2 s to load and build; they
        # are made when the first request goes out, not when the engine opens.
        if self._client is not None:
            return self._client
        with _making:  # made once, whether by the event loop's thread or a worker (open)
            if self._client is not None:
                return self._client
            _network()
            from gui.core.api.network import HttpClient, default_transport

            # The local sandbox never goes through a proxy, whatever HTTP_PROXY says.
            host = urlsplit(self.base_url).hostname or ""
            transport = default_transport(self._max_connections, ca_bundle=self._ca_bundle,
                                          trust_env=not is_loopback(host), context=self._tls)
            self._client = HttpClient(
                transport=transport,
                timeout=self.timeouts.httpx(),
                # No key (a local server that needs none): no Authorization header at all.
                headers={**({"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}),
                         "User-Agent": "queue-desk", "Accept-Encoding": ACCEPTED_ENCODINGS},
                follow_redirects=False,
                max_answer_bytes=self.max_answer_bytes,
                spool=self.spool,
            )
            return self._client

    async def open(self) -> None:
        """Make the HTTP client in a worker thread: loading the network stack takes ~0.2 s
        of CPU, and the event loop (the GUI's, in the app) keeps running meanwhile."""
        if self._opening is None:
            self._opening = asyncio.get_running_loop().run_in_executor(None, lambda: self._http)
        try:
            await asyncio.shield(self._opening)  # one caller cancelled must not cancel it for all
        except Exception:
            self._opening = None  # the next request tries again
            raise

    async def aclose(self) -> None:
        if self._opening is not None and not self._opening.done():
            await asyncio.gather(asyncio.shield(self._opening), return_exceptions=True)  # then close what it made
        if self._client is not None:  # never made if nothing was sent
            await self._client.aclose()

    async def __aenter__(self) -> QueueClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def url_for(self, endpoint: Endpoint) -> str:
        return self.base_url + endpoint.path

    async def send(self, request: Request, hooks: Hooks = Hooks()) -> Reply:
        """Send one request and return the final answer (after polling, if the server
        chose the 202 style)."""
        if self._client is None:
            await self.open()
        spec = request.endpoint.spec
        url = self.url_for(request.endpoint)
        if spec.body is BodyKind.MULTIPART:
            reply = await self._send_multipart(url, request, hooks)
        else:
            if hooks.sent:
                hooks.sent()
            kwargs: dict[str, Any] = {"json": request.body} if spec.body is BodyKind.JSON else {}
            reply = await self._call(spec.method, url, **kwargs)
        reply = await self._settle(url, reply, hooks)
        if 300 <= reply.status < 400:
            raise redirected(reply, url)
        if _expects_json(request) and reply.parsed is None:
            raise not_json(reply)
        return reply

    async def fetch_file(self, url: str, max_bytes: int = 64 * 1024 * 1024) -> bytes:
        """GET a file the server pointed at (an image `url` result). The API key goes only
        to the API's own origin (KeyGuard), never to a storage or CDN host; redirects are
        followed a few times, each hop checked again."""
        if self._client is None:
            await self.open()
        for _hop in range(5):
            key = self.guard.key_for(url, needs_key=False)
            request = self._http.build_request("GET", url, extensions={MAX_BYTES: max_bytes})
            if not key:
                request.headers.pop("Authorization", None)
            try:
                response = await self._http.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.status_code in (301, 302, 303, 307, 308) and location:
                        url = _absolute(url, location)
                        continue
                    if response.status_code >= 400:
                        raise QueueError(
                            ErrorKind.EXPIRED if response.status_code in (403, 404, 410) else ErrorKind.SERVER,
                            translate("client", "The link answered {status}; it may have expired.").format(
                                status=response.status_code),
                            status=response.status_code)
                    data = bytearray()
                    try:
                        async for chunk in response.aiter_bytes():
                            data += chunk
                    except AnswerTooLarge:
                        raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                            "client", "The file is larger than {size} MiB.").format(size=max_bytes // 2**20)) from None
                    return bytes(data)
                finally:
                    await response.aclose()
            except httpx.HTTPError as exc:
                raise transport_error(exc, url, self.timeouts) from exc
        raise QueueError(ErrorKind.BAD_RESPONSE, translate(
            "client", "The link redirected too many times: {url}").format(url=url[:100]))

    async def poll(self, status_url: str, hooks: Hooks = Hooks(), first_wait: float = 0.0,
                   server_wait: bool = False) -> Reply:
        """Poll a 202 job's status URL until it is terminal; return its result. `server_wait`:
        the server asked for `first_wait`."""
        if self._client is None:  # e.g. resumed after a restart: the first request is a poll
            await self.open()
        wait = first_wait
        asked = server_wait  # the server asked for this wait (Retry-After): the status bar shows it
        delay = POLL_MIN
        deadline = asyncio.get_running_loop().time() + self.poll_deadline
        while True:
            if asyncio.get_running_loop().time() + wait > deadline:
                raise QueueError(ErrorKind.TIMEOUT, translate(
                    "client", "The server did not finish the job within {duration}, the longest wait set for this "
                              "profile; Queue Desk stopped asking. Submit it again or raise the longest "
                              "wait.").format(duration=errors.human_duration(self.poll_deadline)))
            if asked:
                with self.poll_waits.waiting(wait):
                    await asyncio.sleep(wait)
            elif wait > 0:
                await asyncio.sleep(wait)
            self.guard.key_for(status_url, needs_key=True)  # also a status URL restored after a restart
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
                detail = errors.error_detail(reply.content) or translate("client", "no reason given")
                raise QueueError(
                    ErrorKind.JOB_FAILED,
                    translate("client", "The server reports that the job failed: {reason}").format(reason=detail),
                    detail=detail,
                )
            if status in _CANCELLED:
                raise QueueError(ErrorKind.JOB_FAILED, translate("client", "The server reports that the job was cancelled."))
            if status not in _RUNNING:
                raise QueueError(ErrorKind.BAD_RESPONSE, translate(
                    "client", "The server reported an unknown job status {status}.").format(status=repr(status)))
            wait = errors.parse_retry_after(headers, cap=self.max_server_wait)
            asked = wait is not None
            if wait is None:
                wait = delay
                delay = min(POLL_MAX, delay * 1.5)
            wait = max(POLL_FLOOR, wait)

    # -- internals ------------------------------------------------------------

    async def _send_multipart(self, url: str, request: Request, hooks: Hooks) -> Reply:
        files = []
        opened: list[BinaryIO] = []
        try:
            total = 0
            for upload in request.uploads:
                try:
                    f = open(upload.path, "rb")  # noqa: SIM115 - closed in finally
                except OSError as exc:
                    raise InputProblem(translate("client", "Cannot read the file {path}: {reason}.").format(
                            path=upload.path, reason=exc.strerror or exc)) from exc
                opened.append(f)
                total += os.fstat(f.fileno()).st_size
            progress = Progress(total, hooks)
            import mimetypes  # with the first upload, not at start-up

            for upload, f in zip(request.uploads, opened):
                name = Path(upload.path).name
                ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
                files.append((upload.field, (name, CountingReader(f, progress), ctype)))
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
                    translate("client", "The server accepted the job but did not say where to ask for its result."),
                )
            self.guard.key_for(status_url, needs_key=True)  # refused before it is stored
            job_id = body.get("id") if isinstance(body.get("id"), str) else None
            if hooks.accepted:
                hooks.accepted(job_id, status_url)
            wait = errors.parse_retry_after(reply.headers, cap=self.max_server_wait)
            return await self.poll(status_url, hooks, first_wait=wait or POLL_MIN, server_wait=bool(wait))
        return reply

    async def _result_of(self, status_url: str, body: dict, reply: Reply) -> Reply:
        for key in ("result", "response", "output"):
            value = body.get(key)
            if isinstance(value, dict):
                return Reply(200, json.dumps(value).encode(), "application/json", reply.headers)
        for link in (body.get("response_url"), body.get("result_url"), (body.get("urls") or {}).get("result")):
            if isinstance(link, str) and link:
                return await self._fetch_result(_absolute(status_url, link))
        raise QueueError(ErrorKind.BAD_RESPONSE, translate("client", "The server says the job is done but gave no result."))

    async def _fetch_result(self, url: str) -> Reply:
        # A result on another origin (a presigned storage link) is fetched without the key.
        key = self.guard.key_for(url, needs_key=False)
        return await self._call("GET", url, expired_on_404=True, key=key)

    async def _call(self, method: str, url: str, *, expired_on_404: bool = False, key: bool = True,
                    **kwargs: Any) -> Reply:
        try:
            if "files" in kwargs or "data" in kwargs:
                response = await self._http.request(method, url, extensions={
                    MAX_BYTES: self.max_answer_bytes, READ_BODY: True, SPOOL: self.spool}, **kwargs)
                answer = Answer(response.status_code, response.headers, response.content,
                                response.extensions.get(SPOOLED))
            else:
                answer = await self._http.exchange(method, url, kwargs.get("json"), key)
        except httpx.HTTPError as exc:
            raise transport_error(exc, str(url), self.timeouts) from exc
        status = answer.status
        ctype = answer.headers.get("content-type", "")
        if answer.spooled is not None:
            return await self._spooled(answer, ctype)
        content = redact(answer.content, self.secrets)
        parsed = None
        if content and "json" in ctype:
            try:
                content, parsed = normalise(content)
            except Unusable as exc:
                if exc.too_deep and status < 300:
                    raise unusable(status, str(exc)) from None
                # not JSON at all (a 2xx is explained below), or an error answer we cannot read:
                # its status code still decides (from_status)
        reply = Reply(status, content, ctype, answer.headers)
        if parsed is not None:
            reply.__dict__["parsed"] = parsed  # parsed once, here (Reply.parsed is a cached property)
        if status == 404 and expired_on_404:
            raise QueueError(
                ErrorKind.EXPIRED,
                translate("client", "The server no longer has this job (its result expired or was removed). "
                                    "Submit it again."),
                status=404,
                detail=errors.error_detail(content),
                body=content, request_id=reply.request_id,
            )
        if status >= 400:
            error = errors.from_status(status, content, answer.headers, self.max_server_wait)
            error.body, error.request_id = content, reply.request_id  # for a failed row in results.jsonl
            raise error
        if status < 300 and "json" in reply.content_type and reply.parsed is None and reply.content:
            raise not_json(reply)
        if status < 300 and looks_like_html(reply):
            raise not_json(reply)
        return reply

    async def _spooled(self, answer: Answer, ctype: str) -> Reply:
        """A big successful answer, written to a file as it arrived: made safe and parsed
        there, off the event loop, as `_call` does with answers in memory."""
        try:
            content, parsed, path = await asyncio.get_running_loop().run_in_executor(
                None, spool.load, answer.spooled, ctype, self.secrets)
        except Unusable as exc:  # too deep: the others come back as content for not_json
            raise unusable(answer.status, str(exc)) from None
        reply = Reply(answer.status, content, ctype, answer.headers, spooled=path)
        if path is None:
            raise not_json(reply)
        reply.__dict__["parsed"] = parsed
        weakref.finalize(reply, spool.discard, path)  # never saved (failed, cancelled): removed
        return reply


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
    return str(_network().URL(base).join(url))


def _network() -> Any:
    """httpx, imported on first use (the client's methods name it `httpx`)."""
    global httpx
    if httpx is None:
        import httpx as module

        httpx = module
    return httpx

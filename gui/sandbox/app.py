"""The Starlette app: routes, auth, the knobs (latency, faults, rate limits, 202) and the log."""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Awaitable, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gui.sandbox import media_endpoints, text_endpoints
from gui.sandbox.call import Call
from gui.sandbox.catalog import find_model, models_json
from gui.sandbox.config import SandboxConfig
from gui.sandbox.jobs import Job, status_body
from gui.sandbox.replies import (
    ApiError,
    Reply,
    detail_error,
    model_not_found,
    openai_error,
    rate_limited,
    server_error,
)
from gui.sandbox.state import RequestRecord, SandboxState
from gui.sandbox.uploads import read_multipart

Handler = Callable[[Call], Awaitable[Reply]]
QUEUE, STANDARD = "/queue", "/v2"
_POLL_HINT = "1"  # Retry-After for 202 polling; whole seconds, so retry-after-ms carries the precise hint


def _check_auth(request: Request, config: SandboxConfig) -> None:
    header = request.headers.get("authorization")
    if header is None and config.key_optional and config.api_key is None:
        return
    scheme, _, token = (header or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise detail_error(401, "Not authenticated", {"WWW-Authenticate": "Bearer"})
    if config.api_key is not None and token != config.api_key:
        raise openai_error(401, "Incorrect API key provided", code="invalid_api_key")


async def _read_json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except ValueError:
        raise detail_error(400, "There was an error parsing the body") from None
    if not isinstance(body, dict):
        raise detail_error(400, "The body must be a JSON object")
    return body


def _poll_headers(remaining: float, status_url: str | None = None) -> dict[str, str]:
    headers = {"Retry-After": _POLL_HINT, "retry-after-ms": str(min(max(round(remaining * 1000), 50), 1000))}
    if status_url:
        headers["Operation-Location"] = status_url
    return headers


def _accept_job(call: Call, reply: Reply, failed: bool) -> Reply:
    state, now = call.state, call.state.jobs.now()
    latency = max(state.config.latency, 0.0)
    job = Job(state.new_id("job_", call.request.url.path), call.prefix, now, now + latency,
              server_error().reply if failed else reply, failed)
    state.jobs.add(job)
    status_url = f"{call.base_url}{call.prefix}/jobs/{job.id}"
    body = {"id": job.id, "object": "queue.job", "status": "queued", "status_url": status_url,
            "created_at": int(time.time())}
    return Reply(body, 202, _poll_headers(latency, status_url))


def post_endpoint(handler: Handler, multipart: bool) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        state: SandboxState = request.app.state.sandbox
        call = Call(request, state, "/" + request.url.path.split("/")[1])
        try:
            _check_auth(request, state.config)
            if multipart:
                call.form = await read_multipart(request)
                request.state.log_fields = list(call.form.order)
            else:
                call.body = await _read_json(request)
                request.state.log_json = call.body
            config = state.config
            if state.rate_limited():
                raise rate_limited(config.retry_after, config.rate_limit_every)
            reply = await handler(call)  # validation errors surface here, before any waiting
            failed = state.should_fail()
            # Standard (/v2) endpoints are synchronous by definition; only the queue may answer 202.
            if config.mode_202 and call.prefix == QUEUE:
                return _accept_job(call, reply, failed).to_response()
            if config.latency > 0:
                await asyncio.sleep(config.latency)  # holds the connection, not a thread
            if failed:
                raise server_error()
            return reply.to_response()
        except ApiError as error:
            return error.reply.to_response()

    return endpoint


def get_endpoint(handler: Callable[[Call], Reply]) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        state: SandboxState = request.app.state.sandbox
        call = Call(request, state, "/" + request.url.path.split("/")[1])
        try:
            _check_auth(request, state.config)
            return handler(call).to_response()
        except ApiError as error:
            return error.reply.to_response()

    return endpoint


def list_models(call: Call) -> Reply:
    return Reply(models_json())


def get_model(call: Call) -> Reply:
    model_id = call.request.path_params["model_id"]
    model = find_model(model_id)
    if model is None:
        raise model_not_found(model_id)
    return Reply(model.to_json())


def _live_job(call: Call) -> Job:
    job = call.state.jobs.get(call.request.path_params["job_id"], call.state.config.job_ttl)
    if job is None:
        raise detail_error(404, "Job not found or expired")
    return job


def job_status(call: Call) -> Reply:
    job = _live_job(call)
    now = call.state.jobs.now()
    status = job.status(now)
    body = status_body(job, status, call.base_url, call.state.jobs.queue_position(job))
    pending = status in ("queued", "in_progress")
    return Reply(body, 200, _poll_headers(job.ready_at - now) if pending else {})


def job_result(call: Call) -> Reply:
    job = _live_job(call)
    now = call.state.jobs.now()
    status = job.status(now)
    if status in ("queued", "in_progress"):
        # Too early: answer like the submission did, so a client simply keeps polling.
        status_url = f"{call.base_url}{job.prefix}/jobs/{job.id}"
        body = status_body(job, status, call.base_url, call.state.jobs.queue_position(job))
        return Reply(body, 202, _poll_headers(job.ready_at - now, status_url))
    return job.reply


async def get_file(request: Request) -> Response:
    # No auth: like the provider's image URLs, the unguessable id is the credential.
    png = request.app.state.sandbox.files.get(request.path_params["file_id"])
    if png is None:
        return JSONResponse({"detail": "File not found"}, 404)
    return Response(png, media_type="image/png")


class RequestLog:
    """ASGI middleware that records every request with the status actually sent."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = scope.setdefault("state", {})  # handlers put the parsed body here (request.state)
        started, clock = time.time(), time.perf_counter()
        status, recorded = 500, False  # if the app raises before answering, a 500 is sent
        generation = self.state.generation

        def record() -> None:
            nonlocal recorded
            recorded = True
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            if "authorization" in headers:
                headers["authorization"] = "<redacted>"
            self.state.record(RequestRecord(
                scope["method"], scope["path"], status, extra.get("log_json"), extra.get("log_fields"),
                scope.get("query_string", b"").decode("latin-1"), headers, started,
                time.perf_counter() - clock,
            ), generation)

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                # Log before the last byte leaves: a client that has its answer must find it logged.
                record()
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if not recorded:
                record()


def _routes() -> list[Route]:
    posts: list[tuple[str, Handler, bool]] = [
        ("/chat/completions", text_endpoints.chat_completions, False),
        ("/completions", text_endpoints.completions, False),
        ("/embeddings", text_endpoints.embeddings, False),
        ("/audio/transcriptions", media_endpoints.transcriptions, True),
        ("/audio/translations", media_endpoints.translations, True),
        ("/images/generations", media_endpoints.image_generations, False),
        ("/images/edits", media_endpoints.image_edits, True),
    ]
    routes = []
    for prefix in (QUEUE, STANDARD):
        routes += [Route(prefix + path, post_endpoint(h, m), methods=["POST"]) for path, h, m in posts]
        routes.append(Route(prefix + "/models", get_endpoint(list_models), methods=["GET"]))
        routes.append(Route(prefix + "/models/{model_id:path}", get_endpoint(get_model), methods=["GET"]))
    routes.append(Route(QUEUE + "/jobs/{job_id}", get_endpoint(job_status), methods=["GET"]))
    routes.append(Route(QUEUE + "/jobs/{job_id}/result", get_endpoint(job_result), methods=["GET"]))
    routes.append(Route("/files/{file_id}.png", get_file, methods=["GET"]))
    return routes


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"detail": exc.detail}, exc.status_code, exc.headers)


async def _crash(request: Request, exc: Exception) -> Response:
    return server_error().reply.to_response()


def create_app(config: SandboxConfig, state: SandboxState | None = None) -> Starlette:
    """The sandbox app. `state` lets SandboxServer share its log and jobs; by default a new one."""
    state = state or SandboxState(config)
    app = Starlette(routes=_routes(), exception_handlers={HTTPException: _http_error, Exception: _crash})
    app.state.sandbox = state
    app.add_middleware(RequestLog, state=state)
    return app

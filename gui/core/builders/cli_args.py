"""`queue-desk submit`'s requests: the command line mapped onto the same builders the
tabs use (bodies.py, media_requests.py), so the CLI sends exactly what the matching tab
would send for the same inputs."""
from __future__ import annotations

import json
from typing import Any

from gui.core.builders.bodies import (
    chat_body,
    completion_body,
    embedding_body,
    image_body,
)
from gui.core.builders.media_bodies import (
    DEFAULT_MAX_IMAGE_MIB,
    DEFAULT_MAX_UPLOAD_MIB,
    MIB,
    audio_request,
    image_edit_request,
)
from gui.core.endpoints import Endpoint
from gui.core.errors import InputProblem, QueueError
from gui.core.jobs.job import Job


def parse_param(text: str) -> tuple[str, Any]:
    """`KEY=VALUE`: a VALUE that parses as JSON is taken as JSON, otherwise as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise InputProblem(f"--param {text!r} is not KEY=VALUE.")
    try:
        parsed: Any = json.loads(value)
    except ValueError:
        parsed = value
    return key.strip(), parsed


def input_lines(text: str) -> list[str]:
    """Embeddings input: one input per line, blank lines ignored (as in the tab)."""
    return [line for line in text.splitlines() if line.strip()]


def build_jobs(
    endpoint: Endpoint,
    *,
    model: str | None = None,
    prompt: str | None = None,
    params: dict[str, Any] | None = None,
    files: list[str] | None = None,
    mask: str | None = None,
    max_upload_mib: float = DEFAULT_MAX_UPLOAD_MIB,
) -> list[Job]:
    """One job per request: audio endpoints make one job per file, the rest one job.
    `params` are merged over the built fields and win (like the tabs' Advanced editor)."""
    params = dict(params or {})
    files = list(files or [])
    model = model or params.pop("model", None) or endpoint.spec.default_model
    try:
        return _build(endpoint, model, prompt, params, files, mask, max_upload_mib)
    except QueueError as error:
        field = getattr(error, "field", None)
        hint = f" (--{_FLAG.get(field, 'param ' + str(field))})" if field else ""
        raise InputProblem(cli_words(error.message) + hint) from None


# The shared checks speak to someone at a form; on the command line the same fix is a path.
_GUI_WORDS = {
    "does not exist (any more). Choose the file again.": "does not exist. Check the path.",
    "Choose the file again.": "Check the path.",
    "Choose a file.": "Give a file's path.",
}


def cli_words(message: str) -> str:
    for gui, cli in _GUI_WORDS.items():
        message = message.replace(gui, cli)
    return message


_FLAG = {"messages": "prompt", "prompt": "prompt", "input": "prompt", "model": "model", "file": "file",
         "image": "file", "mask": "mask"}


def _build(endpoint: Endpoint, model: str, prompt: str | None, params: dict[str, Any], files: list[str],
           mask: str | None, max_upload_mib: float) -> list[Job]:
    if endpoint is Endpoint.MODELS:
        return [Job(endpoint, {})]
    if endpoint is Endpoint.CHAT:
        messages = params.pop("messages", None)
        if messages is None:
            messages = [{"role": "user", "content": prompt or ""}]
        if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
            raise InputProblem("--param messages must be a JSON list of {\"role\", \"content\"} objects.")
        return [Job(endpoint, chat_body(model, messages, extra=params))]
    if endpoint is Endpoint.COMPLETIONS:
        return [Job(endpoint, completion_body(model, prompt or "", extra=params))]
    if endpoint is Endpoint.EMBEDDINGS:
        return [Job(endpoint, embedding_body(model, input_lines(prompt or ""), extra=params))]
    if endpoint is Endpoint.IMAGES:
        return [Job(endpoint, image_body(model, prompt or "", extra=params))]
    if endpoint in (Endpoint.TRANSCRIPTIONS, Endpoint.TRANSLATIONS):
        if not files:
            raise InputProblem(f"{endpoint.value.capitalize()} needs --file (one job per file).")
        jobs = []
        for path in files:
            body, uploads = audio_request(endpoint, path, model, prompt=prompt, extra=params,
                                          max_bytes=int(max_upload_mib * MIB))
            jobs.append(Job(endpoint, body, uploads))
        return jobs
    if endpoint is Endpoint.IMAGE_EDITS:
        if not files:
            raise InputProblem("Image-edits needs --file (the image to edit).")
        body, uploads = image_edit_request(model, files, prompt or "", mask=mask, extra=params,
                                           max_bytes=DEFAULT_MAX_IMAGE_MIB * MIB)
        return [Job(endpoint, body, uploads)]
    raise InputProblem(f"Unknown endpoint {endpoint.value}.")

"""Request builders: turn what a person gives (a prompt, files, extra parameters) into
request bodies of the OpenAI shape for each endpoint. Shared by the CLI and the tabs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .client import Upload
from .endpoints import Endpoint
from .errors import ErrorKind, QueueError
from .jobs import Job


def parse_param(text: str) -> tuple[str, Any]:
    """`KEY=VALUE`: a VALUE that parses as JSON is taken as JSON, otherwise as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise QueueError(ErrorKind.INPUT, f"--param {text!r} is not KEY=VALUE.")
    try:
        parsed: Any = json.loads(value)
    except ValueError:
        parsed = value
    return key.strip(), parsed


def build_jobs(
    endpoint: Endpoint,
    *,
    model: str | None = None,
    prompt: str | None = None,
    params: dict[str, Any] | None = None,
    files: list[str] | None = None,
    mask: str | None = None,
) -> list[Job]:
    """One job per request: audio endpoints make one job per file, the rest one job."""
    params = dict(params or {})
    files = list(files or [])
    model = model or params.pop("model", None) or endpoint.spec.default_model
    for path in files + ([mask] if mask else []):
        if not Path(path).is_file():
            raise QueueError(ErrorKind.INPUT, f"The file {path} does not exist.")

    def body(**fields: Any) -> dict[str, Any]:
        merged = {"model": model, **fields}
        merged.update(params)  # explicit parameters win
        return merged

    if endpoint is Endpoint.MODELS:
        return [Job(endpoint, {})]
    if endpoint is Endpoint.CHAT:
        if "messages" not in params:
            _need(prompt, "chat needs --prompt (or --param messages=[...])")
        return [Job(endpoint, body(messages=[{"role": "user", "content": prompt or ""}]))]
    if endpoint in (Endpoint.COMPLETIONS, Endpoint.IMAGES):
        if "prompt" not in params:
            _need(prompt, f"{endpoint.value} needs --prompt")
        return [Job(endpoint, body(prompt=prompt))]
    if endpoint is Endpoint.EMBEDDINGS:
        if "input" not in params:
            _need(prompt, "embeddings needs --prompt (the input text)")
        return [Job(endpoint, body(input=prompt))]
    if endpoint in (Endpoint.TRANSCRIPTIONS, Endpoint.TRANSLATIONS):
        _need(files, f"{endpoint.value} needs --file (one job per file)")
        extra = {"prompt": prompt} if prompt else {}
        return [Job(endpoint, body(**extra), [Upload("file", f)]) for f in files]
    if endpoint is Endpoint.IMAGE_EDITS:
        _need(files, "image-edits needs --file (the image to edit)")
        _need(prompt, "image-edits needs --prompt")
        field = "image" if len(files) == 1 else "image[]"
        uploads = [Upload(field, f) for f in files] + ([Upload("mask", mask)] if mask else [])
        return [Job(endpoint, body(prompt=prompt), uploads)]
    raise QueueError(ErrorKind.INPUT, f"Unknown endpoint {endpoint.value}.")


def _need(value: Any, message: str) -> None:
    if not value:
        raise QueueError(ErrorKind.INPUT, message[0].upper() + message[1:] + ".")

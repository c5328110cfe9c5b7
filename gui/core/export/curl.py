"""A job's HTTP request as a person reads it: `request_parts` takes it apart once (method,
URL, files, form fields, body), for the details view's request text and for a curl command
a person can paste into a POSIX shell. The key is always the shell variable
`$OPENAI_API_KEY`: the real key never appears in the text."""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from typing import Any

from gui.core.api.uploads import form_fields
from gui.core.endpoints import BodyKind
from gui.core.jobs.job import Job

KEY_VARIABLE = "$OPENAI_API_KEY"


@dataclass(frozen=True)
class RequestParts:
    """A job's HTTP request taken apart: method, URL, body kind, multipart files and text fields,
    and the body as built."""
    method: str
    url: str
    kind: BodyKind
    files: list[tuple[str, str]]  # multipart (field, path)
    fields: list[tuple[str, str]]  # multipart text fields, one per value, as sent
    body: dict[str, Any]  # the body as built


def request_parts(base_url: str, job: Job) -> RequestParts:
    spec = job.endpoint.spec
    files: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    if spec.body is BodyKind.MULTIPART:
        files = [(upload.field, str(upload.path)) for upload in job.uploads]
        for name, value in form_fields(job.body).items():
            fields += [(name, item) for item in (value if isinstance(value, list) else [value])]
    return RequestParts(spec.method, base_url.rstrip("/") + spec.path, spec.body, files, fields, job.body)


def curl_command(base_url: str, job: Job) -> str:
    parts = request_parts(base_url, job)
    # Double quotes keep the variable expandable; everything else is single-quoted.
    lines = [f"curl -sS -X {parts.method} {shlex.quote(parts.url)}", f'-H "Authorization: Bearer {KEY_VARIABLE}"']
    if parts.kind is BodyKind.JSON:
        lines.append("-H 'Content-Type: application/json'")
        lines.append("-d " + shlex.quote(json.dumps(parts.body, ensure_ascii=False, indent=2)))
    lines += ["-F " + shlex.quote(f"{field}=@{path}") for field, path in parts.files]
    # --form-string: a value starting with @ or < is text, not a file to read.
    lines += ["--form-string " + shlex.quote(f"{name}={item}") for name, item in parts.fields]
    return " \\\n  ".join(lines)

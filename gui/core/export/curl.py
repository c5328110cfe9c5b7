"""A job as a curl command a person can paste into a POSIX shell. The key is always the
shell variable `$OPENAI_API_KEY`: the real key never appears in the text."""
from __future__ import annotations

import json
import shlex

from gui.core.api.uploads import form_fields
from gui.core.endpoints import BodyKind
from gui.core.jobs.job import Job

KEY_VARIABLE = "$OPENAI_API_KEY"


def curl_command(base_url: str, job: Job) -> str:
    spec = job.endpoint.spec
    url = base_url.rstrip("/") + spec.path
    # Double quotes keep the variable expandable; everything else is single-quoted.
    lines = [f"curl -sS -X {spec.method} {shlex.quote(url)}", f'-H "Authorization: Bearer {KEY_VARIABLE}"']
    if spec.body is BodyKind.JSON:
        lines.append("-H 'Content-Type: application/json'")
        lines.append("-d " + shlex.quote(json.dumps(job.body, ensure_ascii=False, indent=2)))
    elif spec.body is BodyKind.MULTIPART:
        for upload in job.uploads:
            lines.append("-F " + shlex.quote(f"{upload.field}=@{upload.path}"))
        for name, value in form_fields(job.body).items():
            for item in value if isinstance(value, list) else [value]:
                # --form-string: a value starting with @ or < is text, not a file to read.
                lines.append("--form-string " + shlex.quote(f"{name}={item}"))
    return " \\\n  ".join(lines)

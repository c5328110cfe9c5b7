"""Results on disk: the raw response and the files derived from it, all written
atomically under `results/<job id>/`. Runs in a worker thread (decoding images or big
JSON does not belong on the GUI thread)."""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .client import Reply
from .endpoints import Endpoint, ResultKind
from .errors import ErrorKind, QueueError
from .files import write_atomic as _write_atomic


def write_atomic(path: Path, data: bytes | str) -> Path:
    return _write_atomic(path, data, durable=False)  # see files.write_atomic: speed


@dataclass
class SavedResult:
    raw: Path
    files: list[Path] = field(default_factory=list)
    usage: dict[str, Any] | None = None


def save_result(results_dir: Path, job_id: str, endpoint: Endpoint, reply: Reply) -> SavedResult:
    folder = results_dir / job_id
    is_json = "json" in reply.content_type
    body = None
    if is_json:
        try:
            body = json.loads(reply.content)
        except ValueError as exc:
            raise QueueError(ErrorKind.BAD_RESPONSE, "The server's answer is not valid JSON.") from exc
    raw = write_atomic(folder / ("response.json" if is_json else "response.txt"), reply.content)
    saved = SavedResult(raw, usage=body.get("usage") if isinstance(body, dict) else None)
    kind = endpoint.spec.result
    if kind is ResultKind.TEXT:
        suffix = ".md" if endpoint is Endpoint.CHAT else ".txt"
        saved.files.append(write_atomic(folder / f"answer{suffix}", extract_text(endpoint, body)))
    elif kind is ResultKind.TRANSCRIPT:
        text = body.get("text", "") if isinstance(body, dict) else reply.content.decode("utf-8", "replace")
        if not is_json:
            fmt = _subtitle_format(reply.content)
            if fmt:
                saved.files.append(write_atomic(folder / f"transcript.{fmt}", reply.content))
        saved.files.append(write_atomic(folder / "transcript.txt", text))
    elif kind is ResultKind.IMAGES and isinstance(body, dict):
        for i, item in enumerate(body.get("data") or [], start=1):
            if isinstance(item, dict) and item.get("b64_json"):
                try:
                    png = base64.b64decode(item["b64_json"], validate=True)
                except (binascii.Error, ValueError) as exc:
                    raise QueueError(
                        ErrorKind.BAD_RESPONSE, f"Image {i} in the server's answer is not valid base64."
                    ) from exc
                saved.files.append(write_atomic(folder / f"image-{i}.png", png))
    return saved


def extract_text(endpoint: Endpoint, body: Any) -> str:
    """The text a person wants from a chat or completion answer (all choices)."""
    if not isinstance(body, dict):
        return ""
    texts = []
    for choice in body.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        if endpoint is Endpoint.CHAT:
            message = choice.get("message") or {}
            content = message.get("content")
            if isinstance(content, list):
                content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
            texts.append(content or message.get("refusal") or "")
        else:
            texts.append(choice.get("text") or "")
    return "\n\n---\n\n".join(texts)


def read_text(raw_path: str | Path, endpoint: Endpoint) -> str:
    """The displayable text of a stored result."""
    data = Path(raw_path).read_bytes()
    if Path(raw_path).suffix != ".json":
        return data.decode("utf-8", "replace")
    body = json.loads(data)
    kind = endpoint.spec.result
    if kind is ResultKind.TEXT:
        return extract_text(endpoint, body)
    if kind is ResultKind.TRANSCRIPT and isinstance(body, dict):
        return str(body.get("text", ""))
    return json.dumps(body, indent=2, ensure_ascii=False)


def _subtitle_format(content: bytes) -> str | None:
    head = content[:16].lstrip()
    if head.startswith(b"WEBVTT"):
        return "vtt"
    if head[:1].isdigit() and b"-->" in content[:200]:
        return "srt"
    return None

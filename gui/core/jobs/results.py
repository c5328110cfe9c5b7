"""Results on disk: the raw response, written atomically as `results/<job id>/response.*`
the moment a job succeeds, and the files derived from it (answer.md, transcript.srt,
image-1.png …). Text and transcript files are derived on demand (export, save, CLI), which
keeps per-job work on the event loop small; images are decoded when the job finishes,
because that is what their result is."""
from __future__ import annotations

import base64
import binascii
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.core.api.wire import Reply
from gui.core.atomic_files import write_atomic as _write_atomic
from gui.core.atomic_files import move_atomic, write_atomic_at
from gui.core.endpoints import Endpoint, ResultKind
from gui.core.errors import ErrorKind, QueueError
from gui.core.formats.image_info import extension_for
from gui.core.i18n import translate

# Replies up to this size are saved on the event loop: a thread hop costs more than the
# write. Larger ones (and images, which need decoding) go to a worker thread.
INLINE_SAVE_LIMIT = 256 * 1024


# Speed: the raw answers saved last, kept in memory until read once (a batch writes each
# into its results.jsonl right after saving it; re-reading the file cost ~40 us per job).
# Small answers only, and a few MiB at most, oldest dropped first.
_RECENT_LIMIT = 4 * 1024 * 1024
_RECENT_ITEM_LIMIT = 64 * 1024
_recent: dict[str, bytes] = {}
_recent_size = 0
_recent_lock = threading.Lock()  # images are saved in worker threads


def _remember(path: str | Path, data: bytes) -> None:
    global _recent_size
    if len(data) > _RECENT_ITEM_LIMIT:
        return
    key = str(path)
    with _recent_lock:
        old = _recent.pop(key, None)
        _recent_size += len(data) - (len(old) if old is not None else 0)
        _recent[key] = data
        while _recent_size > _RECENT_LIMIT:
            _recent_size -= len(_recent.pop(next(iter(_recent))))


def read_raw(path: str | Path) -> bytes:
    """A stored raw answer's bytes: the copy kept from saving it if it is still there
    (handed out once), else read from disk."""
    global _recent_size
    with _recent_lock:
        data = _recent.pop(str(path), None)
        if data is not None:
            _recent_size -= len(data)
    return Path(path).read_bytes() if data is None else data


def write_atomic(path: Path, data: bytes | str) -> Path:
    return _write_atomic(path, data, durable=False, private=True)  # see files.write_atomic: speed


@dataclass
class SavedResult:
    """Where a job's result went: the raw answer (a plain path string, as the store keeps it:
    speed), the files cut from it (images), and the usage it reported."""
    raw: str
    files: list[Path] = field(default_factory=list)
    usage: dict[str, Any] | None = None


def save_inline(endpoint: Endpoint, reply: Reply) -> bool:
    # A spooled answer (no `content`) is only renamed: as quick as a small write.
    return len(reply.content) <= INLINE_SAVE_LIMIT and endpoint.spec.result is not ResultKind.IMAGES


def save_result(results_dir: Path, job_id: str, endpoint: Endpoint, reply: Reply) -> SavedResult:
    is_json = "json" in reply.content_type
    body = reply.parsed
    if is_json and body is None:
        raise QueueError(ErrorKind.BAD_RESPONSE, translate("results", "The server's answer is not valid JSON."))
    # The paid answer is written first; images are decoded after it, each on its own.
    # Speed: the path as a plain string (pathlib costs ~5 us per job here).
    raw_path = os.path.join(results_dir, job_id, "response.json" if is_json else "response.txt")
    if reply.spooled:  # a big answer, on disk since it arrived: renamed into place, not written again
        move_atomic(reply.spooled, raw_path, private=True)
    else:
        write_atomic_at(raw_path, reply.content, durable=False, private=True)  # see files.write_atomic: speed
        _remember(raw_path, reply.content)
    files = _decode_images(results_dir / job_id, body) if endpoint.spec.result is ResultKind.IMAGES else []
    return SavedResult(raw_path, files, usage=body.get("usage") if isinstance(body, dict) else None)


def derive_files(raw_path: str | Path, endpoint: Endpoint) -> list[Path]:
    """The person-friendly files of a stored result, written beside it if not yet there."""
    raw = Path(raw_path)
    folder = raw.parent
    kind = endpoint.spec.result
    if kind is ResultKind.IMAGES:
        from gui.core.jobs.result_images import image_files

        return image_files(folder)
    if kind is ResultKind.TEXT:
        target = folder / ("answer.md" if endpoint is Endpoint.CHAT else "answer.txt")
        if not target.exists():
            write_atomic(target, read_text(raw, endpoint))
        return [target]
    if kind is ResultKind.TRANSCRIPT:
        files = []
        # srt/vtt as plain text, or wrapped as {"text": "1\n00:00:00,000 --> …"} (LiteLLM and others)
        content = raw.read_bytes() if raw.suffix == ".txt" else read_text(raw, endpoint).encode()
        fmt = _subtitle_format(content)
        if fmt:
            files.append(folder / f"transcript.{fmt}")
            if not files[-1].exists():
                write_atomic(files[-1], content)
        target = folder / "transcript.txt"
        if not target.exists():
            write_atomic(target, read_text(raw, endpoint))
        # A recording sent in pieces has its subtitles and JSON written already (recordings.py).
        files += [p for p in (folder / "transcript.srt", folder / "transcript.vtt", folder / "transcript.json")
                  if p not in files and p.exists()]
        return files + [target]
    return [raw]


def image_path(folder: Path, index: int, data: bytes) -> Path:
    return folder / f"image-{index}.{extension_for(data[:16])}"


# Why an image of a result is missing, by its number: a link that failed or base64 that
# could not be decoded (the gallery shows it; a later download retries links).
IMAGE_PROBLEMS_NAME = "download-errors.json"


def image_count(body: Any) -> int:
    items = body.get("data") if isinstance(body, dict) else None
    return sum(isinstance(item, dict) for item in items) if isinstance(items, list) else 0


def record_image_problems(folder: Path, problems: dict[int, str], handled: set[int]) -> None:
    """Update the problems file: the images in `handled` now have the given problems (or none)."""
    path = folder / IMAGE_PROBLEMS_NAME
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    known = {k: v for k, v in (known if isinstance(known, dict) else {}).items() if int(k) not in handled}
    known.update({str(i): reason for i, reason in problems.items()})
    if known:
        write_atomic(path, json.dumps(known, indent=1))
    elif path.exists():
        path.unlink()


def _decode_images(folder: Path, body: Any) -> list[Path]:
    """Every base64 image that decodes; one that does not is noted and the others kept."""
    files, problems, handled = [], {}, set()
    for i, item in enumerate((body or {}).get("data") or [], start=1):
        if isinstance(item, dict) and item.get("b64_json"):
            handled.add(i)
            try:
                png = base64.b64decode(item["b64_json"], validate=True)
            except (binascii.Error, ValueError, TypeError):
                problems[i] = translate("results", "Image {number} in the server's answer is not valid "
                                                   "base64.").format(number=i)
                continue
            files.append(write_atomic(image_path(folder, i, png), png))  # named by what it is (png/jpg/webp)
    if problems:
        record_image_problems(folder, problems, handled)
    return files


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


def read_usage(path: Path) -> dict[str, Any] | None:
    """The token usage a stored JSON answer reports, if any."""
    try:
        body = json.loads(path.read_bytes()) if path.suffix == ".json" else None
    except (OSError, ValueError):
        return None
    usage = body.get("usage") if isinstance(body, dict) else None
    return usage if isinstance(usage, dict) else None


def answer_text(endpoint: Endpoint, body: Any) -> str | None:
    """The text a person reads in a parsed answer, taken out here for the preview, the
    answer files and the batch exports alike: a chat or completion's choices, a
    transcript's text. None where the answer is not text (vectors, images, model lists)."""
    kind = endpoint.spec.result
    if kind is ResultKind.TEXT:
        return extract_text(endpoint, body)
    if kind is ResultKind.TRANSCRIPT and isinstance(body, dict):
        return str(body.get("text", ""))
    return None


def read_text(raw_path: str | Path, endpoint: Endpoint) -> str:
    """The displayable text of a stored result."""
    data = Path(raw_path).read_bytes()
    if Path(raw_path).suffix != ".json":
        return data.decode("utf-8", "replace")
    body = json.loads(data)
    text = answer_text(endpoint, body)
    return json.dumps(body, indent=2, ensure_ascii=False) if text is None else text


def _subtitle_format(content: bytes) -> str | None:
    head = content[:16].lstrip()
    if head.startswith(b"WEBVTT"):
        return "vtt"
    if head[:1].isdigit() and b"-->" in content[:200]:
        return "srt"
    return None


ERROR_NAME = "error.json"


def save_error(results_dir: Path, job_id: str, status: int, body: bytes | None, request_id: str | None) -> None:
    """A failed job's server answer (status, request id, body) beside where its result would
    be, so a batch's failed row keeps them as the OpenAI batch output does."""
    try:
        parsed: Any = json.loads(body) if body else None
    except (ValueError, RecursionError):
        parsed = body.decode("utf-8", "replace")[:10_000] if body else None
    record = {"status_code": status, "request_id": request_id, "body": parsed}
    try:
        write_atomic(Path(results_dir) / job_id / ERROR_NAME, json.dumps(record, ensure_ascii=False))
    except (OSError, ValueError):
        pass  # the job's failure is recorded in the store anyway


def read_error(results_dir: Path, job_id: str) -> dict[str, Any] | None:
    try:
        record = json.loads((Path(results_dir) / job_id / ERROR_NAME).read_bytes())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None

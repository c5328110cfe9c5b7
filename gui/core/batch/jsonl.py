"""The OpenAI Batch file format: JSONL in (`custom_id`, `method`, `url`, `body` per line),
JSONL out (`id`, `custom_id`, `response`, `error` per line). Reading, checking and writing
lines only: a JSONL file runs like any table, through run.py's BatchRun."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core import paths
from gui.core.endpoints import BodyKind, Endpoint
from gui.core.errors import InputProblem
from gui.core.i18n import english, translate
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import read_error, read_raw

RESULTS_NAME = "results.jsonl"


@dataclass(frozen=True)
class BatchRow:
    """One line of an OpenAI Batch input file: its custom_id, the endpoint it calls and the request body."""
    custom_id: str
    endpoint: Endpoint
    body: dict[str, Any]


def read_input(path: Path) -> list[BatchRow]:
    """Parse and check every line before anything is sent; problems name the line."""
    rows: list[BatchRow] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise InputProblem(translate("batch", "Cannot read {path}: {reason}.").format(
            path=path, reason=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise InputProblem(translate("batch", "{path} is not UTF-8 text.").format(path=path)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = {"file": path.name, "line": number}
        try:
            item = json.loads(line)
        except ValueError as exc:
            message = translate("batch", "{file} line {line} is not valid JSON ({error}).")
            raise InputProblem(message.format(**where, error=exc.msg)) from exc
        if not isinstance(item, dict):
            raise InputProblem(translate("batch", "{file} line {line} is not a JSON object.").format(
                **where))
        custom_id, url, body = item.get("custom_id"), item.get("url"), item.get("body")
        if not isinstance(custom_id, str) or not custom_id:
            raise InputProblem(translate("batch", "{file} line {line} has no custom_id.").format(
                **where))
        if custom_id in seen:
            raise InputProblem(translate("batch", "{file} line {line}: custom_id {custom_id} appears "
                                                                 "twice; each must be unique.").format(
                **where, custom_id=repr(custom_id)))
        seen.add(custom_id)
        if str(item.get("method", "POST")).upper() != "POST":
            raise InputProblem(translate("batch", "{file} line {line}: only POST requests can be "
                                                                 "batched.").format(**where))
        try:
            endpoint = Endpoint.from_batch_url(str(url or ""))
        except ValueError:
            raise InputProblem(translate("batch", "{file} line {line}: the url {url} is not a supported "
                                                                 "endpoint.").format(**where, url=repr(url))) from None
        if endpoint.spec.body is not BodyKind.JSON:
            raise InputProblem(translate("batch", "{file} line {line}: {url} needs files and cannot "
                                                                 "come from a JSONL batch.").format(**where, url=url))
        if not isinstance(body, dict):
            raise InputProblem(translate("batch", "{file} line {line} has no request body "
                                                                 "object.").format(**where))
        rows.append(BatchRow(custom_id, endpoint, body))
    if not rows:
        raise InputProblem(translate("batch", "{path} contains no requests.").format(path=path))
    return rows


def read_output(path: Path) -> dict[str, dict[str, Any]]:
    """Lines of an earlier run by custom_id; a succeeded line wins over a failed one, and
    a line cut off by a crash is ignored."""
    found: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if not isinstance(item, dict) or not isinstance(item.get("custom_id"), str):
            continue
        previous = found.get(item["custom_id"])
        if previous is None or not succeeded(previous):
            found[item["custom_id"]] = item
    return found


def succeeded(line: dict[str, Any]) -> bool:
    response = line.get("response")
    return not line.get("error") and isinstance(response, dict) and response.get("status_code") == 200


def output_line(job: Job) -> str:
    """One line of the OpenAI batch output format for a finished job (with its newline); our
    error words in English, as other programs read this file (an export shows them in the
    language shown, from the job)."""
    head = {"id": f"batch_req_{job.id}", "custom_id": job.custom_id}
    if job.state is JobState.SUCCEEDED and job.result_path:
        raw = read_raw(job.result_path)
        if not job.result_path.endswith(".json"):  # text/srt/vtt transcripts: the body is a JSON string
            raw = json.dumps(raw.decode("utf-8", "replace"), ensure_ascii=False).encode()
        elif b"\n" in raw or b"\r" in raw:  # pretty-printed: re-encode to keep one line per row
            raw = json.dumps(json.loads(raw), ensure_ascii=False).encode()
        response = {"status_code": job.http_status or 200, "request_id": job.server_job_id or job.id}
        # Speed: the stored body is spliced in as it is, not parsed and encoded again.
        return (json.dumps({**head, "response": response}, ensure_ascii=False)[:-2]
                + ', "body": ' + raw.decode("utf-8") + '}, "error": null}\n')
    line: dict[str, Any] = {**head, "response": None}
    if job.http_status:
        # The server's own answer where it was kept (results.save_error), else our words.
        record = read_error(paths.results_dir(), job.id) or {}
        line["response"] = {
            "status_code": record.get("status_code") or job.http_status,
            "request_id": record.get("request_id") or job.id,
            "body": record["body"] if record.get("body") is not None else
            {"error": {"message": english(job.error), "type": job.error_kind}},
        }
    line["error"] = {"code": job.error_kind or job.state.value,
                     "message": english(job.error) or f"The job was {job.state.value}."}
    return json.dumps(line, ensure_ascii=False) + "\n"


def batch_id_for(input_path: Path, out_dir: Path) -> str:
    key = f"{input_path.resolve()}\n{out_dir.resolve()}".encode()
    return "batch_" + hashlib.sha256(key).hexdigest()[:16]

"""What a batch with output fields does with each answer (issue 18): the answer must fit the
fields' schema. A row whose answer does not fit is asked again with the problem appended
(up to `MAX_REPAIRS` times); a server or model that refuses `json_schema` (a 400 naming it)
is asked once more in JSON mode with the schema in the system message, and the batch
remembers that for its other rows and, in the data folder, for later batches to the same
server and model. A row that still does not fit is failed with the reason ("the answer did
not fit the fields: …"), its raw answer kept in the record."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gui.core.atomic_files import write_atomic

from gui.core.extraction.answers import check_answer, repair_messages
from gui.core.extraction.fields import refuses_json_schema, with_json_object
from gui.core.i18n import translate
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import read_text

MAX_REPAIRS = 2
UNFIT_CODE = "answer_did_not_fit"
JSON_MODE_FILE = "json-mode.json"  # in the data folder: "<base URL> <model>" pairs that refuse json_schema


class Structured:
    def __init__(self, schema: dict[str, Any], *, home: Path | None = None, server: str = "",
                 max_repairs: int = MAX_REPAIRS) -> None:
        self.schema = schema
        self.max_repairs = max_repairs
        self._memory = (home / JSON_MODE_FILE) if home is not None else None
        self._server = server  # "<base URL> <model>"
        self.json_mode = server in _refusing(self._memory)  # this server or model refuses json_schema
        self.repairs: dict[str, int] = {}  # custom_id -> repairs asked for
        self.unfit: dict[str, str] = {}  # custom_id -> why its last answer did not fit

    def follow_up(self, job: Job) -> Job | None:
        """The next request for this row, or None when its outcome stands."""
        cid = job.custom_id or ""
        self.unfit.pop(cid, None)
        body = job.body
        uses_schema = (body.get("response_format") or {}).get("type") == "json_schema"
        if job.state is JobState.FAILED and uses_schema and refuses_json_schema(job.http_status, job.error or ""):
            if not self.json_mode:
                self.json_mode = True
                self._remember()
            return self._again(job, self.as_sent(body))
        if job.state is not JobState.SUCCEEDED or not job.result_path:
            return None
        try:
            answer = read_text(job.result_path, job.endpoint)
        except (OSError, ValueError):
            return None  # the record reports the unreadable answer
        checked = check_answer(answer, self.schema)
        if checked.fits:
            return None
        if self.repairs.get(cid, 0) < self.max_repairs:
            self.repairs[cid] = self.repairs.get(cid, 0) + 1
            return self._again(job, {**body, "messages": repair_messages(body.get("messages") or [], answer,
                                                                           checked.problem or "")})
        self.unfit[cid] = checked.problem or ""
        return None

    def as_sent(self, body: dict[str, Any]) -> dict[str, Any]:
        """A row's planned body as this batch sends it (JSON mode once json_schema was refused)."""
        if not self.json_mode:
            return body
        plain = {k: v for k, v in body.items() if k != "response_format"}
        return with_json_object(plain, self.schema)

    def line(self, custom_id: str, line: str) -> str:
        """The row's record line, failed with the reason if its answer did not fit."""
        problem = self.unfit.get(custom_id)
        if problem is None:
            return line
        item = json.loads(line)
        item["error"] = {"code": UNFIT_CODE, "message": translate(
            "batch_fields", "The answer did not fit the fields: {reason}").format(reason=problem)}
        return json.dumps(item, ensure_ascii=False) + "\n"

    def _remember(self) -> None:
        if self._memory is None:
            return
        known = _refusing(self._memory) | {self._server}
        try:
            write_atomic(self._memory, json.dumps(sorted(known), ensure_ascii=False, indent=1))
        except OSError:
            pass  # remembered for this batch only

    @staticmethod
    def _again(job: Job, body: dict[str, Any]) -> Job:
        return Job(job.endpoint, body, list(job.uploads), batch_id=job.batch_id, custom_id=job.custom_id)


def _refusing(memory: Path | None) -> set[str]:
    try:
        known = json.loads(memory.read_text(encoding="utf-8")) if memory is not None else []
    except (OSError, ValueError):
        return set()
    return {str(k) for k in known} if isinstance(known, list) else set()

"""A job: one request to the queue, its state and the timestamps of every transition."""
from __future__ import annotations

import enum
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from gui.core.api.wire import Request, Upload
from gui.core.endpoints import Endpoint
from gui.core.i18n import QT_TRANSLATE_NOOP, translate


class JobState(enum.Enum):
    QUEUED = "queued"
    SUBMITTING = "submitting"  # connecting and uploading (multipart, with progress)
    WAITING = "waiting"  # sent; the server holds the request open until the job is done
    POLLING = "polling"  # 202: the server gave us a job id; we ask for its status
    RETRYING = "retrying"  # waiting before the next attempt
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # in flight when the app stopped

    @property
    def terminal(self) -> bool:
        return self in TERMINAL

    @property
    def in_flight(self) -> bool:
        return self in IN_FLIGHT

    @property
    def label(self) -> str:
        """The state's name for people, translated."""
        return translate("jobs", _STATE_LABELS[self])


_STATE_LABELS = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("jobs", "Queued"),
    JobState.SUBMITTING: QT_TRANSLATE_NOOP("jobs", "Submitting"),
    JobState.WAITING: QT_TRANSLATE_NOOP("jobs", "Waiting"),
    JobState.POLLING: QT_TRANSLATE_NOOP("jobs", "Polling"),
    JobState.RETRYING: QT_TRANSLATE_NOOP("jobs", "Retrying"),
    JobState.SUCCEEDED: QT_TRANSLATE_NOOP("jobs", "Succeeded"),
    JobState.FAILED: QT_TRANSLATE_NOOP("jobs", "Failed"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("jobs", "Cancelled"),
    JobState.INTERRUPTED: QT_TRANSLATE_NOOP("jobs", "Interrupted"),
}


TERMINAL = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED})
IN_FLIGHT = frozenset({JobState.SUBMITTING, JobState.WAITING, JobState.POLLING, JobState.RETRYING})

# Which transitions are legal; anything else is a bug in the engine and raises.
ALLOWED: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.SUBMITTING, JobState.WAITING, JobState.CANCELLED, JobState.INTERRUPTED, JobState.FAILED}),
    JobState.SUBMITTING: frozenset({JobState.WAITING, JobState.POLLING} | TERMINAL | {JobState.RETRYING}),
    JobState.WAITING: frozenset({JobState.POLLING, JobState.RETRYING} | TERMINAL),
    JobState.POLLING: frozenset({JobState.POLLING, JobState.RETRYING} | TERMINAL),
    JobState.RETRYING: frozenset({JobState.SUBMITTING, JobState.WAITING, JobState.POLLING} | TERMINAL),
    # A finished job can be sent again (resubmit interrupted/failed, re-run failed rows).
    JobState.SUCCEEDED: frozenset({JobState.QUEUED}),
    JobState.FAILED: frozenset({JobState.QUEUED}),
    JobState.CANCELLED: frozenset({JobState.QUEUED}),
    JobState.INTERRUPTED: frozenset({JobState.QUEUED, JobState.POLLING, JobState.FAILED}),
}


_last_id = 0  # the last id this process made, as a number: ids only grow within a process
_id_lock = threading.Lock()


def new_job_id() -> str:
    """24 hex digits: the time in milliseconds, then 48 random bits. Time first, so a new
    job's id sorts last in the store's id indexes (the jobs' and their timelines'): storing a
    job touches their last pages instead of random ones, ~25 % less CPU per stored job in a
    history of 100,000 (ids were 64 random bits until 2026-12). Within a process each id is
    above the last (a batch makes thousands in a millisecond); another process's ids of the
    same millisecond differ in their random bits. No UUID object: speed."""
    global _last_id
    value = time.time_ns() // 1_000_000 << 48 | int.from_bytes(os.urandom(6), "big")
    with _id_lock:
        if value <= _last_id:
            value = _last_id + 1
        _last_id = value
    return f"{value:024x}"


# What a search of the history looks in, declared once: the store's SQL search and the job
# table's filter box both read it (the table matches state and endpoint as it shows them).
SEARCHED_FIELDS = ("summary", "model", "state", "endpoint", "error", "custom_id")


@dataclass
class Job:
    """One request to the queue and everything known about it: its body and uploads, its
    state and times, the server's ids and the result's files. The store keeps it; the
    scheduler moves it."""
    endpoint: Endpoint
    body: dict[str, Any]
    uploads: list[Upload] = field(default_factory=list)
    id: str = field(default_factory=new_job_id)
    state: JobState = JobState.QUEUED
    created_at: float = field(default_factory=time.time)
    updated_at: float = 0.0
    started_at: float | None = None  # first attempt began
    finished_at: float | None = None
    attempts: int = 0
    error: str | None = None  # plain words for people
    error_kind: str | None = None
    http_status: int | None = None
    server_job_id: str | None = None  # 202 flow: stored before polling starts
    status_url: str | None = None
    result_path: str | None = None  # the raw response, written atomically
    usage: dict[str, Any] | None = None
    batch_id: str | None = None
    custom_id: str | None = None
    owner: str | None = None  # the process running the job, "<pid>@<start time>" (owner.py)
    parent_id: str | None = None  # a piece of this recording job (recordings.py); not shown on its own
    seq: int | None = None  # the store's insertion order (a paging cursor), set when read back
    # Live-only (not stored): upload progress, retry countdown, server queue position.
    progress: float | None = None
    retry_at: float | None = None
    queue_position: int | None = None
    pieces: tuple[int, int] | None = None  # a recording's pieces back, of all

    def __post_init__(self) -> None:
        if not self.updated_at:
            self.updated_at = self.created_at

    @property
    def short_id(self) -> str:
        """Eight hex digits that tell jobs apart in a file name: the id's random end (its
        start is the time, the same for jobs made within a minute)."""
        return self.id[-8:]

    @property
    def model(self) -> str:
        return str(self.body.get("model") or "")

    @property
    def request(self) -> Request:
        return Request(self.endpoint, self.body, self.uploads)

    @property
    def summary(self) -> str:
        """A short description of what was asked, for the table."""
        if self.uploads:
            return ", ".join(u.path.rsplit("/", 1)[-1] for u in self.uploads)
        body = self.body
        messages = body.get("messages")
        if isinstance(messages, list):
            for message in reversed(messages):
                if isinstance(message, dict) and message.get("role") == "user":
                    return _shorten(_content_text(message.get("content")))
        for key in ("prompt", "input"):
            if key in body:
                value = body[key]
                if isinstance(value, list):  # several embeddings inputs: the texts, not a Python list
                    return _shorten(" · ".join(v if isinstance(v, str) else str(v) for v in value))
                return _shorten(value if isinstance(value, str) else str(value))
        return ""

    def elapsed(self, now: float | None = None) -> float | None:
        return elapsed_between(self.started_at, self.finished_at, now)


def elapsed_between(started_at: float | None, finished_at: float | None, now: float | None = None) -> float | None:
    """A job's run time from its stored times (until `now` while it runs); None if it never started."""
    if started_at is None:
        return None
    end = finished_at if finished_at is not None else (now or time.time())
    return max(0.0, end - started_at)


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}, ...]
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

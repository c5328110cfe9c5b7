"""202-mode jobs: the answer is computed at submission and released once `latency` has passed."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from gui.sandbox.replies import Reply


@dataclass
class Job:
    """A 202-mode job: its id, the path style it came in under, when it was submitted and when it is
    ready, and the reply it then gives."""
    id: str
    prefix: str  # path style the job was submitted under, so its URLs stay in that style
    submitted: float  # monotonic clock
    ready_at: float
    reply: Reply  # the OpenAI body, or the error reply for a job decided to fail
    failed: bool

    def status(self, now: float) -> str:
        if now >= self.ready_at:
            return "failed" if self.failed else "succeeded"
        # Queued for the first half of its time, running for the second: clients see both.
        halfway = self.submitted + (self.ready_at - self.submitted) / 2
        return "queued" if now < halfway else "in_progress"


class JobStore:
    """Jobs by id. Read and written on the server's loop; cleared from the test thread."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._clock()

    def add(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job

    def get(self, job_id: str, ttl: float) -> Job | None:
        """The job, unless unknown or finished more than ttl seconds ago (then it is forgotten)."""
        now = self._clock()
        with self._lock:
            expired = [j.id for j in self._jobs.values() if now > j.ready_at + ttl]
            for gone in expired:
                del self._jobs[gone]
            return self._jobs.get(job_id)

    def queue_position(self, job: Job) -> int:
        """How many unfinished jobs were submitted before this one."""
        now = self._clock()
        with self._lock:
            return sum(1 for j in self._jobs.values() if j.submitted < job.submitted and j.ready_at > now)

    def clear(self) -> None:
        with self._lock:
            self._jobs.clear()

    def __len__(self) -> int:
        return len(self._jobs)


def status_body(job: Job, status: str, base_url: str, position: int) -> dict[str, Any]:
    body: dict[str, Any] = {"id": job.id, "object": "queue.job", "status": status}
    if status in ("queued", "in_progress"):
        body["queue_position"] = position if status == "queued" else 0
    elif status == "succeeded":
        body["response_url"] = f"{base_url}{job.prefix}/jobs/{job.id}/result"
    else:
        body["error"] = job.reply.body.get("error", job.reply.body)
    return body

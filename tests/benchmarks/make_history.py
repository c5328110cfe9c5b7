"""Fill a job store with N finished jobs (for B4 and B8), fast: a transaction per 50,000."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore


def make_history(home: Path, count: int) -> None:
    store = JobStore.open_default(home)
    now = time.time()
    for start in range(0, count, 50_000):  # memory: a million Job objects at once would be ~1 GB
        store.add_many(_jobs(range(start, min(count, start + 50_000)), count, now))
    store.close()


def _jobs(numbers: range, count: int, now: float) -> list[Job]:
    jobs = []
    for i in numbers:
        job = Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct",
                                  "messages": [{"role": "user", "content": f"question {i}"}]},
                  created_at=now - count + i, state=JobState.SUCCEEDED if i % 10 else JobState.FAILED)
        job.started_at, job.finished_at, job.attempts = job.created_at, job.created_at + 1.2, 1
        if job.state is JobState.FAILED:
            job.error = "The server had a problem (500). This is usually temporary; try again in a moment."
        jobs.append(job)
    return jobs


if __name__ == "__main__":
    make_history(Path(sys.argv[1]), int(sys.argv[2]))

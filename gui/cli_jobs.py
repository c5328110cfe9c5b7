"""`queue-desk jobs`: the job history, newest first, as a table for people or JSON for scripts."""
from __future__ import annotations

import argparse
import json
import sys
import time

from gui.core.i18n import english


def list_jobs(args: argparse.Namespace) -> int:
    from gui.core.jobs.job import JobState
    from gui.core.jobs.store import JobStore

    store = JobStore.open_default()
    try:
        store.recover()  # a crashed process's jobs show as interrupted, not as running for ever
        # A script reading --json must not be cut short silently; a person reading the table is.
        limit = args.limit if args.limit is not None else (0 if args.json else 50)
        jobs = store.jobs(states=[JobState(s) for s in args.state] if args.state else None, batch_id=args.batch,
                          limit=limit if limit > 0 else None, newest_first=True)
    finally:
        store.close()
    if args.json:
        print(json.dumps([_job_dict(j) for j in jobs], indent=2, ensure_ascii=False))
        return 0
    if not jobs:
        print("No jobs" + (" match" if args.state or args.batch else " yet") + ".", file=sys.stderr)
        return 0
    row = "{:<16}  {:<19}  {:<11} {:<16} {:<24} {}"
    print(row.format("ID", "CREATED", "STATE", "ENDPOINT", "MODEL", "PROMPT / ERROR"))
    for job in jobs:
        created = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(job.created_at))
        line = row.format(job.id, created, job.state.value, job.endpoint.value, job.model[:24], job.summary[:40])
        print(line + (f"  {english(job.error)}" if job.error else ""))
    return 0


def _job_dict(job) -> dict:
    return {
        "id": job.id,
        "state": job.state.value,
        "endpoint": job.endpoint.value,
        "model": job.model,
        "summary": job.summary,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "attempts": job.attempts,
        "error": english(job.error),
        "http_status": job.http_status,
        "result_path": job.result_path,
        "batch_id": job.batch_id,
        "custom_id": job.custom_id,
    }

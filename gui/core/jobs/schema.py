"""The job database's layout: one declarative schema for new files, the steps that bring
older files up to it, and the mapping between a row and a Job or a Transition.

An error and a timeline detail are kept as English words (what the text search and older
readers see) with their recipe (i18n.for_store), so they are shown in the language shown
then; rows written before recipes were kept have words only, shown as they were written."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from gui.core.api.wire import Upload
from gui.core.endpoints import Endpoint
from gui.core.i18n import for_store, from_store
from gui.core.jobs import search as text_search
from gui.core.jobs.job import Job, JobState

SCHEMA_VERSION = 6

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    endpoint TEXT NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    uploads TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    error_kind TEXT,
    http_status INTEGER,
    server_job_id TEXT,
    status_url TEXT,
    result_path TEXT,
    usage TEXT,
    batch_id TEXT,
    custom_id TEXT,
    owner TEXT,
    parent_id TEXT,
    error_recipe TEXT
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state);
CREATE INDEX IF NOT EXISTS jobs_batch_seq ON jobs(batch_id, seq);
CREATE INDEX IF NOT EXISTS jobs_endpoint ON jobs(endpoint);
CREATE INDEX IF NOT EXISTS jobs_parent ON jobs(parent_id) WHERE parent_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS transitions (
    job_id TEXT NOT NULL,
    at REAL NOT NULL,
    state TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    detail TEXT,
    detail_recipe TEXT
);
CREATE INDEX IF NOT EXISTS transitions_job ON transitions(job_id);
"""
# version -> the statements that bring a file of that version to the next one
MIGRATIONS = {
    1: ["ALTER TABLE jobs ADD COLUMN owner TEXT"],  # which process runs the job (owner.py)
    2: ["CREATE INDEX IF NOT EXISTS jobs_endpoint ON jobs(endpoint)"],  # searching by endpoint (search.py)
    3: ["ALTER TABLE jobs ADD COLUMN parent_id TEXT",  # a recording's pieces (recordings.py)
        "CREATE INDEX IF NOT EXISTS jobs_parent ON jobs(parent_id) WHERE parent_id IS NOT NULL"],
    4: ["ALTER TABLE jobs ADD COLUMN error_recipe TEXT",  # errors in the language shown (i18n.Message)
        "ALTER TABLE transitions ADD COLUMN detail_recipe TEXT"],
    # A batch's jobs in seq order straight from the index: with (batch_id, custom_id) each page
    # of a batch sorted all its jobs again (reopening a million-row batch took ~14 minutes).
    5: ["DROP INDEX IF EXISTS jobs_batch",
        "CREATE INDEX IF NOT EXISTS jobs_batch_seq ON jobs(batch_id, seq)"],
}


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring a file at schema `version` (0: a new file) to SCHEMA_VERSION, in the caller's
    write transaction: a new file gets the schema as it is today, an older one each step since."""
    if version == 0:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
    else:
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                try:
                    db.execute(statement)
                except sqlite3.OperationalError as exc:
                    # A column a newer build already added (a file opened by it, then by an
                    # older one): the step is done.
                    if "duplicate column name" not in str(exc):
                        raise
    if version < 3 and text_search.has_trigram(db):
        for statement in text_search.INDEX:
            db.execute(statement)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

COLUMNS = (
    "id endpoint model summary body uploads state created_at updated_at started_at finished_at "
    "attempts error error_kind http_status server_job_id status_url result_path usage batch_id custom_id owner "
    "parent_id error_recipe"
).split()
MUTABLE = COLUMNS[6:]  # everything from `state` on can change after insert
INSERT_EVENT = "INSERT INTO transitions (job_id, at, state, attempt, detail, detail_recipe) VALUES (?,?,?,?,?,?)"
SELECT_EVENTS = "SELECT at, state, attempt, detail, detail_recipe FROM transitions WHERE job_id=? ORDER BY rowid"


@dataclass(frozen=True)
class Transition:
    """A step of a job's timeline: when it moved to which state, in which attempt, and why."""
    at: float
    state: JobState
    attempt: int
    detail: str | None  # shown with i18n.shown: it may be a Message


def event_row(job: Job, at: float, detail: str | None) -> tuple:
    """The row of INSERT_EVENT: `job` has just moved to its state."""
    return (job.id, at, job.state.value, job.attempts, *for_store(detail))


def transition_from_row(row: tuple) -> Transition:
    at, state, attempt, detail, recipe = row
    return Transition(at, JobState(state), attempt, from_store(detail, recipe))

def insert_row(job: Job) -> tuple:
    return (
        job.id,
        job.endpoint.value,
        job.model,
        job.summary,
        json.dumps(job.body, ensure_ascii=False),
        json.dumps([[u.field, u.path] for u in job.uploads]),
        *mutable_row(job),
    )


def mutable_row(job: Job) -> tuple:
    error, error_recipe = for_store(job.error)
    return (
        job.state.value,
        job.created_at,
        job.updated_at,
        job.started_at,
        job.finished_at,
        job.attempts,
        error,
        job.error_kind,
        job.http_status,
        job.server_job_id,
        job.status_url,
        job.result_path,
        json.dumps(job.usage) if job.usage is not None else None,
        job.batch_id,
        job.custom_id,
        job.owner,
        job.parent_id,
        error_recipe,
    )


def job_from_row(row: tuple, seq: int | None = None) -> Job:
    r = dict(zip(COLUMNS, row))
    return Job(
        seq=seq,
        id=r["id"],
        endpoint=Endpoint(r["endpoint"]),
        body=json.loads(r["body"]),
        uploads=[Upload(f, p) for f, p in json.loads(r["uploads"])],
        state=JobState(r["state"]),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        started_at=r["started_at"],
        finished_at=r["finished_at"],
        attempts=r["attempts"],
        error=from_store(r["error"], r["error_recipe"]),
        error_kind=r["error_kind"],
        http_status=r["http_status"],
        server_job_id=r["server_job_id"],
        status_url=r["status_url"],
        result_path=r["result_path"],
        usage=json.loads(r["usage"]) if r["usage"] else None,
        batch_id=r["batch_id"],
        custom_id=r["custom_id"],
        owner=r["owner"],
        parent_id=r["parent_id"],
    )

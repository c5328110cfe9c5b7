"""Text search over the history through the trigram index: it finds what the plain scan
finds, stays in step with inserts, changes and deletes (by triggers), is built for an
existing history on upgrade, and is what SQLite actually reads."""
from __future__ import annotations

import sqlite3

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore


def chat_job(prompt: str, **fields) -> Job:
    return Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": prompt}]},
               **fields)


def found(store: JobStore, text: str) -> list[str]:
    return [job.summary for job in store.jobs(search=text)]


def test_substrings_are_found_case_insensitively_in_every_searched_field(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    store.add(chat_job("Invoice overdue for März"))
    store.add(chat_job("Weather report"))
    store.add(chat_job("Meeting notes", batch_id="b", custom_id="row-ABC-17"))
    assert found(store, "VOICE over") == ["Invoice overdue for März"]
    assert found(store, "märz") == ["Invoice overdue for März"]
    assert found(store, "abc-17") == ["Meeting notes"]
    assert len(found(store, "llama-3.3")) == 3  # the model
    assert found(store, "oi") == ["Invoice overdue for März"]  # shorter than a trigram: the scan
    assert found(store, 'a "quoted" text') == []


def test_the_index_follows_changes_and_deletions(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    job = store.add(chat_job("first question"))
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.FAILED, "boom", error="Upstream gateway timeout")
    assert found(store, "gateway") == ["first question"]
    assert found(store, "failed") == ["first question"]  # the state, through its own index
    store.delete([job.id])
    assert found(store, "gateway") == [] and found(store, "first") == []


def test_an_older_history_is_indexed_on_upgrade(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path)
    for i in range(50):
        store.add(chat_job(f"question {i}"))
    store.close()
    db = sqlite3.connect(path)  # as version 2 left it: no index
    db.executescript("DROP TABLE jobs_text; DROP TRIGGER IF EXISTS jobs_text_insert; "
                     "DROP TRIGGER IF EXISTS jobs_text_delete; DROP TRIGGER IF EXISTS jobs_text_update; "
                     "DROP INDEX jobs_endpoint; DROP INDEX jobs_parent; ALTER TABLE jobs DROP COLUMN parent_id; "
                     "PRAGMA user_version=2;")
    db.close()
    store = JobStore(path)
    assert found(store, "question 42") == ["question 42"]
    assert store._db.execute("PRAGMA user_version").fetchone()[0] >= 3


def test_sqlite_reads_the_index_not_every_row(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    store.add(chat_job("x"))
    traced: list[str] = []
    store._db.set_trace_callback(traced.append)
    store.jobs(search="invoice", newest_first=True, limit=100)
    store._db.set_trace_callback(None)
    select = next(s for s in traced if s.lstrip().upper().startswith("SELECT") and "FROM jobs" in s)
    plan = " ".join(row[-1] for row in store._db.execute("EXPLAIN QUERY PLAN " + select))
    assert "VIRTUAL TABLE INDEX" in plan and "SCAN jobs" not in plan.replace("SCAN jobs_text", ""), plan

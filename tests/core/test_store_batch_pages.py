"""A batch's jobs are read a page at a time, newest first (reopening a batch, the table's
batch filter): each page must come straight from an index in seq order. With an index on
(batch_id, custom_id) SQLite sorted all of the batch's jobs again for every page, so
reopening a million-row batch took minutes."""
from __future__ import annotations

import sqlite3

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job
from gui.core.jobs.store import JobStore


def batch_job(i: int, batch_id: str) -> Job:
    return Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": f"q{i}"}]},
               batch_id=batch_id, custom_id=f"row-{i}")


def page_plan(store: JobStore, **query) -> str:
    traced: list[str] = []
    store._db.set_trace_callback(traced.append)
    store.jobs(**query)
    store._db.set_trace_callback(None)
    select = next(s for s in traced if s.lstrip().upper().startswith("SELECT") and "FROM jobs" in s)
    return " ".join(row[-1] for row in store._db.execute("EXPLAIN QUERY PLAN " + select))


def test_a_batch_pages_newest_first_from_the_index(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    store.add_many([batch_job(i, "b1" if i % 2 else "b2") for i in range(40)])
    newest = store.jobs(batch_id="b1", newest_first=True, limit=5)
    assert [j.custom_id for j in newest] == ["row-39", "row-37", "row-35", "row-33", "row-31"]
    after = store.jobs(batch_id="b1", newest_first=True, limit=5, before_seq=newest[-1].seq)
    assert [j.custom_id for j in after] == ["row-29", "row-27", "row-25", "row-23", "row-21"]
    plan = page_plan(store, batch_id="b1", newest_first=True, limit=5, before_seq=newest[-1].seq)
    assert "jobs_batch_seq" in plan and "TEMP B-TREE" not in plan, plan


def test_an_older_store_gets_the_index_on_upgrade(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path)
    store.add_many([batch_job(i, "b1") for i in range(10)])
    store.close()
    with sqlite3.connect(path) as db:  # as version 5 left it
        db.executescript("DROP INDEX jobs_batch_seq; CREATE INDEX jobs_batch ON jobs(batch_id, custom_id); "
                         "PRAGMA user_version=5;")
    db.close()
    store = JobStore(path)
    indexes = {row[0] for row in store._db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "jobs_batch_seq" in indexes and "jobs_batch" not in indexes
    assert "TEMP B-TREE" not in page_plan(store, batch_id="b1", newest_first=True, limit=3, before_seq=8)
    assert [j.custom_id for j in store.jobs(batch_id="b1", newest_first=True, limit=3, before_seq=8)] == \
        ["row-6", "row-5", "row-4"]


def test_a_batch_outline_pages_from_the_index_without_the_requests(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    store.add_many([batch_job(i, "b1" if i % 2 else "b2") for i in range(40)])
    traced: list[str] = []
    store._db.set_trace_callback(traced.append)
    outline = list(store.batch_outline("b1", page=6))
    store._db.set_trace_callback(None)
    assert [row[1] for row in outline] == [f"row-{i}" for i in range(39, 0, -2)]  # every job, across 4 pages
    assert [row[0] for row in outline] == [j.id for j in store.jobs(batch_id="b1", newest_first=True)]
    assert all(row[2] == "queued" for row in outline)
    pages = [s for s in traced if s.lstrip().upper().startswith("SELECT") and "batch_id" in s]
    assert len(pages) == 5  # 20 jobs in pages of 6, and the empty page that ends it
    plan = " ".join(row[-1] for row in store._db.execute("EXPLAIN QUERY PLAN " + pages[1]))
    assert "jobs_batch_seq" in plan and "TEMP B-TREE" not in plan, plan

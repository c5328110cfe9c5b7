"""The job store: SQLite in WAL mode. A job is written before its request leaves and
every state change is recorded with its timestamp, so a crash loses nothing."""
from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gui.core import paths
from gui.core.atomic_files import private_file, private_folder, remove_stale_parts
from gui.core.endpoints import Endpoint, ResultKind
from gui.core.errors import InputProblem
from gui.core.i18n import translate
from gui.core.jobs import search as text_search
from gui.core.jobs.job import ALLOWED, Job, JobState
from gui.core.jobs.owner import current_owner, is_alive
from gui.core.jobs.results import read_usage
from gui.core.jobs.schema import (
    COLUMNS,
    INSERT_EVENT,
    MUTABLE,
    SCHEMA_VERSION,
    SELECT_EVENTS,
    Transition,
    event_row,
    insert_row,
    job_from_row,
    migrate,
    mutable_row,
    transition_from_row,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT = 5.0  # seconds a write waits for another process's write lock


class IllegalTransition(RuntimeError):
    pass


def busy_message(path: Path) -> str:
    return translate("store", "The job database {path} is locked by another program. Wait a moment and try "
                              "again; if it stays locked, close other programs that use this data folder.").format(
        path=path)


class JobStore:
    def __init__(self, path: str | Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.results_dir = private_folder(private_folder(self.path.parent) / "results")
        private_file(self.path)  # 0600; SQLite gives its -wal and -shm files the same mode
        self.owner = current_owner()  # every job this store writes belongs to this process
        self.busy_timeout = busy_timeout
        # check_same_thread=False: the GUI may read from a worker thread; the lock
        # serialises every use of the one connection.
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        # Deferred writes (see transition): the latest fields per job, and the events. They
        # leave these only once committed: a write refused by a lock is tried again later.
        self._pending_jobs: dict[str, Job] = {}
        self._pending_events: list[tuple] = []
        try:
            self._set_busy_timeout(busy_timeout)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a power cut may lose the last commits but never corrupts
            # the file; an app crash (the common case) loses nothing.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
            self._text_index = text_search.has_index(self._db)
        except sqlite3.OperationalError as exc:
            self._db.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise InputProblem(busy_message(self.path)) from exc
            raise

    def _set_busy_timeout(self, seconds: float) -> None:
        self._db.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")

    @classmethod
    def open_default(cls, home: Path | None = None) -> JobStore:
        return cls(paths.database_path(home))

    def close(self) -> None:
        with self._lock:
            try:
                self._flush()
            except sqlite3.OperationalError:  # locked for longer than the busy timeout, twice
                try:
                    self._flush()
                except sqlite3.OperationalError:
                    log.error("%d job changes could not be written: %s", len(self._pending_jobs),
                              busy_message(self.path))
            self._db.close()

    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(translate("store", "The job database {path} was written by a newer Queue Desk. "
                                                      "Update the app.").format(path=self.path))
            if version == SCHEMA_VERSION:
                return  # nothing to write: opening takes no write lock
            with self._transaction():
                migrate(self._db, version)

    # -- writing ----------------------------------------------------------------

    def add(self, job: Job) -> Job:
        self.add_many([job])
        return job

    def add_many(self, jobs: Iterable[Job]) -> None:
        """Insert jobs (one transaction, so a batch of thousands is one disk sync)."""
        rows, events = [], []
        for job in jobs:
            job.owner = self.owner
            rows.append(insert_row(job))
            events.append(event_row(job, job.created_at, None))
        with self._lock, self._transaction():
            self._write_pending()
            self._db.executemany(
                f"INSERT INTO jobs ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})", rows
            )
            self._db.executemany(INSERT_EVENT, events)
        self._committed()

    def transition(
        self, job: Job, state: JobState, detail: str | None = None, *, defer: bool = False, **changes: Any
    ) -> Job:
        """Move `job` to `state` (checked against the lifecycle), apply `changes` to its
        fields, and record both in one transaction.

        `defer` queues the write for the next `flush()` instead, so a burst of changes
        costs one transaction (the scheduler writes behind: within write_behind.FLUSH_DELAY, 50 ms)."""
        if state not in ALLOWED[job.state]:
            raise IllegalTransition(f"job {job.id}: {job.state.value} -> {state.value}")
        now = time.time()
        job.state = state
        job.updated_at = now
        job.owner = self.owner
        for name, value in changes.items():
            setattr(job, name, value)
        if state in (JobState.SUBMITTING, JobState.WAITING) and job.started_at is None:
            job.started_at = now
        if state.terminal:
            job.finished_at = now
        elif state is JobState.QUEUED:
            job.finished_at = None
            job.started_at = None
        with self._lock:
            self._pending_jobs[job.id] = job
            self._pending_events.append(event_row(job, now, detail))
            if not defer:
                self._flush()
        return job

    def flush(self, timeout: float | None = None) -> None:
        """Write the deferred changes. Raises sqlite3.OperationalError if another process
        holds the write lock for longer than `timeout` (default: the busy timeout); the
        changes stay pending and the next flush tries again."""
        with self._lock:
            if timeout is None or not self._pending_jobs:
                self._flush()
                return
            self._set_busy_timeout(timeout)
            try:
                self._flush()
            finally:
                self._set_busy_timeout(self.busy_timeout)

    def _flush(self) -> None:
        if self._pending_jobs:
            with self._transaction():
                self._write_pending()
            self._committed()

    def _flush_for_reading(self) -> None:
        """Readers flush first so they see this process's latest changes; if the disk is
        locked they read what is committed (the changes stay pending for the next flush)."""
        try:
            self._flush()
        except sqlite3.OperationalError as exc:
            log.warning("job changes not written yet (%s); reading the committed state", exc)

    def _committed(self) -> None:
        self._pending_jobs.clear()
        self._pending_events.clear()

    def _write_pending(self) -> None:
        jobs, events = list(self._pending_jobs.values()), self._pending_events
        self._db.executemany(
            f"UPDATE jobs SET {','.join(c + '=?' for c in MUTABLE)} WHERE id=?",
            [(*mutable_row(j), j.id) for j in jobs],
        )
        self._db.executemany(INSERT_EVENT, events)

    def save(self, job: Job) -> None:
        """Store a job's fields without a state change (e.g. the server's job id)."""
        job.updated_at = time.time()
        job.owner = self.owner
        with self._lock:
            self._pending_jobs[job.id] = job
            self._flush()

    def delete(self, job_ids: Iterable[str]) -> list[str]:
        """Remove finished jobs from the history: their rows, timelines and `results/<id>/`
        folders. Jobs still queued or in flight are left alone (their requests may still
        come back and write results); returns the ids actually deleted."""
        with self._lock:
            self._flush()  # first: the reads below must not flush inside the transaction
            return self._delete(job_ids)

    def _delete(self, job_ids: Iterable[str]) -> list[str]:
        with self._transaction():
            ids = [i for i in dict.fromkeys(job_ids)
                   if (job := self.get(i)) is not None and job.state.terminal]
            ids += [j.id for i in list(ids) for j in self.jobs(pieces_of=i)]  # a recording takes its pieces along
            rows = [(i,) for i in ids]
            self._db.executemany("DELETE FROM jobs WHERE id=?", rows)
            self._db.executemany("DELETE FROM transitions WHERE job_id=?", rows)
        for job_id in ids:
            folder = self.results_dir / job_id
            if job_id and folder.parent == self.results_dir:  # never an id like ".." or ""
                shutil.rmtree(folder, ignore_errors=True)
        return ids

    def recover(self) -> tuple[list[Job], list[Job]]:
        """After a start: jobs whose process is gone (crashed, killed, closed) and that were
        in flight become `interrupted` (shown, one click to resubmit); those with a stored
        status URL go back to polling, now owned by this process. Jobs of processes that
        still run (a CLI batch while the window opens) are theirs and left alone.
        Returns (interrupted, to_poll)."""
        interrupted, to_poll = [], []
        alive: dict[str | None, bool] = {}
        for job in self.jobs(states=[JobState.QUEUED, *(s for s in JobState if s.in_flight)], with_pieces=True):
            if job.owner not in alive:
                alive[job.owner] = is_alive(job.owner) and job.owner != self.owner
            if alive[job.owner]:
                continue
            if job.status_url:
                if job.state is not JobState.POLLING:
                    self.transition(job, JobState.INTERRUPTED, translate("store", "app stopped"))
                    self.transition(job, JobState.POLLING, translate("store", "resumed after restart"))
                else:
                    self.save(job)  # claimed: this process resumes its polling
                to_poll.append(job)
            elif (saved := self._saved_answer(job)) is not None:  # answered: not paid for again
                self.transition(job, JobState.SUCCEEDED, translate("store", "answer saved before the app stopped"),
                                result_path=str(saved), http_status=200, usage=read_usage(saved), error=None,
                                error_kind=None)
            else:
                self.transition(job, JobState.INTERRUPTED, translate("store", "app stopped while the job was in "
                                                                              "flight"))
                interrupted.append(job)
            remove_stale_parts(self.results_dir / job.id)  # a result the dead process was writing
        return interrupted, to_poll

    def _saved_answer(self, job: Job) -> Path | None:
        """The answer a dead process received and saved (atomically: a file there is whole)
        but did not live to record. Not for images: their url images may not be fetched yet."""
        if job.started_at is None or job.state is JobState.QUEUED or job.endpoint.spec.result is ResultKind.IMAGES:
            return None
        for name in ("response.json", "response.txt"):  # as results.save_result names them
            path = self.results_dir / job.id / name
            try:
                if path.stat().st_mtime >= job.started_at - 1.0:  # this attempt's, not an earlier run's
                    return path
            except OSError:
                continue
        return None

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> None:
            # IMMEDIATE: take the write lock now (waiting up to the busy timeout), not at the
            # first write, where a lock taken by another process meanwhile fails at once.
            self.db.execute("BEGIN IMMEDIATE")

        def __exit__(self, exc_type: object, *rest: object) -> None:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")

    def _transaction(self) -> JobStore._Tx:
        return JobStore._Tx(self._db)

    # -- reading ----------------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            self._flush_for_reading()
            row = self._db.execute(f"SELECT seq,{','.join(COLUMNS)} FROM jobs WHERE id=?", (job_id,)).fetchone()
        return job_from_row(row[1:], seq=row[0]) if row else None

    def jobs(
        self,
        *,
        states: Iterable[JobState] | None = None,
        batch_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
        before_seq: int | None = None,
        search: str | None = None,
        search_states: Iterable[JobState] = (),
        search_endpoints: Iterable[Endpoint] = (),
        pieces_of: str | None = None,
        with_pieces: bool = False,
    ) -> list[Job]:
        """Jobs in insertion order. Page deep histories with `before_seq` (a cursor: the
        `seq` of the last job of the previous page), which stays fast where OFFSET does not.
        `search` keeps jobs whose prompt, model, state, endpoint, error or custom id
        contains the text (case-insensitive), in SQL, so a filter finds old jobs without
        loading the whole history. Jobs in `search_states` or `search_endpoints` match as well:
        the window passes those whose translated name contains the text, since the database
        holds the English values. A recording's pieces are left out (the recording stands for
        them) unless `with_pieces`; `pieces_of` lists one recording's pieces."""
        return list(self._iter(states=states, batch_id=batch_id, limit=limit, offset=offset,
                               pieces=(pieces_of, with_pieces),
                               newest_first=newest_first, before_seq=before_seq, search=search,
                               search_values={"state": [s.value for s in search_states],
                                              "endpoint": [e.value for e in search_endpoints]}))

    def _iter(self, *, states, batch_id, limit, offset, newest_first, before_seq, search,
              search_values=None, pieces=(None, False)) -> Iterator[Job]:
        where, args = [], []
        pieces_of, with_pieces = pieces
        if pieces_of is not None:
            where.append("parent_id=?")
            args.append(pieces_of)
        elif not with_pieces:
            where.append("parent_id IS NULL")
        if search:
            if self._text_index and len(search) >= text_search.TRIGRAM:
                page = limit + offset if limit is not None and newest_first and states is None and batch_id is None \
                    else None
                clause, clause_args = text_search.index_clause(search, search_values or {}, before_seq, page)
            else:
                clause, clause_args = text_search.scan_clause(search, search_values or {})
            where.append(clause)
            args += clause_args
        if before_seq is not None:
            where.append("seq < ?")
            args.append(before_seq)
        if states is not None:
            states = list(states)
            where.append(f"state IN ({','.join('?' * len(states))})")
            args += [s.value for s in states]
        if batch_id is not None:
            where.append("batch_id=?")
            args.append(batch_id)
        sql = f"SELECT seq,{','.join(COLUMNS)} FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq " + ("DESC" if newest_first else "ASC")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        with self._lock:
            self._flush_for_reading()
            rows = self._db.execute(sql, args).fetchall()
        return (job_from_row(r[1:], seq=r[0]) for r in rows)

    def stored(self, job_ids: Iterable[str]) -> set[str]:
        """Which of these jobs are in the store (one query, not one per job)."""
        ids = list(job_ids)
        found: set[str] = set()
        with self._lock:
            for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
                part = ids[start:start + 500]
                found.update(i for (i,) in self._db.execute(
                    f"SELECT id FROM jobs WHERE id IN ({','.join('?' * len(part))})", part))
        return found

    def data_version(self) -> int:
        """A number that changes whenever another connection (another process) commits:
        cheap enough to ask a few times a second."""
        with self._lock:
            return self._db.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self, after: int | None) -> tuple[list[Job], int]:
        """Jobs that other processes stored or changed since the mark `after`, oldest first,
        and the mark for the next call (None: only the mark). Every change is a row in
        `transitions`, so this reads just the jobs that changed, however long the history:
        what a window shows live of a CLI batch on the same data folder."""
        with self._lock:
            mark = self._db.execute("SELECT IFNULL(MAX(rowid), 0) FROM transitions").fetchone()[0]
            if after is None or mark <= after:
                return [], mark
            rows = self._db.execute(
                f"SELECT seq,{','.join(COLUMNS)} FROM jobs WHERE id IN (SELECT job_id FROM transitions "
                "WHERE rowid > ? AND rowid <= ?) AND IFNULL(owner, '') != ? AND parent_id IS NULL ORDER BY seq",
                (after, mark, self.owner)).fetchall()
        return [job_from_row(r[1:], seq=r[0]) for r in rows], mark

    def batch_outline(self, batch_id: str, page: int = 5000) -> Iterator[tuple]:
        """(id, custom_id, state, started_at, finished_at) of a batch's jobs, newest first, a page
        at a time from the index; reopening a batch needs no more (decoding a job: ~30 µs)."""
        rows = [(self.next_seq(),)]
        while rows:
            with self._lock:
                self._flush_for_reading()
                rows = self._db.execute(
                    "SELECT seq, id, custom_id, state, started_at, finished_at FROM jobs WHERE parent_id IS NULL "
                    "AND batch_id=? AND seq<? ORDER BY seq DESC LIMIT ?", (batch_id, rows[-1][0], page)).fetchall()
            yield from (row[1:] for row in rows)

    def next_seq(self) -> int:
        """A cursor past every job stored so far (history paging starts here)."""
        with self._lock:
            self._flush_for_reading()
            return (self._db.execute("SELECT MAX(seq) FROM jobs").fetchone()[0] or 0) + 1

    def count(self) -> int:
        with self._lock:
            self._flush_for_reading()
            return self._db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]

    def history(self, job_id: str) -> list[Transition]:
        with self._lock:
            self._flush_for_reading()
            rows = self._db.execute(SELECT_EVENTS, (job_id,)).fetchall()
        return [transition_from_row(row) for row in rows]

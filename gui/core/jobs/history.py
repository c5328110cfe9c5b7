"""The history as a table shows it, a window at a time: the order of every matching job as
an array of seqs (8 bytes a row: 8 MB for a million jobs), read once off the GUI thread, and
the jobs themselves read by seq in blocks, only for the rows on screen. However long the
history and wherever the user scrolls, the window holds the array and a few blocks.

Filtering and sorting happen here, in SQL: the filter through the search index
(search.py), the order by an expression per column (ORDER_BY, keyed by the table's column
ids). This module has its own connections, so a long read in a worker thread never waits
for (nor holds up) the store's writes."""
from __future__ import annotations

import sqlite3
import sys
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gui.core.jobs import search as text_search
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.schema import COLUMNS, job_from_row

# Sorting by state groups live work first, then the outcomes.
STATE_ORDER = (JobState.SUBMITTING, JobState.WAITING, JobState.POLLING, JobState.RETRYING, JobState.QUEUED,
               JobState.FAILED, JobState.INTERRUPTED, JobState.CANCELLED, JobState.SUCCEEDED)

# What each column sorts by, as SQL (`?` is the time of the sort: a running job's elapsed
# time grows). Ties keep the natural order, newest first.
ORDER_BY = {
    "state": "CASE state " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STATE_ORDER)) + " END",
    "endpoint": "endpoint",
    "model": "model COLLATE NOCASE",
    "prompt": "summary COLLATE NOCASE",
    "created": "created_at",
    "elapsed": "IFNULL(IFNULL(finished_at, ?) - started_at, 0)",
    "attempts": "attempts",
    "error": f"CASE WHEN state = '{JobState.SUCCEEDED.value}' THEN '' ELSE IFNULL(error, '') END COLLATE NOCASE",
}


@dataclass(frozen=True)
class View:
    """Which jobs, in which order: the filter box's text (with the states and endpoints whose
    shown names contain it), a batch, a column to sort by (None: newest first)."""
    search: str = ""
    search_values: dict[str, list[str]] = field(default_factory=dict)
    batch_id: str | None = None
    sort: str | None = None
    descending: bool = False

    @property
    def natural(self) -> bool:
        """Newest first: the seqs descend, so a job's row is found by bisection."""
        return self.sort is None


class HistoryReader:
    """Reads one job store's file for a table: `order` (slow at a million jobs, for a worker
    thread) and `jobs` by seq (a block of 256 in a few ms, fine on the GUI thread)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA query_only=1")
        return db

    def _gui(self) -> sqlite3.Connection:
        """The connection for quick reads; `order` opens its own, so the GUI thread's block
        reads never queue behind a worker's long read."""
        if self._db is None:
            self._db = self._connect()
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def order(self, view: View, below: int, now: float) -> array:
        """The seqs of the jobs below seq `below` that `view` shows, in its order."""
        db = self._connect()
        try:
            return self._order(db, view, below, now)
        finally:
            db.close()

    @staticmethod
    def _order(db: sqlite3.Connection, view: View, below: int, now: float) -> array:
        where, args = ["parent_id IS NULL", "seq < ?"], [below]
        if view.search:
            if len(view.search) >= text_search.TRIGRAM and text_search.has_index(db):
                clause, values = text_search.index_clause(view.search, view.search_values, None, None)
            else:
                clause, values = text_search.scan_clause(view.search, view.search_values)
            where.append(clause)
            args += values
        if view.batch_id is not None:
            where.append("batch_id = ?")
            args.append(view.batch_id)
        order = "seq DESC"
        if not view.natural:
            order = f"{ORDER_BY[view.sort]} {'DESC' if view.descending else 'ASC'}, seq DESC"
            args += [now] * order.count("?")
        # Speed: the seqs leave SQLite as one hex string (SQLite runs without the GIL; a
        # million Python ints would hold it, and the GUI thread, for ~0.3 s). The inner
        # query's LIMIT keeps its ORDER BY, which SQLite may otherwise drop in a subquery.
        (text,) = db.execute(f"SELECT group_concat(printf('%016x', seq), '') FROM (SELECT seq FROM jobs WHERE "
                             f"{' AND '.join(where)} ORDER BY {order} LIMIT -1)", args).fetchone()
        seqs = array("q", bytes.fromhex(text or ""))
        if sys.byteorder == "little":
            seqs.byteswap()  # the hex is big-endian
        return seqs

    def newest(self, count: int, below: int) -> array:
        """The seqs of the newest `count` jobs: the first screenful, quick at any size."""
        rows = self._gui().execute("SELECT seq FROM jobs WHERE parent_id IS NULL AND seq < ? ORDER BY seq DESC "
                                  "LIMIT ?", (below, count)).fetchall()
        return array("q", (s for (s,) in rows))

    def jobs(self, seqs: Sequence[int]) -> dict[int, Job]:
        """The jobs with these seqs (those still stored), by seq."""
        rows = self._gui().execute(f"SELECT seq,{','.join(COLUMNS)} FROM jobs WHERE seq IN "
                                  f"({','.join('?' * len(seqs))})", list(seqs)).fetchall()
        return {r[0]: job_from_row(r[1:], seq=r[0]) for r in rows}

    def seqs(self, job_ids: Iterable[str]) -> dict[str, int]:
        """The seqs of these jobs, by id (those stored)."""
        ids = list(job_ids)
        found: dict[str, int] = {}
        for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
            part = ids[start:start + 500]
            found.update(self._gui().execute(f"SELECT id, seq FROM jobs WHERE id IN ({','.join('?' * len(part))})",
                                            part).fetchall())
        return found


def count_by_state(path: str | Path) -> dict[JobState, int]:
    """How many jobs of the history (a recording's pieces left out) are in each state, on a
    connection of its own, for a worker thread. Speed: all jobs through the state index, less
    the pieces through theirs: ~0.1 s for a million jobs (reading `parent_id` of every row
    took 0.6 s, holding the store's lock)."""
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT state, SUM(n) FROM (SELECT state, COUNT(*) AS n FROM jobs GROUP BY state "
                          "UNION ALL SELECT state, -COUNT(*) FROM jobs INDEXED BY jobs_parent WHERE parent_id IS NOT "
                          "NULL GROUP BY state) GROUP BY state").fetchall()
    finally:
        db.close()
    return {JobState(state): n for state, n in rows if n}


class HistoryWindow:
    """The history rows of a table: their order (seqs) and the jobs of the blocks read
    lately, each block read in one query when a row of it is first asked for."""

    BLOCK = 64  # jobs read at once: one query of ~1 ms (parsing the rows costs most of it)
    BLOCKS = 24  # blocks kept: a few screens around each place the user looked

    def __init__(self, reader: HistoryReader, latest: Callable[[Job], Job]) -> None:
        self._reader = reader
        self._latest = latest  # a job as read -> the copy to show (a live one, if any)
        self.order = array("q")
        self._natural = True
        self._blocks: OrderedDict[int, list[Job | None]] = OrderedDict()
        self._positions: dict[int, int] = {}  # seq -> position in a sorted order (-1: not in it), as looked up

    def __len__(self) -> int:
        return len(self.order)

    def take(self, seqs: array, natural: bool, keep_blocks: bool = False) -> None:
        """A new order (`keep_blocks`: the old one is its beginning)."""
        self.order, self._natural = seqs, natural
        if not keep_blocks:
            self._blocks.clear()
            self._positions.clear()
        for number in [n for n, block in self._blocks.items() if len(block) < self.BLOCK]:
            del self._blocks[number]  # the old order's last block: the new one has more rows in it

    def remove(self, seqs: set[int]) -> None:
        if seqs:
            self.take(array("q", (s for s in self.order if s not in seqs)), self._natural)

    def job(self, pos: int) -> Job | None:
        """The job at `pos` (None: deleted since the order was read)."""
        number, offset = divmod(pos, self.BLOCK)
        block = self._blocks.get(number)
        if block is None:
            block = self._read_block(number)
        else:
            self._blocks.move_to_end(number)
        return block[offset] if offset < len(block) else None

    def _read_block(self, number: int) -> list[Job | None]:
        seqs = self.order[number * self.BLOCK:(number + 1) * self.BLOCK]
        try:
            found = self._reader.jobs(seqs)
        except sqlite3.Error:  # the store is closing (and the window with it)
            found = {}
        block = [None if (j := found.get(s)) is None else self._latest(j) for s in seqs]
        self._blocks[number] = block
        if len(self._blocks) > self.BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def replace(self, job: Job) -> None:
        """Show this copy of a job where its block is kept (another process changed it)."""
        pos = None if job.seq is None else self.position(job.seq)
        block = None if pos is None else self._blocks.get(pos // self.BLOCK)
        if block is not None:
            block[pos % self.BLOCK] = job

    def position(self, seq: int) -> int | None:
        if self._natural:
            return position(self.order, seq, True)
        pos = self._positions.get(seq)
        if pos is None:  # a scan: remembered, found or not (a job the filter hides is looked up often)
            pos = self._positions[seq] = -1 if (at := position(self.order, seq, False)) is None else at
        return None if pos < 0 else pos


def position(seqs: array, seq: int, natural: bool) -> int | None:
    """Where `seq` is in an order: by bisection when the seqs descend (newest first),
    else by a scan (in C: ~10 ms for a million)."""
    if natural:
        lo, hi = 0, len(seqs)
        while lo < hi:
            mid = (lo + hi) // 2
            if seqs[mid] > seq:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(seqs) and seqs[lo] == seq else None
    try:
        return seqs.index(seq)
    except ValueError:
        return None

"""The job table model: every job in the store, newest first, live.

History is loaded lazily in pages (`canFetchMore`/`fetchMore`). Scheduler events never
touch the view directly: new jobs wait in `_pending` and changed jobs in `_dirty` until a
100 ms timer (250 ms while many rows change at once) inserts them at the top in one go and
emits `dataChanged` for the changed rows only. A 1 s ticker repaints the Elapsed cells (and retry countdowns) of live rows.

Sorting happens here, in Python, not in the proxy: QSortFilterProxyModel calls data()
twice per comparison, about 7 s for 100k rows through PySide. Sorting loads the whole
history (in a worker thread) and orders it once; rows then stay put while jobs change,
and new jobs appear on top, until the next sort."""
from __future__ import annotations

import asyncio
import gc
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import SEARCHED_FIELDS, Job, JobState
from gui.core.jobs.scheduler import Scheduler
from gui.core.jobs.store import JobStore
from gui.ui.jobs.columns import (
    COLUMN_INDEX,
    COLUMNS,
    error_text,
    state_colour,
    state_icon,
    state_text,
)
from gui.ui.runtime.background import spawn

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class JobTableModel(QAbstractTableModel):
    JobRole = Qt.ItemDataRole.UserRole + 1
    SearchRole = Qt.ItemDataRole.UserRole + 2  # one string per row for the filter box
    PAGE = 300
    FIRST_PAGE = 100
    FLUSH_MS = 100
    # Speed: while many rows change at once (a batch streaming in) the table is redrawn at
    # most 4 times a second instead of 10; each redraw of a full view costs ~8 ms of CPU.
    BUSY_FLUSH_MS = 250
    BUSY_ROWS = 20
    TICK_MS = 1000
    ELSEWHERE_MS = 300  # how often the store is asked whether another process wrote

    _ROLES = frozenset(int(r) for r in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, JobRole, SearchRole))

    jobsChanged = Signal(object)  # set of job ids inserted or changed by the last flush
    countsChanged = Signal()

    def __init__(self, store: JobStore, scheduler: Scheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._scheduler = scheduler
        # Rows are `_top` reversed (jobs that arrived since the last sort, oldest first)
        # followed by `_body` (history from the store newest first, or everything in
        # sorted order). A job's slot only changes when the user sorts, so its row is
        # `len(_top) + slot` without rescanning anything.
        self._top: list[Job] = []
        self._body: list[Job] = []
        self._slot: dict[str, int] = {}
        self._rank: dict[str, int] = {}  # natural order: higher is newer
        self._arrivals = 0  # rank of the newest arrival
        self._oldest = 0  # rank of the oldest history row loaded
        self._sort_spec: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._loading_all = False
        # History is what the store held when we started, paged newest first by cursor;
        # jobs submitted since then arrive through the scheduler instead.
        self._history_start = self._history_cursor = store.next_seq()
        self._history_done = self._history_cursor == 1
        self._history_filter: tuple[str, str | None] = ("", None)  # text, batch id
        self._history_generation = 0  # bumps when the filter changes: late loads are dropped
        self._pending: dict[str, Job] = {}
        self._dirty: set[str] = set()
        self._live: dict[str, Job] = {}  # in flight: their Elapsed cells tick
        self._seen: dict[str, JobState] = {}
        self.counts: Counter[JobState] = Counter()  # this session's jobs by state
        self._flush_timer = QTimer(self, singleShot=True, interval=self.FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush)
        self._tick_timer = QTimer(self, interval=self.TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        scheduler.subscribe(self._on_job)
        # Other processes on the same data folder (a CLI batch): their jobs appear and change
        # live. data_version is one cheap query; rows are read only when it moved, and only
        # those changed since the last look.
        self._data_version = store.data_version()
        self._elsewhere_mark = store.changed_elsewhere(None)[1]
        self._elsewhere_timer = QTimer(self, interval=self.ELSEWHERE_MS)
        self._elsewhere_timer.timeout.connect(self._look_elsewhere)
        self._elsewhere_timer.start()

    def detach(self) -> None:
        """Stop listening to the scheduler (before the model goes away)."""
        self._scheduler.unsubscribe(self._on_job)
        self._flush_timer.stop()
        self._tick_timer.stop()
        self._elsewhere_timer.stop()

    def _look_elsewhere(self) -> None:
        try:
            version = self._store.data_version()
            if version == self._data_version:
                return
            jobs, mark = self._store.changed_elsewhere(self._elsewhere_mark)
        except sqlite3.Error:  # the store was closed (shutting down) or is unreadable for now
            return
        self._data_version, self._elsewhere_mark = version, mark
        for job in jobs:
            if job.id not in self._slot and (job.seq or 0) < self._history_start:
                continue  # an old job not paged in yet: history shows its stored state when it is
            self._count(job)  # the status bar's Running and Queued count another process's jobs too
            self._place(job)

    # -- Qt model interface -----------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._top) + len(self._body)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("job_columns", COLUMNS[section].header)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Speed: the view asks every visible cell for a dozen roles on each repaint; most
        # are answered here before any lookup.
        if role not in self._ROLES or not index.isValid():
            return None
        job = self.job_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(job, time.time())
        if role == self.JobRole:
            return job
        if role == self.SearchRole:
            shown = {"state": state_text(job, time.time()), "endpoint": job.endpoint.label, "error": error_text(job)}
            return "\n".join(shown[f] if f in shown else getattr(job, f) or "" for f in SEARCHED_FIELDS)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.id in ("state", "error") and (error := error_text(job)):
                return error
            if column.id == "prompt":
                return job.summary
            return None
        if column.id == "state":
            if role == Qt.ItemDataRole.DecorationRole:
                return state_icon(job.state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(state_colour(job.state)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.id in ("elapsed", "attempts"):
            return _RIGHT
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._history_done and not self._loading_all

    def fetchMore(self, parent: _Index = QModelIndex(), page_size: int | None = None) -> None:
        if parent.isValid() or self._history_done or self._loading_all:
            return
        limit = page_size or self.PAGE
        page = self._history(limit=limit)
        if page:
            self._history_cursor = page[-1].seq
        if len(page) < limit:
            self._history_done = True
        self._append_history(page)

    def fetch_first_page(self) -> None:
        """The newest jobs, before the window first paints. Speed: a screenful and some is
        enough for that; the view asks for full pages as the user scrolls down."""
        if not self._body and self.canFetchMore():
            self.fetchMore(page_size=self.FIRST_PAGE)

    def _history(self, limit: int | None = None) -> list[Job]:
        text, batch_id = self._history_filter
        return self._store.jobs(newest_first=True, limit=limit, before_seq=self._history_cursor,
                                search=text or None, batch_id=batch_id, **shown_names_matching(text))

    def _rest_of_history(self) -> list[Job]:
        return self._history()

    def set_history_filter(self, text: str = "", batch_id: str | None = None) -> None:
        """Page the history through this filter, in SQL: a match deep in a long history
        is found at once instead of after loading every older page. Jobs of this session
        stay; the view's proxy filters those (and has the last word on every row)."""
        spec = (text.strip(), batch_id)
        if spec == self._history_filter:
            return
        self._history_filter = spec
        self._history_generation += 1
        self.flush()
        self.beginResetModel()
        for job in self._body:
            if self._slot.get(job.id, -1) >= 0:
                del self._slot[job.id]
        self._body = []
        self._history_cursor = self._history_start
        self._history_done = self._history_start == 1
        self._loading_all = False
        self.endResetModel()
        if self._sort_spec[0] >= 0:
            self.sort(*self._sort_spec)
        else:
            self.fetchMore()

    def _append_history(self, jobs: list[Job]) -> None:
        # A history job sent again this session is live: show the scheduler's object.
        jobs = [self._live.get(j.id, j) for j in jobs]
        fresh = [j for j in jobs if j.id not in self._slot and j.id not in self._pending]
        if not fresh:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for job in fresh:
            self._slot[job.id] = len(self._body)
            self._oldest -= 1
            self._rank[job.id] = self._oldest
            self._body.append(job)
        self.endInsertRows()
        # Speed: history rows live as long as the table. Left to the cyclic GC, every full
        # collection rescans them all: ~170 ms pauses while scrolling 100k jobs. Frozen,
        # they are never scanned (the price: cyclic garbage alive right now is kept too).
        gc.freeze()

    # -- sorting ----------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every job by `column` (-1: newest first). Needs the whole history: it
        is loaded first, off the GUI thread when an event loop runs."""
        self._sort_spec = (column, order)
        if column < 0 or self._history_done:
            self._apply_sort()
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop (scripts, unit tests): load here
            self._load_rest(self._rest_of_history())
            self._apply_sort()
            return
        if not self._loading_all:
            self._loading_all = True
            spawn(self._load_all_then_sort())

    async def _load_all_then_sort(self) -> None:
        generation = self._history_generation
        try:
            rest = await asyncio.get_running_loop().run_in_executor(None, self._rest_of_history)
        finally:
            self._loading_all = False
        if generation != self._history_generation:
            return  # the filter changed meanwhile; that change loads and sorts anew
        self._load_rest(rest)
        self._apply_sort()

    def _load_rest(self, jobs: list[Job]) -> None:
        self._history_done = True
        self._append_history(jobs)

    def _apply_sort(self) -> None:
        column, order = self._sort_spec
        self.flush()
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.job_at(i.row()).id for i in persistent]
        jobs = list(reversed(self._top)) + self._body
        if column < 0:
            jobs.sort(key=lambda j: self._rank.get(j.id, 0), reverse=True)
        else:
            spec, now = COLUMNS[column], time.time()
            key = spec.sort_key or (lambda j, n: spec.text(j, n).casefold())
            jobs.sort(key=lambda j: key(j, now), reverse=order == Qt.SortOrder.DescendingOrder)
        self._top, self._body = [], jobs
        self._slot = {j.id: i for i, j in enumerate(jobs)}
        self.changePersistentIndexList(persistent, [self.index(self._slot[i], p.column()) for i, p in zip(ids, persistent)])
        self.layoutChanged.emit()

    # -- deleting -------------------------------------------------------------------

    def delete_jobs(self, job_ids: Iterable[str]) -> list[str]:
        """Delete finished jobs from the store (rows, results) and from the table; jobs
        still running are refused by the store and stay. Returns the ids deleted."""
        self.flush()
        deleted = self._store.delete(job_ids)
        self.remove_jobs(deleted)
        return deleted

    def remove_jobs(self, job_ids: Iterable[str]) -> None:
        """Drop rows. A reset, not per-row removes: deletes are rare and the slots of every
        later row shift anyway."""
        gone = set(job_ids) & self._slot.keys()
        if not gone:
            return
        self.beginResetModel()
        top = [j for j in self._top if j.id not in gone]
        body = [j for j in self._body if j.id not in gone]
        self._top, self._body = top, body
        self._slot = {j.id: -(i + 1) for i, j in enumerate(top)}
        self._slot.update((j.id, i) for i, j in enumerate(body))
        for job_id in gone:
            self._rank.pop(job_id, None)
            self._dirty.discard(job_id)
            self._live.pop(job_id, None)
            state = self._seen.pop(job_id, None)
            if state is not None:  # a job of this session: it no longer counts
                self.counts[state] -= 1
        self.endResetModel()
        self.countsChanged.emit()

    # -- lookups ------------------------------------------------------------------

    def job_at(self, row: int) -> Job:
        top = len(self._top)
        return self._top[top - 1 - row] if row < top else self._body[row - top]

    def row_of(self, job_id: str) -> int | None:
        slot = self._slot.get(job_id)
        return None if slot is None else len(self._top) + slot

    def job(self, job_id: str) -> Job | None:
        row = self.row_of(job_id)
        return None if row is None else self.job_at(row)

    # -- scheduler events -----------------------------------------------------------

    def _on_job(self, job: Job) -> None:
        """Called by the scheduler on every change; cheap, never touches the view."""
        if job.parent_id:  # a recording's piece: its recording's row stands for it
            return
        self._count(job)
        self._place(job)

    def _count(self, job: Job) -> None:
        previous = self._seen.get(job.id)
        if previous is not job.state:
            if previous is not None:
                self.counts[previous] -= 1
            self.counts[job.state] += 1
            self._seen[job.id] = job.state

    def _place(self, job: Job) -> None:
        """Show `job`'s latest state: a new row (at the next flush) or a changed one."""
        slot = self._slot.get(job.id)
        if slot is None:
            self._pending[job.id] = job
        else:
            # A history row may hold an older copy; the scheduler's object is the live one.
            if slot < 0:
                self._top[-slot - 1] = job
            else:
                self._body[slot] = job
            self._dirty.add(job.id)
        if job.state.in_flight:
            self._live[job.id] = job
            if not self._tick_timer.isActive():
                self._tick_timer.start()
        else:
            self._live.pop(job.id, None)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> None:
        """Apply what changed since the last flush: one insert, a few dataChanged ranges."""
        changed: set[str] = set()
        if self._pending:
            fresh = [j for j in self._pending.values() if j.id not in self._slot]
            self._pending.clear()
            if fresh:
                self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
                for job in fresh:
                    self._top.append(job)
                    self._slot[job.id] = -len(self._top)
                    self._arrivals += 1
                    self._rank[job.id] = self._arrivals
                self.endInsertRows()
                changed.update(j.id for j in fresh)
        if self._dirty:
            dirty, self._dirty = self._dirty, set()
            self._emit_rows(self._rows(dirty), 0, len(COLUMNS) - 1)
            changed |= dirty
        self._flush_timer.setInterval(self.BUSY_FLUSH_MS if len(changed) >= self.BUSY_ROWS else self.FLUSH_MS)
        if changed:
            self.jobsChanged.emit(changed)
            self.countsChanged.emit()

    def _tick(self) -> None:
        if not self._live:
            self._tick_timer.stop()
            return
        self._emit_rows(self._rows(self._live), COLUMN_INDEX["elapsed"], COLUMN_INDEX["elapsed"])
        retrying = [i for i, j in self._live.items() if j.state is JobState.RETRYING]
        if retrying:
            self._emit_rows(self._rows(retrying), COLUMN_INDEX["state"], COLUMN_INDEX["state"])

    def _rows(self, job_ids: Iterable[str]) -> list[int]:
        top = len(self._top)
        return sorted(top + s for s in (self._slot.get(i) for i in job_ids) if s is not None)

    def _emit_rows(self, rows: list[int], first_col: int, last_col: int) -> None:
        """One dataChanged per run of consecutive rows."""
        start = prev = None
        for row in rows:
            if start is None:
                start = prev = row
            elif row == prev + 1:
                prev = row
            else:
                self.dataChanged.emit(self.index(start, first_col), self.index(prev, last_col))
                start = prev = row
        if start is not None:
            self.dataChanged.emit(self.index(start, first_col), self.index(prev, last_col))


def shown_names_matching(text: str) -> dict:
    """States and endpoints whose name as shown (translated) contains `text`, for the store's
    search: the database holds the English values, so "fehlgeschlagen" would find nothing."""
    needle = text.strip().casefold()
    if not needle:
        return {}
    return {"search_states": [s for s in JobState if needle in s.label.casefold()],
            "search_endpoints": [e for e in Endpoint if needle in e.label.casefold()]}

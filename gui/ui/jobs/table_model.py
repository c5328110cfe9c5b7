"""The job table model: every job in the store, newest first (or sorted by a column), live.

The history is a window onto the store (history.py): the order of the matching jobs as an
array of seqs, read in a worker thread, and the jobs themselves read in blocks of 256 as
rows are painted, a few blocks kept. A million jobs cost the array (8 MB) and those blocks,
wherever the user scrolls, and Ctrl+End goes to the oldest job at once. Filtering and
sorting are SQL over the whole store (the same read, with a WHERE and an ORDER BY); the
rows shown stay until the new order is in.

Scheduler events never touch the view directly: new jobs wait in `_pending` and changed jobs
in `_dirty` until a 100 ms timer (250 ms while many rows change at once) inserts them at the
top in one go and emits `dataChanged` for the changed rows only. A 1 s ticker repaints the
Elapsed cells (and retry countdowns) of live rows. Jobs that arrive stay on top until the
next sort or filter reads the order anew."""
from __future__ import annotations

import asyncio
import sqlite3
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

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
from PySide6.QtGui import QColor

from gui.core.jobs.history import HistoryReader, HistoryWindow, View
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.scheduler import Scheduler
from gui.core.jobs.store import JobStore
from gui.ui.jobs.columns import (
    COLUMN_INDEX,
    COLUMNS,
    error_text,
    state_colour,
    state_icon,
)
from gui.ui.jobs.elsewhere import Elsewhere
from gui.ui.jobs.job_filter import filtered, matches, search_text
from gui.ui.runtime.background import spawn

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_DISPLAY, _TOOLTIP, _DECORATION, _FOREGROUND, _ALIGNMENT = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole))
_JOB, _SEARCH = int(Qt.ItemDataRole.UserRole) + 1, int(Qt.ItemDataRole.UserRole) + 2  # the job; what the filter searches


class JobTableModel(QAbstractTableModel):
    JobRole = _JOB
    SearchRole = _SEARCH
    FIRST_PAGE = 100
    REST_AFTER_MS = 300
    FLUSH_MS = 100
    # Speed: while many rows change at once (a batch streaming in) the table is redrawn at
    # most 4 times a second instead of 10; each redraw of a full view costs ~8 ms of CPU.
    BUSY_FLUSH_MS = 250
    BUSY_ROWS = 20
    TICK_MS = 1000

    # Speed: the view asks each visible cell for a dozen roles on every repaint (~330 cells
    # in a full window). Which roles a cell can answer depends on its column only, so most
    # asks end at this lookup, before the job is looked up.
    _ANSWERED = frozenset(
        [(c, role) for c in range(len(COLUMNS)) for role in (_DISPLAY, _JOB, _SEARCH)]
        + [(COLUMN_INDEX[c], _TOOLTIP) for c in ("state", "error", "prompt")]
        + [(COLUMN_INDEX["state"], role) for role in (_DECORATION, _FOREGROUND)]
        + [(COLUMN_INDEX[c], _ALIGNMENT) for c in ("elapsed", "attempts")])

    jobsChanged = Signal(object)  # set of job ids inserted or changed by the last flush
    countsChanged = Signal()

    def __init__(self, store: JobStore, scheduler: Scheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._scheduler = scheduler
        self._reader = HistoryReader(store.path)
        # Rows are `_top` reversed (jobs that arrived since the order was read, oldest
        # first) followed by the history (its order, and the jobs of some blocks).
        self._top: list[Job] = []
        self._top_at: dict[str, int] = {}  # job id -> its index in `_top`
        self._history = HistoryWindow(self._reader, lambda j: self._session.get(j.id, j))
        self._view = View()
        # The history is what the store held below `_cut` when its order was read; jobs
        # stored since arrive through the scheduler (or the look elsewhere) instead.
        self._cut = self._history_start = store.next_seq()
        self._reads = 0  # bumps with every read of the order: a late one is dropped
        self.reading = False  # the order of the history is being read: rows may still come
        self._pending: dict[str, Job] = {}
        self._dirty: set[str] = set()
        # Every job reported this session, in its latest state: a block read from the store
        # shows these instead (the store may not have this process's last change yet).
        self._session: dict[str, Job] = {}
        self._live: dict[str, Job] = {}  # in flight: their Elapsed cells tick
        self._seen: dict[str, JobState] = {}
        self.counts: Counter[JobState] = Counter()  # this session's jobs by state
        self._flush_timer = QTimer(self, singleShot=True, interval=self.FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush)
        self._tick_timer = QTimer(self, interval=self.TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        scheduler.subscribe(self._on_job)
        self._elsewhere = Elsewhere(store, self._arrived_elsewhere, self)  # a CLI batch's jobs, live

    def detach(self) -> None:
        """Stop listening to the scheduler (before the model goes away)."""
        self._scheduler.unsubscribe(self._on_job)
        self._flush_timer.stop()
        self._tick_timer.stop()
        self._elsewhere.stop()
        self._reads += 1  # a read still under way is dropped
        self._reader.close()

    def _arrived_elsewhere(self, jobs: list[Job]) -> None:
        for job in jobs:
            if job.seq >= self._history_start or job.id in self._session:
                self._count(job)  # the status bar's Running and Queued count another process's jobs too
            self._place(job)

    # -- Qt model interface -----------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._top) + len(self._history)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("job_columns", COLUMNS[section].header)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        column = index.column()  # -1 for an invalid index: answers nothing
        if (column, role) not in self._ANSWERED:
            return None
        if role == _ALIGNMENT:
            return _RIGHT
        job = self.job_at(index.row())
        if job is None:  # deleted by another process since the order was read
            return None
        if role == _DISPLAY:
            return COLUMNS[column].text(job, time.time())
        if role == _JOB:
            return job
        if role == _SEARCH:
            return search_text(job)
        if role == _TOOLTIP:
            return job.summary if COLUMNS[column].id == "prompt" else error_text(job) or None
        if role == _DECORATION:
            return state_icon(job.state)
        # The State column's foreground. Speed: a QColor, which the view takes as a brush; a
        # QBrush made here makes PySide create its overloads' Python types (~3 ms, first paint).
        return QColor(state_colour(job.state))

    # -- reading the history ----------------------------------------------------

    def fetch_first_page(self) -> None:
        """The newest jobs, before the window first paints (a quick query), then the order
        of the whole history (a worker's read: ~0.5 s for a million jobs) joins below them."""
        if self._reads or len(self._history):
            return
        first = self._reader.newest(self.FIRST_PAGE, self._cut)
        if first:
            self.beginInsertRows(QModelIndex(), len(self._top), len(self._top) + len(first) - 1)
            self._history.take(first, natural=True)
            self.endInsertRows()
        # Speed: read once the window is up; at once, that read would take a core from the
        # first paint (SQLite scans the whole table: ~0.5 s of CPU for a million jobs).
        if len(first) == self.FIRST_PAGE:  # else that was the whole history
            self._read(self._apply_rest, new_cut=False, after_ms=self.REST_AFTER_MS)

    def set_history_filter(self, text: str = "", batch_id: str | None = None) -> None:
        """Show the jobs whose text contains `text` (and of batch `batch_id`): the store's
        whole history, in SQL, and the jobs that arrive from now on."""
        view = filtered(self._view, text, batch_id)
        if view != self._view:
            self._view = view
            self._read(self._apply_reset)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every job by `column` (-1: newest first), in SQL; the selection stays on
        its jobs. Off the GUI thread when an event loop runs."""
        view = replace(self._view, sort=COLUMNS[column].id if column >= 0 else None,
                       descending=column >= 0 and order == Qt.SortOrder.DescendingOrder)
        if view != self._view:
            self._view = view
            self._read(self._apply_sorted)

    def _read(self, apply: Callable[[array, int, int], None], new_cut: bool = True, after_ms: int = 0) -> None:
        """Read the order of the history for the current view, then `apply` it. A new cut
        takes this session's jobs into the order (they are sorted and filtered in SQL too)."""
        self.flush()
        self._reads += 1
        reads, view, now = self._reads, self._view, time.time()
        cut, arrived = (self._store.next_seq(), len(self._top)) if new_cut else (self._cut, 0)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (scripts, unit tests): read here
            apply(self._reader.order(view, cut, now), cut, arrived)
            return

        async def read() -> None:
            try:
                await asyncio.sleep(after_ms / 1000)
                if reads == self._reads:  # else the view changed before this read started
                    seqs = await loop.run_in_executor(None, self._reader.order, view, cut, now)
                    if reads == self._reads:  # else it changed meanwhile: a later read applies
                        apply(seqs, cut, arrived)
            except sqlite3.Error:  # the store closed meanwhile (shutting down)
                pass
            finally:
                if reads == self._reads:
                    self.reading = False

        self.reading = True
        spawn(read())

    def _apply_rest(self, seqs: array, cut: int, arrived: int) -> None:
        """The whole history below the first page: rows join at the end, nothing moves."""
        shown = len(self._history)
        if seqs[:shown] != self._history.order:  # jobs deleted meanwhile
            self._apply_reset(seqs, cut, arrived)
            return
        if len(seqs) > shown:
            self.beginInsertRows(QModelIndex(), self.rowCount(), len(self._top) + len(seqs) - 1)
            self._history.take(seqs, natural=True, keep_blocks=True)
            self.endInsertRows()

    def _apply_reset(self, seqs: array, cut: int, arrived: int) -> None:
        self.beginResetModel()
        self._take(seqs, cut, arrived)
        self.endResetModel()

    def _apply_sorted(self, seqs: array, cut: int, arrived: int) -> None:
        """The same jobs in a new order: persistent indexes (the selection, the current
        row) follow their jobs."""
        if len(seqs) + len(self._top) - self._merged(cut, arrived) != self.rowCount():
            self._apply_reset(seqs, cut, arrived)  # jobs came or went meanwhile
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys = [self._key(p.row()) for p in persistent]
        self._take(seqs, cut, arrived)
        seq_of = self._reader.seqs(k for k in keys if isinstance(k, str) and k not in self._top_at)
        rows = [self._row_of_key(seq_of.get(k, k)) for k in keys]
        self.changePersistentIndexList(
            persistent, [self.index(r, p.column()) if r is not None else QModelIndex() for r, p in zip(rows, persistent)])
        self.layoutChanged.emit()

    def _merged(self, cut: int, arrived: int) -> int:
        """How many of the jobs on top a read below `cut` takes into the order."""
        return arrived + sum(1 for j in self._top[arrived:] if j.seq is not None and j.seq < cut)

    def _take(self, seqs: array, cut: int, arrived: int) -> None:
        """Make `seqs` the history; jobs on top that it holds leave the top."""
        self._top = [j for j in self._top[arrived:] if j.seq is None or j.seq >= cut]
        self._top_at = {j.id: i for i, j in enumerate(self._top)}
        self._history.take(seqs, self._view.natural)
        self._cut = cut

    def _key(self, row: int) -> str | int | None:
        """What a row shows: a job on top (its id) or in the history (its seq)."""
        top = len(self._top)
        if row < top:
            return self._top[top - 1 - row].id
        return self._history.order[row - top] if row - top < len(self._history) else None

    def _row_of_key(self, key: str | int | None) -> int | None:
        if isinstance(key, str):
            i = self._top_at.get(key)
            return None if i is None else len(self._top) - 1 - i
        pos = None if key is None else self._history.position(key)
        return None if pos is None else len(self._top) + pos

    # -- deleting -------------------------------------------------------------------

    def delete_jobs(self, job_ids: Iterable[str]) -> list[str]:
        """Delete finished jobs from the store (rows, results) and from the table; jobs
        still running are refused by the store and stay. Returns the ids deleted."""
        self.flush()
        ids = list(job_ids)
        seqs = self._reader.seqs(ids)
        deleted = self._store.delete(ids)
        self._remove(deleted, seqs)
        return deleted

    def _remove(self, job_ids: list[str], seqs: dict[str, int]) -> None:
        """Drop rows. A reset, not per-row removes: deletes are rare and every later row
        shifts anyway."""
        if not job_ids:
            return
        gone = set(job_ids)
        self.beginResetModel()
        self._top = [j for j in self._top if j.id not in gone]
        self._top_at = {j.id: i for i, j in enumerate(self._top)}
        self._history.remove({seqs[i] for i in gone if i in seqs})
        for job_id in gone:
            self._session.pop(job_id, None)
            self._dirty.discard(job_id)
            self._live.pop(job_id, None)
            state = self._seen.pop(job_id, None)
            if state is not None:  # a job of this session: it no longer counts
                self.counts[state] -= 1
        self.endResetModel()
        self.countsChanged.emit()
        if self.reading:  # that read may hold the deleted jobs, and counted the top: read anew
            self._read(self._apply_reset)

    # -- lookups ------------------------------------------------------------------

    def shows_progress(self) -> bool:
        """Whether a live job has progress to show (an upload's, a recording's pieces)."""
        return any(job.progress is not None for job in self._live.values())

    def job_at(self, row: int) -> Job | None:
        top = len(self._top)
        if row < top:
            return self._top[top - 1 - row]
        return self._history.job(row - top)

    def row_of(self, job_id: str) -> int | None:
        i = self._top_at.get(job_id)
        if i is not None:
            return len(self._top) - 1 - i
        job = self._session.get(job_id)
        seq = None if job is None else job.seq
        if seq is None:
            seq = self._reader.seqs([job_id]).get(job_id)
            if job is not None:
                job.seq = seq  # the scheduler's copy learns where it is stored
        return None if seq is None else self._row_of_key(seq)

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
        known = self._session.get(job.id)
        self._session[job.id] = job
        i = self._top_at.get(job.id)
        if i is not None:
            self._top[i] = job
            self._dirty.add(job.id)
        elif job.id in self._pending or (known is None and (job.seq is None or job.seq >= self._cut)):
            self._pending[job.id] = job
        else:  # in the history (or hidden by the filter): a block read earlier may hold an older copy
            if job.seq is None and known is not None:
                job.seq = known.seq
            self._history.replace(job)
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
            fresh = [j for j in self._pending.values() if j.id not in self._top_at and matches(self._view, j)]
            self._pending.clear()
            if fresh:
                self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
                for job in fresh:
                    self._top_at[job.id] = len(self._top)
                    self._top.append(job)
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
        return sorted(r for r in map(self.row_of, job_ids) if r is not None)

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

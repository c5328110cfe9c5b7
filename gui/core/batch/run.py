"""Running a batch plan through the shared scheduler, with per-batch pause, resume and
cancel, progress (done, failed, remaining, rate, ETA), re-run of the rows that did not
succeed, and the batch's record: `results.jsonl` (OpenAI batch output format, one line per
row, in input order once the run ends: then the run is `finishing` while a worker thread
writes it, record_writer.py).

Per-batch pause without pausing the whole queue: the run holds its rows and hands the
scheduler only a window of them at a time (a little more than the concurrency: pace.py),
so a paused batch stops after the rows already handed over, while other work keeps flowing.
Rows appear in the job table as they are handed over.

This one engine runs every batch, JSONL and tables, for the window and `queue-desk batch`.

Continuing: a row counts as done only if its earlier answer (in results.jsonl, or in the
job store if the app stopped before the line was written) is for the same request: the
same custom_id and the same fingerprint of endpoint (method and url) and body. A row whose
request changed is sent again; `reused`, `changed` and `sent` count each kind. A re-run
resubmits a row's own failed job, so the table and the record keep one entry per
`custom_id`.

While a batch runs it holds its output folder (folder_lock.py): a second run into the
same folder, from this or another process, is refused before anything is sent."""
from __future__ import annotations

import asyncio
import logging
import math
import sqlite3
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from gui.core.batch.cells import line_cells
from gui.core.batch.folder_lock import FolderLock
from gui.core.batch.jsonl import RESULTS_NAME, output_line
from gui.core.batch.pace import Pace
from gui.core.batch.plan import BatchPlan, read_manifest, request_fingerprint
from gui.core.batch.record import Record
from gui.core.batch.record_writer import RecordWriter
from gui.core.batch.states import ROW_STATE_OF_JOB, Outcomes, Progress, RowState, RunState, state_of_code
from gui.core.batch.structured import Structured
from gui.core.engine import Engine
from gui.core.errors import InputProblem, QueueError
from gui.core.i18n import translate
from gui.core.jobs.job import Job, JobState, elapsed_between
from gui.core.jobs.owner import is_alive
from gui.core.jobs.store import busy_message

log = logging.getLogger(__name__)

OTHERS_CHECK = 1.0  # seconds between looks at rows another process runs
HAND_OVER_RETRY = 1.0  # seconds before rows refused by a locked store are handed over again
FINGERPRINT_BYTES = 8  # a request fingerprint (16 hex digits) as bytes


class BatchRun:
    def __init__(self, engine: Engine, plan: BatchPlan) -> None:
        self.engine = engine
        self.plan = plan
        self.state = RunState.IDLE
        rows = len(plan)
        # Per row, compactly (a million rows): its outcome, its line's place in the record,
        # its job's latency and its request's fingerprint. Jobs are kept only while they
        # matter: in flight, or finished without success (a re-run resubmits them).
        self.record = Record(plan.out_dir / RESULTS_NAME, rows, lambda i, line: line_cells(plan.model_of(i)[0], line))
        self.folder = FolderLock(plan.out_dir)
        self._lines = RecordWriter(self.record, self.folder, engine.scheduler)
        self._outcomes = Outcomes(rows)
        self._latency = array("d", [math.nan]) * rows
        self._fingerprints = bytearray(FINGERPRINT_BYTES * rows)
        self.jobs: dict[str, Job] = {}  # custom_id -> the row's latest job, while it matters
        self._held: deque[int] = deque()
        self._inflight: dict[str, str] = {}  # job id -> custom_id
        self._scheduled = False
        self._pace = Pace()
        self._done = asyncio.Event()
        self._listeners: list[Callable[[BatchRun], None]] = []
        self.finished_at: float | None = None
        self._subscribed = False
        self._halted = False
        self.reused = 0  # rows whose earlier answer is for today's request (not sent again)
        self.changed = 0  # rows with an earlier answer for another request (sent again)
        self.sent = 0  # rows handed to the queue by this run
        schema = plan.spec.schema if not plan.is_jsonl else None
        self.structured = Structured(schema, home=engine.store.path.parent,  # answers must fit output fields
                                     server=f"{engine.client.base_url} {plan.spec.model}") if schema else None

    @property
    def out_path(self) -> Path:
        return self.record.path

    def outcome(self, index: int) -> bool | None:
        """Did the row succeed (None: it has no outcome now)?"""
        return self._outcomes.succeeded(index)

    def latencies(self) -> array:  # each row's latency in seconds (NaN: none), a copy
        return self._latency[:]

    def pending_lines(self) -> list[tuple[int, str]]:
        """(row, line) of outcomes not yet written to the record."""
        return self._lines.pending_lines()

    def fingerprint(self, index: int) -> str:
        return self._fingerprints[index * FINGERPRINT_BYTES:(index + 1) * FINGERPRINT_BYTES].hex()

    def subscribe(self, listener: Callable[[BatchRun], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[BatchRun], None]) -> None:
        """Stop calling `listener` (one not subscribed is ignored, so views can detach twice)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- opening --------------------------------------------------------------------

    @classmethod
    async def open(cls, engine: Engine, plan: BatchPlan, *, view_if_busy: bool = False) -> BatchRun:
        """Load what earlier runs left (off the event loop: it reads files and the store).

        Raises QueueError if another run holds the output folder, unless `view_if_busy`
        (the window showing remembered batches): then the run is loaded to be looked at, and
        the folder's files are left to the process that writes them."""
        run = cls(engine, plan)
        try:
            run.folder.acquire()
        except QueueError:
            if not view_if_busy:
                raise
        try:
            await asyncio.get_running_loop().run_in_executor(None, run._load)
        except BaseException:
            run.folder.release()
            raise
        if run._inflight:  # e.g. a 202 job the server holds: its polling resumes
            run.state = RunState.RUNNING
            run._subscribe()
            for job in run.jobs.values():
                if (job.id in run._inflight and job.state is JobState.POLLING and job.status_url
                        and job.owner == engine.store.owner):  # claimed by recover(): ours to finish
                    engine.scheduler.resume_polling(job)
            run._check_others()
        else:
            run.folder.release()  # held again when the run starts
        return run

    def _check_others(self) -> None:
        """Rows whose job another live process runs (a window that resumed a crashed run's
        202 jobs): their outcome is read from the store, where that process records it."""
        store = self.engine.store
        others = [job_id for job_id, cid in self._inflight.items() if self.jobs[cid].owner != store.owner]
        if not others:
            return
        current = [store.get(job_id) for job_id in others]
        if any(job is not None and not job.state.terminal and not is_alive(job.owner) for job in current):
            for job in store.recover()[1]:  # that process is gone too: its 202 jobs are ours now
                if job.id in self._inflight:
                    self.engine.scheduler.resume_polling(job)
            current = [store.get(job_id) for job_id in others]
        for job_id, job in zip(others, current):
            if job is None:  # deleted from the history meanwhile: the row has no outcome
                del self._inflight[job_id]
                self._schedule()
            elif job.state.terminal:
                self._on_job(job)
        asyncio.get_running_loop().call_later(OTHERS_CHECK, self._check_others)

    def _load(self) -> None:
        plan = self.plan
        for i, at in enumerate(range(0, len(self._fingerprints), FINGERPRINT_BYTES)):
            self._fingerprints[at:at + FINGERPRINT_BYTES] = bytes.fromhex(plan.fingerprint(i))
        old = read_manifest(plan.out_dir) or {}
        old_rows = old.get("rows") if isinstance(old.get("rows"), dict) else {}
        changed: set[int] = set()
        for index, offset, answered in self.record.scan(plan.find):
            if old_rows.get(plan.custom_ids[index]) == self.fingerprint(index):
                self.record.keep(index, offset)
                self._outcomes.set(index, RowState.SUCCEEDED if answered else RowState.FAILED)
            elif answered:
                changed.add(index)  # an answer, but to another request (edited input, another file)
        del old_rows
        self.record.scan_cells()
        latest = bytearray(len(plan))  # rows whose latest job for today's request was met
        for job_id, custom_id, state, started, finished in self.engine.store.batch_outline(plan.batch_id):
            index = plan.find(custom_id or "")
            if index is None or latest[index]:
                continue
            if self.outcome(index) and state == JobState.SUCCEEDED.value:  # speed: answered, only its latency
                latest[index], self._latency[index] = 1, _nan_if_none(elapsed_between(started, finished))
                continue
            job = self.engine.store.get(job_id)
            if job is None or request_fingerprint(job.endpoint, job.body, job.uploads) != self.fingerprint(index):
                continue
            latest[index], cid = 1, plan.custom_ids[index]
            if not job.state.terminal:
                self.jobs[cid], self._inflight[job.id] = job, cid
                continue
            self._latency[index] = _nan_if_none(job.elapsed())
            if not self.outcome(index) and (job.state is not JobState.SUCCEEDED or job.result_path):
                self._record(cid, job)  # the app stopped before the line was written
        self.reused = self._outcomes.done
        self.changed = sum(1 for index in changed if not self.outcome(index))
        if not self.folder.held:
            return  # only looked at: another process writes this folder
        # The record keeps only lines that belong to today's rows, in input order; then the
        # manifest: in this order a crash between the two can only cost re-sending rows.
        self._lines.write_ordered()
        plan.save_manifest((cid, self.fingerprint(index)) for index, cid in enumerate(plan.custom_ids))

    # -- control ------------------------------------------------------------------------

    def start(self, rows: Iterable[int] | None = None) -> int:
        """Hand the given rows (default: every row without a successful answer) to the
        queue; returns how many rows will be sent."""
        if self.state is RunState.FINISHING:  # its record is being written: nothing may add to it
            raise InputProblem(translate(
                "batch", "The batch {name} is still writing its results. Try again in a moment.").format(
                name=self.plan.name))
        self.folder.acquire()  # raises QueueError, before anything is sent, if another run has it
        if rows is None:
            rows = [i for i in range(len(self.plan)) if not self._outcomes.succeeded(i)]
        busy = {self.plan.index_of(cid) for cid in self._inflight.values()} | set(self._held)
        chosen = [i for i in rows if i not in busy]
        for i in chosen:
            self._outcomes.set(i, None)
        self._held.extend(chosen)
        self._halted = False
        if self.state not in (RunState.RUNNING, RunState.PAUSED):
            self.state = RunState.RUNNING
            self.finished_at = None
            self._done.clear()
            self._pace.restart(time.time())
            self._subscribe()
        self._schedule()
        return len(chosen)

    def rerun_failed(self) -> int:
        """Send again the rows that failed, were cancelled or interrupted, or never ran."""
        return self.start()

    def pause(self) -> None:
        if self.state is RunState.RUNNING:
            self.state = RunState.PAUSED
            self._notify()

    def resume(self) -> None:
        if self.state is RunState.PAUSED:
            self.state = RunState.RUNNING
            self._pace.restart(time.time())
            self._schedule()

    def cancel(self) -> None:
        """Rows not yet handed over are not sent; handed-over ones are cancelled."""
        if not self.state.sending:
            return
        self._held.clear()
        self.state = RunState.CANCELLING
        for job_id in list(self._inflight):
            self.engine.scheduler.cancel(job_id)
        self._schedule()

    async def wait(self) -> None:
        await self._done.wait()

    @property
    def window(self) -> int:
        concurrency = self.engine.scheduler.concurrency
        return concurrency + self._pace.margin(concurrency)

    # -- progress -------------------------------------------------------------------------

    def progress(self, now: float | None = None) -> Progress:
        now = time.time() if now is None else now
        total = len(self.plan)
        done, failed = self._outcomes.done, self._outcomes.failed
        rate = self._pace.rate(now) if self.state is RunState.RUNNING else 0.0
        left = len(self._held) + len(self._inflight)
        eta = left / rate if rate > 0 and left else None
        return Progress(total, done, failed, total - done - failed, len(self._inflight), rate, eta)

    def row_state(self, index: int) -> RowState:
        if self._outcomes.codes[index]:
            return state_of_code(self._outcomes.codes[index])
        job = self.jobs.get(self.plan.custom_ids[index])
        return RowState.RUNNING if job is not None and job.id in self._inflight else RowState.NOT_RUN

    def row_states(self) -> tuple[bytes, set[int]]:
        """Every row's outcome (codes of `state_of_code`) and the rows running now: cheap
        to copy on the event loop for an export."""
        running = {self.plan.index_of(cid) for cid in self._inflight.values()}
        return bytes(self._outcomes.codes), running

    # -- the scheduler's events --------------------------------------------------------------

    def _on_job(self, job: Job) -> None:
        cid = self._inflight.get(job.id)
        if cid is None or not job.state.terminal:
            return
        del self._inflight[job.id]
        follow = self.structured.follow_up(job) if self.structured is not None else None
        if follow is not None and not self._halted:  # asked again: repair, or JSON mode
            self.engine.scheduler.submit_many([follow])
            self._inflight[follow.id] = cid
            self.jobs[cid] = follow
            return
        if job.state is JobState.INTERRUPTED:
            self._halted = True  # the engine is shutting down: hand nothing more to it
        self._record(cid, job)
        self._pace.finished(time.time())
        self._schedule()

    def _record(self, cid: str, job: Job) -> None:
        try:
            line = output_line(job)
        except (OSError, ValueError):  # the stored answer is gone or damaged: the row must run again
            return
        if self.structured is not None:
            line = self.structured.line(cid, line)
        index = self.plan.index_of(cid)
        ok = job.state is JobState.SUCCEEDED and (self.structured is None or cid not in self.structured.unfit)
        if ok:
            self.jobs.pop(cid, None)  # done with: a million finished jobs are not kept
        else:
            self.jobs[cid] = job
        self._outcomes.set(index, RowState.SUCCEEDED if ok else ROW_STATE_OF_JOB.get(job.state, RowState.FAILED))
        self._latency[index] = _nan_if_none(job.elapsed())
        self._pace.ran(self._latency[index])
        self._lines.add(index, line, line_cells(job.endpoint, line))  # cells parsed once (cells.py)

    def _schedule(self) -> None:
        # One pass per event-loop turn: a burst of finished rows is one append and one
        # submit_many (one store transaction), not one per row.
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._pass)

    def _pass(self) -> None:
        self._scheduled = False
        self._lines.append_soon()
        if self.state is RunState.RUNNING and not self._halted:
            self._hand_over()
        if not self._inflight and (self.state is RunState.CANCELLING or (self._halted and self.state.sending)
                                   or (self.state is RunState.RUNNING and not self._held)):
            self._finish()
        self._notify()

    def _hand_over(self) -> None:
        window = self.window
        room = window - len(self._inflight)
        # Speed: rows go over in handfuls (one store transaction each), not one by one as they
        # finish; the margin keeps every slot busy meanwhile.
        if self._inflight and room < min(len(self._held), window - self.engine.scheduler.concurrency):
            return
        taken: list[tuple[int, Job]] = []
        while room > 0 and self._held:
            index = self._held.popleft()
            taken.append((index, self._job_for(index)))
            room -= 1
        if not taken:
            return
        try:
            self.engine.scheduler.submit_many([job for _, job in taken])
        except sqlite3.OperationalError as exc:
            # Another process holds the database: nothing was stored, so nothing was sent. The
            # rows go back to the front and are handed over again shortly.
            log.warning("batch rows not handed over (%s); trying again", exc)
            self._held.extendleft(index for index, _ in reversed(taken))
            self.engine.scheduler.tell_store_trouble(busy_message(self.engine.store.path))
            asyncio.get_running_loop().call_later(HAND_OVER_RETRY, self._schedule)
            return
        self.sent += len(taken)
        for _, job in taken:
            self._inflight[job.id] = job.custom_id or ""
            self.jobs[job.custom_id or ""] = job

    def _job_for(self, index: int) -> Job:
        """The row's own finished job when it asked the same (resubmitted: the table keeps one
        row per custom_id), else a new one."""
        cid = self.plan.custom_ids[index]
        old = self.jobs.get(cid)
        if (old is not None and old.state.terminal and old.state is not JobState.SUCCEEDED
                and request_fingerprint(old.endpoint, old.body, old.uploads) == self.fingerprint(index)):
            return old
        job = self.plan.job(index)
        if self.structured is not None:
            job.body = self.structured.as_sent(job.body)
        return job

    def _finish(self) -> None:
        final = (RunState.INTERRUPTED if self._halted else
                 RunState.CANCELLED if self.state is RunState.CANCELLING else RunState.FINISHED)
        self.state = RunState.FINISHING
        if self._subscribed:
            self._subscribed = False
            self.engine.scheduler.unsubscribe(self._on_job)
        try:
            self.engine.store.flush()  # the outcomes first, then the record that claims them
        except sqlite3.OperationalError:
            pass  # locked by another process: the write-behind keeps them and retries
        self.engine.finish_before_closing(asyncio.ensure_future(self._write_record(final)))

    async def _write_record(self, final: RunState) -> None:
        """The record in input order, off the event loop; then the run is `final` and over."""
        try:
            await self._lines.write_ordered_off_loop()
        except Exception:  # e.g. a full disk: the record keeps the lines appended, the store every outcome
            log.exception("batch record %s not rewritten in input order", self.record.path)
        finally:
            self.state = final
            self.finished_at = time.time()
            self.folder.release()
            self._done.set()
            self._notify()

    def _subscribe(self) -> None:
        if not self._subscribed:
            self._subscribed = True
            self.engine.scheduler.subscribe(self._on_job)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener(self)
            except Exception:  # a broken view must not stop the batch
                log.exception("batch listener failed")


def _nan_if_none(seconds: float | None) -> float:
    return math.nan if seconds is None else seconds


async def run_plan(engine: Engine, plan: BatchPlan) -> BatchRun:
    """Run every row without a successful answer and wait (the headless command)."""
    run = await BatchRun.open(engine, plan)
    run.start()
    await run.wait()
    return run

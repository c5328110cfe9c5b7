"""The scheduler: runs jobs with a concurrency limit, retries what is worth retrying,
records every state change in the store and tells listeners about it.

Listeners are plain callables (not Qt signals) called on the event loop with the job
that changed, so the GUI and the headless commands share this engine."""
from __future__ import annotations

import asyncio
import collections
import logging
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from gui.core.api.client import QueueClient
from gui.core.api.wire import Hooks, Reply
from gui.core.api.server_text import one_line
from gui.core.endpoints import BodyKind, ResultKind
from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import english, translate
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.recordings import Recordings
from gui.core.jobs.result_images import download_images, needs_download
from gui.core.jobs.results import image_count, save_error, save_inline, save_result
from gui.core.jobs.store import JobStore
from gui.core.jobs.throttle import Throttle
from gui.core.jobs.write_behind import WriteBehind

log = logging.getLogger(__name__)

Listener = Callable[[Job], None]

class Scheduler:
    def __init__(
        self,
        store: JobStore,
        client: QueueClient,
        *,
        concurrency: int = 8,
        per_minute: int | None = None,
        max_attempts: int = 3,
        backoff_base: float = 1.0,
        backoff_max: float = 60.0,
    ) -> None:
        self.store = store
        self.client = client
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.throttle = Throttle(concurrency, per_minute)
        self.throttle.on_limit = self._add_workers
        # Speed: jobs wait in a FIFO for a slot and a few worker tasks (at most one per slot)
        # run them one after another, instead of a task per job waiting on the throttle: per
        # job that saves a task start, a wake-up and a done-callback (each a Qt timer under
        # qasync).
        self._queue: collections.deque[Job] = collections.deque()
        self._jobs: dict[str, Job] = {}  # queued, running or waiting to retry
        self._running: dict[str, asyncio.Task[None]] = {}  # job id -> the worker running it
        self._retry_timers: dict[str, asyncio.TimerHandle] = {}
        self._cancelling: set[str] = set()  # running jobs the user cancelled
        self._workers: set[asyncio.Task[None]] = set()
        self._idle_waiters: list[asyncio.Future[None]] = []
        self._tasks: dict[str, asyncio.Task[None]] = {}  # jobs resuming their polling
        self._listeners: list[Listener] = []
        self._attempt_words: dict[int, str] = {}
        self._closing = False
        self._writes = WriteBehind(store)
        self.recordings = Recordings(self)  # long or video recordings go in pieces

    @property
    def concurrency(self) -> int:
        return self.throttle.limit

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling `listener`; a listener that is not subscribed is ignored, so views
        can detach twice (close and teardown) without guarding."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def active(self) -> int:
        return len(self._jobs) + len(self._tasks)

    @property
    def paused(self) -> bool:
        return self.throttle.paused

    def pause(self) -> None:
        """No new job starts; running jobs finish ("finish running jobs, then stop")."""
        self.throttle.pause()

    def resume(self) -> None:
        self.throttle.resume()

    # -- starting and stopping work ---------------------------------------------

    def submit(self, job: Job) -> Job:
        self.submit_many([job])
        return job

    def submit_many(self, jobs: Iterable[Job]) -> list[Job]:
        """Write the jobs to the store (one transaction), then start them."""
        jobs = list(jobs)
        known = self.store.stored(j.id for j in jobs if j.state is JobState.QUEUED)
        fresh = [j for j in jobs if j.state is JobState.QUEUED and j.id not in known]
        self.store.add_many(fresh)
        fresh_ids = {j.id for j in fresh}
        for job in jobs:
            if job.id not in fresh_ids:  # a finished job sent again
                self._requeue(job)
            self._enqueue(job)
        return jobs

    def _requeue(self, job: Job) -> None:
        # Deferred: the row is stored already, and a store locked by another process must not
        # stop the jobs half-way through submit_many (the change is kept and written soon).
        self.store.transition(job, JobState.QUEUED, translate("scheduler", "resubmitted"), defer=True, attempts=0,
                              error=None, error_kind=None, http_status=None, server_job_id=None, status_url=None,
                              result_path=None)
        self._writes.changed()

    def tell_store_trouble(self, message: str | None) -> None:
        """Pass a store problem found outside the write-behind to the same listener."""
        self._writes.tell(message)

    async def submit_in_chunks(self, jobs: list[Job], chunk: int = 250) -> list[Job]:
        """`submit_many` for big batches without stalling the event loop (the GUI thread):
        each chunk is written to the store in a worker thread, then started, and the loop
        gets a turn in between. A job is still stored before its request leaves."""
        loop = asyncio.get_running_loop()
        for start in range(0, len(jobs), chunk):
            part = jobs[start:start + chunk]
            fresh = [j for j in part if j.state is JobState.QUEUED]
            await loop.run_in_executor(None, self.store.add_many, fresh)
            for job in part:
                if job.state is not JobState.QUEUED:
                    self._requeue(job)
                self._enqueue(job)
            await asyncio.sleep(0)
        return jobs

    def resume_polling(self, job: Job) -> None:
        """Resume polling a 202 job whose status URL was stored before a restart."""
        if job.id in self._tasks or job.id in self._jobs:
            return  # already resumed (the window resumes all, a reopened batch its own)
        self._start(job, self._resume_polling(job))

    def cancel(self, job_id: str) -> bool:
        task = self._tasks.get(job_id)
        if task is not None:  # a resumed poll, or a recording waiting for its pieces
            task.cancel()
            return True
        job = self._jobs.get(job_id)
        if job is not None:
            worker = self._running.get(job_id)
            if worker is not None:  # its worker records the cancel and goes on with the next job
                self._cancelling.add(job_id)
                worker.cancel()
                return True
            if job in self._queue:  # not started yet
                self._queue.remove(job)
            timer = self._retry_timers.pop(job_id, None)
            if timer is not None:  # waiting to retry
                timer.cancel()
            self._stopped(job)
            self._done(job)
            return True
        task = self._tasks.get(job_id)
        if task is None:
            return False
        task.cancel()
        return True

    async def wait(self) -> None:
        while self._jobs or self._workers or self._tasks:
            if self._tasks:
                await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)
            else:
                waiter = asyncio.get_running_loop().create_future()
                self._idle_waiters.append(waiter)
                await waiter

    async def shutdown(self) -> None:
        """Stop everything; jobs still in flight become `interrupted` (not cancelled:
        the user did not cancel them and can resubmit them after the restart)."""
        self._closing = True
        for job in [*self._queue, *(self._jobs[i] for i in self._retry_timers)]:
            self._stopped(job)
            self._done(job)
        self._queue.clear()
        for timer in self._retry_timers.values():
            timer.cancel()
        self._retry_timers.clear()
        for task in [*self._workers, *self._tasks.values()]:
            task.cancel()
        await self.wait()

    def _enqueue(self, job: Job) -> None:
        self._jobs[job.id] = job
        if self.recordings.wants(job):  # waits for its pieces without taking a slot
            self._start(job, self._record(job))
            return
        self._queue.append(job)
        self._notify(job)
        self._add_workers()

    def _send_whole(self, job: Job) -> None:
        """A recording that can go as it is: queued like any job."""
        self._queue.append(job)
        self._add_workers()

    async def _record(self, job: Job) -> None:
        try:
            await self.recordings.run(job)
        except asyncio.CancelledError:
            self._stopped(job)
            raise
        except Exception as exc:  # a bug must not leave a recording looking alive
            log.exception("recording %s crashed", job.id)
            self._fail(job, QueueError(ErrorKind.BAD_RESPONSE,
                                       translate("scheduler", "Internal error: {reason}").format(reason=exc)))
        finally:
            if job.state.terminal:
                self._done(job)

    def _add_workers(self) -> None:
        # One worker per queued job that no idle worker waits for, within the limit.
        idle = len(self._workers) - len(self._running)
        for _ in range(min(len(self._queue) - idle, self.throttle.limit - len(self._workers))):
            worker = asyncio.ensure_future(self._work())
            self._workers.add(worker)
            worker.add_done_callback(self._worker_done)

    def _worker_done(self, worker: asyncio.Task[None]) -> None:
        self._workers.discard(worker)
        if not worker.cancelled() and worker.exception() is not None:
            log.error("scheduler worker crashed", exc_info=worker.exception())
        self._add_workers()  # a worker cancelled with its job leaves queued jobs to the others
        self._check_idle()

    def _done(self, job: Job) -> None:
        self._jobs.pop(job.id, None)
        self._check_idle()

    def _check_idle(self) -> None:
        if not (self._jobs or self._workers):
            waiters, self._idle_waiters = self._idle_waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def _start(self, job: Job, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks[job.id] = task
        task.add_done_callback(lambda t, job=job: self._task_done(t, job))
        self._notify(job)

    def _task_done(self, task: asyncio.Task[None], job: Job) -> None:
        self._tasks.pop(job.id, None)
        # A task cancelled before its first step never ran its own handler: the job would
        # stay queued for ever. Record the cancel here instead.
        if task.cancelled() and not job.state.terminal:
            self._stopped(job)

    # -- running one job --------------------------------------------------------

    async def _work(self) -> None:
        """A worker: takes the next queued job once the throttle grants a slot, until none is left."""
        worker = asyncio.current_task()
        assert worker is not None
        while self._queue:
            await self.throttle.acquire()
            if not self._queue:  # cancelled while we waited
                self.throttle.release()
                return
            job = self._queue.popleft()
            self._running[job.id] = worker
            try:
                await self._run(job)  # the slot is held until the result is safe on disk
            except asyncio.CancelledError:
                self._stopped(job)
                self._done(job)
                if job.id not in self._cancelling or self._closing or worker.uncancel() > 0:
                    raise  # the worker itself is stopped (shutdown)
            except Exception:  # recording the outcome failed: the job must not count as active for ever
                log.exception("job %s crashed", job.id)
                self._done(job)
            finally:
                self._cancelling.discard(job.id)
                self._running.pop(job.id, None)
                self.throttle.release()

    async def _run(self, job: Job) -> None:
        """One attempt; a failure worth retrying queues the job again after the backoff."""
        try:
            reply = await self._attempt(job)
            await self._succeed(job, reply)
        except QueueError as error:
            if self._retry_later(job, error):
                delay = max(0.0, (job.retry_at or 0) - time.time())
                self._retry_timers[job.id] = asyncio.get_running_loop().call_later(delay, self._retry, job)
                return
            self._fail(job, error)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must not leave a job looking alive
            log.exception("job %s crashed", job.id)
            self._fail(job, QueueError(ErrorKind.BAD_RESPONSE,
                                       translate("scheduler", "Internal error: {reason}").format(reason=exc)))
        self._done(job)

    def _retry(self, job: Job) -> None:
        """The backoff is over: back in the queue (at the end, like a new job)."""
        self._retry_timers.pop(job.id, None)
        self._queue.append(job)
        self._add_workers()

    async def _attempt(self, job: Job) -> Reply:
        multipart = job.endpoint.spec.body is BodyKind.MULTIPART
        number = job.attempts + 1
        # Speed: one Message per attempt number, not one per job (its recipe is encoded for the store once).
        words = self._attempt_words.get(number)
        if words is None:
            words = self._attempt_words[number] = translate("scheduler", "attempt {number}").format(number=number)
        self._move(job, JobState.SUBMITTING if multipart else JobState.WAITING, words, attempts=number,
                   progress=0.0 if multipart else None)
        return await self.client.send(job.request, self._hooks(job))

    async def _resume_polling(self, job: Job) -> None:
        try:
            if job.state is not JobState.POLLING:
                self._move(job, JobState.POLLING, translate("scheduler", "resumed"))
            reply = await self.client.poll(job.status_url or "", self._hooks(job))
            await self._succeed(job, reply)
        except QueueError as error:
            self._fail(job, error)
        except asyncio.CancelledError:
            self._stopped(job)
            raise

    async def _succeed(self, job: Job, reply: Reply) -> None:
        args = (self.store.results_dir, job.id, job.endpoint, reply)
        if save_inline(job.endpoint, reply):
            saved = save_result(*args)
        else:  # big answers and images are decoded and written off the event loop (the GUI thread)
            saved = await asyncio.get_running_loop().run_in_executor(None, save_result, *args)
        detail = None
        if job.endpoint.spec.result is ResultKind.IMAGES:
            if needs_download(job.endpoint, reply.parsed):  # `url` images expire within the hour: fetch them now
                saved.files += await download_images(self.client, Path(saved.raw).parent, reply.parsed)
            expected = image_count(reply.parsed)
            if len(saved.files) < expected:  # the answer and every image that came are kept
                detail = translate("scheduler", "{saved} of {total} images saved").format(
                    saved=len(saved.files), total=expected)
        self._move(job, JobState.SUCCEEDED, detail, http_status=reply.status, result_path=saved.raw,
                   usage=saved.usage, error=None, error_kind=None)
        self.throttle.succeeded()

    def _hooks(self, job: Job) -> Hooks:
        def uploaded(sent: int, total: int) -> None:
            job.progress = sent / total if total else 1.0
            self._notify(job)

        def sent() -> None:
            if job.state is JobState.SUBMITTING:
                self._move(job, JobState.WAITING, progress=None)

        def accepted(server_job_id: str | None, status_url: str) -> None:
            # Stored before polling starts, so polling resumes after a restart.
            self._move(job, JobState.POLLING, translate("scheduler", "accepted (202)"), server_job_id=server_job_id,
                       status_url=status_url)

        def status(_status: str, position: int | None) -> None:
            if position != job.queue_position:
                job.queue_position = position
                self._notify(job)

        return Hooks(uploaded=uploaded, sent=sent, accepted=accepted, status=status)

    def _retry_later(self, job: Job, error: QueueError) -> bool:
        if not error.retryable or job.attempts >= self.max_attempts or job.status_url:
            return False
        # Exponential backoff with full jitter, but never sooner than the server asked.
        backoff = random.uniform(0, min(self.backoff_max, self.backoff_base * 2 ** (job.attempts - 1)))
        delay = max(backoff, error.retry_after or 0.0)
        if error.kind is ErrorKind.RATE_LIMITED or error.status == 503:
            self.throttle.pushback(error.retry_after)
        log.info("job %s: attempt %d failed (%s); retrying in %.1f s", job.id, job.attempts,
                 one_line(english(error.message)), delay)
        self._move(job, JobState.RETRYING, error.message, retry_at=time.time() + delay,
                   error=error.message, error_kind=error.kind.value, http_status=error.status)
        return True

    def _fail(self, job: Job, error: QueueError) -> None:
        log.warning("job %s (%s) failed after %d attempt(s): %s", job.id, job.endpoint.value, job.attempts,
                    one_line(english(error.message)))  # server words: one log line, never a forged second one
        if error.status:
            save_error(self.store.results_dir, job.id, error.status, error.body, error.request_id)
        self._move(job, JobState.FAILED, error.detail or error.message, error=error.message,
                   error_kind=error.kind.value, http_status=error.status, progress=None)

    def _stopped(self, job: Job) -> None:
        if job.state.terminal:
            return
        if self._closing:
            if job.status_url:
                return  # the server holds the job: polling resumes at the next start
            self._move(job, JobState.INTERRUPTED, translate("scheduler", "app closed"), progress=None)
        else:
            self._move(job, JobState.CANCELLED, translate("scheduler", "cancelled by the user"), progress=None)

    def _move(self, job: Job, state: JobState, detail: str | None = None, **changes) -> None:
        live = {k: changes.pop(k) for k in ("progress", "retry_at") if k in changes}
        for name, value in live.items():
            setattr(job, name, value)
        # Written behind (write_behind.py), except the 202 job id: polling must resume after a crash.
        self.store.transition(job, state, detail, defer=state is not JobState.POLLING, **changes)
        self._writes.changed()
        self._notify(job)

    def on_store_trouble(self, listener: Callable[[str | None], None] | None) -> None:
        """`listener(message)` when the store has been locked by another process for a while
        (changes are kept and retried), `listener(None)` once they are written."""
        self._writes.on_trouble = listener

    def after_flush(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the state changes made so far are written to
        the store (within FLUSH_DELAY): e.g. a batch record written after this callback
        never claims an outcome that the store has not recorded."""
        self._writes.after(callback)

    def _notify(self, job: Job) -> None:
        for listener in self._listeners:
            try:
                listener(job)
            except Exception:  # a broken view must not stop the engine
                log.exception("job listener failed")

"""The scheduler: runs jobs with a concurrency limit, retries what is worth retrying,
records every state change in the store and tells listeners about it.

Listeners are plain callables (not Qt signals) called on the event loop with the job
that changed, so the GUI and the headless commands share this engine."""
from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Iterable

from .client import Hooks, QueueClient, Reply
from .endpoints import BodyKind
from .errors import ErrorKind, QueueError
from .jobs import Job, JobState
from .image_results import download_images, needs_download
from .results import save_inline, save_result
from .store import JobStore
from .throttle import Throttle

log = logging.getLogger(__name__)

Listener = Callable[[Job], None]

FLUSH_DELAY = 0.05  # seconds a state change may wait for the store's next transaction


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
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._listeners: list[Listener] = []
        self._closing = False
        self._flush_scheduled = False
        self._after_flush: list[Callable[[], None]] = []

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
        return len(self._tasks)

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
        fresh = [j for j in jobs if j.state is JobState.QUEUED and self.store.get(j.id) is None]
        self.store.add_many(fresh)
        fresh_ids = {j.id for j in fresh}
        for job in jobs:
            if job.id not in fresh_ids:  # a finished job sent again
                self._requeue(job)
            self._start(job, self._run(job))
        return jobs

    def _requeue(self, job: Job) -> None:
        self.store.transition(job, JobState.QUEUED, "resubmitted", attempts=0, error=None, error_kind=None,
                              http_status=None, server_job_id=None, status_url=None, result_path=None)

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
                self._start(job, self._run(job))
            await asyncio.sleep(0)
        return jobs

    def resume_polling(self, job: Job) -> None:
        """Resume polling a 202 job whose status URL was stored before a restart."""
        self._start(job, self._resume_polling(job))

    def cancel(self, job_id: str) -> bool:
        task = self._tasks.get(job_id)
        if task is None:
            return False
        task.cancel()
        return True

    async def wait(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def shutdown(self) -> None:
        """Stop everything; jobs still in flight become `interrupted` (not cancelled:
        the user did not cancel them and can resubmit them after the restart)."""
        self._closing = True
        for task in list(self._tasks.values()):
            task.cancel()
        await self.wait()

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

    async def _run(self, job: Job) -> None:
        try:
            while True:
                try:
                    async with self.throttle:  # held until the result is safe on disk
                        reply = await self._attempt(job)
                        await self._succeed(job, reply)
                    return
                except QueueError as error:
                    if not self._retry_later(job, error):
                        self._fail(job, error)
                        return
                    await asyncio.sleep(max(0.0, (job.retry_at or 0) - time.time()))
        except asyncio.CancelledError:
            self._stopped(job)
            raise
        except Exception as exc:  # a bug must not leave a job looking alive
            log.exception("job %s crashed", job.id)
            self._fail(job, QueueError(ErrorKind.BAD_RESPONSE, f"Internal error: {exc}"))

    async def _attempt(self, job: Job) -> Reply:
        multipart = job.endpoint.spec.body is BodyKind.MULTIPART
        self._move(job, JobState.SUBMITTING if multipart else JobState.WAITING,
                   f"attempt {job.attempts + 1}", attempts=job.attempts + 1, progress=0.0 if multipart else None)
        return await self.client.send(job.request, self._hooks(job))

    async def _resume_polling(self, job: Job) -> None:
        try:
            if job.state is not JobState.POLLING:
                self._move(job, JobState.POLLING, "resumed")
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
        if needs_download(job.endpoint, reply.parsed):  # `url` images expire within the hour: fetch them now
            saved.files += await download_images(self.client, saved.raw.parent, reply.parsed)
        self._move(job, JobState.SUCCEEDED, http_status=reply.status, result_path=str(saved.raw),
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
            self._move(job, JobState.POLLING, "accepted (202)", server_job_id=server_job_id, status_url=status_url)

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
        log.info("job %s: attempt %d failed (%s); retrying in %.1f s", job.id, job.attempts, error.message, delay)
        self._move(job, JobState.RETRYING, error.message, retry_at=time.time() + delay,
                   error=error.message, error_kind=error.kind.value, http_status=error.status)
        return True

    def _fail(self, job: Job, error: QueueError) -> None:
        log.warning("job %s (%s) failed after %d attempt(s): %s", job.id, job.endpoint.value, job.attempts,
                    error.message)
        self._move(job, JobState.FAILED, error.detail or error.message, error=error.message,
                   error_kind=error.kind.value, http_status=error.status, progress=None)

    def _stopped(self, job: Job) -> None:
        if job.state.terminal:
            return
        if self._closing:
            if job.status_url:
                return  # the server holds the job: polling resumes at the next start
            self._move(job, JobState.INTERRUPTED, "app closed", progress=None)
        else:
            self._move(job, JobState.CANCELLED, "cancelled by the user", progress=None)

    def _move(self, job: Job, state: JobState, detail: str | None = None, **changes) -> None:
        live = {k: changes.pop(k) for k in ("progress", "retry_at") if k in changes}
        for name, value in live.items():
            setattr(job, name, value)
        # Speed: state changes are written at most FLUSH_DELAY later, all in one transaction
        # (per loop turn was one commit per job at 8 jobs at once); the 202 job id is written
        # at once (polling must resume after a crash). Readers of the store flush first.
        self.store.transition(job, state, detail, defer=state is not JobState.POLLING, **changes)
        self._schedule_flush()
        self._notify(job)

    def after_flush(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the state changes made so far are written to
        the store (within FLUSH_DELAY): e.g. a batch record written after this callback
        never claims an outcome that the store has not recorded."""
        self._after_flush.append(callback)
        self._schedule_flush()

    def _schedule_flush(self) -> None:
        if not self._flush_scheduled:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_later(FLUSH_DELAY, self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        self.store.flush()
        callbacks, self._after_flush = self._after_flush, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one broken callback must not stop the others
                log.exception("after-flush callback failed")

    def _notify(self, job: Job) -> None:
        for listener in self._listeners:
            try:
                listener(job)
            except Exception:  # a broken view must not stop the engine
                log.exception("job listener failed")

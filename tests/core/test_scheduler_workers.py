"""The scheduler's job queue and its workers against the sandbox: cancel of a running, a
queued and a retrying job (the rest still run), a raised limit that runs more jobs at
once, and shutdown with jobs in every stage."""
from __future__ import annotations

import asyncio
import time

import pytest
import pytest_asyncio

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.asyncio


def chat(prompt: str) -> Job:
    return Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": prompt}]})


@pytest_asyncio.fixture
async def engine(sandbox, home):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=3)
    yield engine
    await engine.aclose()


async def until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        await asyncio.sleep(0.01)


def sent(sandbox) -> list[str]:
    return [r.json["messages"][0]["content"] for r in sandbox.requests if r.method == "POST"]


async def test_cancelling_a_running_and_a_queued_job_leaves_the_others_running(engine, sandbox):
    sandbox.config.latency = 0.4
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(8)])
    await until(lambda: all(j.state is JobState.WAITING for j in jobs[:3]))
    assert engine.scheduler.cancel(jobs[0].id)  # running
    assert engine.scheduler.cancel(jobs[5].id)  # queued behind the limit
    await engine.scheduler.wait()
    assert jobs[0].state is JobState.CANCELLED and jobs[5].state is JobState.CANCELLED
    assert all(j.state is JobState.SUCCEEDED for i, j in enumerate(jobs) if i not in (0, 5))
    assert {engine.store.get(j.id).state for j in (jobs[0], jobs[5])} == {JobState.CANCELLED}
    assert "q5" not in sent(sandbox) and engine.scheduler.active == 0 and engine.scheduler.throttle.active == 0
    assert not engine.scheduler.cancel(jobs[1].id)  # finished: nothing to cancel


async def test_a_job_waiting_to_retry_is_cancelled_at_once(engine, sandbox):
    sandbox.config.rate_limit_every = 1
    sandbox.config.retry_after = 30
    job = engine.scheduler.submit(chat("refused"))
    await until(lambda: job.state is JobState.RETRYING)
    assert engine.scheduler.cancel(job.id)
    await asyncio.wait_for(engine.scheduler.wait(), 10)  # the retry is 30 s away: cancelled at once
    assert job.state is JobState.CANCELLED and engine.store.get(job.id).state is JobState.CANCELLED


async def test_a_raised_limit_runs_more_jobs_at_once(engine, sandbox):
    sandbox.config.latency = 0.2
    waiting, peak, started = set(), 0, []

    def watch(job: Job) -> None:
        nonlocal peak
        if job.state is JobState.WAITING:
            started.append(job.summary)
        (waiting.add if job.state is JobState.WAITING else waiting.discard)(job.id)
        peak = max(peak, len(waiting))

    engine.scheduler.subscribe(watch)
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(40)])
    await until(lambda: len(waiting) == 3)
    engine.scheduler.throttle.set_limit(6)  # the throttle grows to it by one job per round of successes
    await engine.scheduler.wait()
    assert peak == 6 and all(j.state is JobState.SUCCEEDED for j in jobs)
    assert started == [f"q{i}" for i in range(40)]  # in the order submitted


async def test_shutdown_interrupts_running_queued_and_retrying_jobs(engine, sandbox):
    sandbox.config.latency = 30
    sandbox.config.rate_limit_every = 2  # every second POST is refused: those wait to retry
    sandbox.config.retry_after = 30
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(7)])
    await until(lambda: {JobState.RETRYING, JobState.WAITING, JobState.QUEUED} <= {j.state for j in jobs})
    await asyncio.wait_for(engine.scheduler.shutdown(), 10)  # answers and retries are 30 s away
    assert {j.state for j in jobs} == {JobState.INTERRUPTED}
    assert {engine.store.get(j.id).state for j in jobs} == {JobState.INTERRUPTED}
    assert engine.scheduler.active == 0

"""The scheduler against the sandbox: concurrency limit, retries honouring Retry-After,
cancel, shutdown, and the 202 job id stored before polling starts."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import pytest_asyncio

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import read_text

pytestmark = pytest.mark.asyncio


def chat(prompt: str) -> Job:
    return Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": prompt}]})


@pytest_asyncio.fixture
async def engine(sandbox, home):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=3)
    engine.scheduler.backoff_base = 0.05
    yield engine
    await engine.aclose()


async def test_jobs_run_within_the_concurrency_limit_and_keep_their_own_answers(engine, sandbox):
    sandbox.config.latency = 0.3
    waiting, peak = set(), 0

    def watch(job: Job) -> None:
        nonlocal peak
        (waiting.add if job.state is JobState.WAITING else waiting.discard)(job.id)
        peak = max(peak, len(waiting))

    engine.scheduler.subscribe(watch)
    jobs = engine.scheduler.submit_many([chat(f"question {i}") for i in range(10)])
    assert all(engine.store.get(j.id) for j in jobs)  # written before any request left
    await engine.scheduler.wait()

    assert peak == 3
    for job in jobs:
        stored = engine.store.get(job.id)
        assert stored.state is JobState.SUCCEEDED and stored.attempts == 1
        body = json.loads(Path(stored.result_path).read_text())
        answer = read_text(stored.result_path, Endpoint.CHAT)
        assert answer == body["choices"][0]["message"]["content"]
        assert job.summary in answer  # the sandbox quotes the prompt: each row has its own answer
        assert [t.state for t in engine.store.history(job.id)] == [
            JobState.QUEUED, JobState.WAITING, JobState.SUCCEEDED]


async def test_rate_limited_jobs_retry_no_sooner_than_retry_after(engine, sandbox):
    sandbox.config.rate_limit_every = 2  # every second request is refused with 429
    sandbox.config.retry_after = 1
    engine.scheduler.max_attempts = 4
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(4)])
    await engine.scheduler.wait()
    assert all(j.state is JobState.SUCCEEDED for j in jobs)
    retried = [j for j in jobs if j.attempts > 1]
    assert retried
    for job in retried:
        history = engine.store.history(job.id)
        for before, after in zip(history, history[1:]):
            if before.state is JobState.RETRYING:
                assert after.at - before.at >= 0.99  # waited at least Retry-After
        assert any("429" in (t.detail or "") for t in history)


async def test_errors_that_cannot_heal_are_not_retried(engine, sandbox):
    job = engine.scheduler.submit(Job(Endpoint.CHAT, {"model": "nope", "messages": [{"role": "user", "content": "x"}]}))
    await engine.scheduler.wait()
    assert job.state is JobState.FAILED and job.attempts == 1 and job.http_status == 404
    assert "404" in engine.store.get(job.id).error


async def test_server_errors_are_retried_then_fail_with_the_reason(engine, sandbox):
    sandbox.config.failure_rate = 1.0
    job = engine.scheduler.submit(chat("doomed"))
    await engine.scheduler.wait()
    assert job.state is JobState.FAILED and job.attempts == 3
    assert "500" in job.error


async def test_cancel_stops_an_in_flight_job_at_once(engine, sandbox):
    sandbox.config.latency = 30
    job = engine.scheduler.submit(chat("long"))
    while job.state is not JobState.WAITING:
        await asyncio.sleep(0.01)
    assert engine.scheduler.cancel(job.id)
    await asyncio.wait_for(engine.scheduler.wait(), 10)  # the answer is 30 s away: cancelled at once
    assert engine.store.get(job.id).state is JobState.CANCELLED


async def test_shutdown_leaves_in_flight_jobs_interrupted(engine, sandbox):
    sandbox.config.latency = 30
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(5)])
    while not any(j.state is JobState.WAITING for j in jobs):
        await asyncio.sleep(0.01)
    await engine.scheduler.shutdown()
    assert {engine.store.get(j.id).state for j in jobs} == {JobState.INTERRUPTED}


async def test_202_job_id_is_stored_before_polling_and_polling_resumes(engine, sandbox, home):
    sandbox.config.mode_202 = True
    sandbox.config.latency = 1.0
    seen_in_store = []

    def watch(job: Job) -> None:
        if job.state is JobState.POLLING:
            seen_in_store.append(engine.store.get(job.id).status_url)

    engine.scheduler.subscribe(watch)
    job = engine.scheduler.submit(chat("queued work"))
    while job.state is not JobState.POLLING:
        await asyncio.sleep(0.01)
    await engine.scheduler.shutdown()  # the app stops while the server works
    assert seen_in_store and seen_in_store[0].startswith("http://127.0.0.1")

    # A new app on the same home: the job resumes polling by itself.
    await engine.client.aclose()
    engine.store.close()
    again = Engine.open(sandbox.url, "sk-test", home=home)
    try:
        interrupted, to_poll = again.store.recover()
        assert not interrupted and [j.id for j in to_poll] == [job.id]
        again.scheduler.resume_polling(to_poll[0])
        await again.scheduler.wait()
        done = again.store.get(job.id)
        assert done.state is JobState.SUCCEEDED and done.server_job_id == job.server_job_id
        posts = [r for r in sandbox.requests if r.method == "POST"]
        assert len(posts) == 1  # resumed by polling, not sent again
    finally:
        await again.aclose()


async def test_big_submissions_go_in_chunks_and_every_job_is_stored_first(engine, sandbox):
    stored_before_sent = []

    def watch(job: Job) -> None:
        if job.state is JobState.WAITING:
            stored_before_sent.append(engine.store.get(job.id) is not None)

    engine.scheduler.subscribe(watch)
    done_earlier = engine.scheduler.submit(chat("earlier"))
    await engine.scheduler.wait()
    jobs = [chat(f"row {i}") for i in range(60)] + [done_earlier]  # a finished job sent again
    await engine.scheduler.submit_in_chunks(jobs, chunk=25)
    await engine.scheduler.wait()
    assert all(j.state is JobState.SUCCEEDED for j in jobs) and all(stored_before_sent)
    assert engine.store.count() == 61 and done_earlier.attempts == 1


async def test_a_job_cancelled_in_the_same_turn_it_was_submitted_ends_cancelled(engine, sandbox):
    seen = []
    engine.scheduler.subscribe(lambda job: seen.append(job.state))
    job = engine.scheduler.submit(chat("never mind"))
    assert engine.scheduler.cancel(job.id)  # before its task has run at all
    await engine.scheduler.wait()
    assert job.state is JobState.CANCELLED and engine.store.get(job.id).state is JobState.CANCELLED
    assert seen[-1] is JobState.CANCELLED and not [r for r in sandbox.requests if r.method == "POST"]

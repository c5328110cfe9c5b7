"""Robustness against a misbehaving network and server: hundreds of jobs with every kind
of fault, a SIGKILL in the middle of a batch, and the key never written anywhere."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_asyncio

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import read_text


def chat(prompt: str) -> Job:
    return Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": prompt}]})


@pytest_asyncio.fixture
async def engine(sandbox, home):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=16, max_attempts=5)
    engine.scheduler.backoff_base = 0.05
    yield engine
    await engine.aclose()


@pytest.mark.asyncio
async def test_300_jobs_through_every_kind_of_fault(engine, sandbox):
    sandbox.config.fault_rate = 0.25  # reset, truncate, html, garbage, slow
    sandbox.config.failure_rate = 0.05  # 500
    sandbox.config.rate_limit_every = 40  # 429 with Retry-After: 1
    sandbox.config.retry_after = 1
    jobs = engine.scheduler.submit_many([chat(f"row {i}") for i in range(300)])
    await engine.scheduler.wait()

    assert all(j.state.terminal for j in jobs)
    stored = engine.store.jobs()
    assert sorted(j.id for j in stored) == sorted(j.id for j in jobs)  # none missing or duplicated
    succeeded = [j for j in jobs if j.state is JobState.SUCCEEDED]
    assert len(succeeded) > 250
    for job in succeeded:
        answer = read_text(job.result_path, Endpoint.CHAT)
        assert f"row {job.summary.split()[-1]}" in answer and job.summary in answer
    failed = [j for j in jobs if j.state is JobState.FAILED]
    assert all(j.error and j.error_kind for j in failed)  # every failure says why, in words
    reasons = {t.detail for j in jobs for t in engine.store.history(j.id) if t.state is JobState.RETRYING}
    assert any("lost" in r for r in reasons) and any("502" in r for r in reasons)
    assert any("500" in r for r in reasons) and any("429" in r for r in reasons)
    waited_429 = 0
    for job in jobs:
        history = engine.store.history(job.id)
        for before, after in zip(history, history[1:]):
            if before.state is JobState.RETRYING and "429" in (before.detail or ""):
                assert after.at - before.at >= 0.99
                waited_429 += 1
    assert waited_429 >= 3
    faults_seen = {r.status for r in sandbox.requests}
    assert {0, 502, 500, 429} <= faults_seen


def write_rows(path: Path, rows: int) -> None:
    with path.open("w") as f:
        for i in range(rows):
            body = {"model": "gpt-4.1", "messages": [{"role": "user", "content": f"row {i}"}]}
            f.write(json.dumps({"custom_id": f"r{i}", "method": "POST", "url": "/v1/chat/completions", "body": body}) + "\n")


def test_sigkill_mid_batch_then_rerun_finishes_each_row_once(sandbox, home, tmp_path):
    rows = 60
    source = tmp_path / "in.jsonl"
    write_rows(source, rows)
    out = tmp_path / "out"
    sandbox.config.latency = 0.5
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    cmd = [sys.executable, "-m", "gui", "batch", str(source), "--base-url", sandbox.url,
           "--concurrency", "4", "--out", str(out)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    results = out / "results.jsonl"
    while time.time() < deadline and (not results.exists() or len(results.read_text().splitlines()) < 12):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
    done_before = {line["custom_id"] for line in first if line["error"] is None}
    assert 12 <= len(done_before) < rows

    sandbox.requests.clear()
    sandbox.config.latency = 0
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{rows} succeeded, 0 failed" in rerun.stdout
    final = [json.loads(line) for line in results.read_text().splitlines()]
    assert [line["custom_id"] for line in final] == [f"r{i}" for i in range(rows)]
    resent = {r.json["messages"][0]["content"] for r in sandbox.requests if r.method == "POST"}
    assert not resent & {f"row {cid[1:]}" for cid in done_before}  # succeeded rows were not sent again
    assert len(resent) == rows - len(done_before)
    # The killed run's jobs are in the history, the in-flight ones as interrupted.
    history = subprocess.run([sys.executable, "-m", "gui", "jobs", "--json"], env=env, capture_output=True,
                             text=True, timeout=60)
    states = [j["state"] for j in json.loads(history.stdout)]
    assert states.count("succeeded") == rows


def test_the_api_key_is_never_written_anywhere(sandbox, home, tmp_path):
    key = "sk-SECRET-1b2c3d4e5f-recognisable"
    sandbox.config.api_key = key
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY=key)
    source = tmp_path / "in.jsonl"
    write_rows(source, 5)
    for args in (["submit", "chat", "--prompt", "hi", "--out", str(home / "exports")],
                 ["submit", "models"],
                 ["batch", str(source), "--out", str(home / "batch")]):
        proc = subprocess.run([sys.executable, "-m", "gui", *args, "--base-url", sandbox.url], env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert key not in proc.stdout + proc.stderr
    subprocess.run([sys.executable, "-m", "gui", "submit", "chat", "--prompt", "x", "--base-url",
                    sandbox.url + "/nope"], env=env, capture_output=True, timeout=120)  # a failure, too
    files = [p for p in home.rglob("*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        assert key.encode() not in path.read_bytes(), path

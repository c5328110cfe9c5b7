"""Batches you can trust when processes die: `queue-desk batch` killed with -9 or stopped
with SIGTERM, rerun; the window's recovery beside a live CLI batch; 202 jobs resumed, not
sent again. Each runs the CLI as a user does (a subprocess) against the sandbox."""
from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch_cli import posts, write_csv
from test_cli import queue_desk

from gui.core.batch.cells import CELLS_NAME
from gui.core.endpoints import Endpoint
from gui.core.jobs.job import JobState
from gui.core.jobs.results import extract_text
from gui.core.jobs.store import JobStore

MODEL = "Llama-3.3-70B-Instruct"


def batch_args(sandbox, source: Path, out: Path, *extra: str) -> list[str]:
    return ["batch", str(source), "--base-url", sandbox.url, "--model", MODEL, "--template", "{question}",
            "--out", str(out), *extra]


def start(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    return subprocess.Popen([sys.executable, "-m", "gui", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def row_of(body: dict) -> int:
    """The CSV row a request was for (write_csv's prompts say "Frage <n>: ...")."""
    text = body["messages"][-1]["content"]
    return int(text.split(":", 1)[0].rsplit(" ", 1)[1])


def states(home: Path) -> list[str]:
    if not (home / "jobs.sqlite3").exists():
        return []
    db = sqlite3.connect(home / "jobs.sqlite3")
    try:
        return [s for (s,) in db.execute("SELECT state FROM jobs")]
    except sqlite3.OperationalError:  # the table is being created
        return []
    finally:
        db.close()


def answered_rows(out: Path) -> set[str]:
    path = out / "results.jsonl"
    if not path.exists():
        return set()
    found = set()
    for line in path.read_text().splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if item.get("error") is None and (item.get("response") or {}).get("status_code") == 200:
            found.add(item["custom_id"])
    return found


def test_rerun_after_kill_9_recovers_the_dead_runs_jobs_and_finishes(sandbox, home, tmp_path):
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 30)
    sandbox.config.latency = 0.5
    proc = start(batch_args(sandbox, source, out, "--concurrency", "4"), home)
    wait_for(lambda: len(posts(sandbox)) >= 6)
    proc.kill()
    proc.wait(10)
    sandbox.config.latency = 0.0
    rerun = queue_desk(*batch_args(sandbox, source, out), home=home, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert "30 succeeded, 0 failed" in rerun.stdout
    assert len(answered_rows(out)) == 30


def test_an_export_after_kill_9_and_a_rerun_is_complete_and_as_the_record_says(sandbox, home, tmp_path):
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 30)
    sandbox.config.latency = 0.2
    proc = start(batch_args(sandbox, source, out, "--concurrency", "4"), home)
    wait_for(lambda: len(answered_rows(out)) >= 8)
    proc.kill()
    proc.wait(10)
    cells = out / CELLS_NAME  # the answered rows' cells, appended beside the record
    with cells.open("ab") as f:
        f.write(cells.read_bytes()[:40])  # as if killed in the middle of the next append
    sandbox.config.latency = 0.0
    rerun = queue_desk(*batch_args(sandbox, source, out, "--format", "csv"), home=home, timeout=60)
    assert rerun.returncode == 0 and "30 succeeded, 0 failed" in rerun.stdout, rerun.stderr
    bodies = {item["custom_id"]: item["response"]["body"]
              for item in map(json.loads, (out / "results.jsonl").read_text().splitlines())}
    with (out / "q-results.csv").open(encoding="utf-8-sig", newline="") as f:
        header, *rows = csv.reader(f)
    assert len(rows) == 30
    for i, row in enumerate(rows, start=1):
        cells = dict(zip(header, row))
        body = bodies[f"row-{i}"]
        assert f"Frage {i}:" in cells["text"] and cells["text"] == extract_text(Endpoint.CHAT, body)
        assert (cells["status"], cells["error"], cells["model"]) == ("succeeded", "", body["model"])
        assert cells["tokens"] == str(body["usage"]["total_tokens"])


def test_sigterm_and_sighup_stop_like_ctrl_c(sandbox, home, tmp_path):
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 20)
    sandbox.config.latency = 30.0  # every request still open when the signal arrives
    for signum in (signal.SIGTERM, signal.SIGHUP):
        proc = start(batch_args(sandbox, source, out, "--concurrency", "3"), home)
        wait_for(lambda: states(home).count("waiting") >= 3)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=15)
        assert proc.returncode == 128 + signum, err
        assert signal.Signals(signum).name in err and "interrupted" in err
        live = {s for s in states(home)} & {s.value for s in JobState if s.in_flight or s is JobState.QUEUED}
        assert not live  # nothing left looking alive: in-flight jobs were marked interrupted and written
        sandbox.reset()
    sandbox.config.latency = 0.0
    rerun = queue_desk(*batch_args(sandbox, source, out), home=home, timeout=60)
    assert rerun.returncode == 0 and "20 succeeded, 0 failed" in rerun.stdout, rerun.stderr


@contextlib.contextmanager
def batch_in_flight(sandbox, home: Path, tmp_path: Path, latency: float):
    """A CLI batch of 6 rows, all sent and held by the server; killed afterwards if still running."""
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 6)
    sandbox.config.latency = latency
    proc = start(batch_args(sandbox, source, out, "--concurrency", "6"), home)
    try:
        wait_for(lambda: states(home).count("waiting") == 6)
        yield proc, source, out
    finally:
        proc.kill()
        proc.wait(10)


def test_recovery_leaves_the_jobs_of_a_live_process_alone(sandbox, home, tmp_path):
    with batch_in_flight(sandbox, home, tmp_path, latency=3.0) as (proc, _source, out):
        store = JobStore(home / "jobs.sqlite3")
        try:
            interrupted, to_poll = store.recover()  # what the window does when it opens
        finally:
            store.close()
        assert interrupted == [] and to_poll == []
        assert states(home).count("waiting") == 6
        assert proc.wait(30) == 0  # the CLI finished its jobs undisturbed
        assert len(answered_rows(out)) == 6


def test_a_killed_run_resumes_polling_what_the_server_accepted(sandbox, home, tmp_path):
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 8)
    sandbox.config.mode_202 = True
    sandbox.config.latency = 4.0  # 202 jobs take this long on the server
    proc = start(batch_args(sandbox, source, out, "--concurrency", "8"), home)
    wait_for(lambda: len(posts(sandbox)) >= 8)
    time.sleep(0.3)  # the status URLs are stored before polling starts
    proc.kill()
    proc.wait(10)
    rerun = queue_desk(*batch_args(sandbox, source, out), home=home, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert "8 succeeded, 0 failed" in rerun.stdout
    sent = [row_of(b) for b in posts(sandbox)]
    assert sorted(sent) == list(range(1, 9))  # each row POSTed once: the rerun polled, it did not pay twice


def stored_answers(home: Path, out: Path) -> set[int]:
    """Rows whose answer is stored: in the record, or in the job store as succeeded."""
    rows = {int(cid.split("-")[1]) for cid in answered_rows(out)}
    if (home / "jobs.sqlite3").exists():
        db = sqlite3.connect(home / "jobs.sqlite3")
        try:
            rows |= {int(cid.split("-")[1]) for (cid,) in
                     db.execute("SELECT custom_id FROM jobs WHERE state='succeeded' AND custom_id IS NOT NULL")}
        finally:
            db.close()
    return rows


@pytest.mark.slow
def test_kill_9_five_times_at_random_moments_then_every_row_is_answered_once(sandbox, home, tmp_path):
    import random

    source, out = tmp_path / "big.csv", tmp_path / "out"
    write_csv(source, 500)
    sandbox.config.latency = 0.3  # 16 rows always in flight when the kill comes
    rng = random.Random(int(os.environ.get("KILL_SEED", "15")))
    args = batch_args(sandbox, source, out, "--concurrency", "16")
    for attempt in range(6):
        answered = stored_answers(home, out)
        started = time.time()
        if attempt < 5:
            proc = start(args, home)
            delay = rng.uniform(1.0, 2.5)
            time.sleep(delay)
            proc.kill()
            proc.wait(10)
            time.sleep(0.3)  # requests the dead process left open finish at the server
        else:
            final = queue_desk(*args, home=home, timeout=60)
            assert final.returncode == 0, final.stderr
            assert "500 succeeded, 0 failed" in final.stdout
        sent = [row_of(r.json) for r in list(sandbox.requests) if r.method == "POST" and r.started >= started]
        again = sorted(set(sent) & answered)
        assert not again, f"run {attempt + 1}: rows {again[:10]} sent again although their answers were stored"
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(lines) == 500
    assert [line["custom_id"] for line in lines] == [f"row-{i}" for i in range(1, 501)]
    for i, line in enumerate(lines, start=1):  # each row's own answer, for its current request
        assert line["error"] is None and f"Frage {i}:" in line["response"]["body"]["choices"][0]["message"]["content"]


@pytest.mark.asyncio
async def test_a_rerun_waits_for_rows_another_live_process_resumed(sandbox, home, tmp_path):
    """The window opened after a crash claims the dead run's 202 jobs and polls them; the
    command run again meanwhile neither sends those rows again nor waits for ever."""
    import asyncio

    from gui.core.engine import Engine

    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 4)
    sandbox.config.mode_202 = True
    sandbox.config.latency = 3.0
    proc = start(batch_args(sandbox, source, out), home)
    wait_for(lambda: states(home).count("polling") == 4)
    proc.kill()
    proc.wait(10)
    engine = Engine.open(sandbox.url, "sk-test", home=home)  # this test process plays the window
    try:
        _, to_poll = engine.store.recover()
        assert len(to_poll) == 4
        for job in to_poll:
            engine.scheduler.resume_polling(job)
        rerun = start(batch_args(sandbox, source, out), home)
        await engine.scheduler.wait()
        for _ in range(300):
            if rerun.poll() is not None:
                break
            await asyncio.sleep(0.1)
        stdout, stderr = rerun.communicate(timeout=10)
        assert rerun.returncode == 0, stderr
        assert "4 succeeded, 0 failed" in stdout
        assert sorted(row_of(b) for b in posts(sandbox)) == [1, 2, 3, 4]  # each row POSTed once
    finally:
        await engine.aclose()

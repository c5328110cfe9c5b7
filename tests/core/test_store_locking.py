"""The store never drops a write: another process holding SQLite's write lock (a CLI batch,
a backup tool) delays changes but loses none; a locked store at start-up is a plain
message; every job records the process that owns it (schema migrated from version 1)."""
from __future__ import annotations

import asyncio
import os
import sqlite3
import threading

import pytest

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import QueueError
from gui.core.jobs import write_behind
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.owner import current_owner, is_alive, start_time
from gui.core.jobs.store import JobStore


def chat(prompt: str) -> Job:
    return Job(Endpoint.CHAT, {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": prompt}]})


def stored_states(path) -> dict[str, str]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT id, state FROM jobs"))
    finally:
        db.close()


class Locker:
    """Another connection (as another process would) holding the write lock."""

    def __init__(self, path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def __enter__(self) -> Locker:
        self.db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *exc) -> None:
        self.db.execute("COMMIT")
        self.db.close()


def test_a_refused_flush_keeps_the_changes_for_the_next_one(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path, busy_timeout=0.05)
    job = store.add(chat("hi"))
    store.transition(job, JobState.WAITING, defer=True)
    with Locker(path):
        with pytest.raises(sqlite3.OperationalError):
            store.flush()
        assert store.get(job.id) is not None  # reading still works while another process writes
    store.flush()
    assert stored_states(path) == {job.id: "waiting"}
    store.close()


def test_a_locked_store_at_start_up_is_a_plain_message(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA user_version=1")  # an older file: opening it must migrate, which needs the lock
    db.execute("CREATE TABLE jobs (id TEXT)")
    db.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(QueueError) as caught:
            JobStore(path, busy_timeout=0.05)
    finally:
        db.execute("ROLLBACK")
        db.close()
    assert "locked by another program" in caught.value.message and str(path) in caught.value.message


def test_version_1_files_gain_the_owner_column(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path)
    job = store.add(chat("old"))
    store._db.execute("UPDATE jobs SET owner=NULL")
    store.close()
    db = sqlite3.connect(path, isolation_level=None)  # make it look like a version-1 file
    db.executescript("ALTER TABLE jobs DROP COLUMN owner; PRAGMA user_version=1;")
    db.close()
    store = JobStore(path)
    assert store.get(job.id).owner is None  # written before owners: treated as a gone process
    interrupted, _ = store.recover()
    assert [j.id for j in interrupted] == [job.id] and store.get(job.id).owner == current_owner()
    store.close()


def test_owners_are_pid_and_start_time():
    assert is_alive(current_owner())
    pid, _, started = current_owner().partition("@")
    assert int(pid) == os.getpid()
    assert not is_alive(f"{pid}@{float(started) - 1000:.2f}")  # same pid, another (earlier) process
    assert not is_alive(None) and not is_alive("garbage")
    import psutil

    for pid in (os.getpid(), os.getppid()):  # the /proc fast path agrees with psutil
        assert abs(start_time(pid) - psutil.Process(pid).create_time()) < 0.05


@pytest.mark.asyncio
async def test_jobs_finishing_while_the_disk_is_locked_all_reach_the_store(sandbox, home, monkeypatch):
    monkeypatch.setattr(write_behind, "TELL_AFTER", 0.5)
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=8)
    told: list[str | None] = []
    engine.scheduler.on_store_trouble(told.append)
    sandbox.config.latency = 0.2
    path = engine.store.path
    jobs = engine.scheduler.submit_many([chat(f"q{i}") for i in range(24)])
    locker = Locker(path)
    hold = threading.Event()

    def lock_for_a_while() -> None:
        with locker:
            hold.wait(2.0)

    thread = threading.Thread(target=lock_for_a_while)
    thread.start()
    try:
        await engine.scheduler.wait()  # every job finishes while the lock is held
        assert all(j.state is JobState.SUCCEEDED for j in jobs)
        assert told and told[-1] and "locked by another program" in told[-1]
    finally:
        hold.set()
        thread.join()
    for _ in range(100):  # the kept changes are written once the lock is free
        if told[-1] is None:
            break
        await asyncio.sleep(0.05)
    assert told[-1] is None
    assert set(stored_states(path).values()) == {"succeeded"}
    await engine.aclose()


def test_a_killed_process_not_yet_reaped_is_gone():
    """kill -9 of a batch whose shell has gone leaves a zombie until something reaps it: its
    jobs are a dead run's, to be sent again, not another live process's to wait for."""
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = f"{child.pid}@{start_time(child.pid):.2f}"
        assert is_alive(owner)
        child.kill()
        deadline = time.monotonic() + 10
        while is_alive(owner) and time.monotonic() < deadline:  # exited, not reaped: a zombie
            time.sleep(0.05)
        assert not is_alive(owner)
        assert child.poll() is not None  # reaped only now
    finally:
        child.kill()
        child.wait()


def test_recovery_removes_the_half_written_results_of_dead_processes(tmp_path):
    import subprocess
    import sys
    import time

    store = JobStore(tmp_path / "jobs.sqlite3")
    job = store.add(chat("killed mid-write"))
    store.transition(job, JobState.WAITING)
    store._db.execute("UPDATE jobs SET owner='1@0.00' WHERE id=?", (job.id,))  # a process long gone
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    folder = store.results_dir / job.id
    folder.mkdir(parents=True)
    part = folder / f".response.json.{dead.stdout.strip()}-1.part"
    part.write_text("{\"half")
    past = time.time() - 3600
    os.utime(part, (past, past))
    mine = folder / f".other.json.{os.getpid()}-1.part"  # this process may be writing it right now
    mine.write_text("{")
    interrupted, _ = store.recover()
    assert [j.id for j in interrupted] == [job.id]
    assert not part.exists() and mine.exists()
    store.close()


def test_an_answer_saved_before_a_kill_is_recovered_not_paid_for_again(tmp_path):
    import json

    store = JobStore(tmp_path / "jobs.sqlite3")
    answered, unanswered = store.add(chat("answered")), store.add(chat("in flight"))
    for job in (answered, unanswered):
        store.transition(job, JobState.WAITING)
    store._db.execute("UPDATE jobs SET owner='1@0.00'")  # their process is gone
    body = {"choices": [{"message": {"content": "hi"}}], "usage": {"total_tokens": 7}}
    (store.results_dir / answered.id).mkdir(parents=True)
    (store.results_dir / answered.id / "response.json").write_text(json.dumps(body))
    interrupted, _ = store.recover()
    assert [j.id for j in interrupted] == [unanswered.id]
    job = store.get(answered.id)
    assert job.state is JobState.SUCCEEDED and job.usage == {"total_tokens": 7}
    assert job.result_path == str(store.results_dir / answered.id / "response.json")
    store.close()

"""A batch's end against the sandbox: its record rewritten in input order in a worker
thread while the event loop goes on (a million rows take seconds), the run `finishing`
meanwhile (folder held, nothing started, exports as the record says), and an engine that
closes (the app quitting) waits for that write."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest
import pytest_asyncio
from test_batch_run import chat_plan, write_questions

from gui.core.batch.export import export, snapshot
from gui.core.batch.folder_lock import FolderLock
from gui.core.batch.record import Record
from gui.core.batch.run import BatchRun
from gui.core.batch.states import RunState
from gui.core.engine import Engine
from gui.core.errors import QueueError

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def engine(sandbox, home):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=16)
    yield engine
    await engine.aclose()


class HeldWrite:
    """Record.write_ordered, held until released: which thread runs it, and how often the
    event loop turned while it ran."""

    def __init__(self, monkeypatch) -> None:
        self.threads: list[threading.Thread] = []
        self.started, self.release = threading.Event(), threading.Event()
        self.beats = 0
        self.beats_during = -1
        write = Record.write_ordered

        def held(record, *args, **kwargs):
            self.threads.append(threading.current_thread())
            self.started.set()
            before = self.beats
            self.release.wait(2.0)  # on the event loop (the defect) nobody could release it: time out
            self.beats_during = self.beats - before
            return write(record, *args, **kwargs)

        monkeypatch.setattr(Record, "write_ordered", held)

    async def beat(self) -> None:
        while True:
            self.beats += 1
            await asyncio.sleep(0.005)


async def test_the_loop_goes_on_while_the_finished_batch_is_written_in_input_order(
        engine, sandbox, tmp_path, monkeypatch):
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 300)
    run = await BatchRun.open(engine, chat_plan(source, out))
    held = HeldWrite(monkeypatch)  # after opening: its rewrite is in a worker already
    heartbeat = asyncio.ensure_future(held.beat())
    run.start()
    seen: list[RunState] = []
    run.subscribe(lambda r: seen.append(r.state))
    while not held.started.is_set():
        await asyncio.sleep(0.01)
    # The record is being written: the run says so, keeps its folder, starts nothing.
    assert run.state is RunState.FINISHING and not run._done.is_set()
    with pytest.raises(QueueError):
        FolderLock(out).acquire()
    with pytest.raises(QueueError):
        run.rerun_failed()
    run.cancel()  # nothing to cancel: the rows are done
    during = snapshot(run)  # an export now shows what the record will say
    await asyncio.sleep(0.05)
    held.release.set()
    await asyncio.wait_for(run.wait(), 30)
    heartbeat.cancel()

    assert held.threads and threading.main_thread() not in held.threads
    assert held.beats_during > 0  # the event loop turned while the record was written
    assert run.state is RunState.FINISHED and run.progress().done == 300
    assert seen[-2:] == [RunState.FINISHING, RunState.FINISHED]
    FolderLock(out).acquire()  # let go once written
    record = (out / "results.jsonl").read_bytes()
    assert [line.split(b'"custom_id": "')[1].split(b'"')[0] for line in record.splitlines()] == \
           [f"row-{i}".encode() for i in range(1, 301)]
    try:
        export(during, tmp_path / "during.jsonl", "jsonl")
    finally:
        during.close()
    after = snapshot(run)
    try:
        export(after, tmp_path / "after.jsonl", "jsonl")
    finally:
        after.close()
    assert (tmp_path / "during.jsonl").read_bytes() == (tmp_path / "after.jsonl").read_bytes() == record


async def test_closing_the_engine_waits_for_the_record_of_an_interrupted_batch(sandbox, home, tmp_path, monkeypatch):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    sandbox.config.latency = 0.2
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 40)
    run = await BatchRun.open(engine, chat_plan(source, out))
    run.start()
    while run.progress().done < 8:
        await asyncio.sleep(0.02)
    held = HeldWrite(monkeypatch)
    threading.Timer(0.3, held.release.set).start()  # a slow disk
    started = time.perf_counter()
    await engine.aclose()  # the app quitting: rows in flight are interrupted, the run ends
    assert held.threads and time.perf_counter() - started >= 0.25
    assert run.state is RunState.INTERRUPTED and run._done.is_set()
    FolderLock(out).acquire()
    lines = (out / "results.jsonl").read_bytes().splitlines()
    assert len(lines) == run.progress().finished and run.progress().done >= 8

"""Table batches through the engine against the sandbox: 1,000 rows, the export round
trip, re-running failed rows merged by custom_id, per-batch pause/cancel, continuing after
an interruption or a changed input, embeddings as one matrix; the cells file beside the
record (gui/core/batch/cells.py) as a cache: an export is the one made from the record alone,
whether that file is whole, missing, from an earlier run, cut off by a crash, or its lines changed."""
from __future__ import annotations

import asyncio
import json
import math
import shutil

import pytest
import pytest_asyncio
from npy_support import read_npy

from gui.core.batch.cells import CELLS_NAME, NO_ENTRY, result_text
from gui.core.batch.export import export, snapshot
from gui.core.batch.pace import MARGIN
from gui.core.batch.plan import BatchPlan, BatchSpec
from gui.core.batch.row_files import export_files
from gui.core.batch.run import BatchRun, run_plan
from gui.core.batch.states import RowState, RunState
from gui.core.batch.table import read_table
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine

pytestmark = pytest.mark.asyncio
LLM = "Llama-3.3-70B-Instruct"


@pytest_asyncio.fixture
async def open_engine(sandbox, home):
    engines = []

    def make(**kwargs) -> Engine:
        engine = Engine.open(sandbox.url, "sk-test", home=home, **kwargs)
        engine.scheduler.backoff_base = 0.01
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        await engine.aclose()


def write_questions(path, n: int, *, bom: bool = True) -> None:
    lines = ["id,question,topic,empty"]
    lines += [f'{i},"Question {i}: what about ""item {i}"", {chr(0x4e00 + i)}?",t{i % 7},' for i in range(1, n + 1)]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + ("\r\n".join(lines) + "\r\n").encode())


def chat_plan(path, out, template="Answer briefly: {question}") -> BatchPlan:
    return BatchPlan(read_table(path), BatchSpec(Endpoint.CHAT, LLM, template, "Topic {topic}."), out)


def posts(sandbox) -> list[str]:
    return [r.json["messages"][-1]["content"] for r in sandbox.requests if r.method == "POST"]


async def test_a_thousand_rows_then_the_csv_export_round_trip(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=32)
    source = tmp_path / "questions.csv"
    write_questions(source, 1000)
    plan = chat_plan(source, tmp_path / "out")
    run = await asyncio.wait_for(run_plan(engine, plan), 120)

    progress = run.progress()
    assert (progress.done, progress.failed, progress.remaining) == (1000, 0, 0)
    assert run.state is RunState.FINISHED and len(posts(sandbox)) == 1000
    lines = [json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == [f"row-{i}" for i in range(1, 1001)]

    csv_path, = export(snapshot(run), tmp_path / "out" / "answers.csv", "csv")
    back = read_table(csv_path)
    original = read_table(source)
    assert back.columns == original.columns + ["text", "status", "error", "tokens", "latency", "model"]
    width = len(original.columns)
    assert [row[:width] for row in back.rows] == original.rows  # input columns unchanged, input order
    for i, row in enumerate(back.rows, start=1):
        text, status, error, tokens, latency, model = row[width:]
        assert status == "succeeded" and error == "" and model == LLM
        assert f"Question {i}:" in text  # each row got its own answer
        assert int(tokens) > 0 and float(latency) >= 0


async def test_rerun_failed_merges_by_custom_id_without_duplicates(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=8, max_attempts=1)
    source = tmp_path / "q.csv"
    write_questions(source, 60)
    sandbox.config.failure_rate = 0.5
    run = await run_plan(engine, chat_plan(source, tmp_path / "out"))
    failed = {cid for i, cid in enumerate(run.plan.custom_ids) if run.outcome(i) is False}
    assert failed and len(failed) < 60 and run.progress().failed == len(failed)

    sandbox.reset()
    assert run.rerun_failed() == len(failed)
    await asyncio.wait_for(run.wait(), 30)
    assert sorted(posts(sandbox)) == sorted(f"Answer briefly: {run.plan.table.row_text(run.plan.index_of(c))['question']}"
                                            for c in failed)  # only the failed rows were sent again
    assert run.progress().done == 60
    lines = [json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == [f"row-{i}" for i in range(1, 61)]  # one line per row
    assert all(x["error"] is None for x in lines)
    stored = engine.store.jobs(batch_id=run.plan.batch_id)
    assert len(stored) == 60 and len({j.custom_id for j in stored}) == 60  # the failed jobs were resubmitted
    assert all(j.state.value == "succeeded" for j in stored)

    # Opened again (a restart): nothing is left to send.
    again = await run_plan(engine, chat_plan(source, tmp_path / "out"))
    assert again.progress().done == 60 and len(posts(sandbox)) == len(failed)


async def test_fast_rows_go_over_in_bigger_handfuls_slow_ones_eight_at_a_time(open_engine, sandbox, tmp_path):
    """Each hand-over is one store transaction: rows that take milliseconds go over in
    handfuls of dozens; rows that take a while still go 8 beyond the slots (what a paused
    batch still runs)."""
    engine = open_engine(concurrency=2)
    most: dict[str, int] = {}
    for name, latency, rows in (("fast", 0.0, 300), ("slow", 0.05, 30)):
        sandbox.config.latency = latency
        source = tmp_path / f"{name}.csv"
        write_questions(source, rows)
        run = await BatchRun.open(engine, chat_plan(source, tmp_path / name))
        run.subscribe(lambda r, name=name: most.__setitem__(name, max(most.get(name, 0), len(r._inflight))))
        run.start()
        await asyncio.wait_for(run.wait(), 60)
        assert run.progress().done == rows
    assert most["fast"] > 2 + MARGIN
    assert most["slow"] == 2 + MARGIN


async def test_pause_holds_the_batch_resume_continues_cancel_stops(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=2)
    sandbox.config.latency = 0.1
    source = tmp_path / "q.csv"
    write_questions(source, 40)
    run = await BatchRun.open(engine, chat_plan(source, tmp_path / "out"))
    run.start()
    await asyncio.sleep(0)
    run.pause()
    await asyncio.sleep(1.0)
    handed = run.sent
    assert handed <= run.window and run.state is RunState.PAUSED
    assert run.progress().finished == handed and run.progress().rate == 0.0
    run.resume()
    while run.progress().finished < handed + 4:
        await asyncio.sleep(0.05)
    assert run.progress().rate > 0
    run.cancel()
    await asyncio.wait_for(run.wait(), 10)
    assert run.state is RunState.CANCELLED
    p = run.progress()
    assert 0 < p.done < 40 and p.remaining > 0
    states = {run.row_state(i) for i in range(40)}
    assert RowState.NOT_RUN in states and RowState.SUCCEEDED in states

    assert run.rerun_failed() == 40 - p.done  # cancelled and never-sent rows
    await asyncio.wait_for(run.wait(), 30)
    assert run.progress().done == 40


async def test_an_interrupted_batch_continues_after_a_restart(sandbox, home, tmp_path):
    source = tmp_path / "q.csv"
    write_questions(source, 30)
    sandbox.config.latency = 0.3
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    run = await BatchRun.open(engine, chat_plan(source, tmp_path / "out"))
    run.start()
    await asyncio.sleep(0.5)
    await engine.aclose()  # the app quits: in-flight jobs become interrupted
    assert any(j.state.value == "interrupted" for j in run.jobs.values())
    await asyncio.sleep(0.5)  # requests the server still held are logged
    sandbox.reset()
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    try:
        engine.store.recover()
        reopened = await BatchRun.open(engine, chat_plan(source, tmp_path / "out"))
        p = reopened.progress()
        assert p.done >= 1 and p.failed >= 1 and p.done + p.failed < 30  # interrupted rows count as failed
        reopened.rerun_failed()
        await asyncio.wait_for(reopened.wait(), 30)
        assert reopened.progress().done == 30
        assert len(posts(sandbox)) == 30 - p.done  # the interrupted and never-sent rows, once each
        assert len(engine.store.jobs(batch_id=reopened.plan.batch_id)) == 30
    finally:
        await engine.aclose()


async def test_a_changed_row_is_sent_again_unchanged_rows_are_not(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=8)
    source = tmp_path / "q.csv"
    write_questions(source, 10, bom=False)
    await run_plan(engine, chat_plan(source, tmp_path / "out"))
    text = source.read_text().replace("Question 4:", "Question four:")
    source.write_text(text)
    sandbox.reset()
    run = await run_plan(engine, chat_plan(source, tmp_path / "out"))
    assert [p.split(":")[1] for p in posts(sandbox)] == [" Question four"]
    assert run.progress().done == 10


async def test_embeddings_export_one_matrix_in_row_order_and_files(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=4)
    source = tmp_path / "words.csv"
    source.write_text("word\nqueue\nbatch\nspreadsheet\n")
    plan = BatchPlan(read_table(source), BatchSpec(Endpoint.EMBEDDINGS, "text-embedding-bge-m3", "{word}"),
                     tmp_path / "out")
    run = await run_plan(engine, plan)
    table_path, npy_path = export(snapshot(run), tmp_path / "out" / "words.csv", "csv")
    shape, values = read_npy(npy_path.read_bytes())
    assert shape[0] == 3 and shape[1] > 0
    record = [json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    for i, line in enumerate(record):
        assert line["custom_id"] == f"row-{i + 1}"
        expected = line["response"]["body"]["data"][0]["embedding"]
        got = values[i * shape[1]:(i + 1) * shape[1]]
        assert all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-7) for a, b in zip(got, expected))
    assert "dimensional vector" in read_table(table_path).rows[0][1]

    files, skipped = export_files(snapshot(run), tmp_path / "files", "{row}-{word}")
    assert [f.name for f in files] == ["1-queue.json", "2-batch.json", "3-spreadsheet.json"] and skipped == 0


async def test_a_folder_of_audio_files_is_one_transcription_per_file(open_engine, sandbox, tmp_path):
    from media import wav

    engine = open_engine(concurrency=4)
    folder = tmp_path / "calls"
    folder.mkdir()
    for i, name in enumerate(["b-call.wav", "a-call.wav"]):
        (folder / name).write_bytes(wav(0.5, tone=i))
    plan = BatchPlan(read_table(folder), BatchSpec(Endpoint.TRANSCRIPTIONS, "whisper-large-v3",
                                                   params={"response_format": "srt"}), tmp_path / "out")
    assert plan.problems() == [] and plan.estimate_tokens() == 0
    run = await run_plan(engine, plan)
    assert run.progress().done == 2
    table, = export(snapshot(run), tmp_path / "out" / "calls.csv", "csv")
    rows = read_table(table).rows
    assert [r[1] for r in rows] == ["a-call.wav", "b-call.wav"] and all("-->" in r[2] for r in rows)
    files, _ = export_files(snapshot(run), tmp_path / "srt", "{name}")
    assert sorted(f.name for f in files) == ["a-call.wav.srt", "b-call.wav.srt"]


def export_bytes(run: BatchRun, path) -> bytes:
    snap = snapshot(run)
    try:
        return export(snap, path, "csv")[0].read_bytes()
    finally:
        snap.close()


def from_record_alone(run: BatchRun, path) -> bytes:
    """The export with no cells file: every row read from its line of the record."""
    cells = run.record.cells.path
    kept = cells.with_name("kept")
    shutil.move(cells, kept)
    try:
        return export_bytes(run, path)
    finally:
        shutil.move(kept, cells)


async def test_an_export_is_the_same_with_the_cells_file_whole_missing_or_from_an_earlier_run(
        open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=8, max_attempts=1)
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 40)
    sandbox.config.failure_rate = 0.3  # failed rows have no entry: they are read from their line
    run = await asyncio.wait_for(run_plan(engine, chat_plan(source, out)), 60)
    done = run.progress().done
    assert 0 < done < 40
    entries = [i for i in range(40) if run.record.cells.offsets[i] != NO_ENTRY]
    assert entries == [i for i in range(40) if run.row_state(i) is RowState.SUCCEEDED]
    whole = export_bytes(run, tmp_path / "whole.csv")
    assert whole == from_record_alone(run, tmp_path / "alone.csv")

    earlier = (out / CELLS_NAME).read_bytes()
    sandbox.config.failure_rate = 0.0
    again = await asyncio.wait_for(run_plan(engine, chat_plan(source, out, template="Say more: {question}")), 60)
    assert again.progress().done == 40  # every row asked again: new lines, new answers
    (out / CELLS_NAME).write_bytes(earlier)  # as if another process had put back an older file
    stale = export_bytes(again, tmp_path / "stale.csv")
    assert stale == from_record_alone(again, tmp_path / "alone2.csv")
    assert all("Say more: Question" in row[4] for row in read_table(tmp_path / "stale.csv").rows)


async def test_a_changed_line_is_read_from_the_record_not_from_its_entry(open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=4)
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 5)
    run = await asyncio.wait_for(run_plan(engine, chat_plan(source, out)), 60)
    record = out / "results.jsonl"
    # Another version of row 3's line, as long as the old one and in its place: only its
    # contents (CRC-32) tell the entry is not for it.
    record.write_bytes(record.read_bytes().replace(b"Question 3:", b"QUESTION 3:"))
    exported = export_bytes(run, tmp_path / "a.csv")
    assert exported == from_record_alone(run, tmp_path / "b.csv")
    assert "QUESTION 3:" in read_table(tmp_path / "a.csv").rows[2][4]


async def test_cells_cut_off_by_a_crash_are_passed_over_and_written_again_when_the_batch_opens(
        open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=4)
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 12)
    run = await asyncio.wait_for(run_plan(engine, chat_plan(source, out)), 60)
    expected = export_bytes(run, tmp_path / "expected.csv")
    cells = out / CELLS_NAME
    data = cells.read_bytes()
    second = run.record.cells.offsets[1]
    cells.write_bytes(data[:second + 30])  # the second entry cut off in the middle, the rest lost
    reopened = await BatchRun.open(engine, chat_plan(source, out))
    assert reopened.reused == 12 and all(reopened.record.cells.offsets[i] != NO_ENTRY for i in range(12))
    assert (out / CELLS_NAME).read_bytes() == data  # made again from the lines, the same
    assert export_bytes(reopened, tmp_path / "after.csv") == expected


async def test_an_export_of_a_running_batch_shows_the_rows_as_they_were_when_it_was_taken(
        open_engine, sandbox, tmp_path):
    engine = open_engine(concurrency=4)
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_questions(source, 40)
    sandbox.config.latency = 0.05
    run = await BatchRun.open(engine, chat_plan(source, out))
    run.start()
    while run.progress().done < 12:
        await asyncio.sleep(0.02)
    snap = snapshot(run)
    await asyncio.wait_for(run.wait(), 60)  # the record and the cells file are rewritten meanwhile
    try:
        expected = [(result_text(Endpoint.CHAT, r.body) if r.body is not None else "", r.status.value)
                    for r in map(snap.result, range(40))]
        export(snap, tmp_path / "then.csv", "csv")
    finally:
        snap.close()
    rows = read_table(tmp_path / "then.csv").rows
    assert [(row[4], row[5]) for row in rows] == expected
    assert sum(1 for text, status in expected if status == "succeeded" and text) >= 12
    assert {status for _, status in expected} >= {"succeeded", "running"}

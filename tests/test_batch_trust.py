"""`queue-desk batch` as a careful user tries it (subprocesses against the sandbox or a
hostile loopback server): defaults for --out, continuing by the request for JSONL, one
batch per output folder, safe CSV exports, bad parameters and inputs refused before
anything is sent, progress on a terminal, leftovers cleaned."""
from __future__ import annotations

import csv
import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

from canned import canned_server
from test_batch_cli import posts, write_csv
from test_batch_crash import batch_args, batch_in_flight
from test_cli import queue_desk, write_batch

MODEL = "Llama-3.3-70B-Instruct"


def test_without_out_results_go_beside_the_input(sandbox, home, tmp_path):
    source = tmp_path / "reqs.jsonl"
    write_batch(source, 3)
    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, home=home)
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "reqs-results"
    assert f"Results go to {folder}" in proc.stderr
    assert str(folder / "results.jsonl") in proc.stdout.splitlines()
    assert len((folder / "results.jsonl").read_text().splitlines()) == 3

    table = tmp_path / "fragen.csv"
    write_csv(table, 2)
    proc = queue_desk("batch", str(table), "--base-url", sandbox.url, "--template", "{question}", home=home)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "fragen-results" / "fragen-results.csv").is_file()


def test_jsonl_continues_by_the_request_not_only_the_custom_id(sandbox, home, tmp_path):
    out = tmp_path / "out"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_batch(first, 4)
    assert queue_desk("batch", str(first), "--base-url", sandbox.url, "--out", str(out), home=home).returncode == 0

    # The same ids, other prompts, run into the used folder: every row is sent again.
    lines = [json.loads(line) for line in first.read_text().splitlines()]
    for line in lines:
        line["body"]["messages"][0]["content"] = "other " + line["body"]["messages"][0]["content"]
    second.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sandbox.reset()
    proc = queue_desk("batch", str(second), "--base-url", sandbox.url, "--out", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert len(posts(sandbox)) == 4
    answers = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert all("other row" in a["response"]["body"]["choices"][0]["message"]["content"] for a in answers)

    # One prompt edited: only that row is sent; the summary says what happened.
    lines[2]["body"]["messages"][0]["content"] = "edited"
    second.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sandbox.reset()
    proc = queue_desk("batch", str(second), "--base-url", sandbox.url, "--out", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert [b["messages"][0]["content"] for b in posts(sandbox)] == ["edited"]
    assert "4 succeeded, 0 failed (3 reused, 1 sent, 1 changed since the last run)" in proc.stdout


def test_a_second_batch_into_the_same_folder_names_the_holder_and_sends_nothing(sandbox, home, tmp_path):
    with batch_in_flight(sandbox, home, tmp_path, latency=2.0) as (first, source, out):
        second = queue_desk(*batch_args(sandbox, source, out), home=home, timeout=60)
        assert second.returncode == 1
        assert f"pid {first.pid}" in second.stderr and str(out) in second.stderr
        assert first.wait(30) == 0
    assert len(posts(sandbox)) == 6  # nothing sent twice


def hostile_chat(content: str, model: str) -> bytes:
    return json.dumps({"id": "x", "object": "chat.completion", "model": model, "choices": [
        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()


def read_csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_exports_neutralise_formulas_from_the_server_and_from_workbooks(home, tmp_path):
    import openpyxl

    source = tmp_path / "in.csv"
    source.write_text('question,amount\n"=1+2",-3.5\n')
    book = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["question", "amount"])
    workbook.active.append(['=HYPERLINK("http://127.0.0.1/x","click")', -3.5])
    for cell in workbook.active[2]:
        cell.data_type = "s" if isinstance(cell.value, str) else cell.data_type  # text, not a formula
    workbook.save(book)
    answer = hostile_chat("=cmd|' /C calc'!A0", "@SUM(1+1)")
    with canned_server(200, answer, "application/json") as url:
        for path in (source, book):
            proc = queue_desk("batch", str(path), "--base-url", url, "--model", MODEL, "--template", "{question}",
                              "--format", "csv", "--out", str(tmp_path / f"out-{path.stem}"), home=home)
            assert proc.returncode == 0, proc.stderr
    header, row = read_csv_rows(tmp_path / "out-in" / "in-results.csv")
    cells = dict(zip(header, row))
    assert cells["question"] == "=1+2" and cells["amount"] == "-3.5"  # the user's own CSV cells unchanged
    assert cells["text"] == "'=cmd|' /C calc'!A0" and cells["model"] == "'@SUM(1+1)"
    assert cells["tokens"] == "2"  # numbers stay numbers
    header, row = read_csv_rows(tmp_path / "out-book" / "book-results.csv")
    cells = dict(zip(header, row))
    assert cells["question"] == '\'=HYPERLINK("http://127.0.0.1/x","click")' and cells["amount"] == "-3.5"
    assert cells["text"].startswith("'=")


def test_bad_inputs_and_parameters_are_refused_before_sending(sandbox, home, tmp_path):
    source = tmp_path / "q.csv"
    write_csv(source, 2)
    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--template", "{question}",
                      "--param", "temperature=9", "--out", str(tmp_path / "o1"), home=home)
    assert proc.returncode == 1 and "temperature" in proc.stderr

    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--endpoint", "image-edits",
                      "--template", "{question}", "--out", str(tmp_path / "o2"), home=home)
    assert proc.returncode == 1 and "audio" not in proc.stderr and "cannot be run as a batch" in proc.stderr

    out = tmp_path / "o3"
    out.mkdir()
    inside = out / "results.jsonl"
    write_batch(inside, 2)
    before = inside.read_bytes()
    proc = queue_desk("batch", str(inside), "--base-url", sandbox.url, "--out", str(out), home=home)
    assert proc.returncode == 1 and "inside the output folder" in proc.stderr
    assert inside.read_bytes() == before

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    proc = queue_desk("batch", str(fifo), "--base-url", sandbox.url, home=home, timeout=30)
    assert proc.returncode == 1 and "not a regular file" in proc.stderr
    assert not posts(sandbox)


def test_stale_part_files_of_dead_processes_are_removed(sandbox, home, tmp_path):
    source, out = tmp_path / "q.jsonl", tmp_path / "out"
    write_batch(source, 2)
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = out / f".results.jsonl.{dead.stdout.strip()}-1.part"
    stale.write_text("half a line")
    past = time.time() - 3600
    os.utime(stale, (past, past))
    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--out", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists()


def test_progress_line_on_a_terminal_only_the_summary_otherwise(sandbox, home, tmp_path):
    source = tmp_path / "q.jsonl"
    write_batch(source, 12)
    sandbox.config.latency = 0.3
    master, slave = pty.openpty()
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    proc = subprocess.Popen([sys.executable, "-m", "gui", "batch", str(source), "--base-url", sandbox.url,
                             "--concurrency", "2", "--max-attempts", "1", "--per-minute", "600",
                             "--out", str(tmp_path / "o")], stdout=subprocess.PIPE, stderr=slave, env=env, text=True)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0
    assert b"rows \xc2\xb7" in seen and b"running" in seen and b"ETA" in seen
    assert out.splitlines()[0] == "12 succeeded, 0 failed (0 reused, 12 sent, 0 changed since the last run)"
    piped = queue_desk("batch", str(source), "--base-url", sandbox.url, "--out", str(tmp_path / "o"), home=home)
    assert "rows ·" not in piped.stderr and "12 reused, 0 sent" in piped.stdout


def test_a_database_locked_at_batch_start_is_a_plain_message_and_the_batch_goes_on(sandbox, home, tmp_path):
    import sqlite3
    import threading

    from gui.core.jobs.store import JobStore

    JobStore(home / "jobs.sqlite3").close()  # the data folder exists, as after any earlier use
    source = tmp_path / "q.jsonl"
    write_batch(source, 3)
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:  # another program writing for a while (longer than the busy timeout)
        db = sqlite3.connect(home / "jobs.sqlite3", isolation_level=None, check_same_thread=False)
        db.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(7.0)
        db.execute("COMMIT")
        db.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    locked.wait(5)
    try:
        proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--out", str(tmp_path / "o"), home=home)
    finally:
        release.set()
        holder.join()
    assert proc.returncode == 0, proc.stderr
    assert "locked by another program" in proc.stderr and "Traceback" not in proc.stderr
    assert "3 succeeded, 0 failed" in proc.stdout

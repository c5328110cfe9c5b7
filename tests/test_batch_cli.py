"""`queue-desk batch` for tables, run as a user runs it (`python -m gui batch ...` in a
subprocess) against the sandbox: CSV in, CSV out; the same command again continues;
XLSX out; a template naming a column that does not exist sends nothing."""
from __future__ import annotations

from pathlib import Path

from test_cli import queue_desk

from gui.core.batch.table import read_table


def write_csv(path: Path, n: int) -> None:
    rows = ["question,lang"] + [f'"Frage {i}: was ist ""{i}""?",de' for i in range(1, n + 1)]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(rows).encode())


def posts(sandbox) -> list[dict]:
    return [r.json for r in sandbox.requests if r.method == "POST"]


def test_csv_to_csv_then_continue_then_xlsx(sandbox, home, tmp_path):
    source, out = tmp_path / "fragen.csv", tmp_path / "run"
    write_csv(source, 40)
    sandbox.config.failure_rate = 0.3
    args = ("batch", str(source), "--base-url", sandbox.url, "--endpoint", "chat", "--model", "Llama-3.3-70B-Instruct",
            "--template", "Answer in {lang}: {question}", "--system", "You answer in {lang}.", "--concurrency", "8",
            "--param", "temperature=0", "--out", str(out))
    proc = queue_desk(*args, home=home)
    exported = out / "fragen-results.csv"
    assert str(exported) in proc.stdout.splitlines()
    table = read_table(exported)
    statuses = [row[3] for row in table.rows]
    failed = statuses.count("failed")
    assert f"{40 - failed} succeeded, {failed} failed" in proc.stdout
    assert proc.returncode == (1 if failed else 0), proc.stderr
    assert [row[:2] for row in table.rows] == read_table(source).rows  # input columns unchanged, in order
    first = posts(sandbox)[0]
    assert first["messages"][0] == {"role": "system", "content": "You answer in de."}
    assert first["temperature"] == 0

    sandbox.reset()
    proc = queue_desk(*args, "--format", "xlsx", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "40 succeeded, 0 failed" in proc.stdout
    assert len(posts(sandbox)) == failed  # only the rows that had failed were sent again
    book = read_table(out / "fragen-results.xlsx")
    assert [row[:2] for row in book.rows] == read_table(source).rows
    assert all(row[3] == "succeeded" and f"Frage {i}:" in row[2] for i, row in enumerate(book.rows, start=1))
    assert (out / "results.jsonl").read_text().count("\n") == 40


def test_unknown_placeholder_sends_nothing_and_says_which(sandbox, home, tmp_path):
    source = tmp_path / "q.csv"
    write_csv(source, 3)
    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--template", "{questoin}",
                      "--out", str(tmp_path / "o"), home=home)
    assert proc.returncode == 1 and "{questoin}" in proc.stderr and "question, lang" in proc.stderr
    assert not posts(sandbox)

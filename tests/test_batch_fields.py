"""Answers as columns, as an analyst runs it: `queue-desk batch reviews.csv --field ...`
against the sandbox. Every request asks for the fields' strict schema (valid for the OpenAI
specification); every row gets one typed column per field; unfit answers are asked again
with the problem; a server that refuses json_schema is asked in JSON mode."""
from __future__ import annotations

import json

import openpyxl
from schemas.check import assert_valid
from test_cli import queue_desk

from gui.core.batch.table import read_table
from gui.core.endpoints import Endpoint
from gui.core.extraction.answers import check_answer

FIELDS = ("--field", "sentiment:positive|negative|neutral", "--field", "score:integer",
          "--field", "summary:text", "--field", "urgent:boolean")


def write_reviews(path, n: int) -> None:
    rows = ["id,review"] + [f"{i},\"Delivery {i} was late, but the support team was kind\"" for i in range(1, n + 1)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def chat_posts(sandbox) -> list[dict]:
    return [r.json for r in sandbox.requests if r.method == "POST" and r.path.endswith("/chat/completions")]


def run(sandbox, home, source, out, *extra):
    return queue_desk("batch", str(source), "--base-url", sandbox.url, "--endpoint", "chat",
                      "--model", "Llama-3.3-70B-Instruct", "--template", "Classify: {review}", *FIELDS,
                      "--out", str(out), *extra, home=home)


def test_every_row_gets_typed_columns_and_every_request_fits_the_specification(sandbox, home, tmp_path):
    source, out = tmp_path / "reviews.csv", tmp_path / "run"
    write_reviews(source, 12)
    proc = run(sandbox, home, source, out, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    for body in chat_posts(sandbox):
        assert_valid(Endpoint.CHAT, body)
        assert body["response_format"]["type"] == "json_schema" and body["response_format"]["json_schema"]["strict"]
    table = read_table(out / "reviews-results.csv")
    assert table.columns[:6] == ["id", "review", "sentiment", "score", "summary", "urgent"]
    for row in table.rows:
        assert row[2] in ("positive", "negative", "neutral") and row[3].lstrip("-").isdigit()
        assert row[5] in ("True", "False") and row[7] == "succeeded"
        assert json.loads(row[6])["sentiment"] == row[2]  # the raw answer stays in its own column

    run(sandbox, home, source, out, "--format", "xlsx")
    sheet = openpyxl.load_workbook(out / "reviews-results.xlsx").active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    first = [c for c in next(sheet.iter_rows(min_row=2, max_row=2))]
    cell = dict(zip(header, first))
    assert cell["score"].data_type == "n" and isinstance(cell["score"].value, int)
    assert cell["urgent"].data_type == "b" and isinstance(cell["urgent"].value, bool)
    assert cell["sentiment"].data_type == "s"


def test_unfit_answers_are_repaired_or_failed_with_the_reason(sandbox, home, tmp_path):
    source, out = tmp_path / "reviews.csv", tmp_path / "run"
    write_reviews(source, 10)
    sandbox.config.invalid_answer_rate = 0.5
    proc = run(sandbox, home, source, out, "--format", "jsonl")
    posts = chat_posts(sandbox)
    repairs = [p for p in posts if len(p["messages"]) > 1]
    assert repairs and all(p["messages"][-2]["role"] == "assistant" and "JSON Schema" in p["messages"][-1]["content"]
                           for p in repairs)
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(lines) == 10
    schema = posts[0]["response_format"]["json_schema"]["schema"]
    for line in lines:
        answer = line["response"]["body"]["choices"][0]["message"]["content"]
        if line["error"] is None:
            assert check_answer(answer, schema).fits
        else:
            assert line["error"]["code"] == "answer_did_not_fit" and "did not fit the fields" in line["error"]["message"]
    exported = [json.loads(line) for line in (out / "reviews-results.jsonl").read_text().splitlines()]
    assert all(item.get("fields") is not None for item in exported if item["error"] is None)
    assert proc.returncode == (0 if all(line["error"] is None for line in lines) else 1)


def test_a_server_that_refuses_json_schema_is_asked_in_json_mode(sandbox, home, tmp_path):
    source, out = tmp_path / "reviews.csv", tmp_path / "run"
    write_reviews(source, 6)
    sandbox.config.json_schema_unsupported = True
    proc = run(sandbox, home, source, out, "--format", "csv", "--concurrency", "1")
    assert proc.returncode == 0, proc.stderr
    posts = chat_posts(sandbox)
    modes = [p["response_format"]["type"] for p in posts]
    # Rows already handed over when the first refusal came back are each asked again once.
    assert modes.count("json_object") == 6 and modes.count("json_schema") <= 6
    for body in posts:
        assert_valid(Endpoint.CHAT, body)
    assert all(row[7] == "succeeded" for row in read_table(out / "reviews-results.csv").rows)

    sandbox.reset()  # the same server and model, another batch: JSON mode from the start
    sandbox.config.json_schema_unsupported = True
    other = tmp_path / "more.csv"
    write_reviews(other, 3)
    assert run(sandbox, home, other, tmp_path / "run2", "--format", "csv").returncode == 0
    assert [p["response_format"]["type"] for p in chat_posts(sandbox)] == ["json_object"] * 3


def test_bad_fields_stop_the_batch_before_anything_is_sent(sandbox, home, tmp_path):
    source = tmp_path / "reviews.csv"
    write_reviews(source, 3)
    proc = queue_desk("batch", str(source), "--base-url", sandbox.url, "--template", "Classify: {review}",
                      "--field", "sentiment:great", "--out", str(tmp_path / "o"), home=home)
    assert proc.returncode != 0 and "unknown type" in proc.stderr and "Traceback" not in proc.stderr
    assert chat_posts(sandbox) == []

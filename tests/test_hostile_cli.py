"""The CLI against a hostile server: `submit --timeout` returns, server text with terminal
control sequences is printed as one plain line, and odd but valid JSON (BOM, UTF-16/32, NaN)
makes strict results.jsonl lines and a batch that finishes."""
from __future__ import annotations

import codecs
import json
import time

import pytest
from hostile import Answer, Hostile, json_answer
from test_cli import queue_desk


def test_submit_timeout_ends_a_job_that_never_finishes(home):
    with Hostile() as server:
        server.on("/queue/chat/completions", Answer(202, b'{"id": "j", "status": "queued"}', {
            "Content-Type": "application/json", "Location": "/queue/s/j"}))
        server.on("/queue/s/j", json_answer(b'{"status": "running"}', **{"Retry-After": "0"}))
        started = time.monotonic()
        proc = queue_desk("submit", "chat", "--base-url", server.origin + "/queue", "--prompt", "hi",
                          "--timeout", "2", home=home, timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 1
    assert "2 s" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_server_text_cannot_drive_the_terminal(home):
    evil = ("bad\x1b]0;pwned\x07\x1b[2J\rqueue-desk: 3 succeeded, 0 failed\nsecond line\u202egnp.exe")
    with Hostile() as server:
        server.on("/queue/chat/completions", json_answer(json.dumps({"error": {"message": evil}}).encode(), 400))
        proc = queue_desk("submit", "chat", "--base-url", server.origin + "/queue", "--prompt", "hi", home=home)
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not any(c in proc.stderr for c in "\x1b\x07\r\u202e")
    assert "second line" in proc.stderr


def test_submit_images_with_no_image_saved_fails_and_says_why(home):
    with Hostile() as server:
        server.on("/queue/images/generations", json_answer(json.dumps(
            {"created": 1, "data": [{"url": server.origin + "/gone.png"}]}).encode()))
        proc = queue_desk("submit", "images", "--base-url", server.origin + "/queue", "--prompt", "a cat",
                          home=home)
    assert proc.returncode == 1
    assert "no image was saved" in proc.stderr and "404" in proc.stderr


def test_odd_but_valid_json_gives_strict_results_jsonl_and_a_batch_that_finishes(home, tmp_path):
    answer = {"choices": [{"message": {"role": "assistant", "content": "Grüße ✓"}}]}
    text = json.dumps(answer, ensure_ascii=False)
    odd = [codecs.BOM_UTF8 + text.encode(), text.encode("utf-16"), text.encode("utf-32-le"),
           (text[:-1] + ', "score": NaN}').encode()]
    source, out = tmp_path / "rows.csv", tmp_path / "run"
    source.write_text("q\n" + "\n".join(f"row {i}" for i in range(len(odd))) + "\n")
    args = ("batch", str(source), "--endpoint", "chat", "--model", "m", "--template", "{q}", "--concurrency", "1",
            "--out", str(out))
    with Hostile() as server:
        server.on("/queue/chat/completions", *[json_answer(body) for body in odd])
        proc = queue_desk(*args, "--base-url", server.origin + "/queue", home=home)
        assert proc.returncode == 0, proc.stderr
        assert f"{len(odd)} succeeded, 0 failed" in proc.stdout
        lines = (out / "results.jsonl").read_bytes().splitlines()
        assert len(lines) == len(odd)
        for line in lines:  # strict: UTF-8, no BOM, no NaN
            record = json.loads(line.decode("utf-8"), parse_constant=lambda c: pytest.fail(f"{c} in results.jsonl"))
            assert record["response"]["body"]["choices"][0]["message"]["content"] == "Grüße ✓"
        sent = len(server.seen)
        again = queue_desk(*args, "--base-url", server.origin + "/queue", home=home)
        assert again.returncode == 0, again.stderr
        assert len(server.seen) == sent  # the batch is finished: nothing is sent again

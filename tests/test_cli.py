"""The headless commands, run as a user runs them: `python -m gui ...` in a subprocess,
against the sandbox over loopback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from canned import closed_port


def queue_desk(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    return subprocess.run([sys.executable, "-m", "gui", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_submit_chat_saves_the_answer_and_prints_its_path(sandbox, home, tmp_path):
    out = tmp_path / "out"
    proc = queue_desk("submit", "chat", "--base-url", sandbox.url, "--prompt", "hi there",
                      "--param", "temperature=0.2", "--param", "max_tokens=200", "--out", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    printed = [Path(p) for p in proc.stdout.split()]
    answer = next(p for p in printed if p.name.endswith("answer.md"))
    assert answer.parent == out and "hi there" in answer.read_text()
    body = sandbox.requests[-1].json
    assert body["temperature"] == 0.2 and body["max_tokens"] == 200  # JSON values stay JSON
    assert body["messages"] == [{"role": "user", "content": "hi there"}]


def test_submit_against_a_closed_port_fails_with_one_short_line(home):
    proc = queue_desk("submit", "chat", "--base-url", f"http://127.0.0.1:{closed_port()}/queue",
                      "--prompt", "hi", home=home)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Could not connect" in lines[0] and len(lines[0]) < 200
    assert proc.stdout == ""


def test_submit_models_saves_the_model_list(sandbox, home):
    proc = queue_desk("submit", "models", "--base-url", sandbox.url, home=home)
    assert proc.returncode == 0, proc.stderr
    saved = json.loads(Path(proc.stdout.split()[0]).read_text())
    types = {m["id"]: m["meta_data"]["model_type"] for m in saved["data"]}
    assert types["text-embedding-bge-m3"] == "EMBEDDING" and types["Llama-3.3-70B-Instruct"] == "LLM"


def without_key(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    env["QUEUE_DESK_HOME"] = str(home)
    return env


def test_submit_without_a_key_says_how_to_set_it(home):
    # Refused before anything is sent: the host is not this machine.
    proc = subprocess.run([sys.executable, "-m", "gui", "submit", "chat", "--base-url", "https://example.invalid/queue",
                           "--prompt", "hi"], capture_output=True, text=True, env=without_key(home), timeout=60)
    assert proc.returncode == 1 and "OPENAI_API_KEY" in proc.stderr


def test_submit_without_a_key_to_this_machine_goes_without_one(sandbox, home):
    sandbox.config.key_optional = True  # as `queue-desk sandbox` runs it
    proc = subprocess.run([sys.executable, "-m", "gui", "submit", "chat", "--base-url", sandbox.url,
                           "--prompt", "hi"], capture_output=True, text=True, env=without_key(home), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "authorization" not in sandbox.requests[-1].headers


def test_the_window_without_a_display_says_so_in_one_line(home):
    proc = subprocess.run([sys.executable, "-m", "gui", "--sandbox"], capture_output=True, text=True,
                          env=without_key(home), timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY is not set" in lines[0]


def write_batch(path: Path, rows: int) -> None:
    with path.open("w") as f:
        for i in range(rows):
            body = {"model": "Llama-3.3-70B-Instruct", "messages": [{"role": "user", "content": f"row {i}"}]}
            f.write(json.dumps({"custom_id": f"row-{i}", "method": "POST", "url": "/v1/chat/completions",
                                "body": body}) + "\n")


def test_batch_with_failures_writes_one_line_per_row_and_continues(sandbox, home, tmp_path):
    requests_file = tmp_path / "requests.jsonl"
    write_batch(requests_file, 200)
    out = tmp_path / "run"
    sandbox.config.failure_rate = 0.5  # with 3 attempts, some rows still fail for good

    proc = queue_desk("batch", str(requests_file), "--base-url", sandbox.url, "--concurrency", "16",
                      "--out", str(out), home=home)
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [line["custom_id"] for line in lines] == [f"row-{i}" for i in range(200)]
    ok = [line for line in lines if line["error"] is None]
    failed = [line for line in lines if line["error"] is not None]
    assert ok and failed
    assert f"{len(ok)} succeeded, {len(failed)} failed" in proc.stdout and proc.returncode == 1
    for line in ok:
        content = line["response"]["body"]["choices"][0]["message"]["content"]
        assert f"row {line['custom_id'].split('-')[1]}" in content  # each row has its own answer
        assert line["response"]["status_code"] == 200
    assert all("500" in line["error"]["message"] for line in failed)

    # The same command again, with a healthy server: only the failed rows are sent.
    sandbox.reset()
    proc = queue_desk("batch", str(requests_file), "--base-url", sandbox.url, "--out", str(out), home=home)
    assert proc.returncode == 0, proc.stderr
    assert "200 succeeded, 0 failed" in proc.stdout
    sent = sorted(r.json["messages"][0]["content"] for r in sandbox.requests if r.method == "POST")
    assert sent == sorted(f"row {line['custom_id'].split('-')[1]}" for line in failed)
    again = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [line["custom_id"] for line in again] == [f"row-{i}" for i in range(200)]
    assert {line["custom_id"]: line for line in again if line["custom_id"] in {x["custom_id"] for x in ok}} == {
        line["custom_id"]: line for line in ok}  # earlier answers kept as they were


def test_batch_input_problems_name_the_line(home, tmp_path, sandbox):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n{oops\n')
    proc = queue_desk("batch", str(bad), "--base-url", sandbox.url, "--out", str(tmp_path / "o"), home=home)
    assert proc.returncode == 1 and "line 2" in proc.stderr
    assert not [r for r in sandbox.requests if r.method == "POST"]  # nothing was sent


def test_jobs_lists_the_history_as_json(sandbox, home):
    queue_desk("submit", "chat", "--base-url", sandbox.url, "--prompt", "remember me", home=home)
    proc = queue_desk("jobs", "--json", home=home)
    jobs = json.loads(proc.stdout)
    assert len(jobs) == 1 and jobs[0]["state"] == "succeeded" and jobs[0]["summary"] == "remember me"
    assert "sk-test" not in (home / "jobs.sqlite3").read_bytes().decode("latin-1")


def fill_history(home: Path, count: int) -> None:
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job, JobState
    from gui.core.jobs.store import JobStore

    store = JobStore.open_default(home)
    jobs = [Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": f"question {i}"}]},
                created_at=1_700_000_000 + i) for i in range(count)]
    store.add_many(jobs)
    store.transition(jobs[0], JobState.CANCELLED)
    store.flush()
    store.close()


def test_jobs_prints_a_header_newest_first_with_a_limit_and_a_state_filter(home):
    fill_history(home, 60)
    lines = queue_desk("jobs", home=home).stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "CREATED", "STATE"]
    assert len(lines) == 1 + 50 and lines[1].endswith("question 59") and lines[-1].endswith("question 10")
    assert len(queue_desk("jobs", "--limit", "3", home=home).stdout.splitlines()) == 1 + 3
    cancelled = queue_desk("jobs", "--state", "cancelled", home=home).stdout.splitlines()
    assert len(cancelled) == 2 and cancelled[1].endswith("question 0")


def test_jobs_into_a_closed_pipe_ends_quietly(home):
    fill_history(home, 3000)
    env = dict(os.environ, QUEUE_DESK_HOME=str(home))
    proc = subprocess.run(f"{sys.executable} -m gui jobs --limit 0 | head -1", shell=True, capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.stdout.startswith("ID") and proc.stderr == ""


def test_submit_refuses_an_unusable_out_folder_before_sending(sandbox, home, tmp_path):
    afile = tmp_path / "a-file"
    afile.write_text("x")
    for out in (afile, Path("/proc/queue-desk-nope")):
        proc = queue_desk("submit", "chat", "--base-url", sandbox.url, "--prompt", "hi", "--out", str(out), home=home)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and len(lines) == 1 and "--out" in lines[0] and "Traceback" not in proc.stderr
    assert not sandbox.requests  # nothing sent, nothing paid


def test_cli_messages_speak_of_flags_not_forms(home):
    proc = queue_desk("submit", "transcriptions", "--base-url", "http://127.0.0.1:9/queue", "--file", "/nope.wav",
                      home=home)
    assert "Check the path" in proc.stderr and "Choose" not in proc.stderr
    proc = queue_desk("submit", "chat", "--base-url", "http://example.invalid/queue", "--prompt", "x", home=home)
    assert "https://" in proc.stderr and "allow plain HTTP for this profile" not in proc.stderr


def test_submit_says_when_it_waits_to_try_again(sandbox, home):
    # The first POST is rate limited (Retry-After 3 s); the retry is answered. The wait is said.
    sandbox.config.rate_limit_every = 1
    sandbox.config.retry_after = 3.0
    first = sandbox.requests.copy()
    proc = subprocess.Popen([sys.executable, "-m", "gui", "submit", "chat", "--base-url", sandbox.url,
                             "--prompt", "hi"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test"))
    try:
        told = proc.stderr.readline()
    finally:
        sandbox.config.rate_limit_every = 0  # the retry gets its answer
    out, _ = proc.communicate(timeout=60)
    assert "429" in told and "Trying again in " in told and "(attempt 1 done)" in told
    assert proc.returncode == 0 and out.strip().endswith(".md") and len(sandbox.requests) > len(first)

"""A hostile server echoes the key stored for its profile while another key is in use
(OPENAI_API_KEY with a one-off base URL), and the key in use as well: both are redacted, so
neither reaches the store, the log, `jobs --json`, results.jsonl or the CSV export, in the
CLI and in the window."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hostile import Hostile, json_answer

from gui.core.profiles.keys import SERVICE
from gui.core.profiles.profile import PathStyle, Profile, ProfileStore

STORED = "sk-stored-in-the-keyring-0123456789"
IN_USE = "sk-from-the-environment-9876543210"
CHAT = "/queue/chat/completions"


@pytest.fixture
def server(home, memory_keyring, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", IN_USE)
    with Hostile() as server:
        server.on(CHAT, json_answer(json.dumps({"error": {"message": f"Invalid key Bearer {STORED}, not {IN_USE}"}}).encode(), 400),
                  json_answer(json.dumps({"choices": [{"message": {"role": "assistant",
                                                                   "content": f"keys: {STORED} {IN_USE}"}}]}).encode()))
        ProfileStore().save(Profile("Gateway", server.origin + "/queue", PathStyle.EXACT))
        memory_keyring.set_password(SERVICE, "Gateway", STORED)
        yield server


def assert_nowhere(home: Path, *texts: str) -> None:
    """Neither the stored key nor the one in use (echoed too) is in `texts` or under `home`."""
    for key in (STORED, IN_USE):
        for text in texts:
            assert key not in text
        for path in home.rglob("*"):
            if path.is_file():
                assert key.encode() not in path.read_bytes(), path


def test_the_cli_redacts_the_stored_key_of_the_servers_profile(server, home, tmp_path, capsys):
    from gui.cli import main

    source, out = tmp_path / "rows.csv", home / "run"
    source.write_text("q\none\ntwo\n")
    before = list(logging.getLogger().handlers)
    try:
        assert main(["batch", str(source), "--base-url", server.origin + "/queue", "--endpoint", "chat",
                     "--model", "m", "--template", "{q}", "--out", str(out), "--format", "csv"]) == 1
        assert main(["jobs", "--json"]) == 0
    finally:
        for handler in set(logging.getLogger().handlers) - set(before):  # the CLI's console and log file
            logging.getLogger().removeHandler(handler)
            handler.close()
    printed = capsys.readouterr()
    assert {s.headers["authorization"] for s in server.seen} == {f"Bearer {IN_USE}"}  # the other key is in use
    exported = (out / "rows-results.csv").read_text(encoding="utf-8-sig")
    assert "sk-…(redacted)" in exported and "sk-…(redacted)" in printed.out  # what the server said, minus the key
    assert (out / "results.jsonl").exists() and list((home / "logs").glob("*.log"))
    assert_nowhere(home, printed.out, printed.err)


def test_the_window_redacts_the_stored_key_of_the_servers_profile(server, home, qt_loop, qt_settings, run_async):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job, JobState
    from gui.core.logs import setup_file_logging
    from gui.ui.app import open_session, shutdown

    log = setup_file_logging(home)
    session = open_session(base_url=server.origin + "/queue")
    try:
        jobs = session.engine.scheduler.submit_many(
            [Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "hi"}]}) for _ in range(2)])
        run_async(session.engine.scheduler.wait())
        states = {session.engine.store.get(j.id).state for j in jobs}
    finally:
        run_async(shutdown(None, session.engine))
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(log)]:
            root.removeHandler(handler)
            handler.close()
    assert states == {JobState.FAILED, JobState.SUCCEEDED}
    assert {s.headers["authorization"] for s in server.seen} == {f"Bearer {IN_USE}"}
    assert_nowhere(home)


def test_with_a_profile_its_stored_key_is_in_use_and_the_environments_is_redacted(server, home, capsys):
    from gui.cli import main

    before = list(logging.getLogger().handlers)
    try:
        assert main(["submit", "chat", "--profile", "Gateway", "--prompt", "hi"]) == 1  # the 400
        assert main(["submit", "chat", "--profile", "Gateway", "--prompt", "hi"]) == 0
    finally:
        for handler in set(logging.getLogger().handlers) - set(before):
            logging.getLogger().removeHandler(handler)
            handler.close()
    printed = capsys.readouterr()
    assert {s.headers["authorization"] for s in server.seen} == {f"Bearer {STORED}"}
    assert "sk-…(redacted)" in printed.err
    assert_nowhere(home, printed.out, printed.err)

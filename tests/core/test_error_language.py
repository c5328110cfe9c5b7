"""An error and a timeline step keep their recipe, so they read in the language shown now,
not the one they were recorded in: a job that failed while the window spoke German reads
English in an English window, in `queue-desk jobs` and in the log (and the other way round);
the server's own words stay as the server wrote them. Stores written before keep their words."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from gui.core import i18n, logs
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.i18n import english, shown, translate
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "queue_desk_de.ts"
SERVER_SAID = "The model 'nope' does not exist or you do not have access to it."


def _catalogue() -> dict[tuple[str, str], str]:
    words = {}
    for context in ElementTree.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if message.findtext("translation"):
                words[(name, message.findtext("source"))] = message.findtext("translation")
    return words


GERMAN = _catalogue()


def german(context: str, text: str) -> str:
    """The window's German (its .ts catalogue) without Qt."""
    return GERMAN.get((context, text), text)


@pytest.fixture
def speaking():
    """`speaking("de")` / `speaking("en")`: the language the app shows from now on."""
    yield lambda language: i18n.install(german if language == "de" else None)
    i18n.install(None)


async def fail_one(sandbox, home: Path) -> Job:
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=1)
    try:
        job = engine.scheduler.submit(Job(Endpoint.CHAT, {"model": "nope",
                                                          "messages": [{"role": "user", "content": "x"}]}))
        await engine.scheduler.wait()
    finally:
        await engine.aclose()
    assert job.state is JobState.FAILED
    return job


@pytest.mark.asyncio
@pytest.mark.parametrize("recorded, later", [("de", "en"), ("en", "de")])
async def test_an_error_reads_in_the_language_shown_now(recorded, later, speaking, sandbox, home):
    words = {"en": ("Not found (404). The server said: ", "attempt 1"),
             "de": ("Nicht gefunden (404). Meldung des Servers: ", "Versuch 1")}
    speaking(recorded)
    job = await fail_one(sandbox, home)
    assert job.error.startswith(words[recorded][0])  # as shown when it happened

    speaking(later)
    store = JobStore.open_default(home)
    try:
        error = shown(store.get(job.id).error)
        steps = [shown(t.detail) for t in store.history(job.id)]
        found = store.jobs(search="Not found (404)")  # the stored words are English, whatever was shown
    finally:
        store.close()
    assert error.startswith(words[later][0] + SERVER_SAID)  # the server's words as it wrote them
    assert words[later][1] in steps and words[recorded][1] not in steps
    assert steps[-1] == SERVER_SAID
    assert [j.id for j in found] == [job.id]


def test_an_old_store_migrates_and_shows_its_errors_as_written(home, speaking):
    store = JobStore.open_default(home)
    job = store.add(Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "x"}]}))
    store.transition(job, JobState.WAITING, "Versuch 1", attempts=1)
    store.transition(job, JobState.FAILED, "no such model", error="Nicht gefunden (404).", error_kind="not_found")
    path = store.path
    store.close()
    with sqlite3.connect(path) as db:  # the file as version 4 wrote it: no recipes
        db.executescript("ALTER TABLE jobs DROP COLUMN error_recipe; ALTER TABLE transitions DROP COLUMN "
                         "detail_recipe; PRAGMA user_version=4;")
    db.close()

    speaking("en")
    store = JobStore(path)
    try:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] >= 5  # the recipes came with 5
        old = store.get(job.id)
        assert shown(old.error) == "Nicht gefunden (404)." and old.error_kind == "not_found"
        assert [shown(t.detail) for t in store.history(job.id)] == [None, "Versuch 1", "no such model"]
        assert [j.id for j in store.jobs(search="Nicht gefunden")] == [job.id]
        # New errors in the migrated file keep their recipe.
        speaking("de")
        again = store.add(Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "y"}]}))
        store.transition(again, JobState.FAILED, error=translate("scheduler", "Internal error: {reason}").format(
            reason="boom"))
        speaking("en")
        assert shown(store.get(again.id).error) == "Internal error: boom"
    finally:
        store.close()


def test_jobs_prints_english_for_a_job_recorded_in_german(home, speaking):
    speaking("de")
    store = JobStore.open_default(home)
    job = store.add(Job(Endpoint.CHAT, {"model": "nope", "messages": [{"role": "user", "content": "x"}]}))
    store.transition(job, JobState.WAITING, translate("scheduler", "attempt {number}").format(number=1), attempts=1)
    error = translate("errors", "Not found (404). The server said: {detail} Check the model name and that the "
                                "base URL points at the Queue API.").format(detail=SERVER_SAID)
    store.transition(job, JobState.FAILED, SERVER_SAID, error=error, error_kind="not_found", http_status=404)
    store.close()
    assert error.startswith("Nicht gefunden")

    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    table = subprocess.run([sys.executable, "-m", "gui", "jobs"], capture_output=True, text=True, env=env, timeout=60)
    listed = subprocess.run([sys.executable, "-m", "gui", "jobs", "--json"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert table.returncode == 0 and listed.returncode == 0, table.stderr + listed.stderr
    assert f"Not found (404). The server said: {SERVER_SAID}" in table.stdout and "Nicht" not in table.stdout
    [row] = json.loads(listed.stdout)
    assert row["error"] == english(error) and row["error"].startswith("Not found (404).")


@pytest.mark.asyncio
async def test_the_log_is_english_while_the_window_speaks_german(speaking, sandbox, home):
    log_file = logs.setup_file_logging(home)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file))
    try:
        speaking("de")
        await fail_one(sandbox, home)
        logging.getLogger("test").warning("%s", translate("store", "{locked} Job changes are kept and written "
                                                                   "once it is free.").format(locked="x"))
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "failed after 1 attempt(s): Not found (404). The server said: " + SERVER_SAID in text
    assert "x Job changes are kept and written once it is free." in text
    assert "Nicht gefunden" not in text and "Versuch" not in text


def test_a_recipe_survives_the_store_with_its_values_nested(speaking):
    speaking("de")
    failed = translate("jobs", "Failed")
    message = translate("recordings", "Piece {number} of {total} did not come back: {reason} Resubmit the "
                                      "recording to send only the missing pieces.").format(
        number=2, total=3, reason=failed)
    words, recipe = i18n.for_store(message)
    speaking("en")
    assert words == english(message) == shown(i18n.from_store(words, recipe))
    assert words.startswith("Piece 2 of 3 did not come back: Failed Resubmit")
    assert str(message).startswith("Teil 2 von 3 kam nicht zurück: Fehlgeschlagen")
    assert shown(i18n.from_store("plain words", None)) == "plain words"
    assert shown(i18n.from_store("kept", '{"c":"x","s":"{missing}","a":[],"k":{}}')) == "kept"  # a stale recipe


@pytest.mark.asyncio
async def test_a_batch_export_shows_errors_in_the_language_shown_and_results_jsonl_in_english(
        speaking, sandbox, home, tmp_path):
    import asyncio

    from gui.core.batch.export import export, snapshot
    from gui.core.batch.plan import BatchPlan, BatchSpec
    from gui.core.batch.run import run_plan
    from gui.core.batch.table import read_table

    source = tmp_path / "rows.csv"
    source.write_text("id,question\n1,Why?\n", encoding="utf-8")
    plan = BatchPlan(read_table(source), BatchSpec(Endpoint.CHAT, "nope", "{question}", ""), tmp_path / "out")
    speaking("de")
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=1)
    try:
        run = await asyncio.wait_for(run_plan(engine, plan), 60)
    finally:
        await engine.aclose()
    [line] = [json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["error"]["message"].startswith("Not found (404). The server said: " + SERVER_SAID)

    for language, words in (("de", "Nicht gefunden (404). Meldung des Servers: "), ("en", "Not found (404).")):
        speaking(language)
        csv_path, = export(snapshot(run), tmp_path / "out" / f"answers-{language}.csv", "csv")
        [row] = read_table(csv_path).rows
        assert row[4].startswith(words), (language, row)  # id, question, text, status, error…

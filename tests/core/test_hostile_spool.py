"""Big answers go to disk as they arrive (spool.py): saved whole and exact by renaming the
spooled file into place, made safe there as answers in memory are (key redacted, JSON
normalised), and a read that fails, a reply never saved or a killed process leaves no part
of an answer behind, least of all one posing as a result."""
from __future__ import annotations

import base64
import codecs
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_asyncio
from hostile import Answer, Hostile, json_answer

from gui.core.api.spool import SPOOL_ABOVE, SPOOL_FOLDER
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.result_images import image_files

pytestmark = pytest.mark.asyncio

KEY = "sk-secret-0123456789abcdef"
IMAGES = "/queue/images/generations"
CHAT_PATH = "/queue/chat/completions"


def image() -> Job:
    return Job(Endpoint.IMAGES, {"model": "gpt-image-1", "prompt": "a cat", "n": 3})


def chat() -> Job:
    return Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})


PICTURES = [b"\x89PNG\r\n\x1a\n" + os.urandom(SPOOL_ABOVE // 3) for _ in range(3)]  # together over the threshold
BODY = json.dumps({"created": 1, "data": [{"b64_json": base64.b64encode(p).decode()} for p in PICTURES]}).encode()


@pytest.fixture
def server():
    with Hostile() as server:
        yield server


@pytest_asyncio.fixture
async def engine(server, home):
    engine = Engine.open(server.origin + "/queue", KEY, home=home, max_attempts=1)
    yield engine
    await engine.aclose()


def spool_of(engine: Engine) -> Path:
    return engine.store.results_dir / SPOOL_FOLDER


def chunks(data: bytes, size: int = 1 << 20):
    return lambda: (data[i:i + size] for i in range(0, len(data), size))


ANSWERS = {
    "length-given": json_answer(BODY),
    "chunked": Answer(200, chunks(BODY), {"Content-Type": "application/json"}),
    "gzip": Answer(200, gzip.compress(BODY, 1), {"Content-Type": "application/json", "Content-Encoding": "gzip"}),
}


@pytest.mark.parametrize("kind", ANSWERS)
async def test_a_big_answer_is_saved_whole_through_the_spool_and_the_spool_is_left_empty(engine, server, kind):
    server.on(IMAGES, ANSWERS[kind])
    job = engine.scheduler.submit_many([image()])[0]
    await engine.scheduler.wait()
    stored = engine.store.get(job.id)
    assert stored.state is JobState.SUCCEEDED, stored.error
    raw = Path(stored.result_path)
    assert raw.read_bytes() == BODY
    assert [f.read_bytes() for f in image_files(raw.parent)] == PICTURES
    assert spool_of(engine).is_dir() and not list(spool_of(engine).iterdir())  # it went through, and is gone
    if os.name == "posix":
        assert raw.stat().st_mode & 0o777 == 0o600 and spool_of(engine).stat().st_mode & 0o777 == 0o700


async def test_a_spooled_answer_is_made_safe_like_one_in_memory(engine, server):
    # the key echoed, in UTF-16 with a BOM, with NaN: stored redacted, as UTF-8, with null
    text = json.dumps({"choices": [{"message": {"role": "assistant", "content": f"{KEY} " + "y" * SPOOL_ABOVE}}],
                       "usage": {"total_tokens": float("nan")}})
    server.on(CHAT_PATH, json_answer(codecs.BOM_UTF16_LE + text.encode("utf-16-le")))
    job = engine.scheduler.submit_many([chat()])[0]
    await engine.scheduler.wait()
    stored = engine.store.get(job.id)
    assert stored.state is JobState.SUCCEEDED, stored.error
    saved = Path(stored.result_path).read_bytes()
    assert KEY.encode() not in saved
    body = json.loads(saved.decode("utf-8"), parse_constant=pytest.fail)
    assert body["choices"][0]["message"]["content"].startswith("sk-…(redacted) yyy")
    assert body["usage"] == {"total_tokens": None}
    assert not list(spool_of(engine).iterdir())


async def test_a_read_that_breaks_off_leaves_no_partial_answer(engine, server):
    cut = BODY[: SPOOL_ABOVE + (2 << 20)]  # past the threshold, so it was being spooled
    server.on(IMAGES, Answer(200, chunks(cut), {"Content-Type": "application/json", "Content-Length": str(len(BODY))}))
    job = engine.scheduler.submit_many([image()])[0]
    await engine.scheduler.wait()
    stored = engine.store.get(job.id)
    assert stored.state is JobState.FAILED and stored.result_path is None
    folder = engine.store.results_dir / job.id
    assert not list(folder.glob("response.*")) and not image_files(folder)
    assert not list(spool_of(engine).iterdir())


async def test_a_spooled_answer_that_is_never_saved_is_removed(engine, server):
    # a chat answer that is not JSON: read to disk whole, then refused
    server.on(CHAT_PATH, Answer(200, b"z" * (SPOOL_ABOVE + 1000), {"Content-Type": "text/plain"}))
    job = engine.scheduler.submit_many([chat()])[0]
    await engine.scheduler.wait()
    assert engine.store.get(job.id).state is JobState.FAILED
    assert spool_of(engine).is_dir() and not list(spool_of(engine).iterdir())


CHILD = """
import asyncio, sys
from pathlib import Path
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job

async def main():
    engine = Engine.open(sys.argv[1], "sk-child-0123456789", home=Path(sys.argv[2]))
    engine.scheduler.submit_many([Job(Endpoint.IMAGES, {"model": "m", "prompt": "p"})])
    await engine.scheduler.wait()

asyncio.run(main())
"""


async def test_a_process_killed_while_reading_leaves_no_result_and_its_spool_is_cleared_at_the_next_start(
        server, home):
    def stalls():
        yield BODY[: SPOOL_ABOVE + (1 << 20)]
        time.sleep(60)  # the rest never comes: the reader is killed meanwhile

    server.on(IMAGES, Answer(200, stalls, {"Content-Type": "application/json", "Content-Length": str(len(BODY))}))
    child = subprocess.Popen([sys.executable, "-c", CHILD, server.origin + "/queue", str(home)])
    spool = home / "results" / SPOOL_FOLDER
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > SPOOL_ABOVE for p in spool.glob("*.part")):
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL) if os.name == "posix" else child.kill()
        child.wait()
    assert not list((home / "results").glob("*/response.*"))  # nothing posing as a result
    assert list(spool.glob("*.part"))
    engine = Engine.open(server.origin + "/queue", KEY, home=home)
    try:
        assert not list(spool.iterdir())
    finally:
        await engine.aclose()


BIG = "A" * (3 << 20)
SHAPES = {  # answers with big strings in every place JSON allows one, read without a whole text copy
    "in-a-list": [BIG, "small", {"k": BIG + "B"}],
    "top-level": BIG,
    "as-a-key": {BIG: 1, "x": [BIG]},
    "escaped": {"text": BIG + '\n"quoted" \\ back\\slash/ é ✓ \u2028'},
    "nested": {"a": [[[{"b": BIG}]]]},
}


@pytest.mark.parametrize("shape", SHAPES)
async def test_a_spooled_answer_with_big_strings_parses_to_the_same_value(tmp_path, shape):
    from gui.core.api import spool

    path = tmp_path / "answer.part"
    path.write_bytes(json.dumps(SHAPES[shape]).encode())  # escapes as \uXXXX, \n, \"
    content, parsed, kept = spool.load(str(path), "application/json", (KEY,))
    assert parsed == SHAPES[shape] and kept == str(path) and content == b""
    assert json.loads(path.read_bytes()) == SHAPES[shape]  # left as it came


async def test_a_spooled_answer_with_big_strings_is_made_safe_in_the_file(tmp_path):
    from gui.core.api import spool

    path = tmp_path / "answer.part"
    answer = '{"data": [{"b64_json": "%s"}], "note": "key %s", "big": "%s %s", "score": NaN}' % (BIG, KEY, BIG, KEY)
    path.write_text(answer)
    _, parsed, _ = spool.load(str(path), "application/json", (KEY,))
    expected = {"data": [{"b64_json": BIG}], "note": "key sk-…(redacted)", "big": f"{BIG} sk-…(redacted)", "score": None}
    assert parsed == expected
    assert json.loads(path.read_bytes().decode("utf-8"), parse_constant=pytest.fail) == expected


@pytest.mark.parametrize("broken", ['{"a": "%s\\q"}', '{"a": "%s\x01"}', '{"a": "%s"', '{"a": "%s" "b"}'])
async def test_a_spooled_answer_that_is_not_json_is_refused_and_removed(tmp_path, broken):
    from gui.core.api import spool

    path = tmp_path / "answer.part"
    path.write_text(broken % BIG)
    content, parsed, kept = spool.load(str(path), "application/json", (KEY,))
    assert parsed is None and kept is None and content.startswith(b'{"a": "AAA')
    assert not path.exists()

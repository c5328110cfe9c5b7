"""A paid answer is never thrown away: the raw response is written first, images are
decoded after it each on its own, and the job says how many were saved."""
from __future__ import annotations

import base64
import json

import pytest
import pytest_asyncio
from hostile import Answer, Hostile, json_answer

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.result_images import download_problems, image_files

pytestmark = pytest.mark.asyncio

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
IMAGE = Job(Endpoint.IMAGES, {"model": "gpt-image-1", "prompt": "a cat", "n": 3})


@pytest.fixture
def server():
    with Hostile() as server:
        yield server


@pytest_asyncio.fixture
async def engine(server, home):
    engine = Engine.open(server.origin + "/queue", "sk-test", home=home)
    yield engine
    await engine.aclose()


async def test_one_bad_image_keeps_the_answer_and_the_others(engine, server):
    good = base64.b64encode(PNG).decode()
    server.on("/queue/images/generations", json_answer(json.dumps(
        {"created": 1, "data": [{"b64_json": good}, {"b64_json": "not base64!"}, {"b64_json": good}]}).encode()))
    job = engine.scheduler.submit_many([IMAGE])[0]
    await engine.scheduler.wait()
    stored = engine.store.get(job.id)
    assert stored.state is JobState.SUCCEEDED
    folder = engine.store.results_dir / job.id
    assert (folder / "response.json").exists()
    assert [p.name for p in image_files(folder)] == ["image-1.png", "image-3.png"]
    assert "base64" in download_problems(folder)[2]
    assert any(t.detail == "2 of 3 images saved" for t in engine.store.history(job.id))


async def test_image_links_on_another_origin_are_fetched_without_the_key(engine, server):
    with Hostile() as cdn:
        cdn.on("/a.png", Answer(200, PNG, {"Content-Type": "image/png"}))
        server.on("/queue/images/generations", json_answer(json.dumps(
            {"created": 1, "data": [{"url": cdn.origin + "/a.png"}]}).encode()))
        job = engine.scheduler.submit_many([IMAGE])[0]
        await engine.scheduler.wait()
    assert image_files(engine.store.results_dir / job.id)
    assert cdn.keys_seen() == [""]

"""A recording sent in pieces: one job the user sees, the pieces through the same scheduler
against the sandbox over real HTTP, the result on one time line; cancel cancels the pieces;
a stop in the middle resumes with the pieces already done."""
from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
import pytest_asyncio
from media import speech_like, write_media

from gui.core.builders.media_bodies import audio_request
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def engine(sandbox, tmp_path):
    engine = Engine.open(sandbox.url, "sk-test", home=tmp_path / "home", concurrency=4)
    engine.scheduler.recordings.max_bytes = 25 * 2**20
    engine.scheduler.recordings.piece_seconds = 20
    yield engine
    await engine.aclose()


def transcriptions(sandbox) -> list:
    return [r for r in sandbox.requests if r.method == "POST" and r.path.endswith("/audio/transcriptions")]


def recording_job(path: Path, response_format: str = "srt") -> Job:
    body, uploads = audio_request(Endpoint.TRANSCRIPTIONS, path, "whisper-large-v3", response_format=response_format)
    return Job(Endpoint.TRANSCRIPTIONS, body, uploads)


async def test_a_video_goes_as_sound_in_pieces_and_comes_back_on_one_time_line(engine, sandbox, tmp_path):
    video = write_media(tmp_path / "meeting.mp4", speech_like(75))
    job = engine.scheduler.submit(recording_job(video))
    seen: list[tuple[int, int]] = []
    engine.scheduler.subscribe(lambda j: j.id == job.id and j.pieces and seen.append(j.pieces))
    await engine.scheduler.wait()

    assert job.state is JobState.SUCCEEDED, job.error
    pieces = engine.store.jobs(pieces_of=job.id)
    assert len(pieces) >= 3 and all(p.state is JobState.SUCCEEDED for p in pieces)
    assert all(p.uploads[0].path.endswith(".ogg") for p in pieces)  # sound only, never the video
    assert seen[-1] == (len(pieces), len(pieces)) and seen[0][0] < len(pieces)
    assert seen[0][1] < len(pieces)  # the first piece went out while the rest were still being cut
    assert [j.id for j in engine.store.jobs()] == [job.id]  # the history shows the recording, not its pieces
    assert len(transcriptions(sandbox)) == len(pieces)
    folder = Path(job.result_path).parent
    whole = json.loads(Path(job.result_path).read_text())
    assert whole["duration"] == pytest.approx(75, abs=0.1)
    assert whole["segments"][-1]["end"] == pytest.approx(75, abs=0.2)
    srt = (folder / "transcript.srt").read_text()
    assert "00:01:1" in srt  # the last cues sit past the first minute, on the recording's clock
    assert (folder / "transcript.txt").read_text().strip() == whole["text"]
    assert not (folder / "pieces").exists()  # the cut audio goes once the recording is finished
    engine.store.delete([job.id])  # removed from the history: its pieces and their answers go with it
    assert engine.store.jobs(pieces_of=job.id) == [] and not any(
        (engine.store.results_dir / p.id).exists() for p in pieces)


async def test_a_listed_audio_file_under_the_limit_goes_whole(engine, tmp_path):
    wav = write_media(tmp_path / "short.wav", speech_like(5))
    job = engine.scheduler.submit(recording_job(wav, "json"))
    await engine.scheduler.wait()
    assert job.state is JobState.SUCCEEDED and engine.store.jobs(pieces_of=job.id) == []


async def test_cancelling_the_recording_cancels_its_pieces(engine, sandbox, tmp_path):
    sandbox.config.latency = 5.0
    job = engine.scheduler.submit(recording_job(write_media(tmp_path / "long.mkv", speech_like(70))))
    for _ in range(400):
        await asyncio.sleep(0.025)
        if job.state is JobState.WAITING:
            break
    assert job.state is JobState.WAITING
    engine.scheduler.cancel(job.id)
    await engine.scheduler.wait()
    assert job.state is JobState.CANCELLED
    assert {p.state for p in engine.store.jobs(pieces_of=job.id)} == {JobState.CANCELLED}


async def test_a_stopped_recording_resumes_with_the_pieces_already_done(sandbox, tmp_path):
    home = tmp_path / "home"
    recording = write_media(tmp_path / "long.wma", speech_like(100))  # not a listed type: always in pieces
    sandbox.config.latency = 0.4  # one piece at a time, slowly enough to stop in the middle
    first = Engine.open(sandbox.url, "sk-test", home=home, concurrency=1)
    first.scheduler.recordings.piece_seconds = 20
    job = first.scheduler.submit(recording_job(recording))
    for _ in range(600):  # until two pieces are back
        await asyncio.sleep(0.025)
        if job.pieces and job.pieces[0] >= 2:
            break
    assert job.pieces and job.pieces[0] >= 2
    await first.aclose()  # the app closes in the middle

    second = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    second.scheduler.recordings.piece_seconds = 20
    again = second.store.get(job.id)
    assert again.state is JobState.INTERRUPTED
    finished = {p.id for p in second.store.jobs(pieces_of=job.id) if p.state is JobState.SUCCEEDED}
    assert len(finished) >= 2
    sandbox.config.latency = 0.0
    resubmitted = time.time()
    second.scheduler.submit(again)
    await second.scheduler.wait()
    await second.aclose()
    assert again.state is JobState.SUCCEEDED, again.error
    reopened = Engine.open(sandbox.url, "sk-test", home=home)
    pieces = reopened.store.jobs(pieces_of=job.id)
    assert len(pieces) == 5 and all(p.state is JobState.SUCCEEDED for p in pieces)
    sent_again = [r for r in transcriptions(sandbox) if r.started >= resubmitted]
    assert len(sent_again) == len(pieces) - len(finished)  # only the missing ones
    # Pieces that were done before the stop were not sent again: one attempt each.
    assert all(p.attempts == 1 for p in pieces if p.id in finished)
    whole = json.loads(Path(reopened.store.get(job.id).result_path).read_text())
    assert whole["duration"] == pytest.approx(100, abs=0.1)
    await reopened.aclose()


RUN_ONE = """
import asyncio, sys
from pathlib import Path
from gui.core.builders.media_bodies import audio_request
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job

async def main(url, home, path):
    engine = Engine.open(url, "sk-test", home=Path(home), concurrency=1)
    engine.scheduler.recordings.piece_seconds = 20
    body, uploads = audio_request(Endpoint.TRANSCRIPTIONS, path, "whisper-large-v3", response_format="srt")
    job = engine.scheduler.submit(Job(Endpoint.TRANSCRIPTIONS, body, uploads))
    print(job.id, flush=True)
    await engine.scheduler.wait()

asyncio.run(main(*sys.argv[1:]))
"""


async def test_a_killed_recording_resumes_without_sending_finished_pieces_again(sandbox, tmp_path):
    import signal
    import subprocess
    import sys

    from gui.core.jobs.store import JobStore

    home = tmp_path / "home"
    recording = write_media(tmp_path / "meeting.mkv", speech_like(100))
    sandbox.config.latency = 0.3
    child = subprocess.Popen([sys.executable, "-c", RUN_ONE, sandbox.url, str(home), str(recording)],
                             stdout=subprocess.PIPE, text=True)
    job_id = child.stdout.readline().strip()
    store = JobStore.open_default(home)
    for _ in range(400):  # kill -9 once two pieces are back
        await asyncio.sleep(0.05)
        if sum(p.state is JobState.SUCCEEDED for p in store.jobs(pieces_of=job_id)) >= 2:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    store.close()

    sandbox.config.latency = 0.0
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    engine.scheduler.recordings.piece_seconds = 20
    interrupted, _ = engine.store.recover()
    recording_job = engine.store.get(job_id)
    assert recording_job.id in {j.id for j in interrupted} and recording_job.state is JobState.INTERRUPTED
    done = {p.id for p in engine.store.jobs(pieces_of=job_id) if p.state is JobState.SUCCEEDED}
    assert len(done) >= 2
    resumed = time.time()
    engine.scheduler.submit(recording_job)
    await engine.scheduler.wait()
    assert recording_job.state is JobState.SUCCEEDED, recording_job.error
    pieces = engine.store.jobs(pieces_of=job_id)
    assert len(pieces) == 5 and all(p.state is JobState.SUCCEEDED for p in pieces)
    assert len([r for r in transcriptions(sandbox) if r.started >= resumed]) == len(pieces) - len(done)
    assert json.loads(Path(recording_job.result_path).read_text())["duration"] == pytest.approx(100, abs=0.1)
    await engine.aclose()

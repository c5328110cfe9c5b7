"""The watch folder: a new audio file is transcribed once; the same content under another
name, a second look, or a restart does not send it again; a file still growing waits."""
from __future__ import annotations

import asyncio
import shutil
import threading

import pytest
import pytest_asyncio
from media import wav

from gui.core.batch.watch_folder import WatchFolder, WatchSettings, state_path
from gui.core.engine import Engine

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def engine(sandbox, home):
    engine = Engine.open(sandbox.url, "sk-test", home=home, concurrency=4)
    yield engine
    await engine.aclose()


def uploads(sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.method == "POST" and r.path.endswith("/audio/transcriptions"))


async def settle_and_scan(watch: WatchFolder) -> list:
    await watch.scan()  # first sight: size noted
    await asyncio.sleep(watch.settings.settle + 0.05)
    jobs = await watch.scan()
    await watch.engine.scheduler.wait()
    await asyncio.sleep(0)
    return jobs


async def test_a_new_file_is_transcribed_once(engine, sandbox, home, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = WatchSettings(inbox, "whisper-large-v3", settle=0.2)
    state = state_path(home, inbox)
    watch = WatchFolder(engine, settings, state)
    try:
        assert await settle_and_scan(watch) == []  # empty folder
        (inbox / "meeting.wav").write_bytes(wav(1.0))
        (inbox / "notes.txt").write_text("not audio")
        jobs = await settle_and_scan(watch)
        assert len(jobs) == 1 and jobs[0].state.value == "succeeded"
        transcript = inbox / "meeting.transcript.txt"
        assert transcript.read_text().strip() and uploads(sandbox) == 1

        assert await settle_and_scan(watch) == []  # seen: not again
        shutil.copy(inbox / "meeting.wav", inbox / "copy of meeting.wav")
        assert await settle_and_scan(watch) == []  # same content, other name: recognised by its hash
        assert uploads(sandbox) == 1
    finally:
        watch.close()

    # After a restart the state file remembers; a new recording is picked up.
    watch = WatchFolder(engine, settings, state)
    try:
        assert await settle_and_scan(watch) == []
        (inbox / "second.wav").write_bytes(wav(0.5, tone=7))
        assert len(await settle_and_scan(watch)) == 1
        assert uploads(sandbox) == 2 and (inbox / "second.transcript.txt").exists()
    finally:
        watch.close()


async def test_results_can_go_to_an_output_folder_and_hashing_is_off_the_loop(engine, sandbox, home, tmp_path,
                                                                             monkeypatch):
    import gui.core.batch.watch_folder as module

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    threads = []
    real_hash = module.file_hash
    monkeypatch.setattr(module, "file_hash", lambda p: threads.append(threading.current_thread()) or real_hash(p))
    watch = WatchFolder(engine, WatchSettings(inbox, "whisper-large-v3", out_dir=out, settle=0.1,
                                              params={"response_format": "srt"}), state_path(home, inbox))
    try:
        (inbox / "talk.mp3").write_bytes(b"ID3" + bytes(5000))
        assert len(await settle_and_scan(watch)) == 1
        assert sorted(p.name for p in out.iterdir()) == ["talk.transcript.srt", "talk.transcript.txt"]
        assert threads and all(t is not threading.main_thread() for t in threads)
    finally:
        watch.close()


async def test_a_file_still_being_written_waits(engine, sandbox, home, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watch = WatchFolder(engine, WatchSettings(inbox, "whisper-large-v3", settle=0.3), state_path(home, inbox))
    try:
        target = inbox / "growing.wav"
        target.write_bytes(wav(0.2))
        await watch.scan()
        await asyncio.sleep(0.2)
        with target.open("ab") as f:
            f.write(bytes(4000))  # still being copied
        assert await watch.scan() == []
        assert len(await settle_and_scan(watch)) == 1
    finally:
        watch.close()

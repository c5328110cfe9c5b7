"""Child process for B7: one long recording through the engine against the sandbox, with
the given number of jobs at once (and piece length and upload limit in MiB, default the
app's). Prints {"seconds", "pieces"}: from submit to the stitched
transcript on disk."""
from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gui.core.builders.media_bodies import audio_request  # noqa: E402
from gui.core.endpoints import Endpoint  # noqa: E402
from gui.core.engine import Engine  # noqa: E402
from gui.core.jobs.job import Job, JobState  # noqa: E402


async def main(url: str, source: str, concurrency: int, piece_seconds: float | None,
               max_mib: float | None) -> dict:
    with tempfile.TemporaryDirectory() as home:
        engine = Engine.open(url, "sk-bench", home=Path(home), concurrency=concurrency)
        engine.scheduler.recordings.piece_seconds = piece_seconds
        if max_mib is not None:
            engine.scheduler.recordings.max_bytes = int(max_mib * 2**20)
        body, uploads = audio_request(Endpoint.TRANSCRIPTIONS, source, "whisper-large-v3", response_format="srt")
        started = time.perf_counter()
        job = engine.scheduler.submit(Job(Endpoint.TRANSCRIPTIONS, body, uploads))
        await engine.scheduler.wait()
        seconds = time.perf_counter() - started
        pieces = len(engine.store.jobs(pieces_of=job.id))
        await engine.aclose()
        if job.state is not JobState.SUCCEEDED:
            raise SystemExit(f"the recording failed: {job.error}")
        return {"seconds": seconds, "pieces": pieces}


if __name__ == "__main__":
    piece_seconds = float(sys.argv[4]) if len(sys.argv) > 4 else None
    max_mib = float(sys.argv[5]) if len(sys.argv) > 5 else None
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), piece_seconds, max_mib))))

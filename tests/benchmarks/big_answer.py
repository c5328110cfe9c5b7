"""Benchmark child: one image job whose legitimate answer is big (base64 images) goes
through the engine (read, parse, save the raw answer, decode the images); prints this
process's peak resident memory and whether every image was saved intact.

usage: big_answer.py URL IMAGES SHA256_OF_EACH_IMAGE"""
from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from common import status_mb

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState


async def main(url: str, images: int, digest: str) -> dict:
    with tempfile.TemporaryDirectory() as home:
        engine = Engine.open(url, "sk-bench-0123456789", home=Path(home))
        started = time.perf_counter()
        try:
            job = engine.scheduler.submit_many([Job(Endpoint.IMAGES, {"model": "m", "prompt": "p", "n": images})])[0]
            await engine.scheduler.wait()
            seconds = time.perf_counter() - started
            stored = engine.store.get(job.id)
            files = sorted(Path(home, "results", job.id).glob("image-*"))
            intact = (stored.state is JobState.SUCCEEDED and len(files) == images
                      and all(hashlib.sha256(f.read_bytes()).hexdigest() == digest for f in files))
        finally:
            await engine.aclose()
    return {"saved": intact, "seconds": seconds, "peak_rss_mb": status_mb("VmHWM")}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))))

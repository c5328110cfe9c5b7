"""Child process for B5: stream one large audio file to the sandbox through the engine's
client; report peak resident memory growth and throughput.

usage: upload.py URL PATH"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def main(url: str, path: str) -> dict:
    from gui.core.api.client import QueueClient
    from gui.core.api.wire import Request, Upload
    from gui.core.endpoints import Endpoint

    size = os.path.getsize(path)
    async with QueueClient(url, "sk-bench") as client:
        # Warm up (imports, connection) so the baseline holds everything but the upload.
        await client.send(Request(Endpoint.MODELS))
        before = rss_mb()
        peak = [before]
        done = threading.Event()

        def sample() -> None:  # RSS sampled every 10 ms while the upload runs
            while not done.wait(0.01):
                peak[0] = max(peak[0], rss_mb())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        reply = await client.send(Request(Endpoint.TRANSCRIPTIONS, {"model": "whisper-large-v3"},
                                          [Upload("file", path)]))
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    assert reply.status == 200
    return {"growth_mb": peak[0] - before, "mb_per_s": size / 1e6 / seconds}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2]))))

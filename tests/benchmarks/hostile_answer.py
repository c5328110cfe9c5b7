"""Benchmark child: one chat request to a hostile server whose answer is too big; prints
the peak resident memory of this process while the answer is refused, and whether it was
refused with nothing left in the spool folder.

usage: hostile_answer.py URL LIMIT_MB"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time

from common import status_mb

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError


async def main(url: str, limit_mb: int) -> dict:
    request = Request(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as spool:  # as the engine's client: big answers go to disk
        async with QueueClient(url, "sk-bench", max_answer_mb=limit_mb, spool=spool) as client:
            try:
                await client.send(request)
                refused = False
            except QueueError as error:
                refused = "Largest answer" in error.message
        left = os.listdir(spool)
    return {"refused": refused and not left, "seconds": time.perf_counter() - started,
            "peak_rss_mb": status_mb("VmHWM")}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2])))))

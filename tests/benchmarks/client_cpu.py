"""Child process for B1: CPU time per job for one client on a plain asyncio loop.

usage: client_cpu.py engine|sdk URL ROWS CONCURRENCY"""
from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

MODEL = "Llama-3.3-70B-Instruct"


def write_rows(path: Path, rows: int) -> None:
    with path.open("w") as f:
        for i in range(rows):
            body = {"model": MODEL, "messages": [{"role": "user", "content": f"question {i}"}]}
            f.write(json.dumps({"custom_id": f"r{i}", "method": "POST", "url": "/v1/chat/completions",
                                "body": body}) + "\n")


async def engine(url: str, rows: int, concurrency: int) -> float:
    """The headless engine exactly as `queue-desk batch` runs it."""
    from gui.core.batch.headless import make_plan, run_headless
    from gui.core.engine import Engine

    work = Path(tempfile.mkdtemp())
    write_rows(work / "in.jsonl", rows)
    eng = Engine.open(url, "sk-bench", home=work / "home", concurrency=concurrency)
    await eng.client.open()  # the HTTP stack made before measuring, as the SDK's client is
    started = time.process_time()
    result = await run_headless(eng, make_plan(work / "in.jsonl", work / "out"), None)
    ok, failed = result.succeeded, result.failed
    cpu = time.process_time() - started
    await eng.aclose()
    assert ok == rows and failed == 0, (ok, failed)
    return cpu


async def sdk(url: str, rows: int, concurrency: int) -> float:
    """The provider's documented batch recipe: the OpenAI SDK and asyncio.gather."""
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=url, api_key="sk-bench")
    limit = asyncio.Semaphore(concurrency)

    async def one(i: int):
        async with limit:
            return await client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": f"question {i}"}])

    started = time.process_time()
    answers = await asyncio.gather(*(one(i) for i in range(rows)))
    cpu = time.process_time() - started
    await client.close()
    assert len(answers) == rows
    return cpu


if __name__ == "__main__":
    kind, url, rows, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    cpu = asyncio.run({"engine": engine, "sdk": sdk}[kind](url, rows, concurrency))
    print(json.dumps({"cpu_per_job_ms": cpu / rows * 1000}))

"""Child process for B9: a big batch through the headless engine, as `queue-desk batch` runs it.

usage: csv_batch.py make FOLDER ROWS              write in.csv and the same rows as in.jsonl
       csv_batch.py run URL INPUT OUT [csv]       run the batch; CPU per row, peak memory,
                                                  and (with csv) the time of the CSV export
       csv_batch.py writer EXPORTED TARGET        Python's csv module writing the rows and
                                                  columns of EXPORTED to TARGET (timed per
                                                  chunk read, so the rows need not fit in memory)"""
from __future__ import annotations

import asyncio
import csv
import json
import resource
import sys
import time
from pathlib import Path

MODEL = "Llama-3.3-70B-Instruct"
TEMPLATE = "{question}"
CONCURRENCY = 64
WRITER_CHUNK = 50_000


def make(folder: Path, rows: int) -> None:
    """Short prompts; the JSONL asks exactly what the CSV's rows render to."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "in.csv").open("w", newline="", encoding="utf-8") as table, \
            (folder / "in.jsonl").open("w", encoding="utf-8") as lines:
        out = csv.writer(table)
        out.writerow(["question"])
        for i in range(1, rows + 1):
            question = f"question {i}"
            out.writerow([question])
            body = {"model": MODEL, "messages": [{"role": "user", "content": question}]}
            lines.write(json.dumps({"custom_id": f"row-{i}", "method": "POST", "url": "/v1/chat/completions",
                                    "body": body}) + "\n")


async def run(url: str, source: Path, out: Path, export_csv: bool) -> dict:
    from gui.core.batch.export import export, snapshot
    from gui.core.batch.headless import make_plan
    from gui.core.batch.run import BatchRun
    from gui.core.engine import Engine

    home = out.parent / (out.name + "-home")
    eng = Engine.open(url, "sk-bench", home=home, concurrency=CONCURRENCY)
    await eng.client.open()  # the HTTP stack made before measuring, as in B1
    started, wall = time.process_time(), time.perf_counter()
    plan = make_plan(source, out, model=MODEL, template=TEMPLATE)  # reading the input is part of the cost
    rows = len(plan)
    batch = await BatchRun.open(eng, plan)
    batch.start()
    await batch.wait()
    cpu, seconds = time.process_time() - started, time.perf_counter() - wall
    progress = batch.progress()
    assert progress.done == rows and progress.failed == 0, progress
    result = {"rows": rows, "cpu_per_row_ms": cpu / rows * 1000, "run_s": seconds}
    if export_csv:
        started = time.perf_counter()
        export(snapshot(batch), out / "export.csv", "csv")
        result["export_s"] = time.perf_counter() - started
    await eng.aclose()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def writer(exported: Path, target: Path) -> dict:
    seconds = 0.0
    with exported.open(newline="", encoding="utf-8-sig") as source, target.open("w", newline="", encoding="utf-8") as f:
        rows = csv.reader(source)
        out = csv.writer(f)
        while True:
            chunk = [row for _, row in zip(range(WRITER_CHUNK), rows)]
            if not chunk:
                break
            started = time.perf_counter()
            out.writerows(chunk)
            seconds += time.perf_counter() - started
        started = time.perf_counter()
        f.flush()
    seconds += time.perf_counter() - started
    return {"writer_s": seconds}


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make":
        make(Path(args[0]), int(args[1]))
        print(json.dumps({}))
    elif command == "run":
        print(json.dumps(asyncio.run(run(args[0], Path(args[1]), Path(args[2]), args[3:] == ["csv"]))))
    else:
        print(json.dumps(writer(Path(args[0]), Path(args[1]))))

"""Child process for B2/B3: the GUI process runs a batch offscreen with the job table live,
on the app's event loop; a 10 ms heartbeat timer measures how late the event loop answers.

usage: gui_batch.py URL ROWS CONCURRENCY"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.ui.runtime import event_loop  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from client_cpu import write_rows  # noqa: E402
from heartbeat import Heartbeat  # noqa: E402

HEARTBEAT_MS = 10


async def main(url: str, rows: int, concurrency: int) -> dict:
    from gui.core.batch.headless import make_plan, run_headless
    from gui.core.engine import Engine
    from gui.ui.window.main_window import MainWindow

    work = Path(tempfile.mkdtemp())
    os.environ["QUEUE_DESK_HOME"] = str(work / "home")
    write_rows(work / "in.jsonl", rows)
    engine = Engine.open(url, "sk-bench", home=work / "home", concurrency=concurrency)
    window = MainWindow(engine, "Benchmark")
    window.resize(1280, 800)
    window.show()
    # The HTTP stack is made before measuring, as the SDK's client is; in the app the model
    # list has made it moments after start-up, long before an analyst starts a batch.
    await engine.client.open()

    heartbeat = Heartbeat(HEARTBEAT_MS)
    heartbeat.start()
    started = time.process_time()
    # The file is read in a worker thread, as the Batch dialog reads it (not on the event loop).
    plan = await asyncio.get_running_loop().run_in_executor(None, make_plan, work / "in.jsonl", work / "out")
    result = await run_headless(engine, plan, None)
    ok, failed = result.succeeded, result.failed
    cpu = time.process_time() - started
    heartbeat.stop()
    window.close_without_asking()
    await engine.aclose()
    assert ok == rows and failed == 0, (ok, failed)
    lateness = sorted(heartbeat.lateness)
    return {"cpu_per_job_ms": cpu / rows * 1000, "p99_ms": lateness[int(len(lateness) * 0.99)],
            "max_ms": lateness[-1], "beats": len(lateness)}


if __name__ == "__main__":
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    app.setOrganizationName("Queue Desk")
    app.setApplicationName("Queue Desk Benchmark")
    result = event_loop.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
    print(json.dumps(result))

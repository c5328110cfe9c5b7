"""Child process for B9: the Batch dialog opening a big input offscreen. Times from choosing
the file to the preview showing its first row, and to the row count; a 10 ms heartbeat
timer measures how late the event loop answers while the rows are counted.

usage: batch_dialog.py INPUT"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

from heartbeat import Heartbeat  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.ui.runtime import event_loop  # noqa: E402

HEARTBEAT_MS = 10


async def main(source: Path) -> dict:
    from gui.ui.batch.dialog import BatchDialog
    from gui.ui.widgets.model_picker import ModelCatalog

    catalog = ModelCatalog(None, blocker="benchmark: no server")  # type: ignore[arg-type]
    dialog = BatchDialog(catalog)
    dialog.template_edit.setPlainText("Answer briefly: {question}")
    dialog.show()
    await asyncio.sleep(0.2)  # shown and settled before the file is chosen

    heartbeat = Heartbeat(HEARTBEAT_MS)
    shown, counted = asyncio.Event(), asyncio.Event()
    times: dict[str, float] = {}

    def on_shown() -> None:
        times["preview_s"] = time.perf_counter() - started
        times["previewed"] = "Answer briefly: question 1" in dialog.preview.toPlainText()
        heartbeat.start()  # from here the rows are counted
        shown.set()

    def on_counted() -> None:
        times["count_s"] = time.perf_counter() - started
        times["rows_label"] = dialog.info_label.text()
        heartbeat.stop()
        counted.set()

    dialog.tableLoaded.connect(on_shown)
    dialog.rowsCounted.connect(on_counted)
    started = time.perf_counter()
    dialog.load(source)
    await shown.wait()
    await counted.wait()
    dialog.close()
    return {**times, "max_lateness_ms": max(heartbeat.lateness, default=0.0), "beats": len(heartbeat.lateness)}


if __name__ == "__main__":
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    print(json.dumps(event_loop.run(main(Path(sys.argv[1])))))

"""Child process for B4: a window over a big job history.

usage: history.py bare | app HOME   — prints start-up time, RSS, filter and scroll timings"""
from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()  # as early as the process can measure
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return {"startup_s": time.perf_counter() - STARTED}


def with_history(home: str) -> dict:
    os.environ["QUEUE_DESK_HOME"] = home
    from PySide6.QtWidgets import QApplication

    import qasync
    from gui.core.engine import Engine
    from gui.ui.main_window import MainWindow

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app, already_running=False)
    import asyncio

    asyncio.set_event_loop(loop)
    engine = Engine.open("http://127.0.0.1:9/queue", "sk-bench")
    window = MainWindow(engine, "Benchmark")
    window.resize(1280, 800)
    window.show()
    # "Shown" is the real window with the newest jobs painted in its table. Rows that
    # arrive during an event-loop pass (the view asks for them) are painted in the next.
    waiting = window.model.rowCount() == 0 and window.model.canFetchMore()
    app.processEvents()
    while waiting:
        waiting = window.model.rowCount() == 0
        app.processEvents()
    result = {"startup_s": time.perf_counter() - STARTED, "rss_mb": rss_mb()}
    newest = engine.store.next_seq() - 1
    top = window.jobs.proxy.index(0, 0).data(window.model.JobRole) if window.model.rowCount() else None
    if not window.isVisible() or (newest and (top is None or top.seq != newest)):
        raise SystemExit("the window was not showing the newest job when start-up was measured")

    panel = window.jobs
    started = time.perf_counter()
    panel.filter_edit.blockSignals(True)  # skip the typing debounce: filter right now
    panel.filter_edit.setText("question 4242")
    panel._apply_filter()
    app.processEvents()
    result["filter_s"] = time.perf_counter() - started
    result["filter_rows"] = panel.proxy.rowCount()
    panel.filter_edit.setText("")
    panel._apply_filter()
    app.processEvents()

    bar = panel.view.verticalScrollBar()
    worst, steps = 0.0, 0
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        before = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()  # lets the view fetch more rows when it nears the end
        worst = max(worst, time.perf_counter() - before)
        steps += 1
        if bar.value() >= bar.maximum() and not window.model.canFetchMore():
            break
    result.update(scroll_worst_frame_s=worst, scroll_steps=steps, rows=window.model.rowCount())
    window._confirmed_close = True
    window.close()
    return result


if __name__ == "__main__":
    out = bare() if sys.argv[1] == "bare" else with_history(sys.argv[2])
    print(json.dumps(out))
